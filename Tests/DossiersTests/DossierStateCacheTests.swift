import Foundation
import Logging
import Postgres
import Synchronization
@testable import Dossiers
import Taaktoedeling
import Testing
import ToedelingTestSupport

/// A command takes its dossier's state from the instance's cache only when the locked row is the
/// version that instance wrote: a row written by anything else is read from the database.
@Suite(.serialized) struct DossierStateCacheTests {
    @Test func theNextCommandTakesTheStateItsInstanceWroteAndDecidesAsOnTheStoredOne() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.koppelKamerstuk(nummer: "36000-1", titel: "Eerste", datum: termijn), on: dossier.id, context: context())
            // What the cache holds is the row as written: its xmin and version, and the state that
            // decoding its `staat` gives.
            let opgeslagen = try await db.pool.withConnection { connection in
                try connection.query("SELECT staat, xmin::text AS rij, versie, bijgewerkt_op FROM dossiers WHERE id = $1", [.uuid(dossier.id)])[0]
            }
            let entry = try #require(db.service.stateCache.entry(of: dossier.id))
            let rij = entry.rij
            #expect(rij.xmin == (try opgeslagen.string("rij")))
            #expect(rij.versie == (try opgeslagen.int64("versie")))
            #expect(abs(rij.bijgewerktOp.timeIntervalSince(try opgeslagen.date("bijgewerkt_op"))) < 0.000_001)
            let bewaard = entry.state
            #expect(bewaard == (try DossierProjection.decodeState(opgeslagen.json("staat"))))
            let hits = db.service.stateCache.hitCount
            let tweede = try await db.service.execute(
                .koppelKamerstuk(nummer: "36000-2", titel: "Tweede", datum: termijn), on: dossier.id, context: context()
            )
            #expect(db.service.stateCache.hitCount == hits + 1, "the second command read its state from the cache")
            #expect(tweede.dossier.versie == 3)
            // The read model as the events make it.
            let folded = try #require(try await db.service.dossier(dossier.id, peildatum: Peildatum(moment: Date().addingTimeInterval(60))))
            #expect(try await db.service.dossier(dossier.id) == folded)
            #expect(folded.kamerstukken.map(\.nummer) == ["36000-1", "36000-2"])
            // A number linked before is still refused (the cached state plus the rows).
            await #expect(throws: DomainError.self) {
                try await db.service.execute(.koppelKamerstuk(nummer: "36000-1", titel: "Nogmaals", datum: termijn), on: dossier.id, context: context())
            }
        }
    }

    @Test func aRowWrittenByAnythingElseIsReadFromTheDatabase() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.koppelKamerstuk(nummer: "36000-1", titel: "Eerste", datum: termijn), on: dossier.id, context: context())
            // Another writer of the row (erasure and destruction write it so), not through this cache.
            try await db.pool.withConnection { connection in
                _ = try connection.query(
                    "UPDATE dossiers SET titel = 'Anders', staat = jsonb_set(staat, '{titel}', '\"Anders\"') WHERE id = $1", [.uuid(dossier.id)]
                )
            }
            let hits = db.service.stateCache.hitCount
            let outcome = try await db.service.execute(
                .koppelKamerstuk(nummer: "36000-2", titel: "Tweede", datum: termijn), on: dossier.id, context: context()
            )
            #expect(db.service.stateCache.hitCount == hits, "the changed row was not taken from the cache")
            #expect(outcome.dossier.titel == "Anders", "the command decided on the row as written by the other writer")
            #expect(try await db.service.dossier(dossier.id)?.titel == "Anders")
        }
    }

    /// A transaction id can come back (a write lost in a failover to an asynchronous standby): an
    /// entry for the row's transaction and version at another moment is another write.
    @Test func anEntryForTheRowsTransactionAndVersionAtAnotherMomentIsNotUsed() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.koppelKamerstuk(nummer: "36000-1", titel: "Eerste", datum: termijn), on: dossier.id, context: context())
            let entry = try #require(db.service.stateCache.entry(of: dossier.id))
            let rij = entry.rij
            var verloren = entry.state
            verloren.titel = "Verloren"
            db.service.stateCache.remember(
                verloren, as: .init(xmin: rij.xmin, versie: rij.versie, bijgewerktOp: rij.bijgewerktOp.addingTimeInterval(-1))
            )
            let hits = db.service.stateCache.hitCount
            let outcome = try await db.service.execute(
                .koppelKamerstuk(nummer: "36000-2", titel: "Tweede", datum: termijn), on: dossier.id, context: context()
            )
            #expect(db.service.stateCache.hitCount == hits)
            #expect(outcome.dossier.titel == "Toezicht op kinderopvang", "decided on the row, not on the other write's state")
        }
    }

    @Test func twoInstancesTakingTurnsEachSeeTheOthersWrites() async throws {
        try await TestDatabase.with { db in
            let ander = DossierService(store: db.store, pool: db.pool, logger: Logger(label: "test"))
            let dossier = try await openDossier(db.service)
            for n in 1...6 {
                let service = n.isMultiple(of: 2) ? ander : db.service
                let outcome = try await service.execute(
                    .koppelKamerstuk(nummer: "36000-\(n)", titel: "Stuk \(n)", datum: termijn), on: dossier.id, context: context()
                )
                #expect(outcome.dossier.versie == Int64(n + 1))
            }
            // Each instance's cached version was overwritten by the other before it was asked again.
            #expect(db.service.stateCache.hitCount == 0)
            #expect(ander.stateCache.hitCount == 0)
            let folded = try #require(try await db.service.dossier(dossier.id, peildatum: Peildatum(moment: Date().addingTimeInterval(60))))
            #expect(try await db.service.dossier(dossier.id) == folded)
            #expect(folded.kamerstukken.map(\.nummer) == (1...6).map { "36000-\($0)" })
        }
    }

    @Test func anEntryLivesItsTimeAndTheCacheStaysWithinItsSize() throws {
        let klok = Mutex(ContinuousClock.now)
        let cache = DossierStateCache(timeToLive: .seconds(60), maximumEntries: 2, now: { klok.withLock { $0 } })
        func staat() -> Dossier {
            let events = try! Beslissing.decide(
                nil, .openen(id: UUID(), voorstel: voorstel()), by: coordinator, at: Date(), kenmerk: Kenmerk(jaar: 2026, volgnummer: 1)
            )
            return events.reduce(Dossier?.none) { Beslissing.evolve($0, $1, version: 1, recordedAt: Date()) }!
        }
        let moment = Date(timeIntervalSince1970: 1_800_000_000)
        let eerste = staat()
        cache.remember(eerste, as: .init(xmin: "100", versie: 1, bijgewerktOp: moment))
        #expect(cache.entry(of: eerste.id)?.rij == .init(xmin: "100", versie: 1, bijgewerktOp: moment))
        #expect(cache.entry(of: eerste.id)?.state == eerste)
        klok.withLock { $0 += .seconds(61) }
        #expect(cache.entry(of: eerste.id) == nil, "expired")
        let (a, b, c) = (staat(), staat(), staat())
        cache.remember(a, as: .init(xmin: "1", versie: 1, bijgewerktOp: moment))
        cache.remember(b, as: .init(xmin: "2", versie: 1, bijgewerktOp: moment))
        cache.remember(c, as: .init(xmin: "3", versie: 1, bijgewerktOp: moment))
        #expect([a, b, c].filter { cache.entry(of: $0.id) != nil }.count <= 2)
        #expect(cache.entry(of: c.id) != nil, "the newest is kept")
    }
}
