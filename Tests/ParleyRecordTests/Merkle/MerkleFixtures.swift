// Loading the Merkle test vectors (transparency-dev/merkle@417fb0c, see Fixtures/*.json `source`).
import Foundation
import ParleyRecord
import Testing

enum MerkleFixtures {
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(contentsOf: url))
    }

    static func bytes(_ hex: String) throws -> [UInt8] {
        try #require(HexCoding.decode(hex), "bad hex in fixture: \(hex)")
    }

    static func hash(_ hex: String) throws -> Hash {
        try #require(Hash(hex: hex), "fixture hash is not 32 bytes: \(hex)")
    }

    struct Reference: Decodable {
        struct HasherVector: Decodable {
            let desc: String
            let kind: String
            let inputHex: String?
            let leftHex: String?
            let rightHex: String?
            let expected: String
        }
        struct Root: Decodable {
            let treeSize: Int64
            let root: String
        }
        struct InclusionProof: Decodable {
            let leafIndex: Int64
            let treeSize: Int64
            let proof: [String]
        }
        struct ConsistencyProof: Decodable {
            let size1: Int64
            let size2: Int64
            let proof: [String]
        }
        let hasherVectors: [HasherVector]
        let leavesHex: [String]
        let roots: [Root]
        let nodeHashes: [[String]]
        let inclusionProofs: [InclusionProof]
        let consistencyProofs: [ConsistencyProof]
    }

    struct InclusionProbes: Decodable {
        struct Probe: Decodable {
            let file: String
            let leafIndex: UInt64
            let treeSize: UInt64
            let root: String
            let leafHash: String
            let proof: [String]
            let desc: String
            let wantError: Bool
        }
        let probes: [Probe]
    }

    struct ConsistencyProbes: Decodable {
        struct Probe: Decodable {
            let file: String
            let size1: UInt64
            let size2: UInt64
            let root1: String
            let root2: String
            let proof: [String]
            let desc: String
            let wantError: Bool
            let note: String?
        }
        let probes: [Probe]
    }

    struct Accumulated: Decodable {
        let validSubtree: String
        let expectedSha256: [String: String]
    }
}
