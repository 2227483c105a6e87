import Foundation
import Postgres
import Testing

/// `COPY … FROM STDIN`: every kind of value arrives as a parameter of that kind would, whatever
/// bytes its text holds; a refused row fails the copy and leaves nothing.
@Suite struct CopyTests {
    @Test func everyKindOfValueArrivesUnchangedThroughTheTextFormat() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.execute(
                """
                CREATE TABLE kopie (n int8, t text, b bool, u uuid, m timestamptz, j jsonb, r bytea, d float8, a text[], x json)
                """
            )
            let moment = Date(timeIntervalSince1970: 1_796_000_000.123456)
            let id = UUID()
            let lastig = "tab\there\nnew line\r\\backslash\\N 'quote' \"dubbel\" é 🏛️"
            var rows = PostgresCopyRows()
            rows.append([
                .int(-42), .text(lastig), .bool(true), .uuid(id), .timestamp(moment), .jsonb(Data(#"{"a": "x\ny\\z"}"#.utf8)),
                .bytea(Data([0, 1, 0x5C, 0xFF])), .double(0.1), .text("{VNG,IPO}"), .text(#"{"z":1,  "a":"\t"}"#),
            ])
            rows.append([.null, .null, .null, .null, .null, .null, .null, .null, .null, .null])
            rows.append([.int(7), .text(""), .bool(false), .uuid(id), .timestamp(moment), .jsonb(Data("[]".utf8)), .bytea(Data()), .double(-1), .text("{}"), .text("null")])
            let copied = try connection.copy(rows, into: "kopie", columns: ["n", "t", "b", "u", "m", "j", "r", "d", "a", "x"])
            #expect(copied == 3)
            #expect(rows.count == 3)
            let gelezen = try connection.query("SELECT * , j::text AS jt, a::text AS at, x::text AS xt FROM kopie ORDER BY n NULLS LAST")
            #expect(gelezen.count == 3)
            let eerste = gelezen[0]
            #expect(try eerste.int64("n") == -42)
            #expect(try eerste.string("t") == lastig)
            #expect(try eerste.bool("b"))
            #expect(try eerste.uuid("u") == id)
            #expect(try eerste.date("m") == moment)
            #expect(try eerste.string("jt") == #"{"a": "x\ny\\z"}"#)
            #expect(try connection.bytes("SELECT r FROM kopie WHERE n = -42") == [0, 1, 0x5C, 0xFF])
            #expect(try eerste.double("d") == 0.1)
            #expect(try eerste.string("at") == "{VNG,IPO}")
            // A json column keeps the text exactly as sent.
            #expect(try eerste.string("xt") == #"{"z":1,  "a":"\t"}"#)
            #expect(try gelezen[1].string("t") == "")
            #expect(try gelezen[2].isNull("t") && gelezen[2].isNull("n") && gelezen[2].isNull("r"))
        }
    }

    @Test func aRefusedRowFailsTheCopyLeavesNothingAndTheConnectionWorksOn() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.execute("CREATE TABLE kopie (n int8 PRIMARY KEY, t text NOT NULL)")
            var rows = PostgresCopyRows()
            for n in 1...1000 { rows.append([.int(Int64(n)), .text(String(repeating: "x", count: 2000))]) }
            rows.append([.int(1), .text("twee keer")])
            let error = try #require(throws: PostgresError.self) { try connection.copy(rows, into: "kopie", columns: ["n", "t"]) }
            #expect(error.sqlState == "23505")
            var zonderTekst = PostgresCopyRows()
            zonderTekst.append([.int(5), .null])
            #expect(throws: PostgresError.self) { try connection.copy(zonderTekst, into: "kopie", columns: ["n", "t"]) }
            #expect(throws: PostgresError.self) { try connection.copy(rows, into: "bestaat_niet", columns: ["n"]) }
            #expect(try connection.query("SELECT count(*) AS n FROM kopie")[0].int("n") == 0)
            rows.removeAll()
            rows.append([.int(1), .text("een")])
            #expect(try connection.copy(rows, into: "kopie", columns: ["n", "t"]) == 1)
            #expect(try connection.query("SELECT t FROM kopie WHERE n = 1")[0].string("t") == "een")
        }
    }
}
