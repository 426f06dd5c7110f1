// CanonicalJSON through Codable types, and JSONValue embedded in Codable structs.
import Foundation
import ParleyRecord
import Testing

@Suite struct CanonicalJSONCodableTests {
    struct Actor: Codable, Equatable {
        var party: String
        var account: String
        var role: String
    }

    struct Entry: Codable, Equatable {
        var v: Int
        var log: String
        var index: Int
        var kind: String
        var actor: Actor
        var data: JSONValue
    }

    static let entry = Entry(
        v: 1,
        log: "mechanism/alpha",
        index: 12,
        kind: "irritant.raised",
        actor: Actor(party: "north", account: "ana", role: "negotiator"),
        data: ["title": "Fishing quotas", "zeta": [1.5, nil, true], "Ω": "Квоты на вылов / ✓"]
    )

    @Test func encodableValueGetsSortedKeys() throws {
        let bytes = try CanonicalJSON.encode(Self.entry)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"actor":{"account":"ana","party":"north","role":"negotiator"},"data":{"title":"Fishing quotas","zeta":[1.5,null,true],"Ω":"Квоты на вылов / ✓"},"index":12,"kind":"irritant.raised","log":"mechanism/alpha","v":1}"#
        )
    }

    @Test func decodesWhatItEncoded() throws {
        let bytes = try CanonicalJSON.encode(Self.entry)
        #expect(try CanonicalJSON.decode(Entry.self, from: bytes) == Self.entry)
        #expect(try CanonicalJSON.decode(JSONValue.self, from: bytes)["data"]?["zeta"]?[0] == 1.5)
    }

    @Test func decodeIsStrict() {
        let duplicated = Array(
            #"{"v":1,"v":2,"log":"x","index":0,"kind":"k","actor":{"party":"p","account":"a","role":"r"},"data":null}"#
                .utf8
        )
        #expect(throws: JSONError(.duplicateKey("v"), at: 7)) { try CanonicalJSON.decode(Entry.self, from: duplicated) }
    }

    @Test func encodableRefusesNaN() {
        #expect(throws: (any Error).self) { try CanonicalJSON.encode(["x": Double.nan]) }
    }

    @Test func jsonValueKeepsItsTypesThroughFoundationCoders() throws {
        let value: JSONValue = ["flags": [true, false, 1, 0, nil], "n": -2.5, "s": "1", "o": [:], "a": []]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    @Test func accessorsReadTheValue() {
        let value: JSONValue = ["n": 3, "s": "x", "b": false, "a": [1], "o": ["k": nil]]
        #expect(value["n"]?.intValue == 3)
        #expect(value["n"]?.numberValue == 3)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["b"]?.boolValue == false)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["o"]?["k"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["s"]?.intValue == nil)
        var object = value.objectValue ?? [:]
        object["n"] = nil
        object["z"] = 9
        #expect(object.keys == ["s", "b", "a", "o", "z"])
    }
}
