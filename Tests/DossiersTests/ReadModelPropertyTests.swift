import ToedelingTestSupport
import EventStore
import Foundation
import PropertyBased
import Dossiers
import Taaktoedeling
import Testing

/// Random command sequences through the service: the inline read model always equals the fold of
/// the events, and a rebuild gives identical tables.
@Suite(.serialized) struct ReadModelPropertyTests {
    static let actors = [coordinator, coordinator, coordinator, koepel(.VNG), koepel(.IPO), liaison]

    /// One random number → an actor and a command (some refused by the domain, which is fine).
    static func step(_ n: Int) -> (Actor, DossierCommand) {
        let actor = actors[n % actors.count]
        let p = n / 100
        let command: DossierCommand
        switch (n / actors.count) % 12 {
        case 0: command = .openConsultatie(koepels: p % 2 == 0 ? [.VNG, .IPO] : [.VNG], termijn: Kalenderdatum(jaar: 2020 + p % 20, maand: 6, dag: 1)!)
        case 1, 2: command = .dienReactieIn(ronde: p % 2 + 1, koepel: actor.rol == .koepel ? nil : [.VNG, .IPO][p % 2], standpunt: Standpunt.allCases[p % 3], toelichting: "Reactie \(p).", kenmerk: nil)
        case 3: command = .sluitConsultatie(ronde: p % 2 + 1)
        case 4: command = .legToetsingVast(taakkenmerken: Taakkenmerken(schaal: Schaal.allCases[p % 3], beleidsvrijheid: Beleidsvrijheid.allCases[(p / 3) % 2], waterbeheer: p % 7 == 0, samenwerking: .geen), toelichting: nil)
        case 5: command = .legFinancieleGevolgenVast(structureleKosten: p, incidenteleKosten: 0, dekking: "Gemeentefonds", toelichting: "Raming.")
        case 6: command = .vraagUdoAan(toelichting: "UDO.", termijn: nil)
        case 7: command = .legUdoUitkomstVast(uitkomst: UdoUitkomst.allCases[p % 3], samenvatting: "Uitkomst.", vindplaats: nil)
        case 8: command = .legBesluitVast(bestuurslaag: Bestuurslaag.allCases[p % Bestuurslaag.allCases.count], motivering: "Motivering \(p).")
        case 9: command = .koppelKamerstuk(nummer: "33047-\(p % 50 + 1)", titel: "Brief", datum: Kalenderdatum("2026-03-10")!)
        case 10: command = .heropen(aanleiding: .motie, toelichting: "Motie.")
        default: command = p % 5 == 0 ? .trekIn(reden: "Vervallen.") : .wijzigVoorstel(VoorstelWijziging(titel: "Titel \(p)"))
        }
        return (actor, command)
    }

