// PostgreSQL's answer to verify's reads: rows are handed over in order of index whatever order
// the server aggregated them in, each with its own two BLOBs.
import Testing

@testable import ParleyStore

@Suite struct IndexedBlobsTests {
    /// The rows as `scan` hands them over: index, first BLOB as text, second BLOB's bytes.
    static func scanned(_ blobs: IndexedBlobs) -> [String] {
        var rows: [String] = []
        blobs.scan { index, a, b in
            rows.append("\(index):\(String(decoding: a, as: UTF8.self)):\(Array(b))")
            return true
        }
        return rows
    }

    @Test func rowsComeInOrderOfIndexWhateverOrderTheyWereSentIn() throws {
        let sent = try #require(
            IndexedBlobs(
                indexes: [7, 5, 6],
                firstLengths: [5, 4, 0],
                first: Array("sevenfive".utf8),
                secondLengths: [1, 2, 1],
                second: [70, 50, 51, 60]
            )
        )
        #expect(Self.scanned(sent) == ["5:five:[50, 51]", "6::[60]", "7:seven:[70]"])
        let inOrder = try #require(
            IndexedBlobs(
                indexes: [5, 6, 7],
                firstLengths: [4, 0, 5],
                first: Array("fiveseven".utf8),
                secondLengths: [2, 1, 1],
                second: [50, 51, 60, 70]
            )
        )
        #expect(Self.scanned(inOrder) == Self.scanned(sent))
    }

    @Test func aScanStopsWhenAsked() throws {
        let blobs = try #require(
            IndexedBlobs(indexes: [2, 1], firstLengths: [1, 1], first: [2, 1], secondLengths: [0, 0], second: [])
        )
        var seen: [Int64] = []
        blobs.scan { index, _, _ in
            seen.append(index)
            return false
        }
        #expect(seen == [1])
    }

    @Test func lengthsThatDoNotAddUpAreRefused() {
        #expect(IndexedBlobs(indexes: [1], firstLengths: [3], first: [1, 2], secondLengths: [0], second: []) == nil)
        #expect(IndexedBlobs(indexes: [1, 2], firstLengths: [1], first: [1], secondLengths: [0], second: []) == nil)
    }
}
