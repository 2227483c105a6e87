import ToedelingTestSupport
import EventStore
import Foundation
import Postgres
import Dossiers
import Taaktoedeling
import Testing

@Suite struct ExportImportCommandTests {
    @Test func exportThenImportIntoAFreshDatabaseReadsTheSameAndVerifies() async throws {
        try await TestDatabase.with { source in
            let dossiers = try await populate(source.service)
            let file = temporaryFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            // A backup: with the keys, so that the import reads every sealed text.
            let exported = await AdminRun.run(["export", "--sleutels", "--output", file], databaseURL: source.url)
            #expect(exported.code == 0, "\(exported.errors)")
            let eventCount = try await source.count("events")
            #expect(exported.text == "exported \(eventCount) events of \(dossiers.count) streams to \(file)\n")
            let toStdout = await AdminRun.run(["export", "--sleutels"], databaseURL: source.url)
            #expect(toStdout.output == (try Data(contentsOf: URL(fileURLWithPath: file))))
            let sleutelCount = try await source.count("sleutels")
            #expect(sleutelCount == dossiers.count + 1)  // each dossier's, and the token holder's
            #expect(toStdout.text.split(separator: "\n").count == eventCount + sleutelCount)

            try await TestDatabase.with { target in
                let imported = await AdminRun.run(["import", "--input", file], databaseURL: target.url)
                #expect(imported.code == 0, "\(imported.errors)")
                #expect(imported.text == """
                    imported \(eventCount) events of \(dossiers.count) streams; every chain holds
                    rebuilt the projections: \(dossiers.count) dossiers from \(eventCount) events

                    """)
                let verified = await AdminRun.run(["verify"], databaseURL: target.url)
                #expect(verified.code == 0, "\(verified.errors)")

                #expect(try await target.events() == (try await source.events()))
                #expect(try await target.streams() == (try await source.streams()))
                for dossier in dossiers {
                    let original = try await source.service.dossier(dossier.id)
                    #expect(original != nil)
                    #expect(try await target.service.dossier(dossier.id) == original)
                    let moment = Peildatum(moment: dossier.geopendOp)
                    #expect(try await target.service.dossier(dossier.id, peildatum: moment) == (try await source.service.dossier(dossier.id, peildatum: moment)))
                    let beheerder = Actor(naam: "test", hoedanigheid: .coordinator)
                    #expect(try await target.service.tijdlijn(dossier.id, voor: beheerder) == (try await source.service.tijdlijn(dossier.id, voor: beheerder)))
                }
                #expect(try await target.rows("SELECT * FROM dossiers ORDER BY id") == (try await source.rows("SELECT * FROM dossiers ORDER BY id")))
                let peildatum = "2099-01-01"
                let sourceReport = await AdminRun.run(["report", "stand-van-zaken", "--peildatum", peildatum], databaseURL: source.url)
                let targetReport = await AdminRun.run(["report", "stand-van-zaken", "--peildatum", peildatum], databaseURL: target.url)
                #expect(targetReport.output == sourceReport.output)

                let reexported = await AdminRun.run(["export", "--sleutels"], databaseURL: target.url)
                #expect(withoutTransactionIDs(reexported.text) == withoutTransactionIDs(toStdout.text))

                let next = try await openDossier(target.service, titel: "Na de import")
                let highest = try #require(dossiers.map(\.kenmerk).max())
                #expect(next.kenmerk == Kenmerk(jaar: highest.jaar, volgnummer: highest.volgnummer + 1) || next.kenmerk.jaar != highest.jaar)
                let highestPosition = try await source.pool.withConnection { try $0.query("SELECT max(position) AS m FROM events")[0].int64("m") }
                let firstNew = try #require(try await target.service.gebeurtenissen(next.id)?.events.first)
                #expect(firstNew.position > highestPosition)
                #expect(await AdminRun.run(["verify"], databaseURL: target.url).code == 0)
            }
        }
    }

    @Test func anExportWithoutItsKeysCarriesNoKeyAndItsImportReadsTheTextsAsDestroyed() async throws {
        try await TestDatabase.with { source in
            let dossiers = try await populate(source.service)
            let export = await AdminRun.run(["export"], databaseURL: source.url)
            #expect(export.code == 0)
            let keys = try await source.pool.withConnection { connection in
                try connection.query("SELECT sleutel FROM sleutels").map { try $0.data("sleutel").base64EncodedString() }
            }
            #expect(!keys.isEmpty)
            for key in keys { #expect(!export.text.contains(key)) }
            #expect(!export.text.contains(#"{"sleutel":"#))
            let original = try #require(try await source.service.dossier(dossiers[0].id))
            #expect(!export.text.contains(original.omschrijving))
            try await TestDatabase.with { target in
                let imported = await AdminRun.run(["import"], databaseURL: target.url, input: export.text.split(separator: "\n").map(String.init))
                #expect(imported.code == 0, "\(imported.errors)")
                #expect(await AdminRun.run(["verify"], databaseURL: target.url).code == 0)
                let read = try #require(try await target.service.dossier(dossiers[0].id))
                #expect(read.omschrijving == "[vernietigd]")
                #expect(read.titel == original.titel)
                #expect(read.kenmerk == original.kenmerk)
            }
        }
    }

    @Test func importReadsStandardInputByDefault() async throws {
        try await TestDatabase.with { source in
            try await populate(source.service)
            let lines = await AdminRun.run(["export"], databaseURL: source.url).text.split(separator: "\n").map(String.init)
            try await TestDatabase.with { target in
                let imported = await AdminRun.run(["import"], databaseURL: target.url, input: lines)
                #expect(imported.code == 0, "\(imported.errors)")
                let events = try await target.events()
                #expect(events == (try await source.events()))
            }
        }
    }

    @Test func importIntoANonEmptyDatabaseIsRefusedAndWritesNothing() async throws {
        try await TestDatabase.with { source in
            try await populate(source.service)
            let file = temporaryFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            #expect(await AdminRun.run(["export", "--output", file], databaseURL: source.url).code == 0)
            try await TestDatabase.with { target in
                let existing = try await openDossier(target.service, titel: "Al aanwezig")
                let events = try await target.events()
                let dossiers = try await target.rows("SELECT * FROM dossiers ORDER BY id")
                let refused = await AdminRun.run(["import", "--input", file], databaseURL: target.url)
                #expect(refused.code == 1)
                #expect(refused.output.isEmpty)
                #expect(refused.errors.hasPrefix("toedeling-admin: the target database is not empty (1 events, 1 streams)"))
                #expect(refused.errors.split(separator: "\n").count == 1)
                #expect(try await target.events() == events)
                #expect(try await target.rows("SELECT * FROM dossiers ORDER BY id") == dossiers)
                #expect(try await target.service.dossier(existing.id) == existing)
            }
        }
    }

    @Test func aTamperedExportLineIsRefusedAndNothingIsWritten() async throws {
        try await TestDatabase.with { source in
            let dossiers = try await populate(source.service)
            var lines = await AdminRun.run(["export"], databaseURL: source.url).text.split(separator: "\n").map(String.init)
            let target = try #require(lines.firstIndex { $0.contains("\"Waterkeringen\"") })
            lines[target] = lines[target].replacingOccurrences(of: "\"Waterkeringen\"", with: "\"Waterkeringen en dijken\"")
            let file = temporaryFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: file))
            let stream = DossierStream.id(of: try #require(dossiers.first { $0.titel == "Waterkeringen" }).id)

            try await TestDatabase.with { fresh in
                let refused = await AdminRun.run(["import", "--input", file], databaseURL: fresh.url)
                #expect(refused.code == 1)
                #expect(refused.output.isEmpty)
                #expect(refused.errors.hasPrefix("toedeling-admin: the hash chain does not hold in 1 stream(s); first: stream \(stream) broken at version 1"))
                #expect(refused.errors.contains("hashMismatch"))
                for table in ["events", "streams", "dossiers", "dossier_tijdlijn", "kenmerk_tellers"] {
                    let rows = try await fresh.count(table)
                    #expect(rows == 0, "\(table) was written")
                }
            }
        }
    }

    @Test func aMalformedLineIsRefusedByNumberAndNothingIsWritten() async throws {
        try await TestDatabase.with { source in
            try await populate(source.service)
            var lines = await AdminRun.run(["export"], databaseURL: source.url).text.split(separator: "\n").map(String.init)
            lines[2] = lines[2].replacingOccurrences(of: "\"hash\":\"", with: "\"hash\":\"zz")
            try await TestDatabase.with { fresh in
                let refused = await AdminRun.run(["import"], databaseURL: fresh.url, input: lines)
                #expect(refused.code == 1)
                #expect(refused.errors == "toedeling-admin: line 3 is not an exported event: hash is not 64 hexadecimal digits\n")
                let events = try await fresh.count("events")
                #expect(events == 0)
                let truncated = await AdminRun.run(["import"], databaseURL: fresh.url, input: [String(lines[0].prefix(40))])
                #expect(truncated.errors == "toedeling-admin: line 1 is not an exported event: not a JSON object\n")
                let empty = await AdminRun.run(["import"], databaseURL: fresh.url, input: [])
                #expect(empty.errors == "toedeling-admin: the input holds no events\n")
                let streams = try await fresh.count("streams")
                #expect(streams == 0)
            }
        }
    }

    @Test func anImportWhoseEventsTheProjectionsCannotReadKeepsTheEventsAndSaysWhatToDo() async throws {
        try await TestDatabase.with { source in
            let unreadable = NewEvent(type: "DossierGeopend", data: Data(#"{"onbekend": true}"#.utf8))
            try await source.store.append(to: DossierStream.id(of: UUID()), streamType: DossierEvent.streamType, expectedVersion: .noStream, events: [unreadable])
            let lines = await AdminRun.run(["export"], databaseURL: source.url).text.split(separator: "\n").map(String.init)
            try await TestDatabase.with { fresh in
                let run = await AdminRun.run(["import"], databaseURL: fresh.url, input: lines)
                #expect(run.code == 1)
                #expect(run.text == "imported 1 events of 1 streams; every chain holds\n")
                #expect(run.errors.hasPrefix("toedeling-admin: the events were imported, but rebuilding the projections failed: the stored event at position 1 cannot be read"))
                #expect(run.errors.hasSuffix("run `toedeling-admin projections rebuild` once that is fixed\n"))
                let events = try await fresh.count("events")
                #expect(events == 1)
            }
        }
    }

    @Test func anExportToAnUnwritablePathFailsInOneLineAndLeavesNoFile() async throws {
        try await TestDatabase.with { source in
            try await populate(source.service)
            let run = await AdminRun.run(["export", "--output", "/nonexistent-directory/events.jsonl"], databaseURL: source.url)
            #expect(run.code == 1)
            #expect(run.errors == "toedeling-admin: cannot write /nonexistent-directory/events.jsonl\n")
            let missing = await AdminRun.run(["import", "--input", "/nonexistent-directory/events.jsonl"], databaseURL: source.url)
            #expect(missing.errors == "toedeling-admin: cannot read /nonexistent-directory/events.jsonl\n")
        }
    }

    private func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("toedeling-export-\(UUID().uuidString).jsonl").path
    }

    /// Export lines with the informative transaction id blanked (an import records under its own).
    private func withoutTransactionIDs(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            String(line).replacing(/"transactionId":[0-9]+/, with: "\"transactionId\":0")
        }
    }
}