    @Test func theInlineReadModelAlwaysEqualsTheFoldAndARebuildIsIdentical() async throws {
        try await TestDatabase.with { db in
            await propertyCheck(count: 25, input: Gen.int(in: 0...10_000_000).array(of: 1...30)) { numbers in
                do {
                    let dossier = try await openDossier(db.service)
                    for number in numbers {
                        let (actor, command) = Self.step(number)
                        do {
                            _ = try await db.service.execute(command, on: dossier.id, context: context(actor))
                        } catch is DomainError {
                            continue
                        }
                    }
                    let read = try await db.service.dossier(dossier.id)
                    let recorded = try await db.service.opened(try await db.store.readStream(DossierStream.id(of: dossier.id)))
                    #expect(read == DossierStream.fold(try DossierStream.decode(recorded)))
                    let timeline = try await db.service.tijdlijn(dossier.id, voor: coordinator)
                    #expect(timeline?.map(\.versie) == recorded.map(\.version))
                    // Every stored view is the fold as that reader may see it, rendered.
                    let folded = try #require(DossierStream.fold(try DossierStream.decode(recorded)))
                    for reader in [coordinator, liaison, koepel(.VNG), koepel(.IPO), koepel(.UvW)] {
                        let expected = try folded.zichtbaar(voor: reader).map {
                            DossierWeergave(versie: $0.versie, document: try DossierWeergave.encoder().encode($0))
                        }
                        #expect(try await db.service.weergave(dossier.id, voor: reader) == expected, "view of \(reader.naam)")
                    }
                } catch {
                    Issue.record("unexpected error: \(error)")
                }
            }
            let dossiersBefore = try await db.dump("dossiers")
            let timelineBefore = try await db.dump("dossier_tijdlijn")
            let viewsBefore = try await db.dump("dossier_weergaven")
            let linksBefore = try await db.dump("dossier_kamerstukken")
            #expect(!linksBefore.isEmpty, "Kamerstukken were linked")
            let partsBefore = try await db.dump("dossier_kamerstukken_delen")
            #expect(dossiersBefore.count >= 25)
            #expect(viewsBefore.count > dossiersBefore.count, "koepels were invited, so some dossiers have koepel views")
            // Small batches, so that streams straddle the keyset pass's batch boundaries, and rows
            // copied in after every batch, while the next one is worked out.
            let counts = try await ProjectionRebuilder(pool: db.pool, logger: .init(label: "test"), batchSize: 7, copyBytes: 1).rebuild()
            #expect(counts.streams == dossiersBefore.count)
            #expect(try await db.dump("dossiers") == dossiersBefore)
            #expect(try await db.dump("dossier_tijdlijn") == timelineBefore)
            #expect(try await db.dump("dossier_weergaven") == viewsBefore)
            #expect(try await db.dump("dossier_kamerstukken") == linksBefore)
            #expect(try await db.dump("dossier_kamerstukken_delen") == partsBefore)
            // The swapped-in tables have statistics, and the server's sessions compile no statement.
            let zonderStatistiek = try await db.pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT count(*) AS n FROM pg_class WHERE relkind = 'r' AND reltuples < 0
                      AND relname IN ('dossiers', 'dossier_tijdlijn', 'dossier_weergaven', 'dossier_kamerstukken', 'dossier_kamerstukken_delen')
                    """
                )[0].int("n")
            }
            #expect(zonderStatistiek == 0)
            #expect(try await db.pool.withConnection { try $0.query("SELECT current_setting('jit') AS jit")[0].string("jit") } == "off")
        }
    }

    @Test func aRebuildRepairsADamagedReadModelAndKeepsItsIndexes() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            let before = try await db.dump("dossiers")
            try await db.pool.withConnection { connection in
                _ = try connection.execute("UPDATE dossiers SET fase = 'besloten', titel = 'kapot'")
                _ = try connection.execute("DELETE FROM dossier_tijdlijn WHERE versie = 2")
                _ = try connection.execute("UPDATE dossier_weergaven SET document = '{}', versie = 0")
            }
            try await ProjectionRebuilder(pool: db.pool, logger: .init(label: "test")).rebuild()
            #expect(try await db.dump("dossiers") == before)
            #expect(try await db.service.tijdlijn(dossier.id, voor: coordinator)?.count == 2)
            let view = try #require(try await db.service.weergave(dossier.id, voor: koepel(.VNG)))
            #expect(view.versie == 2)
            #expect(try DossierWeergave.encoder().encode(try #require(try await db.service.dossier(dossier.id))) == view.document)
            let indexes = try await db.pool.withConnection { connection in
                try connection.query("SELECT indexname FROM pg_indexes WHERE tablename IN ('dossiers', 'dossier_tijdlijn', 'dossier_weergaven', 'dossier_kamerstukken', 'dossier_kamerstukken_delen') ORDER BY 1")
                    .map { try $0.string("indexname") }
            }
            #expect(indexes == ["dossier_kamerstukken_delen_pkey", "dossier_kamerstukken_dossier_id_nummer_key", "dossier_kamerstukken_pkey", "dossier_tijdlijn_pkey", "dossier_weergaven_pkey", "dossiers_fase_idx", "dossiers_kenmerk_key", "dossiers_koepels_idx", "dossiers_pkey", "dossiers_vakdepartement_idx"])
            // The kenmerk stays unique after the swap.
            await #expect(throws: (any Error).self) {
                try await db.pool.withConnection { connection in
                    _ = try connection.execute("INSERT INTO dossiers SELECT gen_random_uuid(), kenmerk, titel, vakdepartement, fase, versie, koepels, geopend_op, bijgewerkt_op, staat FROM dossiers")
                }
            }
        }
    }
}

/// The rebuild's second connection (it reads the events ahead in the transaction's snapshot).
@Suite struct RebuildReaderTests {
    @Test func aRebuildLeavesNoConnectionOrTransactionBehind() async throws {
        try await TestDatabase.with { db in
            for _ in 0..<3 {
                let dossier = try await openDossier(db.service)
                _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            }
            func backends() async throws -> (all: Int, inTransaction: Int) {
                try await db.pool.withConnection { connection in
                    let row = try connection.query(
                        """
                        SELECT count(*) AS alle, count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS open
                        FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
                        """
                    )[0]
                    return (try row.int("alle"), try row.int("open"))
                }
            }
            let before = try await backends()
            let counts = try await ProjectionRebuilder(pool: db.pool, logger: .init(label: "test"), batchSize: 2).rebuild()
            #expect(counts.streams == 3)
            // A closed connection's backend ends a moment after the client goes.
            var after = try await backends()
            for _ in 0..<100 where after.all > before.all {
                try await Task.sleep(for: .milliseconds(20))
                after = try await backends()
            }
            #expect(after.all <= before.all)
            #expect(after.inTransaction == 0)
        }
    }
}
