import ToedelingTestSupport
import EventStore
import Foundation
import Postgres
import Dossiers
import Taaktoedeling
import Testing

@Suite(.serialized) struct DossierServiceTests {
    @Test func openingDrawsConsecutiveKenmerkenOfTheYear() async throws {
        try await TestDatabase.with { db in
            let first = try await openDossier(db.service, titel: "Eerste")
            let second = try await openDossier(db.service, titel: "Tweede")
            let jaar = AmsterdamseTijd.kalenderdatum(van: Date()).jaar
            #expect(first.kenmerk == Kenmerk(jaar: jaar, volgnummer: 1))
            #expect(second.kenmerk == Kenmerk(jaar: jaar, volgnummer: 2))
        }
    }

    @Test func refusedOpeningDrawsNoKenmerkAndWritesNothing() async throws {
        try await TestDatabase.with { db in
            let leeg = Voorstel(titel: "", omschrijving: "x", vakdepartement: "SZW", soort: .taak, nieuweTaak: true)
            await #expect(throws: DomainError.self) {
                try await db.service.open(.openen(id: UUID(), voorstel: leeg), context: context())
            }
            await #expect(throws: DomainError.self) {
                try await db.service.open(.openen(id: UUID(), voorstel: voorstel()), context: context(liaison))
            }
            #expect(try await db.dump("events").isEmpty)
            #expect(try await db.dump("dossiers").isEmpty)
            let opened = try await openDossier(db.service)
            #expect(opened.kenmerk.description.hasSuffix("-0001"))
        }
    }

    @Test func aCommandRetriedWithItsIdNeverWritesTwice() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            let retried = context()
            let toetsing = DossierCommand.legToetsingVast(taakkenmerken: lokaleTaak, toelichting: nil)
            let first = try await db.service.execute(toetsing, on: dossier.id, context: retried)
            let again = try await db.service.execute(toetsing, on: dossier.id, context: retried)
            #expect(again.dossier == first.dossier)
            #expect(again.events.map(\.eventID) == first.events.map(\.eventID))
            // The same command id with other content is refused by the store, not written.
            let other = DossierCommand.legToetsingVast(taakkenmerken: lokaleTaak, toelichting: "Anders.")
            await #expect(throws: EventStoreError.self) {
                try await db.service.execute(other, on: dossier.id, context: retried)
            }
            #expect(try await db.store.readStream(DossierStream.id(of: dossier.id)).count == 2)
            #expect(try await db.service.dossier(dossier.id)?.versie == 2)
        }
    }

    @Test func anOpeningRetriedWithItsIdOpensOneDossierAndKeepsTheKenmerkReeks() async throws {
        try await TestDatabase.with { db in
            let retried = context()
            let command = DossierCommand.openen(id: UUID(), voorstel: voorstel())
            _ = try await db.service.open(command, context: retried)
            await #expect(throws: EventStoreError.self) {
                try await db.service.open(command, context: retried)
            }
            #expect(try await db.dump("dossiers").count == 1)
            let next = try await openDossier(db.service, titel: "Volgende")
            #expect(next.kenmerk.description.hasSuffix("-0002"))
        }
    }

    @Test func eventsCarryWhoAndWhichRequestInTheirMetadata() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            let ctx = context()
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: ctx)
            let events = try #require(try await db.service.gebeurtenissen(dossier.id)).events
            let metadata = try JSONDecoder().decode(EventMetadata.self, from: events[1].metadata)
            #expect(metadata.correlationId == ctx.correlationID)
            #expect(metadata.commandId == ctx.commandID)
            #expect(metadata.tokenId == coordinator.tokenID)
            #expect(metadata.rol == .coordinator)
        }
    }

    @Test func theReadModelIsWrittenInTheSameTransactionAndEqualsTheFold() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            let outcome = try await db.service.execute(.openConsultatie(koepels: [.VNG, .IPO], termijn: termijn), on: dossier.id, context: context())
            let read = try #require(try await db.service.dossier(dossier.id))
            #expect(read == outcome.dossier)
            #expect(read.versie == 2)
            #expect(read.fase == .consultatie)
            let folded = DossierStream.fold(try DossierStream.decode(try await db.service.opened(try await db.store.readStream(DossierStream.id(of: dossier.id)))))
            #expect(read == folded)
        }
    }

    @Test func aStaleExpectedVersionIsRefusedAndWritesNothing() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.koppelKamerstuk(nummer: "33047-43", titel: "Brief", datum: termijn), on: dossier.id, context: context(expectedVersion: 1))
            await #expect(throws: ServiceError.staleVersion(current: 2)) {
                try await db.service.execute(.koppelKamerstuk(nummer: "33047-44", titel: "Brief", datum: termijn), on: dossier.id, context: context(expectedVersion: 1))
            }
            #expect(try await db.service.dossier(dossier.id)?.versie == 2)
        }
    }

    @Test func concurrentCommandsWithoutExpectedVersionAreAllApplied() async throws {
        try await TestDatabase.with(maximumConnections: 8) { db in
            let dossier = try await openDossier(db.service)
            let count = 40
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<count {
                    group.addTask {
                        _ = try await db.service.execute(
                            .koppelKamerstuk(nummer: "33047-\(n + 1)", titel: "Brief \(n)", datum: termijn), on: dossier.id, context: context()
                        )
                    }
                }
                try await group.waitForAll()
            }
            let read = try #require(try await db.service.dossier(dossier.id))
            #expect(read.versie == Int64(count + 1))
            #expect(Set(read.kamerstukken.map(\.nummer)).count == count)
            let versions = try await db.store.readStream(DossierStream.id(of: dossier.id)).map(\.version)
            #expect(versions == Array(1...Int64(count + 1)))
        }
    }

    @Test func concurrentCommandsNeverBreakARule() async throws {
        try await TestDatabase.with(maximumConnections: 8) { db in
            let dossier = try await openDossier(db.service)
            // Ten coordinators try to open a round at once: only one round may be open.
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        do {
                            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
                            return true
                        } catch DomainError.conflict {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let read = try #require(try await db.service.dossier(dossier.id))
            #expect(read.consultaties.count == 1)
        }
    }

    @Test func sameExpectedVersionInParallelLetsExactlyOneWin() async throws {
        try await TestDatabase.with(maximumConnections: 8) { db in
            let dossier = try await openDossier(db.service)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<20 {
                    group.addTask {
                        do {
                            _ = try await db.service.execute(
                                .koppelKamerstuk(nummer: "33047-\(n + 1)", titel: "Brief", datum: termijn), on: dossier.id,
                                context: context(expectedVersion: 1)
                            )
                            return true
                        } catch ServiceError.staleVersion {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await db.service.dossier(dossier.id)?.versie == 2)
        }
    }

    @Test func theStateAtAPeildatumIsWhatWasRecordedThen() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            let between = try await db.service.dossier(dossier.id)!.bijgewerktOp
            try await Task.sleep(for: .milliseconds(5))
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            let then = try #require(try await db.service.dossier(dossier.id, peildatum: Peildatum(moment: between)))
            #expect(then.versie == 1)
            #expect(then.fase == .voorstel)
            let before = try await db.service.dossier(dossier.id, peildatum: Peildatum(moment: dossier.geopendOp.addingTimeInterval(-1)))
            #expect(before == nil)
            let timeline = try #require(try await db.service.tijdlijn(dossier.id, peildatum: Peildatum(moment: between), voor: coordinator))
            #expect(timeline.map(\.versie) == [1])
        }
    }

    @Test func aKoepelDoesNotSeeAnotherKoepelsReactieWhileTheRoundIsOpen() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG, .IPO], termijn: termijn), on: dossier.id, context: context())
            _ = try await db.service.execute(
                .dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Te duur.", kenmerk: nil), on: dossier.id, context: context(koepel(.IPO))
            )
            let vngView = try #require(try await db.service.tijdlijn(dossier.id, voor: koepel(.VNG)))
            #expect(!vngView.contains { $0.type == "ReactieIngediend" })
            let ipoView = try #require(try await db.service.tijdlijn(dossier.id, voor: koepel(.IPO)))
            #expect(ipoView.contains { $0.type == "ReactieIngediend" })
            #expect(try await db.service.tijdlijn(dossier.id, voor: koepel(.UvW)) == nil)
            _ = try await db.service.execute(.sluitConsultatie(ronde: 1), on: dossier.id, context: context())
            let afterClosing = try #require(try await db.service.tijdlijn(dossier.id, voor: koepel(.VNG)))
            #expect(afterClosing.contains { $0.type == "ReactieIngediend" && $0.door == "IPO" })
        }
    }

    @Test func listsFilterByFaseVakdepartementAndInvitedKoepel() async throws {
        try await TestDatabase.with { db in
            let a = try await openDossier(db.service, titel: "A")
            let b = try await openDossier(db.service, titel: "B")
            _ = try await db.service.execute(.openConsultatie(koepels: [.UvW], termijn: termijn), on: b.id, context: context())
            #expect(try await db.service.dossiers(DossierQuery()).total == 2)
            #expect(try await db.service.dossiers(DossierQuery(fase: .voorstel)).items.map(\.id) == [a.id])
            #expect(try await db.service.dossiers(DossierQuery(koepel: .UvW)).items.map(\.id) == [b.id])
            #expect(try await db.service.dossiers(DossierQuery(koepel: .VNG)).items.isEmpty)
            #expect(try await db.service.dossiers(DossierQuery(vakdepartement: "SZW", page: 2, pageSize: 1)).items.map(\.id) == [b.id])
            let beyond = try await db.service.dossiers(DossierQuery(page: 5, pageSize: 1))
            #expect(beyond.items.isEmpty && beyond.total == 2)
        }
    }

    @Test func theStandVanZakenForAPeildatumIsReproducible() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            let peildatum = Peildatum(moment: Date())
            let first = try await db.service.standVanZaken(peildatum: peildatum)
            _ = try await db.service.execute(.sluitConsultatie(ronde: 1), on: dossier.id, context: context())
            _ = try await openDossier(db.service, titel: "Later")
            let again = try await db.service.standVanZaken(peildatum: peildatum)
            #expect(first == again, "the same rows, so the same bytes in every rendering")
            #expect(first.rijen.count == 1)
            #expect(first.rijen.first?.fase == .consultatie)
        }
    }
}

