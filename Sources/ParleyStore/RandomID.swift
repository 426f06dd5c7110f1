// Ids for new things: version 7 UUIDs (RFC 9562 §5.7) in lower case, the form
// `UUID().uuidString.lowercased()` writes: 48 bits of Unix time in milliseconds, then 74 random
// bits. Time first, so that new rows land at the end of every index on `id` instead of on a
// random page of it: with version 4 ids each append dirtied a random page of two indexes, and
// the pages written per commit grew with the table (issue 4's group-commit figures). What the
// time part tells is already on the record (every entry has its time), and a private item's id
// never reaches another party. Foundation's UUID() on Linux opens and reads /dev/urandom for
// every id; the system generator asks the kernel (getrandom) without a file.
public import Foundation

public enum RandomID {
    /// A new id, `tttttttt-tttt-7xxx-[89ab]xxx-xxxxxxxxxxxx`, `t` the time of the call.
    public static func make(now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
        let high = milliseconds << 16 | 0x7000 | (generator.next() as UInt64) & 0x0FFF  // version 7
        let low = (generator.next() as UInt64) & ~(0xC000 << 48) | (0x8000 << 48)  // variant 10xx
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (n, word) in [high, low].enumerated() {
            for nibble in 0..<16 {
                let position = n * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 {
                    text.append(UInt8(ascii: "-"))
                }
                text.append(digits[Int((word >> UInt64(60 - 4 * nibble)) & 0xF)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
