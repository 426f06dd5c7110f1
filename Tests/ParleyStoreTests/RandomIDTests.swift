// New ids keep the form `UUID().uuidString.lowercased()` gave them, as version 7 UUIDs: the
// time of their making first (so they sort by it, and rows land at the end of indexes), then
// random bits.

import Foundation
import ParleyStore
import Testing

@Suite struct RandomIDTests {
    @Test func idsAreLowerCaseVersionSevenUUIDsAndDistinct() throws {
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let id = RandomID.make()
            let uuid = try #require(UUID(uuidString: id), "\(id) is not a UUID")
            #expect(uuid.uuidString.lowercased() == id)
            let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 7, "version of \(id)")
            #expect(bytes[8] >> 6 == 0b10, "variant of \(id)")
            seen.insert(id)
        }
        #expect(seen.count == 10_000)
    }

    @Test func theFirstFortyEightBitsAreTheTimeInMilliseconds() throws {
        // 2025-02-18T09:30:00.123Z, the Riyadh meeting's morning.
        let at = Date(timeIntervalSince1970: 1_739_871_000.123)
        let id = RandomID.make(now: at)
        let hex = id.replacingOccurrences(of: "-", with: "").prefix(12)
        #expect(UInt64(hex, radix: 16) == 1_739_871_000_123)
        #expect(id.hasPrefix("01951864-963b-7"))
    }

    @Test func laterIdsSortAfterEarlierOnes() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        // Two milliseconds apart: the random bits never decide the order.
        let ids = (0..<1_000).map { RandomID.make(now: start.addingTimeInterval(Double($0) / 500)) }
        for (earlier, later) in zip(ids, ids.dropFirst()) {
            #expect(earlier < later)
        }
    }

    @Test func idsMadeOnManyTasksAtOnceAreDistinct() async {
        // The random words come from one shared pool: no word may go to two ids.
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<2_000).map { _ in RandomID.make() } } }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(ids).count == 16_000)
    }
}
