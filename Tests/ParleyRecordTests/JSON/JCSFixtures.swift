// Test support: the RFC 8785 fixture files (cyberphone/json-canonicalization@19d51d7 values,
// see Fixtures/jcs_vectors.json and Fixtures/es6_numbers.json for their sources), read with
// Foundation's decoder so that the code under test does not judge its own fixtures.
import Foundation

enum JCSFixtures {
    struct Vectors: Decodable {
        struct Vector: Decodable {
            let name: String
            let input_utf8: String
            let expected_hex: String
            let expected_sha256: String
        }
        let vectors: [Vector]
    }

    struct Numbers: Decodable {
        struct FileDigest: Decodable {
            let lines: Int
            let bytes: Int
            let sha256: String
        }
        struct Sample: Decodable {
            let ieee_hex: String
            let expected: String?
        }
        struct Generator: Decodable {
            let static_u64_hex: [String]
            let serial: String
            let random: String
        }
        let expected_file_sha256: [FileDigest]
        let readme_sample_lines: [Sample]
        let discrete_checks: [Sample]
        let generator: Generator
    }

    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).json"])
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8.filter { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D) })
        return stride(from: 0, to: digits.count, by: 2).map { i in
            UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16)!
        }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
