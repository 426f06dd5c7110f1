// New ids keep the form `UUID().uuidString.lowercased()` gave them: random version 4 UUIDs.

import Foundation
import ParleyStore
import Testing

@Suite struct RandomIDTests {
    @Test func idsAreLowerCaseVersionFourUUIDsAndDistinct() throws {
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let id = RandomID.make()
            let uuid = try #require(UUID(uuidString: id), "\(id) is not a UUID")
            #expect(uuid.uuidString.lowercased() == id)
            let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 4, "version of \(id)")
            #expect(bytes[8] >> 6 == 0b10, "variant of \(id)")
            seen.insert(id)
        }
        #expect(seen.count == 10_000)
    }
}
