import Foundation
import Postgres
import Testing

@Suite struct ValueRoundTripTests {
    @Test func textWithUnicodeAndQuotesComesBackUnchanged() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let text = "Gemeente 's-Hertogenbosch — Ĳsselmeer ✓ 🏛️ '; DROP TABLE x; --"
            let rows = try connection.query("SELECT $1::text AS value", [.text(text)])
            #expect(try rows[0].string("value") == text)
        }
    }

    @Test func nullReadsAsNilAndIsRefusedByNonOptionalReads() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let row = try connection.query("SELECT $1::int8 AS value", [.null])[0]
            #expect(try row.optionalInt64("value") == nil)
            #expect(try row.isNull("value"))
            let error = try #require(throws: PostgresError.self) { try row.int64("value") }
            #expect(error.code == .decoding)
        }
    }

    @Test func scalarValuesRoundTrip() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let id = UUID()
            let row = try connection.query(
                "SELECT $1::int8 AS number, $2::bool AS flag, $3::uuid AS id, $4::float8 AS ratio, $5::int8 AS smallest",
                [.int(9_007_199_254_740_993), .bool(true), .uuid(id), .double(0.1), .int(.min)]
            )[0]
            #expect(try row.int64("number") == 9_007_199_254_740_993)
            #expect(try row.bool("flag"))
            #expect(try row.uuid("id") == id)
            #expect(try row.double("ratio") == 0.1)
            #expect(try row.int64(at: 4) == .min)
        }
    }

    @Test func timestampsRoundTripToTheMicrosecondInUTC() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let instants = [
                Date(timeIntervalSince1970: 1_795_926_896.123456),
                Date(timeIntervalSince1970: -86_400 * 365.25 * 30 + 0.000001),
                Date(timeIntervalSince1970: 0.999999),
            ]
            for instant in instants {
                let row = try connection.query(
                    "SELECT $1::timestamptz AS value, (extract(epoch FROM $1::timestamptz) * 1000000)::int8 AS micros",
                    [.timestamp(instant)]
                )[0]
                let expectedMicros = Int64((instant.timeIntervalSince1970 * 1_000_000).rounded())
                #expect(try row.int64("micros") == expectedMicros)
                let readBack = try row.date("value")
                #expect(Int64((readBack.timeIntervalSince1970 * 1_000_000).rounded()) == expectedMicros)
            }
        }
    }

    @Test func timestampsInAnotherSessionTimeZoneAreReadAsTheSameInstant() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("SET TimeZone = 'Asia/Kolkata'")
            let row = try connection.query("SELECT '2026-06-01 12:00:00.250001+00'::timestamptz AS value")[0]
            let expected = Date(timeIntervalSince1970: 1_780_315_200.250001)
            #expect(abs(try row.date("value").timeIntervalSince(expected)) < 0.0000005)
        }
    }

    @Test func byteaRoundTripsEveryByteValue() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let bytes = Data((0...255).map(UInt8.init) + [0, 0, 255])
            let row = try connection.query("SELECT $1::bytea AS value, $2::bytea AS empty", [.bytea(bytes), .bytea(Data())])[0]
            #expect(try row.data("value") == bytes)
            #expect(try row.data("empty") == Data())
        }
    }

    @Test func jsonbIsSentAndReadAsUTF8Documents() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let document = Data(#"{"naam": "Één", "n": [1, 2.5]}"#.utf8)
            let row = try connection.query("SELECT $1::jsonb AS value, $1::jsonb ->> 'absent' AS missing, $1::jsonb ->> 'naam' AS naam", [.jsonb(document)])[0]
            let decoded = try JSONSerialization.jsonObject(with: try row.json("value")) as? [String: Any]
            #expect(decoded?["naam"] as? String == "Één")
            #expect(try row.optionalString("missing") == nil)
            #expect(try row.string("naam") == "Één")
        }
    }

    @Test func jsonIsStoredByteForByteAndJsonbNormalised() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TEMPORARY TABLE documenten (j json, b jsonb)")
            // Keys out of order, spacing, an escaped slash and a non-ASCII letter: json keeps the
            // bytes as sent (a stored view is served as it was written), jsonb its own form.
            let tekst = #"{"z": 1,  "a":"\/Één\u00e9"}"#
            try connection.execute("INSERT INTO documenten VALUES ($1, $2)", [.json(Data(tekst.utf8)), .jsonb(Data(tekst.utf8))])
            let row = try connection.query("SELECT j::text AS j, b::text AS b, pg_typeof($1) AS soort FROM documenten", [.json(Data("{}".utf8))])[0]
            #expect(try row.string("j") == tekst)
            #expect(try row.string("b") == #"{"a": "/Één"# + "\u{E9}" + #"", "z": 1}"#)
            #expect(try row.string("soort") == "json")
            let leeg = try connection.query("SELECT $1::jsonb AS b, $2::json AS j", [.jsonb(Data("[]".utf8)), .json(Data("\"\"".utf8))])[0]
            #expect(try leeg.string("b") == "[]")
            #expect(try leeg.string("j") == "\"\"")
        }
    }

    @Test func aDocumentThatIsNotJSONOrNotUTF8IsRefusedByTheServer() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let fouten: [Data] = [Data("{\"a\": }".utf8), Data([0x7B, 0x7D, 0x00]), Data([0x22, 0xC3, 0x28, 0x22]), Data()]
            for fout in fouten {
                for waarde in [PostgresValue.json(fout), .jsonb(fout)] {
                    let error = try #require(throws: PostgresError.self) { try connection.query("SELECT $1 AS v", [waarde]) }
                    #expect(error.sqlState?.hasPrefix("22") == true, "\(Array(fout)): \(error.sqlState ?? "-")")
                }
            }
            // The connection is still usable.
            #expect(try connection.query("SELECT 1 AS een")[0].int("een") == 1)
        }
    }

    @Test func readingAColumnAsTheWrongTypeIsADecodingError() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let row = try connection.query("SELECT 'abc'::text AS word, 1::int4 AS number")[0]
            #expect(throws: PostgresError.self) { try row.int64("word") }
            #expect(throws: PostgresError.self) { try row.bool("number") }
            #expect(throws: PostgresError.self) { try row.string("no_such_column") }
            #expect(try row.int("number") == 1)
            #expect(try row.string("number") == "1")
        }
    }

    @Test func literalsBuildParameters() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let row = try connection.query("SELECT $1::text AS a, $2::int8 AS b, $3::bool AS c, $4::text AS d", ["x", 42, true, nil])[0]
            #expect(try row.string("a") == "x")
            #expect(try row.int64("b") == 42)
            #expect(try row.bool("c"))
            #expect(try row.optionalString("d") == nil)
        }
    }
}
