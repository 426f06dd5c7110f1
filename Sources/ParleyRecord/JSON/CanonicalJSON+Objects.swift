// ParleyRecord: RFC 8785 §3.2.3 — object members sorted by the UTF-16 code units of their
// names, compared as unsigned integers, with no locale and no normalisation.

extension CanonicalJSON {
    /// Objects this small are sorted by insertion sort on the stack; larger ones use `sort`.
    private static let insertionSortLimit = 24

    static func writeObject(_ members: [(key: String, value: JSONValue)], into out: inout [UInt8]) throws(JSONError) {
        let n = members.count
        if n == 0 {
            appendLiteral("{}", to: &out)
            return
        }
        // Members already in order (as in text that was canonical) need no sort.
        var sorted = true
        for i in 1..<n {
            let c = JSONKeyOrder.compare(members[i - 1].key, members[i].key)
            if c == 0 { throw JSONError(.duplicateKey(members[i].key), at: nil) }
            if c > 0 { sorted = false; break }
        }
        if sorted {
            out.append(UInt8(ascii: "{"))
            for i in 0..<n { try writeMember(members[i], first: i == 0, into: &out) }
            out.append(UInt8(ascii: "}"))
            return
        }
        let failure: JSONError? = withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { buffer in
            var order = buffer
            for i in 0..<n { order.initializeElement(at: i, to: i) }
            if n <= insertionSortLimit {
                for i in 1..<n {
                    let moving = order[i]
                    var j = i
                    while j > 0 && JSONKeyOrder.compare(members[order[j - 1]].key, members[moving].key) > 0 {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    order[j] = moving
                }
            } else {
                order.sort { JSONKeyOrder.compare(members[$0].key, members[$1].key) < 0 }
            }
            // RFC 8785 §3.1 requires I-JSON input: names are unique. Equal names sit side by side.
            for i in 1..<n where JSONKeyOrder.compare(members[order[i - 1]].key, members[order[i]].key) == 0 {
                return JSONError(.duplicateKey(members[order[i]].key), at: nil)
            }
            out.append(UInt8(ascii: "{"))
            do throws(JSONError) {
                for i in 0..<n { try writeMember(members[order[i]], first: i == 0, into: &out) }
            } catch {
                return error
            }
            out.append(UInt8(ascii: "}"))
            return nil
        }
        if let failure { throw failure }
    }

    @inline(__always)
    private static func writeMember(_ member: (key: String, value: JSONValue), first: Bool, into out: inout [UInt8]) throws(JSONError) {
        if !first { out.append(UInt8(ascii: ",")) }
        writeString(member.key, into: &out)
        out.append(UInt8(ascii: ":"))
        try write(member.value, into: &out)
    }
}
