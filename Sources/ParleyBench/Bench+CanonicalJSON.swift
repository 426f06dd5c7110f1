// parley-bench: throughput of RFC 8785 canonical JSON on entries shaped like Parley's
// (~0.5 KB objects of short strings, integers and some Cyrillic text), in MB/s of output.
import Foundation
import ParleyCore
import ParleyRecord

/// Rows for the canonical JSON figures: `encode(JSONValue)` and `canonicalize(text)`.
func benchCanonicalJSON() -> [(label: String, value: String)] {
    let entries = (0..<1000).map(sampleEntry)
    // Entries as a client would send them: valid JSON, members not in canonical order.
    let texts = entries.map { try! JSONEncoder().encode($0) }.map { [UInt8]($0) }

    var buffer: [UInt8] = []
    buffer.reserveCapacity(4096)
    let encodeRate = measureThroughput { entry in
        buffer.removeAll(keepingCapacity: true)
        try! CanonicalJSON.encode(entries[entry], into: &buffer)
        return buffer.count
    }
    let canonicalizeRate = measureThroughput { entry in
        try! CanonicalJSON.canonicalize(texts[entry]).count
    }
    // The store's own path: an Entry value (Codable) to its canonical bytes.
    let raised = try! JSONDecoder().decode(Entry.self, from: Data(sampleRaisedIrritant.utf8))
    let codableRate = measureThroughput { _ in try! CanonicalJSON.encode(raised).count }
    // What `verify` asks of every stored entry: are these bytes already canonical?
    let encoded = entries.map { try! CanonicalJSON.encode($0) }
    let checkRate = measureThroughput { entry in CanonicalJSON.isCanonical(encoded[entry]) ? encoded[entry].count : 0 }
    let averageSize = entries.reduce(0) { $0 + (try! CanonicalJSON.encode($1)).count } / entries.count
    return [
        ("canonical JSON encode (\(averageSize) B entries)", String(format: "%.0f MB/s", encodeRate)),
        ("canonicalize from text (parse + encode)", String(format: "%.0f MB/s", canonicalizeRate)),
        ("check bytes are canonical (what verify does per entry)", String(format: "%.0f MB/s", checkRate)),
        (
            "canonical JSON of an Entry value (Codable, \(sampleRaisedIrritant.utf8.count) B)",
            String(format: "%.0f MB/s", codableRate)
        ),
    ]
}

/// Runs `body` over the 1,000 entries in rounds for about a second and returns the median
/// round's output MB/s; the median keeps a build running on the other core from skewing it.
private func measureThroughput(_ body: (Int) -> Int) -> Double {
    for i in 0..<1000 { _ = body(i) }  // warm-up
    let clock = ContinuousClock()
    let start = clock.now
    var rates: [Double] = []
    repeat {
        let roundStart = clock.now
        var bytes = 0
        for i in 0..<1000 { bytes &+= body(i) }
        rates.append(Double(bytes) / seconds(clock.now - roundStart) / 1_000_000)
    } while clock.now - start < .seconds(1)
    rates.sort()
    return rates[rates.count / 2]
}

private func sampleEntry(_ i: Int) -> JSONValue {
    let kinds = ["irritant.raised", "meeting.held", "note.added", "commitment.recorded", "text.proposed"]
    let roles = ["negotiator", "lead", "observer", "secretariat"]
    let parties = ["north", "south", "east-delegation", "west"]
    let english =
        "The delegation notes that the inspection regime agreed in March has not been applied "
        + "at the northern crossing; shipments were held for up to \(i % 9 + 2) days without notice. "
    let russian = "Делегация отмечает задержки на северном пункте пропуска и просит разъяснений. "
    let summary = i % 3 == 0 ? english + russian : english + "Follow-up requested before the next session (#\(i))."
    return [
        "v": 1,
        "log": .string("mechanism/border-trade-\(i % 7)"),
        "index": .number(Double(10_000 + i * 37)),
        "at": .string("2025-02-\(10 + i % 18)T09:\(10 + i % 50):00Z"),
        "actor": [
            "account": .string("account-\(i % 41)"),
            "party": .string(parties[i % parties.count]),
            "role": .string(roles[i % roles.count]),
        ],
        "kind": .string(kinds[i % kinds.count]),
        "data": [
            "title": .string("Delays at crossing \(i % 13): \"held\" shipments"),
            "summary": .string(summary),
            "track": .string(i % 2 == 0 ? "trade" : "customs/inspections"),
            "refs": .array([.number(Double(i)), .number(Double(i * 3 + 1))]),
        ],
    ]
}

/// An irritant.raised entry as the store bench appends it.
private let sampleRaisedIrritant = """
    {"actor":{"account":"24990b5d-610c-4a8e-bdee-ed8a738754a0","party":"8cca0eb1-85a6-43cd-b8be-44b52bd00e57",\
    "role":"negotiator"},"at":"2026-12-06T23:53:37Z","data":{"description":"Staffing and visas of diplomatic \
    missions. Staffing and visas of diplomatic missions. Staffing and visas of diplomatic missions. Staffing and \
    visas of diplomatic missions.","id":"a78d2258-d923-426c-8c00-34b13415f4ee",\
    "raisedBy":"8cca0eb1-85a6-43cd-b8be-44b52bd00e57","reference":"IRR-3000","title":"Irritant 0-2999 raised by \
    the benchmark"},"index":3002,"kind":"irritant.raised","log":"mechanism/508c8e61-400b-4acd-a159-807ba55fa071",\
    "v":1}
    """
