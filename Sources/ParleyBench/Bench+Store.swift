// Store figures (issue 4): entries decided, appended to one shared log and projected per second,
// one writer (one durable commit per entry) and eight concurrent writers (group commit), beside
// the raw durable-commit rate of the same database; `verify` speed beside SHA-256 over the same
// bytes; and peak memory as the log grows. Run on SQLite, and on PostgreSQL when
// PARLEY_BENCH_POSTGRES_URL names a server (scripts/bench starts a durable one).
import Crypto
import Foundation
import Logging
import ParleyCore
import ParleyRecord
import ParleyStore

/// How many entries the growth run appends (PARLEY_BENCH_ENTRIES, default one million).
let growthEntries = ProcessInfo.processInfo.environment["PARLEY_BENCH_ENTRIES"].flatMap { Int($0) } ?? 1_000_000

func benchStore(_ location: DatabaseLocation, growTo: Int) async throws -> [(label: String, value: String)] {
    var logger = Logger(label: "parley.bench")
    logger.logLevel = .critical
    let store = try await Store.open(location, signer: try NoteSigner.generate(name: "bench.parley"), logger: logger)
    var results: [(label: String, value: String)] = []

    // The raw yardstick and one writer alternate, round by round, so that both see the same
    // moment of a shared machine (its disk's speed moved by a factor of two within an hour);
    // the ratio is the median of the rounds'. Concurrent writers run three times each and report
    // the median. Every round's figure is printed beside it.
    let world = try await BenchWorld.make(store, writers: 64)
    let perRound = 1_500
    var appended = 0
    var rounds: [(raw: Double, one: Double)] = []
    let onePhasesBefore = await store.writePhases()
    var oneWall = 0.0
    for _ in 0..<3 {
        let raw = try await store.rawCommitRate(rows: perRound)
        let started = Date()
        let one = try await world.append(perRound, writers: 1)
        oneWall += Date().timeIntervalSince(started)
        appended += perRound
        rounds.append((raw, one))
    }
    let onePhases = await store.writePhases() - onePhasesBefore
    let raw = median(rounds.map(\.raw))
    results.append(
        (
            "raw durable commits (one 0.5 KB row each)",
            "\(Int(raw)) commits/s (median; rounds \(rounds.map { "\(Int($0.raw))" }.joined(separator: ", ")))"
        )
    )
    let ratios = rounds.map { $0.one / $0.raw }
    results.append(
        (
            "append + project, 1 writer (commit per entry)",
            "\(Int(median(rounds.map(\.one)))) entries/s, \(percent(median(ratios), of: 1)) of raw"
                + " (median; rounds \(ratios.map { percent($0, of: 1) }.joined(separator: ", ")))"
        )
    )
    results.append(("  where its time went", phaseLine(onePhases, entries: rounds.count * perRound, wall: oneWall)))
    for (writers, count) in [(8, 10_000), (64, 20_000)] {
        var rates: [Double] = []
        let before = await store.writePhases()
        var wall = 0.0
        for _ in 0..<3 {
            let started = Date()
            rates.append(try await world.append(count, writers: writers))
            wall += Date().timeIntervalSince(started)
            appended += count
        }
        let phases = await store.writePhases() - before
        results.append(
            (
                "append + project, \(writers) writers (group commit)",
                "\(Int(median(rates))) entries/s (median; runs \(rates.map { "\(Int($0))" }.joined(separator: ", ")))"
            )
        )
        results.append(("  where its time went", phaseLine(phases, entries: 3 * count, wall: wall)))
    }

    // Growth: peak memory at each quarter of the way to `growTo` entries in the one shared log,
    // and the rate of 64 writers over that quarter (the figure above is for a young log).
    let quarter = max(1, (growTo - appended) / 4)
    var peaks: [String] = []
    var growthRates: [String] = []
    while appended < growTo {
        let n = min(quarter, growTo - appended)
        let rate = try await world.append(n, writers: 64)
        appended += n
        peaks.append("\(appended / 1000)k: \(peakMemoryMB()) MB")
        growthRates.append("to \(appended / 1000)k: \(Int(rate))/s")
    }
    results.append(("peak memory (RSS) as the shared log grows", peaks.joined(separator: ", ")))
    results.append(("  64 writers meanwhile", growthRates.joined(separator: ", ")))

    // The growth run leaves gigabytes of written pages for the kernel to flush: wait for that
    // first, or verify is timed against the flush (1M entries here: 33% of SHA-256 unflushed,
    // 48% flushed). Then verify and the SHA-256 yardstick alternate in three rounds, as the raw
    // commits and one writer do: on a shared machine both move with the neighbours' load, and
    // a round sets them side by side at the same moment; the ratio is the median of the rounds'.
    sync()
    var checked = try await timedVerify(store)
    // Before the SHA-256 yardstick, which holds the log's bytes in memory to hash them.
    let verifyPeak = peakMemoryMB()
    let bodies = try await logBodies(store, log: world.sharedLog)
    var verifyRounds: [(verify: TimedVerify, sha: Double)] = [(checked, sha256Pass(bodies))]
    for _ in 1..<3 {
        checked = try await timedVerify(store)
        verifyRounds.append((checked, sha256Pass(bodies)))
    }
    let report = checked.report
    let verifyRatios = verifyRounds.map { $0.verify.bytesPerSecond / $0.sha }
    let verifyRate = median(verifyRounds.map(\.verify.bytesPerSecond))
    results.append(
        (
            "verify (\(report.entries) entries, \(report.bytes / 1_000_000) MB)",
            "\(Int(median(verifyRounds.map(\.verify.entriesPerSecond)))) entries/s, \(Int(verifyRate / 1e6)) MB/s"
                + " = \(percent(median(verifyRatios), of: 1)) of SHA-256 over the same bytes"
                + " (\(Int(median(verifyRounds.map(\.sha)) / 1e6)) MB/s; median; rounds"
                + " \(verifyRatios.map { percent($0, of: 1) }.joined(separator: ", ")))"
                + (report.isClean ? "" : " — PROBLEMS: \(report.problems.prefix(3))")
        )
    )
    results.append(
        (
            "  cores busy while verifying",
            verifyRounds.map { String(format: "%.2f", $0.verify.coresBusy) }.joined(separator: ", ")
                + " of \(ProcessInfo.processInfo.activeProcessorCount)"
        )
    )
    results.append(("peak memory (RSS) after verify", "\(verifyPeak) MB"))
    await store.close()
    return results
}

