// ParleyWeb: password hashing with bcrypt (Provos & Mazières 1999) behind an HMAC pre-hash.
//
// bcrypt reads only the first 72 bytes of its input; 37 Cyrillic letters are already 74 bytes
// in UTF-8, so two long passwords that share a prefix would verify as each other. The password
// is therefore first reduced to HMAC-SHA256(serverSecret, UTF-8 password) (RFC 2104), written
// as base64 (44 bytes, no NUL byte), and that is bcrypted. Keying the pre-hash with a server
// secret also means a stolen database alone cannot be attacked offline.

import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Hashes and verifies passwords.
public struct PasswordHasher: Sendable {
    private let secret: [UInt8]
    private let cost: UInt8

    /// - Parameters:
    ///   - secret: the server secret (`WebConfiguration.serverSecret`), at least 32 bytes.
    ///   - cost: bcrypt's log2 rounds, 4…31; 12 is about a quarter second per check.
    public init(secret: [UInt8], cost: UInt8 = 12) {
        precondition(secret.count >= 32, "the server secret must be at least 32 bytes")
        precondition((4...31).contains(cost), "bcrypt cost must be 4…31")
        self.secret = secret
        self.cost = cost
    }

    /// A new bcrypt hash of `password`, with a fresh salt.
    public func hash(_ password: String) async throws -> String {
        let input = preHash(password)
        let cost = self.cost
        // bcrypt is slow by design: run it on NIO's blocking pool, not on the async executor.
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(input, cost: cost) }
    }

    /// Whether `password` matches `hash`. False, not an error, for a malformed hash.
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        let input = preHash(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) }
    }

    /// A hash that verifies no password: checked against when a username is unknown, so that
    /// an unknown name takes as long as a wrong password.
    public func decoyHash() async throws -> String {
        try await hash(SecureBytes.token())
    }

    /// base64(HMAC-SHA256(secret, UTF-8 of the password)): always 44 ASCII bytes.
    func preHash(_ password: String) -> String {
        Data(SecureBytes.hmac(key: secret, Array(password.utf8))).base64EncodedString()
    }
}
