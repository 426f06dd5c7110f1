// ParleyRecord: JSON numbers (RFC 8259 §6) read as IEEE-754 binary64 with round-to-nearest,
// the number model of I-JSON (RFC 7493 §2.2) and RFC 8785 §3.2.2.3.

extension JSONParser {
    /// Parses `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and converts it.
    mutating func parseNumber() throws(JSONError) -> Double {
        let start = pos
        var negative = false
        if input[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
            if pos < input.count && input[pos] == UInt8(ascii: "I") && startsWith("Infinity") {
                throw JSONError(.nonFiniteLiteral, at: start)
            }
        }
        let intStart = pos
        let intDigits = countDigits()
        guard intDigits > 0 else { throw numberError(at: pos) }
        if intDigits > 1 && input[intStart] == UInt8(ascii: "0") {
            throw JSONError(.leadingZero, at: intStart)
        }
        var isInteger = true
        if pos < input.count && input[pos] == UInt8(ascii: ".") {
            pos += 1
            guard countDigits() > 0 else { throw numberError(at: pos) }
            isInteger = false
        }
        if pos < input.count && (input[pos] == UInt8(ascii: "e") || input[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < input.count && (input[pos] == UInt8(ascii: "+") || input[pos] == UInt8(ascii: "-")) { pos += 1 }
            guard countDigits() > 0 else { throw numberError(at: pos) }
            isInteger = false
        }
        // Fast path: up to 15 digits are exact in a double, so no rounding question arises.
        if isInteger && intDigits <= 15 {
            var value: Int64 = 0
            for i in intStart..<pos { value = value &* 10 &+ Int64(input[i] &- UInt8(ascii: "0")) }
            return negative ? -Double(value) : Double(value)
        }
        // Swift's Double(String) is correctly rounded (round half to even) on the full text.
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<pos]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONError(.invalidNumber, at: start) }
        // I-JSON (RFC 7493 §2.2) / RFC 8785 §3.2.2.3: no representation for infinity.
        guard value.isFinite else { throw JSONError(.numberOutOfRange, at: start) }
        return value
    }

    private mutating func countDigits() -> Int {
        let start = pos
        while pos < input.count && input[pos] &- UInt8(ascii: "0") < 10 { pos += 1 }
        return pos - start
    }

    private func numberError(at i: Int) -> JSONError {
        guard i < input.count else { return JSONError(.unexpectedEnd, at: i) }
        return JSONError(.invalidNumber, at: i)
    }
}
