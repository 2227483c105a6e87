import ToedelingTestSupport
import Foundation
import Postgres
import Dossiers
import Taaktoedeling
import Testing

@Suite struct DocumentCommandTests {
    private func temporaryFile(_ suffix: String = "jsonl") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("toedeling-doc-\(UUID().uuidString).\(suffix)").path
    }

    @Test func listAndGetShowADossiersDocumentsAndWriteTheBytes() async throws {
        try await TestDatabase.with { database in
            let dossier = try await openDossier(database.service)
            let bytes = pdfBytes(1, size: 2_300_000)
            let document = try await addDocument(database.service, to: dossier.id, bytes: bytes, bestandsnaam: "wet (concept).pdf")
            let list = await AdminRun.run(["document", "list", dossier.kenmerk.description], databaseURL: database.url)
            #expect(list.code == 0, "\(list.errors)")
            #expect(list.text.contains(document.id.uuidString.lowercased()) && list.text.contains(document.sha256))
            #expect(list.text.contains("wet (concept).pdf"))
            let file = temporaryFile("pdf")
            defer { try? FileManager.default.removeItem(atPath: file) }
            let get = await AdminRun.run(["document", "get", dossier.id.uuidString, document.id.uuidString, "--naar", file], databaseURL: database.url)
            #expect(get.code == 0, "\(get.errors)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(bytes))
            let unknown = await AdminRun.run(["document", "get", dossier.id.uuidString, UUID().uuidString, "--naar", file], databaseURL: database.url)
            #expect(unknown.code == 1 && unknown.errors.hasPrefix("toedeling-admin: no document "))
        }
    }

    @Test func verifyNamesADocumentWhoseBytesWereChanged() async throws {
        try await TestDatabase.with { database in
            let dossier = try await openDossier(database.service)
            let document = try await addDocument(database.service, to: dossier.id, bytes: pdfBytes(2))
            #expect(await AdminRun.run(["verify"], databaseURL: database.url).code == 0)
            try await database.pool.withConnection { connection in
                try connection.execute("UPDATE document_blokken SET data = overlay(data PLACING '\\x41'::bytea FROM 20)")
            }
            let verified = await AdminRun.run(["verify"], databaseURL: database.url)
            #expect(verified.code == 1)
            #expect(verified.text.contains("dossier \(dossier.kenmerk.description): document \(document.id.uuidString.lowercased())"))
            #expect(verified.errors.contains("1 document(s) whose stored bytes were changed"))
        }
    }

    @Test func exportAndImportCarryTheBytesAndRefuseTamperedOnes() async throws {
        try await TestDatabase.with { source in
            let dossier = try await openDossier(source.service)
            let groot = pdfBytes(3, size: 1_500_000)
            let eerste = try await addDocument(source.service, to: dossier.id, bytes: groot)
            _ = try await addDocument(source.service, to: dossier.id, bytes: groot, titel: "Dezelfde bytes")
            let klein = try await addDocument(source.service, to: dossier.id, bytes: pdfBytes(4), titel: "Klein")
            let file = temporaryFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            #expect(await AdminRun.run(["export", "--output", file], databaseURL: source.url).code == 0)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.split(separator: "\n").filter { $0.hasPrefix(#"{"document":"#) }.count == 3, "two blocks and one")

            try await TestDatabase.with { target in
                let imported = await AdminRun.run(["import", "--input", file], databaseURL: target.url)
                #expect(imported.code == 0, "\(imported.errors)")
                #expect(await AdminRun.run(["verify"], databaseURL: target.url).code == 0)
                for (document, bytes) in [(eerste, groot), (klein, pdfBytes(4))] {
                    var gelezen: [UInt8] = []
                    try await target.service.leesInhoud(sha256: document.sha256, bereik: 0..<document.omvang) { gelezen += $0 }
                    #expect(gelezen == bytes)
                }
            }

            // One changed byte in a block: refused, nothing written.
            let tampered = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var changed = String(line)
                guard changed.hasPrefix(#"{"document":"#), let range = changed.range(of: #""data":""#) else { return changed }
                let index = changed.index(range.upperBound, offsetBy: 20)
                changed.replaceSubrange(index...index, with: changed[index] == "A" ? "B" : "A")
                return changed
            }.joined(separator: "\n")
            let bad = temporaryFile()
            defer { try? FileManager.default.removeItem(atPath: bad) }
            try tampered.write(toFile: bad, atomically: true, encoding: .utf8)
            try await TestDatabase.with { target in
                let refused = await AdminRun.run(["import", "--input", bad], databaseURL: target.url)
                #expect(refused.code == 1)
                #expect(refused.errors.contains("do not hash to it"), "\(refused.errors)")
                let events = try await target.count("events")
                let blokken = try await target.count("document_blokken")
                #expect(events == 0 && blokken == 0)
            }
            // An export without the bytes: refused.
            let withoutBytes = text.split(separator: "\n").filter { !$0.hasPrefix(#"{"document":"#) }.joined(separator: "\n")
            try withoutBytes.write(toFile: bad, atomically: true, encoding: .utf8)
            try await TestDatabase.with { target in
                let refused = await AdminRun.run(["import", "--input", bad], databaseURL: target.url)
                #expect(refused.code == 1 && refused.errors.contains("lacks the bytes"), "\(refused.errors)")
                let events = try await target.count("events")
                #expect(events == 0)
            }
        }
    }
}
