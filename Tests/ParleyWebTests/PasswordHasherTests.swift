import Testing

@testable import ParleyWeb

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher(secret: [UInt8](repeating: 1, count: 32), cost: 4)

    @Test func verifiesTheRightPasswordOnly() async throws {
        let hash = try await hasher.hash("s3cret words")
        #expect(hash.hasPrefix("$2"))
        #expect(try await hasher.verify("s3cret words", against: hash))
        #expect(try await !hasher.verify("s3cret word", against: hash))
        #expect(try await !hasher.verify("", against: hash))
    }

    @Test func longCyrillicPasswordsDifferingAfterByte72AreDistinct() async throws {
        // 100 Cyrillic letters: 200 bytes of UTF-8, far past bcrypt's 72-byte limit.
        let base = String(repeating: "щ", count: 99)
        let first = base + "а"
        let second = base + "б"
        #expect(first.utf8.count == 200)
        #expect(first.utf8.prefix(72).elementsEqual(second.utf8.prefix(72)))
        let hash = try await hasher.hash(first)
        #expect(try await hasher.verify(first, against: hash))
        #expect(try await !hasher.verify(second, against: hash))
    }

    @Test func preHashIsFixedLengthASCIIAndKeyed() {
        let a = hasher.preHash(String(repeating: "ж", count: 500))
        #expect(a.utf8.count == 44)
        #expect(a.utf8.allSatisfy { $0 < 0x80 && $0 != 0 })
        let other = PasswordHasher(secret: [UInt8](repeating: 2, count: 32), cost: 4)
        #expect(other.preHash("same") != hasher.preHash("same"))
    }

    @Test func malformedHashDoesNotVerify() async throws {
        #expect(try await !hasher.verify("anything", against: "not a bcrypt hash"))
        #expect(try await !hasher.verify("anything", against: hasher.decoyHash()))
    }
}
