import Foundation
import Postgres
@testable import Dossiers
import Taaktoedeling
import Testing
import ToedelingTestSupport

/// Linked Kamerstukken are rows of their own (`dossier_kamerstukken`), out of the state a command
/// loads and rewrites; the stored views are spliced with them on every read.
@Suite(.serialized) struct KamerstukkenTests {
    /// Titles a renderer could get wrong: quotes, a backslash, a slash, a line break, accents, a
    /// line separator.
    static let titels = ["Brief", "Brief \"over\" taken", #"Pad C:\wet\"#, "Nota 1/2", "Twee\nregels", "Ééntje", "Scheiding\u{2028}"]

    @Test func linksAreRowsOfTheirOwnAndEveryViewIsWhole() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            var laatste: CommandOutcome?
            for (n, titel) in Self.titels.enumerated() {
                laatste = try await db.service.execute(
                    .koppelKamerstuk(nummer: "33047-\(n + 1)", titel: titel, datum: termijn), on: dossier.id, context: context()
                )
            }
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            let opgeslagen = try await db.pool.withConnection { connection in
                try connection.query("SELECT staat -> 'kamerstukken' AS k FROM dossiers WHERE id = $1", [.uuid(dossier.id)])[0].json("k")
            }
            #expect(String(decoding: opgeslagen, as: UTF8.self) == "[]", "the stored state holds no Kamerstukken")
            #expect(try await db.dump("dossier_kamerstukken").count == Self.titels.count)

            let volledig = try #require(try await db.service.dossier(dossier.id))
            #expect(volledig.kamerstukken.map(\.nummer) == (1...Self.titels.count).map { "33047-\($0)" })
            #expect(volledig.kamerstukken.map(\.titel) == Self.titels)
            for lezer in [coordinator, liaison, koepel(.VNG)] {
                let gelezen = try #require(try await db.service.weergave(dossier.id, voor: lezer))
                let gerenderd = try #require(try DossierWeergave.render(volledig, voor: lezer))
                #expect(gelezen == gerenderd, "the view of \(lezer.naam) is the whole dossier")
                let lijst = try await db.service.weergaven(DossierQuery(pageSize: 10), voor: lezer)
                #expect(lijst.documents == [gerenderd.document], "the list of \(lezer.naam) holds the whole dossier")
            }
            #expect(try await db.service.weergave(dossier.id, voor: koepel(.IPO)) == nil)
            // The answer to the last link was the whole dossier as it was then.
            var toen = volledig
            toen.kamerstukken = Array(volledig.kamerstukken.prefix(Self.titels.count))
            toen.consultaties = []
            toen.fase = .voorstel
            toen.versie = Int64(Self.titels.count + 1)
            toen.bijgewerktOp = volledig.kamerstukken.last!.gekoppeldOp
            let antwoord = try #require(try laatste?.weergave(voor: coordinator))
            #expect(antwoord.document == (try DossierWeergave.encoder().encode(toen)))
        }
    }

    @Test func aViewWithoutLinksIsCompleteAndOneWithLinksIsFilledFromTheirParts() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            func splitsingen() async throws -> [Bool] {
                try await db.pool.withConnection { connection in
                    try connection.query("SELECT kamerstukken_na IS NOT NULL AS gesplitst FROM dossier_weergaven ORDER BY kijker")
                        .map { try $0.bool("gesplitst") }
                }
            }
            func heel() async throws {
                let volledig = try #require(try await db.service.dossier(dossier.id))
                for lezer in [coordinator, koepel(.VNG)] {
                    #expect(try await db.service.weergave(dossier.id, voor: lezer) == (try DossierWeergave.render(volledig, voor: lezer)))
                    let lijst = try await db.service.weergaven(DossierQuery(pageSize: 10), voor: lezer)
                    #expect(lijst.documents == [try #require(try DossierWeergave.render(volledig, voor: lezer)).document])
                }
            }
            #expect(try await splitsingen() == [false, false], "without links a stored view is the whole document")
            try await heel()
            let titel = String(repeating: "Beleidsbrief over de taaktoedeling ", count: 6)
            var n = 0
            func koppel() async throws {
                n += 1
                _ = try await db.service.execute(.koppelKamerstuk(nummer: "36000-\(n)", titel: titel, datum: termijn), on: dossier.id, context: context())
            }
            try await koppel()
            #expect(try await splitsingen() == [true, true], "with links a read fills them in")
            try await heel()
            // Past one part (each link renders to about 290 bytes): kept in parts, each rewritten
            // only while it is the last and not full.
            while n * 290 <= 2 * DossierProjection.deelOmvang + 600 { try await koppel() }
            try await heel()
            let delen = try await db.pool.withConnection { connection in
                try connection.query("SELECT octet_length(weergave) AS omvang FROM dossier_kamerstukken_delen ORDER BY deel")
                    .map { try $0.int("omvang") }
            }
            #expect(delen.count >= 3)
            #expect(delen.allSatisfy { $0 <= DossierProjection.deelOmvang })
            // A change that links nothing keeps them.
            _ = try await db.service.execute(.wijzigVoorstel(VoorstelWijziging(titel: "Nieuw")), on: dossier.id, context: context())
            try await heel()
            // A rebuild, which projects the whole stream at once, leaves the same parts as the
            // commands that linked them one at a time.
            let tabellen = ["dossiers", "dossier_weergaven", "dossier_kamerstukken", "dossier_kamerstukken_delen", "dossier_tijdlijn"]
            var voor: [[String]] = []
            for tabel in tabellen { voor.append(try await db.dump(tabel)) }
            try await ProjectionRebuilder(pool: db.pool, logger: .init(label: "test")).rebuild()
            for (index, tabel) in tabellen.enumerated() { #expect(try await db.dump(tabel) == voor[index], "\(tabel)") }
            try await heel()
        }
    }

    @Test func aNumberIsLinkedOnceAlsoWhenLinkedInParallel() async throws {
        try await TestDatabase.with(maximumConnections: 8) { db in
            let dossier = try await openDossier(db.service)
            for n in 1...20 {
                _ = try await db.service.execute(.koppelKamerstuk(nummer: "36000-\(n)", titel: "Brief", datum: termijn), on: dossier.id, context: context())
            }
            let gelukt = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await db.service.execute(
                                .koppelKamerstuk(nummer: "36000-99", titel: "Brief", datum: termijn), on: dossier.id, context: context()
                            )
                            return true
                        } catch DomainError.conflict {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(gelukt == 1)
            // An early one again, read from its row.
            await #expect(throws: DomainError.conflict("Kamerstuk 36000-3 is al aan dit dossier gekoppeld.")) {
                try await db.service.execute(.koppelKamerstuk(nummer: "36000-3", titel: "Brief", datum: termijn), on: dossier.id, context: context())
            }
            let gelezen = try #require(try await db.service.dossier(dossier.id))
            #expect(gelezen.versie == 22)
            #expect(gelezen.kamerstukken.map(\.nummer) == (1...20).map { "36000-\($0)" } + ["36000-99"])
            #expect(try await db.dump("dossier_kamerstukken").count == 21)
        }
    }

    @Test func theMigrationRendersAKamerstukAsTheServerDoes() async throws {
        try await TestDatabase.with { db in
            // Instants to the microsecond, on and just around whole seconds.
            let momenten = [0, 0.000001, 0.5, 0.999999, 59.999999].map { Date(timeIntervalSince1970: 1_780_000_000 + $0) }
            try await db.pool.withConnection { connection in
                // A control character too: commands refuse one, an earlier release may have stored one.
                for (n, titel) in (Self.titels + ["Bel\u{07}\u{1F}"]).enumerated() {
                    for moment in momenten {
                        let rij = try KamerstukRij(versie: 1, kamerstuk: Kamerstuk(nummer: "33047-\(n)", titel: titel, datum: termijn, gekoppeldOp: moment))
                        let staat = try DossierProjection.stateWriter.encode(rij.staat)
                        let sql = try connection.query("SELECT dossier_kamerstuk_weergave($1::jsonb) AS w", [.jsonb(staat)])[0].string("w")
                        #expect(sql == rij.weergave, "\(titel) at \(moment.timeIntervalSince1970)")
                    }
                }
            }
        }
    }

    @Test func theMigrationMovesEarlierLinksOutOfTheStoredState() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            for (n, titel) in Self.titels.prefix(3).enumerated() {
                _ = try await db.service.execute(.koppelKamerstuk(nummer: "33047-\(n + 1)", titel: titel, datum: termijn), on: dossier.id, context: context())
            }
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            let lezers = [coordinator, koepel(.VNG)]
            var gelezen: [DossierWeergave] = []
            for lezer in lezers { gelezen.append(try #require(try await db.service.weergave(dossier.id, voor: lezer))) }
            let voor = gelezen
            let rijenVoor = try await Self.koppelingen(db)
            let delenVoor = try await db.dump("dossier_kamerstukken_delen")
            let staatVoor = try await db.dump("dossiers")
            // The dossier as the release before 0017 stored it: its Kamerstukken in the state and in
            // complete views, no rows.
            try await db.pool.withConnection { connection in
                try connection.execute(
                    """
                    UPDATE dossiers d SET staat = jsonb_set(staat, '{kamerstukken}',
                        (SELECT jsonb_agg(k.staat ORDER BY k.versie) FROM dossier_kamerstukken k WHERE k.dossier_id = d.id))
                    """
                )
                for (lezer, weergave) in zip(lezers, voor) {
                    try connection.execute(
                        "UPDATE dossier_weergaven SET document = $1::json, kamerstukken_na = NULL WHERE dossier_id = $2 AND kijker = $3",
                        [.text(String(decoding: weergave.document, as: UTF8.self)), .uuid(dossier.id), .text(DossierWeergave.kijker(voor: lezer))]
                    )
                }
                try connection.execute("DELETE FROM dossier_kamerstukken")
                try connection.execute("DELETE FROM dossier_kamerstukken_delen")
                let schema = try #require(SchemaMigrator.locateSchemaDirectory())
                let migratie = try String(contentsOf: schema.appendingPathComponent("0017_dossier_kamerstukken.sql"), encoding: .utf8)
                let gegevens = try #require(migratie.range(of: "INSERT INTO dossier_kamerstukken"))
                try connection.executeScript(String(migratie[gegevens.lowerBound...]))
            }
            #expect(try await Self.koppelingen(db) == rijenVoor)
            #expect(try await db.dump("dossier_kamerstukken_delen") == delenVoor)
            #expect(try await db.dump("dossiers") == staatVoor)
            for (lezer, weergave) in zip(lezers, voor) {
                #expect(try await db.service.weergave(dossier.id, voor: lezer) == weergave)
            }
            // The next command writes views with the splice point, and they stay whole.
            _ = try await db.service.execute(.koppelKamerstuk(nummer: "33047-9", titel: "Later", datum: termijn), on: dossier.id, context: context())
            let volledig = try #require(try await db.service.dossier(dossier.id))
            #expect(volledig.kamerstukken.map(\.nummer) == ["33047-1", "33047-2", "33047-3", "33047-9"])
            for lezer in lezers {
                #expect(try await db.service.weergave(dossier.id, voor: lezer) == (try DossierWeergave.render(volledig, voor: lezer)))
            }
        }
    }

    /// The rows of `dossier_kamerstukken` in order, without their `versie` (the migration numbers
    /// the links it moves by their place in the list).
    static func koppelingen(_ db: TestDatabase) async throws -> [String] {
        try await db.pool.withConnection { connection in
            try connection.query("SELECT (dossier_id, nummer, staat, weergave)::text AS rij FROM dossier_kamerstukken ORDER BY dossier_id, versie")
                .map { try $0.string("rij") }
        }
    }
}