/// A mechanism with two sides and a negotiator account per writer.
struct BenchWorld {
    let store: Store
    let mechanism: MechanismID
    let writers: [Actor]
    var sharedLog: String { LogID.shared(mechanism).description }

    static func make(_ store: Store, writers count: Int) async throws -> BenchWorld {
        let admin = Actor.operator(AccountID("bench-operator"))
        let created = try await store.execute(.createMechanism(.init(title: "Bench consultations")), by: admin)
        guard case .mechanismCreated(let m) = created.entries[0].data else { throw BenchError("no mechanism") }
        var sides: [PartyID] = []
        for name in ["Northland", "Southland"] {
            let added = try await store.execute(
                .addParty(.init(mechanism: m.id, name: name, languages: ["en"], kind: .side)),
                by: admin
            )
            guard case .partyAdded(let p) = added.entries[0].data else { throw BenchError("no party") }
            sides.append(p.id)
        }
        var writers: [Actor] = []
        // Usernames are unique across mechanisms; a database may hold several bench runs.
        let run = m.id.rawValue.suffix(8)
        for i in 0..<count {
            let party = sides[i % sides.count]
            let made = try await store.execute(
                .createAccount(.init(mechanism: m.id, party: party, username: "writer-\(run)-\(i)", role: .negotiator)),
                by: admin
            )
            guard case .accountCreated(let a) = made.entries[0].data else { throw BenchError("no account") }
            writers.append(Actor(account: a.id, party: party, role: .negotiator))
        }
        return BenchWorld(store: store, mechanism: m.id, writers: writers)
    }

