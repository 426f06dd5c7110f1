// More of the pages world for the meeting, contact, commitment, readout and record pages: acting
// as a named account straight on the store, delegation members to take part in contacts, and
// the one check every such page shares — that missing, misnamed, foreign-mechanism and
// operator requests all get the very same 404 page.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

extension PagesWorld {
    /// The actor of the account named `username`.
    func actor(_ username: String) async throws -> Actor {
        try #require(try await world.store.account(username: username)).actor
    }

    /// Runs `command` as `username`, straight on the store.
    @discardableResult
    func execute(_ command: Command, as username: String) async throws -> ExecutionResult {
        try await world.store.execute(command, by: try await actor(username))
    }

    /// Adds one delegation member to each side (by its lead) and returns their ids, US first.
    func addMembers() async throws -> (us: MemberID, ru: MemberID) {
        func added(_ result: ExecutionResult) throws -> MemberID {
            let object =
                try JSONSerialization.jsonObject(with: JSONEncoder().encode(result.entries[0])) as? [String: Any]
            return MemberID(((object?["data"] as? [String: Any])?["id"] as? String) ?? "")
        }
        let us = try added(
            try await execute(
                .addMember(.init(mechanism: m, name: "US Envoy", title: "Special Envoy", role: .head)),
                as: "us-lead"
            )
        )
        let ru = try added(
            try await execute(
                .addMember(.init(mechanism: m, name: "RU Envoy", title: "Deputy Minister", role: .head)),
                as: "ru-lead"
            )
        )
        return (us, ru)
    }
}

/// Every response is the one not-found page: same status, same bytes as `missing`.
func expectAllNotFound(_ responses: [TestResponse], like missing: TestResponse) {
    #expect(missing.status == .notFound)
    for response in responses {
        #expect(response.status == .notFound)
        #expect(response.text == missing.text)
    }
}