/// Reads of now come from what the read model stores; reads of the past fold the events.
@Suite(.serialized) struct StoredReadTests {
    @Test func aReportOfNowReadsTheReadModelAndOneOfThePastFoldsTheEvents() async throws {
        try await TestDatabase.with { db in
            let a = try await openDossier(db.service, titel: "Alfa")
            let b = try await openDossier(db.service, titel: "Bravo")
            let between = Date()
            try await Task.sleep(for: .milliseconds(5))
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: a.id, context: context())
            _ = try await db.service.execute(.legToetsingVast(taakkenmerken: lokaleTaak, toelichting: nil), on: b.id, context: context())
            func folded(upTo moment: Date) async throws -> [Dossier] {
                var dossiers: [Dossier] = []
                for id in [a.id, b.id].sorted(by: { DossierStream.id(of: $0) < DossierStream.id(of: $1) }) {
                    let events = try await db.service.opened(try await db.store.readStream(DossierStream.id(of: id), upTo: .recordedAt(moment)))
                    if let dossier = DossierStream.fold(try DossierStream.decode(events)) { dossiers.append(dossier) }
                }
                return dossiers
            }
            let now = Date()
            #expect(try await db.service.dossiers(asRecordedAt: Peildatum(moment: now)) == (try await folded(upTo: now)))
            #expect(try await db.service.dossiers(asRecordedAt: Peildatum(moment: between)) == (try await folded(upTo: between)))
            #expect(try await db.service.dossiers(asRecordedAt: Peildatum(moment: between)).map(\.versie) == [1, 1])

            // Which source each read uses: a read model changed behind the service's back shows in a
            // report of now and not in one of the past.
            try await db.pool.withConnection { connection in
                _ = try connection.execute("UPDATE dossiers SET staat = jsonb_set(staat, '{titel}', '\"Gewijzigd\"')")
            }
            #expect(try await db.service.dossiers(asRecordedAt: Peildatum(moment: now)).map(\.titel) == ["Gewijzigd", "Gewijzigd"])
            #expect(try await db.service.dossiers(asRecordedAt: Peildatum(moment: between)).map(\.titel).sorted() == ["Alfa", "Bravo"])
        }
    }

    @Test func aListIsTheStoredViewsOfItsPageAsEachReaderMaySeeThem() async throws {
        try await TestDatabase.with { db in
            let a = try await openDossier(db.service, titel: "Alfa")
            let b = try await openDossier(db.service, titel: "Bravo")
            _ = try await openDossier(db.service, titel: "Charlie")
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG, .IPO], termijn: termijn), on: a.id, context: context())
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: b.id, context: context())
            _ = try await db.service.execute(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Nee.", kenmerk: nil), on: a.id, context: context(koepel(.IPO)))
            // One of them without stored views (written before they existed): rendered from its state.
            try await db.pool.withConnection { connection in
                _ = try connection.execute("DELETE FROM dossier_weergaven WHERE dossier_id = $1", [.uuid(b.id)])
            }
            for reader in [coordinator, koepel(.VNG), koepel(.IPO), koepel(.UvW)] {
                let all = try await db.service.dossiers(DossierQuery(koepel: reader.koepel, pageSize: 100)).items
                let expected = try all.compactMap { try $0.zichtbaar(voor: reader).map { try DossierWeergave.encoder().encode($0) } }
                let page = try await db.service.weergaven(DossierQuery(pageSize: 100), voor: reader)
                #expect(page.documents == expected, "list of \(reader.naam)")
                #expect(page.total == expected.count)
                // The GET of that dossier without stored views: rendered from its state as well, or
                // nothing for a reader who may not see it.
                let bravo = try #require(try await db.service.dossiers(DossierQuery(pageSize: 100)).items.first { $0.id == b.id })
                let single = try await db.service.weergave(b.id, voor: reader)
                #expect(single?.document == (try bravo.zichtbaar(voor: reader).map { try DossierWeergave.encoder().encode($0) }), "GET of \(reader.naam)")
            }
            // VNG sees its own view: IPO's reactie in the open round is not in it.
            let vng = try await db.service.weergaven(DossierQuery(pageSize: 100), voor: koepel(.VNG))
            #expect(vng.documents.count == 2)
            #expect(!vng.documents.contains { String(decoding: $0, as: UTF8.self).contains("Nee.") })
            let second = try await db.service.weergaven(DossierQuery(page: 2, pageSize: 2), voor: coordinator)
            #expect(second.documents.count == 1)
            #expect(second.total == 3)
        }
    }

    @Test func aDossierWithoutStoredViewsIsRenderedFromItsStateUntilItsNextChange() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            _ = try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            let stored = try #require(try await db.service.weergave(dossier.id, voor: koepel(.VNG)))
            let full = try #require(try await db.service.weergave(dossier.id, voor: liaison))
            try await db.pool.withConnection { connection in _ = try connection.execute("DELETE FROM dossier_weergaven") }
            // The same bytes, rendered from the state (a row written before the views existed).
            #expect(try await db.service.weergave(dossier.id, voor: koepel(.VNG)) == stored)
            #expect(try await db.service.weergave(dossier.id, voor: liaison) == full)
            // Nothing for a koepel that was not invited, or for an unknown dossier.
            #expect(try await db.service.weergave(dossier.id, voor: koepel(.IPO)) == nil)
            #expect(try await db.service.weergave(UUID(), voor: coordinator) == nil)
            _ = try await db.service.execute(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .instemmend, toelichting: "Akkoord.", kenmerk: nil), on: dossier.id, context: context(koepel(.VNG)))
            #expect(try await db.dump("dossier_weergaven").count == 2)
            #expect(try await db.service.weergave(dossier.id, voor: koepel(.VNG))?.versie == 3)
        }
    }
}