    /// Raises `count` irritants (one shared-log entry each) from `writers` concurrent tasks; each
    /// task waits for its append to be durable before the next. Answers entries per second.
    /// `append`, and where the write queue spent the run's time (see `phaseLine`).
    func measuredAppend(_ count: Int, writers: Int) async throws -> (rate: Double, phases: String) {
        let before = await store.writePhases()
        let rate = try await append(count, writers: writers)
        let phases = await store.writePhases() - before
        return (rate, phaseLine(phases, entries: count, wall: Double(count) / rate))
    }

    func append(_ count: Int, writers: Int) async throws -> Double {
        let started = Date()
        let (store, mechanism) = (self.store, self.mechanism)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<writers {
                let actor = self.writers[w]
                let share = count / writers + (w < count % writers ? 1 : 0)
                group.addTask {
                    for i in 0..<share {
                        _ = try await store.execute(
                            .raiseIrritant(
                                .init(
                                    mechanism: mechanism,
                                    title: "Irritant \(w)-\(i) raised by the benchmark",
                                    description: String(
                                        repeating: "Staffing and visas of diplomatic missions. ",
                                        count: 6
                                    )
                                )
                            ),
                            by: actor
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(count) / max(Date().timeIntervalSince(started), 1e-9)
    }
}

/// One run of `verify`, timed, with the CPU time it took beside its wall-clock time.
struct TimedVerify {
    let report: VerificationReport
    let seconds: Double
    let cpuSeconds: Double

    var bytesPerSecond: Double { Double(report.bytes) / seconds }
    var entriesPerSecond: Double { Double(report.entries) / seconds }
    var coresBusy: Double { cpuSeconds / seconds }
}

func timedVerify(_ store: Store) async throws -> TimedVerify {
    let cpuBefore = cpuSeconds()
    let started = ContinuousClock.now
    let report = try await store.verify()
    let elapsed = parley_bench.seconds(ContinuousClock.now - started)
    return TimedVerify(report: report, seconds: max(elapsed, 1e-9), cpuSeconds: cpuSeconds() - cpuBefore)
}

/// The first 200,000 entries of a log, as their bytes: what the SHA-256 yardstick hashes.
func logBodies(_ store: Store, log: String) async throws -> [[UInt8]] {
    let size = try await store.logSize(log) ?? 0
    var bodies: [[UInt8]] = []
    var start: Int64 = 0
    while start < min(size, 200_000) {
        let read = try await store.entries(log, start: start, end: size).map(\.bytes)
        bodies += read
        start += Int64(read.count)
    }
    return bodies
}

/// SHA-256 throughput over entry bytes held in memory, each entry hashed on its own (as a
/// verifier must): one pass.
func sha256Pass(_ bodies: [[UInt8]]) -> Double {
    let total = bodies.reduce(0) { $0 + $1.count }
    var sink: UInt8 = 0
    let elapsed = ContinuousClock().measure {
        for body in bodies { sink ^= SHA256.hash(data: body).withUnsafeBytes { $0[0] } }
    }
    return Double(total) / seconds(elapsed) + (sink == 0 ? 0 : 0)
}

/// User and system CPU time the process has used so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func value(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return value(usage.ru_utime) + value(usage.ru_stime)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The process's peak resident memory (Linux: VmHWM of /proc/self/status).
func peakMemoryMB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kilobytes / 1024
}

func percent(_ value: Double, of base: Double) -> String { "\(Int((value / base * 100).rounded()))%" }

/// The middle value of an odd number of figures (the mean of the middle two of an even number).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
