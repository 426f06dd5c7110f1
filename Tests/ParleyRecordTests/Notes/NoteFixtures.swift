// Loads the C2SP note, checkpoint and cosignature vectors from the test bundle's Fixtures
// (copied from /work/shared/vectors/notes; each file names its sources).
import Foundation
import ParleyRecord
import Testing

enum NoteFixtures {
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    struct FixtureMissing: Error { let name: String }

    static func bytes(hex: String) -> [UInt8] { HexCoding.decode(hex) ?? [] }

    static func base64(_ text: String) -> [UInt8] { Data(base64Encoded: text).map { Array($0) } ?? [] }
}

struct KeysFile: Decodable {
    struct VKey: Decodable { let vkey: String }
    struct InvalidVKey: Decodable {
        let vkey: String
        let why: String
    }
    struct SKey: Decodable {
        let skey: String
        let matching_vkey: String
    }
    struct SeedKey: Decodable {
        let seed_hex: String
        let name: String
        let type: UInt8
    }
    struct SigningVector: Decodable {
        let skey: String?
        let seed_hex: String?
        let name: String?
        let text: String
        let expected_note: String?
        let expected_signature_line: String?
    }
    let vkeys: [VKey]
    let invalid_vkeys: [InvalidVKey]
    let skeys: [SKey]
    let seed_keys: [String: SeedKey]
    let signing_vectors: [SigningVector]

    static func load() throws -> KeysFile { try NoteFixtures.load("keys", as: KeysFile.self) }

    /// The verifier for a `SEED:<name>` reference or a vkey string.
    func verifier(_ reference: String) throws -> NoteVerifier {
        guard reference.hasPrefix("SEED:") else { return try NoteVerifier(text: reference) }
        let seed = try #require(seed_keys[String(reference.dropFirst(5))])
        return try seed.verifier()
    }
}

extension KeysFile.SeedKey {
    func verifier() throws -> NoteVerifier {
        let seed = NoteFixtures.bytes(hex: seed_hex)
        return type == 4
            ? try CosignatureSigner(name: name, seed: seed).verifier
            : try NoteSigner(name: name, seed: seed).verifier
    }
}

struct SignedNoteFile: Decodable {
    struct Unverified: Decodable, Equatable {
        let name: String
        let key_id: String
        let cosignature_timestamp: UInt64?
    }
    struct CheckpointExpect: Decodable {
        let origin: String
        let tree_size: UInt64
        let root_hex: String
    }
    struct Expect: Decodable {
        let valid: Bool
        let verified: [String]?
        let text: String?
        let unverified: [Unverified]?
        let checkpoint: CheckpointExpect?
        let deterministic_resign: Bool?
        let error: String?
    }
    struct Vector: Decodable, CustomTestStringConvertible {
        let id: String
        let note_utf8: String?
        let note_hex: String?
        let verifier_vkeys: [String]
        let expect: Expect

        var bytes: [UInt8] { note_utf8.map { Array($0.utf8) } ?? NoteFixtures.bytes(hex: note_hex ?? "") }
        var testDescription: String { id }
    }
    let notes: [Vector]

    static func load() throws -> SignedNoteFile {
        try NoteFixtures.load("signed_note_vectors", as: SignedNoteFile.self)
    }
}

struct CheckpointFile: Decodable {
    struct Format: Decodable {
        let origin: String
        let tree_size: UInt64
        let root_hex: String
        let expected_text: String
    }
    enum Validity: Decodable, Equatable {
        case valid, invalid, lenientOnly
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) {
                self = b ? .valid : .invalid
                return
            }
            guard try c.decode(String.self) == "lenient-only" else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown validity")
            }
            self = .lenientOnly
        }
    }
    struct Parse: Decodable, CustomTestStringConvertible {
        let text: String
        let valid: Validity
        let why: String
        var testDescription: String { why }
    }
    let format_vectors: [Format]
    let parse_vectors: [Parse]

    static func load() throws -> CheckpointFile { try NoteFixtures.load("checkpoint_vectors", as: CheckpointFile.self) }
}

struct CosignatureFile: Decodable {
    struct Vector: Decodable {
        let id: String
        let cosigner_name: String?
        let cosigner_seed_hex: String?
        let checkpoint_text: String?
        let lines: [String]?
        let expected_signed_message: String?
        let signature_b64: String?
        let signature_line: String?
    }
    let vectors: [Vector]

    static func load() throws -> CosignatureFile {
        try NoteFixtures.load("cosignature_vectors", as: CosignatureFile.self)
    }

    func vector(_ id: String) throws -> Vector { try #require(vectors.first { $0.id == id }) }
}

extension NoteFixtures {
    static func base64Encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