@Suite(.serialized) struct CommandOrderTests {
    /// A command's append, projection and commit go in one round trip; where that append is refused
    /// (here: the clock behind the stream's last event, so the event cannot be recorded at the moment
    /// the command was decided at), the command is recorded the usual way, never projected twice.
    @Test func aCommandWhosePipelinedAppendIsRefusedIsRecordedTheUsualWay() async throws {
        let clock = TestClock()
        try await TestDatabase.with(clock: clock) { db in
            let dossier = try await openDossier(db.service)
            clock.advance(seconds: 60)
            let eerste = try await db.service.execute(
                .koppelKamerstuk(nummer: "36000-1", titel: "Brief", datum: termijn), on: dossier.id, context: context()
            )
            clock.advance(seconds: -30)
            let tweede = try await db.service.execute(
                .koppelKamerstuk(nummer: "36000-2", titel: "Brief", datum: termijn), on: dossier.id, context: context()
            )
            let events = try await db.store.readStream(DossierStream.id(of: dossier.id))
            #expect(events.map(\.version) == [1, 2, 3])
            #expect(events[2].recordedAt == events[1].recordedAt, "recorded at the stream's head moment, not before it")
            #expect(eerste.events.map(\.version) == [2])
            #expect(tweede.events == [events[2]])
            let read = try #require(try await db.service.dossier(dossier.id))
            let folded = DossierStream.fold(try DossierStream.decode(try await db.service.opened(events)))
            #expect(read == folded)
            #expect(read.kamerstukken.map(\.nummer) == ["36000-1", "36000-2"])
            #expect(try await db.dump("dossier_tijdlijn").count == 3)
            #expect(try await db.store.verify().isIntact)
        }
    }

    /// Commands on one dossier queue on its read-model row and read the database clock once they
    /// hold it: all succeed, and the recorded times follow the versions.
    @Test func parallelCommandsOnOneDossierAllSucceedAndTheirTimesFollowTheVersions() async throws {
        try await TestDatabase.with { db in
            let dossier = try await openDossier(db.service)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        for n in 0..<10 {
                            let command = DossierCommand.koppelKamerstuk(nummer: "36000-\(writer)-\(n)", titel: "Brief", datum: Kalenderdatum("2026-03-10")!)
                            _ = try await db.service.execute(command, on: dossier.id, context: context())
                        }
                    }
                }
                try await group.waitForAll()
            }
            let events = try await db.store.readStream(DossierStream.id(of: dossier.id))
            #expect(events.count == 81)
            #expect(events.map(\.version) == Array(1...81))
            #expect(zip(events, events.dropFirst()).allSatisfy { $0.recordedAt <= $1.recordedAt }, "recorded times never go backwards")
            #expect(try await db.service.dossier(dossier.id)?.kamerstukken.count == 80)
        }
    }
}
