// Ids for new things: version 7 UUIDs (RFC 9562 §5.7) in lower case, the form
// `UUID().uuidString.lowercased()` writes: 48 bits of Unix time in milliseconds, then 74 random
// bits. Time first, so that new rows land at the end of every index on `id` instead of on a
// random page of it: with version 4 ids each append dirtied a random page of two indexes, and
// the pages written per commit grew with the table (issue 4's group-commit figures). What the
// time part tells is already on the record (every entry has its time), and a private item's id
// never reaches another party. Foundation's UUID() on Linux opens and reads /dev/urandom for
// every id; the random bits here come from the kernel's generator without a file, 256 bytes a
// call (see RandomWords).
public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum RandomID {
    /// A new id, `tttttttt-tttt-7xxx-[89ab]xxx-xxxxxxxxxxxx`, `t` the time of the call.
    public static func make(now: Date = Date()) -> String {
        let (first, second) = words.withLock { ($0.take(), $0.take()) }
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
        let high = milliseconds << 16 | 0x7000 | first & 0x0FFF  // version 7
        let low = second & ~(0xC000 << 48) | (0x8000 << 48)  // variant 10xx
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

    private static let words = Mutex(RandomWords())
}

/// Random words from the kernel's generator, fetched 256 bytes (getentropy's most) at a time:
/// the system generator asks the kernel for every 8 bytes, and those two calls per id were a
/// visible part of every command's cost. Each word is handed out once.
struct RandomWords {
    private var words = [UInt64](repeating: 0, count: 32)
    private var next = 32

    mutating func take() -> UInt64 {
        if next == words.count { refill() }
        defer { next += 1 }
        return words[next]
    }

    private mutating func refill() {
        let filled = words.withUnsafeMutableBytes { getentropy($0.baseAddress, $0.count) } == 0
        if !filled {
            var generator = SystemRandomNumberGenerator()
            for i in words.indices { words[i] = generator.next() }
        }
        next = 0
    }
}
