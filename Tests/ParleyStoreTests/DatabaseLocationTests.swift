import ParleyStore
import Testing

@Suite struct DatabaseLocationTests {
    @Test func defaultsToSQLiteInWorkingDirectory() throws {
        #expect(try DatabaseLocation(parsing: nil) == .sqlite(path: "parley.sqlite"))
        #expect(try DatabaseLocation(parsing: "") == .sqlite(path: "parley.sqlite"))
    }

    @Test func recognisesEachForm() throws {
        #expect(try DatabaseLocation(parsing: "/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:///tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:rel.sqlite") == .sqlite(path: "rel.sqlite"))
        let pg = "postgres://u@127.0.0.1:5432/db?tlsmode=disable"
        #expect(try DatabaseLocation(parsing: pg) == .postgres(url: pg))
    }

    @Test func rejectsUnknownSchemesAndEmptyPaths() {
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation(parsing: "mysql://x/y") }
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation(parsing: "sqlite://") }
    }

    @Test func masksPasswordWhenPrinted() throws {
        let loc = try DatabaseLocation(parsing: "postgres://alice:s3cret@db:5432/parley")
        #expect(!loc.description.contains("s3cret"))
        #expect(loc.description.contains("alice"))
    }
}
