import Rapportage
import EventStore
import Foundation
import Postgres
import Dossiers
import Taaktoedeling
import Testing
import ToedelingTestSupport

@testable import AdminCommands

@Suite struct CommandTests {
    // MARK: migrate

    @Test func migrateAppliesEveryFileOnceAndASecondRunIsANoOp() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let files = try FileManager.default.contentsOfDirectory(atPath: try #require(SchemaMigrator.locateSchemaDirectory()).path)
                .filter { $0.hasSuffix(".sql") }.sorted()
            let first = await AdminRun.run(["migrate"], databaseURL: db.url)
            #expect(first.code == 0, "\(first.errors)")
            #expect(first.text == files.map { "applied \($0)\n" }.joined())
            let recorded = try await db.rows("SELECT name, checksum, applied_at FROM schema_migrations ORDER BY name")
            let second = await AdminRun.run(["migrate", "--database-url", db.url])
            #expect(second.code == 0)
            #expect(second.text == "nothing to apply: the database is up to date (\(files.count) migrations)\n")
            #expect(try await db.rows("SELECT name, checksum, applied_at FROM schema_migrations ORDER BY name") == recorded)
        }
    }

    @Test func otherCommandsRefuseAnUnmigratedDatabaseAndSayWhatToDo() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let run = await AdminRun.run(["dossier", "list"], databaseURL: db.url)
            #expect(run.code == 1)
            #expect(run.output.isEmpty)
            #expect(run.errors.hasPrefix("toedeling-admin: the database is not migrated"))
            #expect(run.errors.contains("toedeling-admin migrate"))
            #expect(run.errors.split(separator: "\n").count == 1)
        }
    }

    // MARK: token

    @Test func tokenCreatePrintsOnlyTheTokenWhichListShowsWithoutItAndRevokeEnds() async throws {
        try await TestDatabase.with { db in
            let tokens = TokenStore(pool: db.pool)
            let created = await AdminRun.run(["token", "create", "--rol", "koepel", "--naam", "VNG-loket", "--koepel", "VNG"], databaseURL: db.url)
            #expect(created.code == 0, "\(created.errors)")
            #expect(created.errors.isEmpty)
            let token = try #require(created.text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init))
            #expect(created.text == token + "\n")
            #expect(!token.contains(" "))
            let actor = try #require(try await tokens.authenticate(token: token))
            #expect(actor.naam == "VNG-loket")
            #expect(actor.rol == .koepel)
            #expect(actor.koepel == .VNG)
            let id = try #require(actor.tokenID)

            let coordinatorRun = await AdminRun.run(["token", "create", "--rol", "coordinator", "--naam", "Coördinator BZK"], databaseURL: db.url)
            #expect(coordinatorRun.code == 0)

            let listed = await AdminRun.run(["token", "list"], databaseURL: db.url)
            #expect(listed.code == 0)
            let lines = listed.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines[0].hasPrefix("Id"))
            for header in ["Naam", "Rol", "Koepel", "Aangemaakt", "Ingetrokken"] { #expect(lines[0].contains(header)) }
            let row = try #require(lines.first { $0.hasPrefix(id.uuidString.lowercased()) })
            #expect(row.contains("VNG-loket") && row.contains("koepel") && row.contains("VNG"))
            #expect(row.hasSuffix("–"))
            #expect(lines.contains { $0.contains("Coördinator BZK") && $0.contains("coordinator") })
            #expect(!listed.text.contains(token))
            let hashes = try await db.rows("SELECT encode(token_hash, 'hex') FROM api_tokens")
            for hash in hashes { #expect(!listed.text.contains(hash.trimmingCharacters(in: CharacterSet(charactersIn: "()")))) }

            let revoked = await AdminRun.run(["token", "revoke", id.uuidString], databaseURL: db.url)
            #expect(revoked.code == 0)
            #expect(revoked.text == "revoked token \(id.uuidString.lowercased())\n")
            #expect(try await tokens.authenticate(token: token) == nil)
            let after = await AdminRun.run(["token", "list"], databaseURL: db.url)
            let revokedRow = try #require(after.text.split(separator: "\n").first { $0.hasPrefix(id.uuidString.lowercased()) })
            #expect(!revokedRow.hasSuffix("–"))

            let again = await AdminRun.run(["token", "revoke", id.uuidString], databaseURL: db.url)
            #expect(again.code == 1)
            #expect(again.errors == "toedeling-admin: no active token with id \(id.uuidString.lowercased())\n")
        }
    }

    // MARK: dossier

    @Test func dossierListShowsEveryDossierAndFiltersByFaseAndVakdepartement() async throws {
        try await TestDatabase.with { db in
            let dossiers = try await populate(db.service)
            let all = await AdminRun.run(["dossier", "list"], databaseURL: db.url)
            #expect(all.code == 0, "\(all.errors)")
            let lines = all.text.split(separator: "\n").map(String.init)
            #expect(lines.count == dossiers.count + 2)
            for dossier in dossiers {
                #expect(lines.contains { $0.hasPrefix(dossier.kenmerk.description) && $0.contains(dossier.id.uuidString.lowercased()) && $0.contains(dossier.fase.weergave) })
            }
            let besloten = await AdminRun.run(["dossier", "list", "--fase", "besloten"], databaseURL: db.url)
            let beslotenRows = besloten.text.split(separator: "\n").dropFirst(2)
            #expect(beslotenRows.count == dossiers.filter { $0.fase == .besloten }.count)
            #expect(beslotenRows.allSatisfy { $0.contains("Waterkeringen") })
            let lnv = await AdminRun.run(["dossier", "list", "--vakdepartement", "LNV"], databaseURL: db.url)
            #expect(lnv.text.split(separator: "\n").dropFirst(2).count == 1)
            let none = await AdminRun.run(["dossier", "list", "--vakdepartement", "Defensie"], databaseURL: db.url)
            #expect(none.text == "Geen dossiers.\n")
        }
    }

    @Test func dossierShowReadsTheSameByKenmerkAndByIdWithDutchLabels() async throws {
        let clock = TestClock(Date())
        try await TestDatabase.with(clock: clock) { db in
            let dossiers = try await populate(db.service)
            let besloten = try #require(dossiers.first { $0.fase == .besloten })
            let byKenmerk = await AdminRun.run(["dossier", "show", besloten.kenmerk.description], databaseURL: db.url)
            #expect(byKenmerk.code == 0, "\(byKenmerk.errors)")
            let byID = await AdminRun.run(["dossier", "show", besloten.id.uuidString], databaseURL: db.url)
            #expect(byID.text == byKenmerk.text)
            for expected in [
                "Dossier \(besloten.kenmerk) — Waterkeringen", "Vakdepartement:", "IenW", "Fase:", "besloten",
                "Besluit", "belegd bij de gemeente", "Kamerstukken", "33047-43", "Financiële gevolgen", "€ 1.200.000",
                "UDO", "uitvoerbaar met voorwaarden", "Toetsing", "advies: gemeente",
            ] {
                #expect(byKenmerk.text.contains(expected), "missing \(expected)")
            }
            let later = try await openDossier(db.service, titel: "Later gewijzigd")
            clock.advance(seconds: 2)
            _ = try await db.service.execute(.openConsultatie(koepels: [.UvW], termijn: Kalenderdatum("2030-12-31")!), on: later.id, context: context())
            let justAfterOpening = Peildatum(moment: Date(timeIntervalSince1970: ceil(later.geopendOp.timeIntervalSince1970)))
            let asOpened = await AdminRun.run(["dossier", "show", later.kenmerk.description, "--peildatum", justAfterOpening.tekst], databaseURL: db.url)
            #expect(asOpened.code == 0, "\(asOpened.errors)")
            #expect(asOpened.text.contains("Versie:               1\n"))
            #expect(asOpened.text.contains("Fase:                 voorstel\n"))
            let now = await AdminRun.run(["dossier", "show", later.kenmerk.description], databaseURL: db.url)
            #expect(now.text.contains("Fase:                 consultatie\n"))
            let unknown = await AdminRun.run(["dossier", "show", "TT-1999-0001"], databaseURL: db.url)
            #expect(unknown.code == 1)
            #expect(unknown.errors == "toedeling-admin: no dossier TT-1999-0001\n")
        }
    }

    @Test func dossierTimelineListsTheServiceSentencesAndHonoursThePeildatum() async throws {
        try await TestDatabase.with { db in
            let dossiers = try await populate(db.service)
            let consultatie = try #require(dossiers.first { $0.fase == .consultatie })
            let beheerder = Actor(naam: "test", hoedanigheid: .coordinator)
            let regels = try #require(try await db.service.tijdlijn(consultatie.id, voor: beheerder))
            let run = await AdminRun.run(["dossier", "timeline", consultatie.kenmerk.description], databaseURL: db.url)
            #expect(run.code == 0, "\(run.errors)")
            let lines = run.text.split(separator: "\n").map(String.init)
            #expect(lines.count == regels.count + 2)
            for (line, regel) in zip(lines.dropFirst(2), regels) {
                #expect(line.hasPrefix(String(regel.versie)))
                #expect(line.hasSuffix(regel.omschrijving))
                #expect(line.contains(regel.type))
            }
            let before = await AdminRun.run(
                ["dossier", "timeline", consultatie.id.uuidString, "--peildatum", "2000-01-01"], databaseURL: db.url
            )
            #expect(before.code == 1)
            #expect(before.errors.hasPrefix("toedeling-admin: no dossier"))
        }
    }

    // MARK: report

    @Test(arguments: [Rapportformaat.json, .csv, .markdown, .html])
    func theEvaluationOverviewIsTheDomainRendering(format: Rapportformaat) async throws {
        try await TestDatabase.with { db in
            try await populate(db.service)
            let expected = try format.render(try await db.service.evaluatie(van: Kalenderdatum("2000-01-01"), tot: nil))
            let run = await AdminRun.run(["report", "evaluatie", "--van", "2000-01-01", "--format", format.rawValue], databaseURL: db.url)
            #expect(run.code == 0, "\(run.errors)")
            #expect(run.output == expected)
            let backwards = await AdminRun.run(["report", "evaluatie", "--van", "2026-02-01", "--tot", "2026-01-01"], databaseURL: db.url)
            #expect(backwards.code == 64)
        }
    }

    @Test func controlCharactersNeverReachTheTerminalRaw() {
        let captured = AdminRun.Captured()
        let output = AdminOutput { captured.append($0) }
        try? output.line("toelichting: \u{1B}]0;gekaapt\u{07}\u{1B}[2J\rniets\u{9B}31m\tmet tab")
        let text = String(decoding: captured.data, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D || $0.value == 0x9B })
        #expect(text == "toelichting: \\u{1b}]0;gekaapt\\u{7}\\u{1b}[2J\\u{d}niets\\u{9b}31m\tmet tab\n")
        let report = AdminRun.Captured()
        try? AdminOutput { report.append($0) }.write(report: Data("a,b\r\n\u{1B}[1m,c\r\n".utf8))
        #expect(String(decoding: report.data, as: UTF8.self) == "a,b\r\n\\u{1b}[1m,c\r\n", "CSV line ends stay")
    }

    @Test(arguments: [Rapportformaat.json, .csv, .markdown, .html])
    func reportBytesAreTheDomainRenderingForThePeildatum(format: Rapportformaat) async throws {
        try await TestDatabase.with { db in
            try await populate(db.service)
            let peildatum = Peildatum(moment: Date().addingTimeInterval(60))
            let report = try await db.service.standVanZaken(peildatum: peildatum)
            #expect(report.rijen.count == 4)
            let expected: Data = switch format {
            case .json: try report.json()
            case .csv: Data(report.csv().utf8)
            case .markdown: Data(report.markdown().utf8)
            case .html: Data(report.html().utf8)
            }
            let run = await AdminRun.run(["report", "stand-van-zaken", "--peildatum", peildatum.tekst, "--format", format.rawValue], databaseURL: db.url)
            #expect(run.code == 0, "\(run.errors)")
            #expect(run.output == expected)
        }
    }

    @Test func reportDefaultsToJSONLikeTheAPI() async throws {
        try await TestDatabase.with { db in
            try await populate(db.service)
            let run = await AdminRun.run(["report", "stand-van-zaken", "--peildatum", "2099-01-01"], databaseURL: db.url)
            #expect(run.output == (try await db.service.standVanZaken(peildatum: Peildatum("2099-01-01")!).json()))
            let empty = await AdminRun.run(["report", "stand-van-zaken", "--peildatum", "2000-01-01", "--format", "markdown"], databaseURL: db.url)
            #expect(empty.text.contains("Geen dossiers op deze peildatum."))
        }
    }

    // MARK: projections, verify

    @Test func projectionsRebuildReproducesTheReadModels() async throws {
        try await TestDatabase.with { db in
            let dossiers = try await populate(db.service)
            let before = try await db.rows("SELECT * FROM dossiers ORDER BY id")
            let timeline = try await db.rows("SELECT * FROM dossier_tijdlijn ORDER BY dossier_id, versie")
            let run = await AdminRun.run(["projections", "rebuild"], databaseURL: db.url)
            #expect(run.code == 0, "\(run.errors)")
            let events = try await db.count("events")
            #expect(run.text == "rebuilt the projections: \(dossiers.count) dossiers from \(events) events\n")
            #expect(try await db.rows("SELECT * FROM dossiers ORDER BY id") == before)
            #expect(try await db.rows("SELECT * FROM dossier_tijdlijn ORDER BY dossier_id, versie") == timeline)
        }
    }

    @Test func verifyPassesOnIntactChainsAndNamesTheFirstBadEventOfEachBrokenStream() async throws {
        try await TestDatabase.with { db in
            let dossiers = try await populate(db.service)
            let intact = await AdminRun.run(["verify"], databaseURL: db.url)
            #expect(intact.code == 0, "\(intact.errors)")
            #expect(intact.text == "every chain holds: \(dossiers.count) streams, \(try await db.count("events")) events\n")

            let besloten = try #require(dossiers.first { $0.fase == .besloten })
            let events = try await db.store.readStream(DossierStream.id(of: besloten.id))
            let connection = try PostgresConnection(connectionString: db.url)
            try connection.executeScript("ALTER TABLE events DISABLE TRIGGER ALL")
            try connection.execute(
                "UPDATE events SET data = jsonb_set(data, '{motivering}', '\"Anders.\"') WHERE event_id = $1", [.uuid(events[5].eventID)]
            )
            try connection.executeScript("ALTER TABLE events ENABLE TRIGGER ALL")

            let broken = await AdminRun.run(["verify"], databaseURL: db.url)
            #expect(broken.code == 1)
            #expect(broken.text == "stream \(DossierStream.id(of: besloten.id)) broken at version 6 (event \(events[5].eventID)): hashMismatch\n")
            #expect(broken.errors == "toedeling-admin: 1 of \(dossiers.count) streams are broken (listed on standard output)\n")
        }
    }
}
