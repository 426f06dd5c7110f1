// ParleyRecord: the verifiable record. Pure: no I/O, no database, no web; swift-crypto only.
//
// A SHA-256 value of exactly 32 bytes, stored inline so that Merkle trees of millions of nodes
// allocate nothing per hash.
public import Foundation

public struct Hash: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let byteCount = 32

    // Four words in memory order: the raw bytes of the digest, not numeric values.
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64)

    /// The all-zero hash (a placeholder, never a real digest).
    public static let zero = Hash(words: (0, 0, 0, 0))

    @inlinable init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// Copies exactly 32 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        // Contiguous bytes (arrays, Data) are copied at once; byte-by-byte through the generic
        // collection cost more than hashing them.
        if let copied = bytes.withContiguousStorageIfAvailable({ Hash(unsafeRawBytes: UnsafeRawBufferPointer($0)) }) {
            self = copied
            return
        }
        var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &w) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        self.words = w
    }

    /// Copies the first 32 bytes of a raw buffer, which must hold at least 32.
    @inlinable public init(unsafeRawBytes raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= Self.byteCount)
        var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &w) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<32])) }
        self.words = w
    }

    /// Parses 64 hexadecimal digits (either case).
    public init?(hex: some StringProtocol) {
        guard let bytes = HexCoding.decode(hex), let h = Hash(bytes: bytes) else { return nil }
        self = h
    }

    /// Parses standard base64 (RFC 4648 §4) of exactly 32 bytes.
    public init?(base64: some StringProtocol) {
        guard let data = Data(base64Encoded: String(base64)), let h = Hash(bytes: data) else { return nil }
        self = h
    }

    @inlinable public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: words, body)
    }

    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
    public var data: Data { withUnsafeBytes { Data($0) } }
    public var hex: String { HexCoding.encode(bytes) }
    public var base64: String { data.base64EncodedString() }
    public var description: String { hex }

    public static func == (a: Hash, b: Hash) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Byte-wise order, so sorted hashes read the same as sorted hex.
    public static func < (a: Hash, b: Hash) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}

/// Lowercase hexadecimal, as the vectors and `parley` print hashes.
public enum HexCoding {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes an even number of hex digits; `nil` on any other character.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
