// Ids for new things: random (version 4) UUIDs in lower case, as `UUID().uuidString.lowercased()`
// wrote them. Foundation's UUID() on Linux opens and reads /dev/urandom for every id, which was a
// tenth of an append's time; the system generator asks the kernel (getrandom) without a file.
public enum RandomID {
    /// A new random id, `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var high = generator.next() as UInt64
        var low = generator.next() as UInt64
        high = (high & ~0xF000) | 0x4000  // version 4
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)  // variant 10xx
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
