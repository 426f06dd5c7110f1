import ParleyRecord
import Testing

@Suite struct HashTests {
    @Test func hexRoundTrips() throws {
        let hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        let h = try #require(Hash(hex: hex))
        #expect(h.hex == hex)
        #expect(Hash(base64: h.base64) == h)
    }

    @Test func rejectsWrongLengths() {
        #expect(Hash(hex: "e3b0") == nil)
        #expect(Hash(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(Hash(bytes: [UInt8](repeating: 0, count: 33)) == nil)
        #expect(Hash(hex: String(repeating: "zz", count: 32)) == nil)
    }

    @Test func equalityIsByteEquality() throws {
        var bytes = [UInt8](repeating: 7, count: 32)
        let a = try #require(Hash(bytes: bytes))
        bytes[31] = 8
        let b = try #require(Hash(bytes: bytes))
        #expect(a != b)
        #expect(a < b)
    }
}
