import ToedelingTestSupport
import Foundation
import Postgres
@testable import Dossiers
import Taaktoedeling
import Testing

@Suite struct ZegelCommandTests {
    private func temporaryFolder() throws -> String {
        let pad = FileManager.default.temporaryDirectory.appendingPathComponent("toedeling-zegel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: pad, withIntermediateDirectories: true)
        return pad
    }

    @Test func aSealNamesAStreamWhoseHistoryWasRewrittenConsistently() async throws {
        try await TestDatabase.with { database in
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let sleutel = folder + "/zegel.key"
            let made = await AdminRun.run(["zegel", "sleutel", "--naar", sleutel], databaseURL: database.url)
            #expect(made.code == 0, "\(made.errors)")
            let attributes = try FileManager.default.attributesOfItem(atPath: sleutel)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(FileManager.default.fileExists(atPath: sleutel + ".pub"))
            #expect(await AdminRun.run(["zegel", "sleutel", "--naar", sleutel], databaseURL: database.url).code == 1, "never overwritten")

            let dossiers = try await populate(database.service)
            let sealed = await AdminRun.run(["zegel", "--sleutel", sleutel, "--map", folder], databaseURL: database.url)
            #expect(sealed.code == 0, "\(sealed.errors)")
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("zegel-") })
            let zegel = folder + "/" + file
            let intact = await AdminRun.run(["verify", "--zegel", zegel, "--publieke-sleutel", sleutel + ".pub"], databaseURL: database.url)
            #expect(intact.code == 0, "\(intact.errors)")
            #expect(intact.text.contains("every sealed head holds"))
            // Later events extend the sealed heads: still fine.
            _ = try await database.service.execute(.koppelKamerstuk(nummer: "36000-1", titel: "Brief", datum: termijn), on: dossiers[0].id, context: context())
            #expect(await AdminRun.run(["verify", "--zegel", zegel, "--publieke-sleutel", sleutel + ".pub"], databaseURL: database.url).code == 0)

            // The owner of the tables rewrites the first event of a dossier and recomputes the whole chain and its head.
            let stream = DossierStream.id(of: dossiers[1].id)
            try await database.pool.withConnection { connection in
                try connection.executeScript("ALTER TABLE events DISABLE TRIGGER ALL; ALTER TABLE streams DISABLE TRIGGER ALL")
                try connection.execute(
                    "UPDATE events SET data = jsonb_set(data, '{titel}', '\"Herschreven\"') WHERE stream_id = $1 AND version = 1", [.text(stream)]
                )
                let versions = try connection.query("SELECT version FROM events WHERE stream_id = $1 ORDER BY version", [.text(stream)]).map { try $0.int64("version") }
                for version in versions {
                    try connection.execute(
                        """
                        UPDATE events e SET prev_hash = coalesce((SELECT hash FROM events p WHERE p.stream_id = e.stream_id AND p.version = e.version - 1),
                                                                 decode(repeat('00', 32), 'hex')) WHERE stream_id = $1 AND version = $2
                        """, [.text(stream), .int(version)])
                    try connection.execute(
                        """
                        UPDATE events SET hash = sha256(prev_hash || event_store_canonical_bytes(stream_id, stream_type, version, event_id, type,
                            schema_version, data, metadata, recorded_at)) WHERE stream_id = $1 AND version = $2
                        """, [.text(stream), .int(version)])
                }
                try connection.execute(
                    "UPDATE streams s SET head_hash = (SELECT hash FROM events WHERE stream_id = s.stream_id ORDER BY version DESC LIMIT 1) WHERE stream_id = $1",
                    [.text(stream)])
                try connection.executeScript("ALTER TABLE events ENABLE TRIGGER ALL; ALTER TABLE streams ENABLE TRIGGER ALL")
            }
            let plain = await AdminRun.run(["verify"], databaseURL: database.url)
            #expect(plain.code == 0, "a consistent rewrite passes the plain check: \(plain.text)")
            let withSeal = await AdminRun.run(["verify", "--zegel", zegel, "--publieke-sleutel", sleutel + ".pub"], databaseURL: database.url)
            #expect(withSeal.code == 1)
            #expect(withSeal.text.contains("\(stream): its history no longer extends the sealed head"))
            #expect(!withSeal.text.contains(DossierStream.id(of: dossiers[0].id)))
            #expect(withSeal.errors.contains("1 of \(dossiers.count) sealed streams were rewritten"))

            // A truncated seal, and a seal checked with another key: refused.
            let afgekapt = folder + "/afgekapt.json"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: zegel))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: afgekapt))
            let truncated = await AdminRun.run(["verify", "--zegel", afgekapt, "--publieke-sleutel", sleutel + ".pub"], databaseURL: database.url)
            #expect(truncated.code == 1 && truncated.errors.contains("the seal cannot be trusted"))
            let ander = folder + "/ander.key"
            _ = try ZegelSleutel.maak(pad: ander)
            let otherKey = await AdminRun.run(["verify", "--zegel", zegel, "--publieke-sleutel", ander + ".pub"], databaseURL: database.url)
            #expect(otherKey.code == 1 && otherKey.errors.contains("handtekening"))
            #expect(await AdminRun.run(["verify", "--zegel", zegel], databaseURL: database.url).code != 0)
        }
    }

    @Test func aMerkleProofLeadsFromAStreamToTheRoot() throws {
        let stromen = (0..<7).map { Zegel.Stroom(stream: "dossier-\($0)", versie: Int64($0 + 1), head: String(repeating: String($0), count: 64)) }
        let root = Zegel.merkleRoot(stromen)
        for index in stromen.indices {
            var hash = Zegel.blad(stromen[index])
            for stap in Zegel.bewijs(stromen, index: index) {
                let buur = try #require(DocumentStorage.bytes(hex: stap.hash))
                hash = stap.kant == "links" ? Zegel.knoop(buur, hash) : Zegel.knoop(hash, buur)
            }
            #expect(hash == root, "stream \(index)")
        }
    }
}
