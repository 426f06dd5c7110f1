// A negotiating text from first clause to signatures, through the real binary's JSON API: the
// United States and Russia negotiate a three-clause joint statement in the demo mechanism
// (alternatives proposed by each, one compromise, statuses set), the US lead adopts it, both
// leads sign — the US lead with a detached signature made by `parley text sign` with its own key
// — and the exports and signature are checked with outside tools: xmllint against the Akoma
// Ntoso 3.0 schema, `parley text verify`, and Python's standard library plus `cryptography`.

import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite(.serialized) struct TextEndToEndTests {
    typealias Server = ServeEndToEndTests.Server

    struct API {
        let base: String

        func call(_ method: String, _ path: String, token: String, json: Any? = nil) async throws -> (Int, Data) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if let json {
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                request.httpBody = try JSONSerialization.data(withJSONObject: json)
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }

        /// POSTs `json` and expects `status`; answers the JSON object.
        func post(_ path: String, token: String, _ json: Any = [String: String](), status: Int = 200) async throws
            -> [String: Any]
        {
            let (code, data) = try await call("POST", path, token: token, json: json)
            #expect(code == status, "POST \(path): \(String(decoding: data, as: UTF8.self))")
            return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        }

        func get(_ path: String, token: String) async throws -> (Int, Data) {
            try await call("GET", path, token: token)
        }
    }

    /// The `data` of the first entry of a change's answer.
    static func data(_ answer: [String: Any], _ index: Int = 0) -> [String: Any] {
        ((answer["entries"] as? [[String: Any]])?[index]["data"] as? [String: Any]) ?? [:]
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    @Test func twoSidesNegotiateAdoptAndSignAJointStatement() async throws {
        let server = try Server()
        defer { server.stop() }
        let base = "http://127.0.0.1:\(try await server.port())"
        let api = API(base: base)
        let usN = try await ServeEndToEndTests.token(base, "us-negotiator")
        let ruN = try await ServeEndToEndTests.token(base, "ru-negotiator")
        let usL = try await ServeEndToEndTests.token(base, "us-lead")
        let ruL = try await ServeEndToEndTests.token(base, "ru-lead")
        let (_, listed) = try await api.get("/api/v1/mechanisms", token: usN)
        let mechanisms =
            (try JSONSerialization.jsonObject(with: listed) as? [String: Any])?["mechanisms"] as? [[String: Any]]
        let m = try #require(
            mechanisms?.first { $0["title"] as? String == "US–Russia consultations" }?["id"] as? String
        )

        let created = try await api.post(
            "/api/v1/mechanisms/\(m)/texts",
            token: usN,
            ["title": "Joint statement on diplomatic missions", "kind": "jointStatement", "workingLanguage": "en"],
            status: 201
        )
        let reference = try #require(Self.data(created)["reference"] as? String)
        let t = "/api/v1/mechanisms/\(m)/texts/\(reference)"

        // Three clauses: the US proposes the first and third, Russia the second.
        func propose(_ words: String, after: String?, token: String) async throws -> (String, String) {
            var body: [String: Any] = ["section": "operative", "wording": words]
            if let after { body["after"] = after }
            let d = Self.data(try await api.post(t + "/clauses", token: token, body, status: 201))
            return (try #require(d["clause"] as? String), try #require(d["alternative"] as? String))
        }
        let (c1, a1) = try await propose(
            "The sides will restore the staffing of their missions.",
            after: nil,
            token: usN
        )
        let (c2, a2) = try await propose("The sides will meet again within a month.", after: c1, token: ruN)
        let (c3, a3) = try await propose("The sides will keep regular contact.", after: c2, token: usN)

        // Alternatives from each side: Russia amends clause 1, the US amends clause 2.
        let r1 = Self.data(
            try await api.post(
                t + "/clauses/\(c1)/alternatives",
                token: ruN,
                ["kind": "wording", "wording": "The sides will fully restore the staffing of their embassies."],
                status: 201
            )
        )
        let b1 = try #require(r1["alternative"] as? String)
        let u2 = Self.data(
            try await api.post(
                t + "/clauses/\(c2)/alternatives",
                token: usN,
                ["kind": "wording", "wording": "The sides will meet again within two months."],
                status: 201
            )
        )
        let b2 = try #require(u2["alternative"] as? String)
        let (_, bracketedBody) = try await api.get(t, token: ruN)
        let blockers =
            (try JSONSerialization.jsonObject(with: bracketedBody) as? [String: Any])?["blockers"] as? [String]
        #expect(blockers?.contains { $0.contains("clause 1 is bracketed") } == true)

        // Clause 1: the US merges both into a compromise Russia supports; clause 2: the US withdraws its amendment.
        let compromiseWords = "The sides will restore the staffing of their embassies."
        let comp = Self.data(
            try await api.post(
                t + "/clauses/\(c1)/compromise",
                token: usN,
                ["merging": [a1, b1], "wording": compromiseWords],
                status: 201
            )
        )
        let k1 = try #require(comp["alternative"] as? String)
        _ = try await api.post(t + "/clauses/\(c1)/alternatives/\(k1)/support", token: ruN)
        _ = try await api.post(t + "/clauses/\(c2)/alternatives/\(b2)/withdraw", token: usN)

        // A facilitator holds no agreement state.
        let sa = try await ServeEndToEndTests.token(base, "sa-facilitator")
        _ = try await api.post(
            t + "/clauses/\(c3)/status",
            token: sa,
            ["alternative": a3, "status": "agreed", "wording": "The sides will keep regular contact."],
            status: 403
        )

        // Statuses: Russia first agrees ad referendum to clause 2, then agrees; both agree to the rest.
        let agreed: [(String, String, String)] = [
            (c1, k1, compromiseWords), (c2, a2, "The sides will meet again within a month."),
            (c3, a3, "The sides will keep regular contact."),
        ]
        _ = try await api.post(
            t + "/clauses/\(c2)/status",
            token: ruN,
            ["alternative": a2, "status": "agreedAdReferendum", "wording": agreed[1].2]
        )
        for (clause, alternative, words) in agreed {
            for token in [usN, ruN] {
                _ = try await api.post(
                    t + "/clauses/\(clause)/status",
                    token: token,
                    ["alternative": alternative, "status": "agreed", "wording": words]
                )
            }
        }

        // Adoption by the US lead at the revision read; a negotiator may not adopt.
        let (_, readBody) = try await api.get(t, token: usL)
        let read = try JSONSerialization.jsonObject(with: readBody) as? [String: Any]
        let revision = try #require((read?["text"] as? [String: Any])?["revision"] as? Int)
        #expect((read?["blockers"] as? [String])?.isEmpty == true)
        _ = try await api.post(t + "/adopt", token: usN, ["revision": revision], status: 403)
        let adopted = try await api.post(t + "/adopt", token: usL, ["revision": revision])
        let hash = try #require(Self.data(adopted)["canonicalHash"] as? String)

        // The US lead signs the canonical form on its own machine with its own key.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-text-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (canonicalStatus, canonical) = try await api.get(t + "/canonical", token: usL)
        #expect(canonicalStatus == 200)
        let canonicalFile = dir.appendingPathComponent("canonical.json")
        try canonical.write(to: canonicalFile)
        let keyFile = dir.appendingPathComponent("us.key")
        let generated = try CLIRunner.run(["key", "generate", "us.example/lead", "--out", keyFile.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let signed = try CLIRunner.run(["text", "sign", "--key", keyFile.path, "--canonical", canonicalFile.path])
        #expect(signed.status == 0, "\(signed.stderr)")
        let signature = try #require(
            try JSONSerialization.jsonObject(with: Data(signed.stdout.utf8)) as? [String: Any]
        )
        #expect(signature["canonicalHash"] as? String == hash)
        let signatureFile = dir.appendingPathComponent("signature.json")
        try Data(signed.stdout.utf8).write(to: signatureFile)

        // A signature that does not verify is refused and recorded nowhere.
        var forged = signature
        var detached = try #require(signature["detached"] as? [String: String])
        let good = try #require(detached["signature"])
        detached["signature"] =
            String(good.prefix(10)) + (good.dropFirst(10).first == "A" ? "B" : "A")
            + String(good.dropFirst(11))
        forged["detached"] = detached
        _ = try await api.post(t + "/signatures", token: usL, forged, status: 422)
        _ = try await api.post(t + "/signatures", token: usL, signature, status: 201)
        let ruSigned = try await api.post(t + "/signatures", token: ruL, ["canonicalHash": hash], status: 201)
        let kinds = (ruSigned["entries"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["text.signatureRecorded", "text.signed"])

        // The recorded signature, as any party reads it back.
        let (_, finalBody) = try await api.get(t, token: ruN)
        let final = (try JSONSerialization.jsonObject(with: finalBody) as? [String: Any])?["text"] as? [String: Any]
        #expect(final?["status"] as? String == "signed")
        let recorded = try #require(
            (final?["signatures"] as? [[String: Any]])?.compactMap { $0["detached"] as? [String: String] }.first
        )
        #expect(recorded == signature["detached"] as? [String: String])

        // `parley text verify` accepts it, and refuses it over a changed canonical form.
        let verified = try CLIRunner.run([
            "text", "verify", "--signature", signatureFile.path, "--canonical", canonicalFile.path,
        ])
        #expect(verified.status == 0, "\(verified.stderr)")
        let tampered = dir.appendingPathComponent("tampered.json")
        try Data(String(decoding: canonical, as: UTF8.self).replacingOccurrences(of: "month", with: "week").utf8)
            .write(to: tampered)
        let refused = try CLIRunner.run([
            "text", "verify", "--signature", signatureFile.path, "--canonical", tampered.path,
        ])
        #expect(refused.status != 0)

        // Python, standard library plus cryptography: the hash and the signature over the bytes.
        let script = """
            import base64, hashlib, json, sys
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
            data = open(sys.argv[1], 'rb').read()
            sig = json.load(open(sys.argv[2]))
            assert hashlib.sha256(data).hexdigest() == sig['canonicalHash'] == sys.argv[3], 'hash'
            assert json.dumps(json.loads(data), sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode() == data, 'not canonical'
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(sig['detached']['publicKey']))
            key.verify(base64.b64decode(sig['detached']['signature']), data)
            print('python: valid')
            """
        let scriptFile = dir.appendingPathComponent("check.py")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let python = try Self.run("python3", [scriptFile.path, canonicalFile.path, signatureFile.path, hash])
        #expect(python.0 == 0, "\(python.1)")
        #expect(python.1.contains("python: valid"))

        // The Akoma Ntoso export validates against the OASIS schema.
        let (aknStatus, akn) = try await api.get(t + "/akn", token: ruN)
        #expect(aknStatus == 200)
        let xml = String(decoding: akn, as: UTF8.self)
        #expect(xml.contains("<FRBRalias value=\"\(reference)\" name=\"reference\"/>"))
        #expect(xml.contains("<signature refersTo=\"#usa\">"))
        let schema = ServeEndToEndTests.repository.appendingPathComponent("../shared/schemas/akomantoso30.xsd")
            .standardizedFileURL
        guard FileManager.default.fileExists(atPath: schema.path) else {
            print("SKIPPED: no Akoma Ntoso schema at ../shared/schemas/akomantoso30.xsd; the export was not validated")
            return
        }
        let aknFile = dir.appendingPathComponent("text.akn.xml")
        try akn.write(to: aknFile)
        let lint = try Self.run("xmllint", ["--noout", "--schema", schema.path, aknFile.path])
        #expect(lint.0 == 0, "xmllint: \(lint.1)")
    }
}
