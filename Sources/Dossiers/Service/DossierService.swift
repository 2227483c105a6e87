import EventStore
import Foundation
import Logging
import Metrics
import Postgres
import Taaktoedeling

/// The application service: loads a dossier, lets the domain decide, and appends the events with
/// the expected version, writing the read models in the same transaction.
///
/// Without an expected version from the client a conflict is retried by deciding again on the new
/// state, so concurrent commands never lose a write and never break a rule. With one (`If-Match`)
/// a mismatch is `ServiceError.staleVersion`.
public final class DossierService: Sendable {
    let pool: PostgresConnectionPool
    /// The event store the service writes to.
    public let store: EventStore
    let logger: Logger
    /// The moment a command is decided at, which its events are recorded with; nil: the database's
    /// clock, read in the command's own transaction (one clock for every instance).
    let clock: (@Sendable () -> Date)?
    /// How often a command is decided again after losing a race before giving up.
    let maximumAttempts: Int
    /// The selectielijst archive categories are taken from (nil: none could be read; archiving is refused).
    public let selectielijst: Selectielijst?
    /// The keys events are sealed with (RECORDS.md, "Destruction and erasure").
    public let keyRing: KeyRing
    /// Where reports read: a replica when one is configured (`TOEDELING_REPORT_DATABASE_URL`), else this pool.
    public let reportReader: ReportReader
    /// Counts appends that lost a race for a stream's version (`toedeling_append_conflicts_total`).
    let appendConflicts = Counter(label: "toedeling_append_conflicts_total")
    /// The states this instance's commands wrote a moment ago (`DossierStateCache`).
    let stateCache = DossierStateCache()

    /// A service over a pool and the event store on it.
    /// `notifiesOtherInstances`: commits are announced by NOTIFY to the live feeds of other
    /// instances (the server); the live feed that runs `runNotifications` sends them.
    public convenience init(
        pool: PostgresConnectionPool, logger: Logger, clock: (@Sendable () -> Date)? = nil, notifiesOtherInstances: Bool = false,
        selectielijst: Selectielijst? = SelectielijstBestand.meegeleverd, reportReplica: PostgresConnectionPool? = nil
    ) {
        self.init(
            store: EventStore(pool: pool, logger: logger, notifiesOtherInstances: notifiesOtherInstances), pool: pool, logger: logger,
            clock: clock, selectielijst: selectielijst, reportReplica: reportReplica
        )
    }

    /// Seals over this service's store.
    public var zegelaar: Zegelaar { Zegelaar(pool: pool, logger: logger) }

    /// A service over the store's pool; `clock`, when given, is the moment commands are decided and
    /// recorded at (tests); otherwise the database's clock.
    public init(
        store: EventStore, pool: PostgresConnectionPool, logger: Logger,
        maximumAttempts: Int = 50, clock: (@Sendable () -> Date)? = nil, selectielijst: Selectielijst? = SelectielijstBestand.meegeleverd,
        reportReplica: PostgresConnectionPool? = nil
    ) {
        self.selectielijst = selectielijst
        self.reportReader = ReportReader(primary: pool, replica: reportReplica, logger: logger)
        self.store = store
        self.pool = pool
        self.keyRing = KeyRing(pool: pool)
        self.logger = logger
        self.maximumAttempts = maximumAttempts
        self.clock = clock
    }

    // MARK: Commands

    /// Opens a dossier (`DossierCommand.openen`), drawing its kenmerk in the same transaction.
    public func open(_ command: DossierCommand, context: CommandContext) async throws -> CommandOutcome {
        guard case .openen(let id, _) = command else {
            throw DomainError.conflict("Dit verzoek opent geen dossier.")
        }
        // Refuse invalid or unauthorised input before a kenmerk is drawn.
        _ = try Beslissing.decide(nil, command, by: context.actor, at: Date(), kenmerk: Kenmerk(jaar: 2000, volgnummer: 1))
        let metadata = EventMetadata(context: context)
        let sleutels = try await sleutels(dossier: id, actor: context.actor)
        let clock = clock
        let outcome = try await pool.withTransaction { connection in
            let now = try Self.moment(clock, on: connection)
            let kenmerk = try KenmerkUitgifte.volgende(in: AmsterdamseTijd.kalenderdatum(van: now).jaar, on: connection)
            let events = try Beslissing.decide(nil, command, by: context.actor, at: now, kenmerk: kenmerk)
            let outcome = try Self.record(
                events, commandID: context.commandID, metadata: metadata, sleutels: sleutels, to: id, expected: .noStream, before: nil,
                at: now, on: connection
            )
            return try Self.answered(outcome, context, on: connection)
        }
        store.announceCommittedEvents()
        logger.info("dossier geopend", metadata: ["dossier.id": "\(id.uuidString.lowercased())", "dossier.kenmerk": "\(outcome.dossier.kenmerk)"])
        return outcome
    }

    /// Executes any other command on an existing dossier.
    public func execute(_ command: DossierCommand, on dossierID: UUID, context: CommandContext) async throws -> CommandOutcome {
        let metadata = EventMetadata(context: context)
        let sleutels = try await sleutels(dossier: dossierID, actor: context.actor)
        // The linked Kamerstukken the command needs in its state (see `KamerstukkenNodig`).
        let kamerstukken: DossierProjection.KamerstukkenNodig =
            if context.answer?.heleDossier == true { .alle } else if case .koppelKamerstuk(let nummer, _, _) = command { .nummer(nummer) } else { .geen }
        var attempt = 0
        // A command's single event is appended, projected and committed in one round trip, unless
        // that append was refused (a replayed command, a moved head): then once more one at a time.
        var pipelining: Pipelining = context.answer?.ticket == nil ? .metCommit(voor: context.actor) : .zonderCommit
        while true {
            attempt += 1
            do {
                let clock = clock
                let pipelining = pipelining
                let stateCache = stateCache
                let outcome = try await pool.withTransaction { connection in
                    // The state and its version from the read-model row, locked for the transaction:
                    // the command's cost does not grow with the stream, and concurrent commands on
                    // one dossier queue here instead of losing the race for the version. The moment
                    // is read once the lock is held, so a stream's times never go backwards.
                    let locked = try DossierProjection.lockedState(of: dossierID, kamerstukken: kamerstukken, cache: stateCache, on: connection)
                    let now = clock.map { Self.microseconds($0()) } ?? locked.moment
                    let state = locked.state
                    if let expected = context.expectedVersion, let state {
                        // Visibility first: a dossier the actor may not see is unknown to it, whatever
                        // version it names; and it is compared with the version of its own view.
                        guard let view = state.zichtbaar(voor: context.actor) else { throw DomainError.nietGevonden }
                        // What fails whatever the version (a wrong value, an unknown round, a role
                        // that may not) answers before the precondition (RFC 9110 §13.2.1).
                        try Beslissing.controleerVooraf(state, command, by: context.actor)
                        if expected != view.versie { throw ServiceError.staleVersion(current: view.versie) }
                    }
                    let events = try Beslissing.decide(state, command, by: context.actor, at: now, kenmerk: nil)
                    if events.isEmpty, let state {
                        // Nothing to record (a change to what the dossier already says): the answer is
                        // the stored view, whole.
                        let kijker = DossierWeergave.kijker(voor: context.actor)
                        let weergave = try DossierWeergave.opgeslagen(dossierID, kijker: kijker, on: connection)
                            ?? DossierWeergave.render(try DossierProjection.volledig(dossierID, on: connection) ?? state, voor: context.actor)
                        let weergaven = weergave.map { [kijker: $0] } ?? [:]
                        return try Self.answered(CommandOutcome(dossier: state, events: [], weergaven: weergaven), context, on: connection)
                    }
                    let outcome = try Self.record(
                        events, commandID: context.commandID, metadata: metadata, sleutels: sleutels, to: dossierID,
                        expected: .exact(state?.versie ?? 0), before: state, at: now, pipelining: pipelining, cache: stateCache,
                        on: connection
                    )
                    return try Self.answered(outcome, context, on: connection)
                }
                store.announceCommittedEvents()
                return outcome
            } catch is PipelinedAppend.Refusal where pipelining != .nee {
                pipelining = .nee
                attempt -= 1
            } catch EventStoreError.wrongExpectedVersion(_, _, let actual) {
                appendConflicts.increment()
                if let expected = context.expectedVersion {
                    throw ServiceError.staleVersion(current: actual ?? expected)
                }
                guard attempt < maximumAttempts else { throw ServiceError.tooMuchContention }
                logger.debug("versieconflict, opnieuw beslissen", metadata: ["dossier.id": "\(dossierID.uuidString.lowercased())", "poging": "\(attempt)"])
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...(2 * min(attempt, 10)))))
            }
        }
    }

    /// The moment to decide and record at: the injected clock's, else the database's, to the
    /// microsecond the store keeps.
    private static func moment(_ clock: (@Sendable () -> Date)?, on connection: PostgresConnection) throws -> Date {
        if let clock { return microseconds(clock()) }
        guard let now = try connection.query("SELECT clock_timestamp() AS nu").first?.date("nu") else {
            throw ServiceError.unreadableEvent(position: 0)
        }
        return now
    }

    /// A moment to the microsecond the store keeps.
    static func microseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
    }

    /// The outcome with its answer rendered and, for an `Idempotency-Key`, kept: on the command's
    /// own connection, inside its transaction.
    static func answered(_ outcome: CommandOutcome, _ context: CommandContext, on connection: PostgresConnection) throws -> CommandOutcome {
        guard let answer = context.answer else { return outcome }
        var outcome = outcome
        let rendered = try answer.render(outcome)
        try answer.ticket?.keep(rendered, on: connection)
        outcome.answer = rendered
        return outcome
    }

    /// Whether `record` sends the append and the projection in one round trip, and the COMMIT with them.
    enum Pipelining: Equatable {
        /// One statement at a time (a refused pipelined append is decided again this way).
        case nee
        /// The append and the projection together; the caller's transaction goes on (an answer to keep).
        case zonderCommit
        /// The append, the projection and the COMMIT of the caller's (outermost) transaction together,
        /// when `actor` may see the dossier after the command (its answer is rendered after the COMMIT).
        case metCommit(voor: Actor)
    }

    /// Appends decided events and projects them, on the caller's transaction; with `pipelining`,
    /// a single event on an existing stream in one round trip with its projection (and the commit:
    /// then the state written is remembered in `cache`, the transaction ending with that write).
    ///
    /// Event ids derive from the command id, so a command retried with the same id (a client's retry
    /// under the same `Idempotency-Key`) either finds its events already stored and writes nothing,
    /// or is refused by the store as different content: it never writes twice.
    static func record(
        _ events: [DossierEvent], commandID: UUID, metadata: EventMetadata, sleutels: EventKeys, to dossierID: UUID,
        expected: ExpectedVersion, before: Dossier?, at moment: Date, pipelining: Pipelining = .nee,
        cache: DossierStateCache? = nil, on connection: PostgresConnection
    ) throws -> CommandOutcome {
        let encodedMetadata = try metadata.encoded()
        let newEvents = try events.enumerated().map { index, event in
            let eventID = StableUUID.derived(from: commandID, "event-\(index)")
            return NewEvent(
                eventID: eventID, type: event.type, schemaVersion: DossierEvent.schemaVersions[event.type] ?? 1,
                data: try sleutels.verzegel(try event.encodedData(), eventID: eventID, type: event.type),
                metadata: try sleutels.verzegel(encodedMetadata, eventID: eventID)
            )
        }
        let streamID = DossierStream.id(of: dossierID)
        if pipelining != .nee, newEvents.count == 1, case .exact(let version) = expected, version > 0, let before {
            // The append, the projection and (without a kept answer) the COMMIT in one round trip:
            // the event's version and moment are known, and a pipelined append that would not record
            // it as sent fails, so nothing after it runs (`PipelinedAppend`).
            let append = try PipelinedAppend(streamID: streamID, expectedVersion: version, event: newEvents[0], recordedAt: moment)
            let element = DossierStream.Element(event: events[0], version: append.version, recordedAt: append.recordedAt, metadata: metadata)
            guard let schrijven = try DossierProjection.writing([element], after: before) else {
                throw ServiceError.unreadableEvent(position: 0)
            }
            let answers: [PostgresRows]
            // The answer is rendered after the COMMIT: only when the actor may see the dossier
            // after the command, else its refusal must still roll the command back.
            let commits = if case .metCommit(let actor) = pipelining { schrijven.state.zichtbaar(voor: actor) != nil } else { false }
            do {
                answers = try connection.queries([append.statement, schrijven.statement], committing: commits)
            } catch {
                throw append.translated(error)
            }
            // Remembered only when the COMMIT went with it: the transaction ended with this write.
            // A row version that cannot be read is not remembered (the command stands).
            if commits, !connection.isInTransaction, let cache, let rij = schrijven.rij(from: answers[1]) {
                cache.remember(schrijven.state, as: rij)
            }
            return CommandOutcome(
                dossier: schrijven.state, events: try append.result(answers[0]).events, weergaven: try schrijven.weergaven(from: answers[1])
            )
        }
        let result = try EventStore.append(
            on: connection, to: streamID, streamType: DossierEvent.streamType, expectedVersion: expected, events: newEvents,
            recordedAt: moment
        )
        if result.wasAlreadyAppended {
            let stored = try KeyRing.open(EventStore.readStream(on: connection, streamID), on: connection)
            guard let current = DossierStream.fold(try DossierStream.decode(stored)) else {
                throw ServiceError.unreadableEvent(position: result.lastPosition)
            }
            return CommandOutcome(dossier: current, events: result.events)
        }
        // The decided events are evolved as they are: nothing just encoded is decoded again.
        let elements = zip(events, result.events).map { event, recorded in
            DossierStream.Element(event: event, version: recorded.version, recordedAt: recorded.recordedAt, metadata: metadata)
        }
        guard let after = try DossierProjection.apply(elements, after: before, on: connection) else {
            throw ServiceError.unreadableEvent(position: result.lastPosition)
        }
        return CommandOutcome(dossier: after.dossier, events: result.events, weergaven: after.weergaven)
    }

    // MARK: Queries

    /// The dossier now (from the read model), or as recorded at `peildatum` (folded from its events);
    /// `nil` when it does not exist (yet).
    public func dossier(_ id: UUID, peildatum: Peildatum? = nil) async throws -> Dossier? {
        if let peildatum {
            let recorded = try await opened(try await store.readStream(DossierStream.id(of: id), upTo: .recordedAt(peildatum.moment)))
            return DossierStream.fold(try DossierStream.decode(recorded.filter { peildatum.omvat($0.recordedAt) }))
        }
        return try await pool.withConnection { connection in
            try DossierProjection.volledig(id, on: connection)
        }
    }

    /// The dossier now as `actor` may see it, rendered: the stored view when there is one (one row
    /// read, no decoding), else rendered from the stored state (a dossier not changed since the views
    /// were introduced); nil when it does not exist or the actor may not see it.
    public func weergave(_ id: UUID, voor actor: Actor) async throws -> DossierWeergave? {
        let kijker = DossierWeergave.kijker(voor: actor)
        // The stored view is read with other requests' reads in one round trip (the common case);
        // a dossier without one (none stored for this kijker, or no such dossier) is rendered from
        // its state, which is what a stored view holds.
        if let stored = try await pool.read(DossierWeergave.opgeslagenSQL, [.uuid(id), .text(kijker)], { rows in try rows.first.map(DossierWeergave.gelezen) }) {
            return stored
        }
        return try await pool.withConnection { connection in
            guard let dossier = try DossierProjection.volledig(id, on: connection) else { return nil }
            return try DossierWeergave.render(dossier, voor: actor)
        }
    }

    /// A page of current dossiers, ordered by kenmerk.
    public func dossiers(_ query: DossierQuery) async throws -> DossierPage {
        let filter = DossierFilter(query, koepel: query.koepel)
        return try await pool.withConnection { connection in
            let rows = try connection.query(
                "SELECT \(DossierProjection.volledigeStaat) AS staat, count(*) OVER () AS totaal FROM dossiers d \(filter.sql) ORDER BY d.kenmerk \(filter.page)",
                filter.parameters + filter.pageParameters
            )
            let items = try rows.map { try DossierProjection.decodeState($0.json("staat")) }
            return DossierPage(items: items, total: try filter.total(rows, on: connection))
        }
    }

    /// A page of current dossiers as `actor` may see them, ordered by kenmerk, each the stored view's
    /// bytes (rendered from the state for a dossier without stored views), and how many there are.
    /// A koepel gets only the dossiers it was invited to.
    public func weergaven(_ query: DossierQuery, voor actor: Actor) async throws -> (documents: [Data], total: Int) {
        let kijker = DossierWeergave.kijker(voor: actor)
        let query = query.beperkt(tot: actor)
        let filter = DossierFilter(query, koepel: query.koepel)
        return try await pool.withConnection { connection in
            let rows = try connection.query(
                """
                SELECT \(DossierWeergave.kolommen), CASE WHEN w.document IS NULL THEN \(DossierProjection.volledigeStaat) END AS staat,
                       count(*) OVER () AS totaal
                FROM dossiers d LEFT JOIN dossier_weergaven w ON w.dossier_id = d.id AND w.kijker = $\(filter.parameters.count + 3)
                \(filter.sql)
                ORDER BY d.kenmerk \(filter.page)
                """,
                filter.parameters + filter.pageParameters + [.text(kijker)]
            )
            var documents: [Data] = []
            documents.reserveCapacity(rows.count)
            for row in rows {
                if try !row.isNull("document") {
                    documents.append(try DossierWeergave.gelezen(row).document)
                } else if let view = try DossierWeergave.render(try DossierProjection.decodeState(row.json("staat")), voor: actor) {
                    documents.append(view.document)
                }
            }
            return (documents, try filter.total(rows, on: connection))
        }
    }

    /// A page of current dossiers as `actor` may see them, ordered by kenmerk (koepel: only the ones
    /// it was invited to), and how many there are: for pages that show more than the API's document.
    public func zichtbareDossiers(_ query: DossierQuery, voor actor: Actor) async throws -> DossierPage {
        let page = try await dossiers(query.beperkt(tot: actor))
        return DossierPage(items: page.items.compactMap { $0.zichtbaar(voor: actor) }, total: page.total)
    }

    /// The dossiers that need a coordinator's action first: an open round past its termijn (on
    /// `vandaag`), or a UDO requested and pending; oldest change first.
    public func aandachtspunten(vandaag: Kalenderdatum, limit: Int = 50) async throws -> [Dossier] {
        try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT \(DossierProjection.volledigeStaat) AS staat FROM dossiers d
                WHERE fase = 'udo' OR EXISTS (
                  SELECT 1 FROM jsonb_array_elements(staat->'consultaties') c
                  WHERE c->>'status' = 'open' AND (c->>'termijn') < $1)
                ORDER BY bijgewerkt_op LIMIT $2
                """,
                [.text(vandaag.description), .int(Int64(max(1, limit)))]
            ).map { try DossierProjection.decodeState($0.json("staat")) }
        }
    }

    /// The timeline as recorded at `peildatum` (now when nil), as `actor` may see it: a koepel does
    /// not see another koepel's reactie while that round was open at the peildatum. `nil` when the
    /// dossier did not exist (yet) or the actor may not see it.
    public func tijdlijn(_ id: UUID, peildatum: Peildatum? = nil, voor actor: Actor) async throws -> [TijdlijnRegel]? {
        guard let dossier = try await dossier(id, peildatum: peildatum), dossier.zichtbaar(voor: actor) != nil else { return nil }
        let grens = peildatum ?? Peildatum(moment: .distantFuture)
        let rows = try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT versie, type, geregistreerd_op, omschrijving, door, ronde, koepel, intern FROM dossier_tijdlijn
                WHERE dossier_id = $1 AND geregistreerd_op <= $2 ORDER BY versie
                """,
                [.uuid(id), .timestamp(grens.moment)]
            ).map { row in
                (regel: TijdlijnRegel(
                    versie: try row.int64("versie"), type: try row.string("type"), geregistreerdOp: try row.date("geregistreerd_op"),
                    omschrijving: try row.string("omschrijving"), door: try row.string("door")
                 ), ronde: try row.optionalInt("ronde"), koepel: try row.optionalString("koepel"), intern: try row.bool("intern"))
            }
        }
        let recorded = rows.filter { grens.omvat($0.regel.geregistreerdOp) }
        let reacties = Dictionary(uniqueKeysWithValues: recorded.compactMap { row -> (Int64, (Int, Koepel))? in
            guard let ronde = row.ronde, let koepel = row.koepel.flatMap(Koepel.init(rawValue:)) else { return nil }
            return (row.regel.versie, (ronde, koepel))
        })
        let intern = Set(recorded.filter(\.intern).map(\.regel.versie))
        return Tijdlijn.zichtbaar(recorded.map(\.regel), van: dossier, voor: actor, reactieVan: { reacties[$0.versie].map { (ronde: $0.0, koepel: $0.1) } },
                                  intern: { intern.contains($0.versie) })
    }

    /// A page (from 1) of the raw stored events of a dossier with metadata and hashes, and how many
    /// there are; `nil` when it does not exist.
    public func gebeurtenissen(_ id: UUID, page: Int = 1, pageSize: Int = 100) async throws -> (events: [RecordedEvent], total: Int64)? {
        let after = Int64(max(0, page - 1)) * Int64(max(1, pageSize))
        guard let read = try await store.readStream(DossierStream.id(of: id), after: after, limit: max(1, pageSize)) else { return nil }
        return (try await opened(read.events), read.version)
    }

    /// The global feed in commit order (never skips a late commit), its sealed fields opened.
    public func feed(after cursor: FeedCursor?, limit: Int) async throws -> FeedPage {
        let page = try await store.readAll(after: cursor, limit: limit)
        return FeedPage(events: try await opened(page.events), cursor: page.cursor)
    }

    /// The keys that open the sealed fields of a dossier's events, for its e-Depot package.
    public func sleutelsVoorOverdracht(_ dossierID: UUID) async throws -> [(id: String, sleutel: Data)] {
        try await keyRing.sleutels(vanStroom: DossierStream.id(of: dossierID), pool: pool)
    }

    /// Stored events with their sealed fields opened (one statement for the keys, only when a field
    /// is sealed).
    public func opened(_ events: [RecordedEvent]) async throws -> [RecordedEvent] {
        guard events.contains(where: { FieldEncryption.isSealed($0.data) || FieldEncryption.isSealed($0.metadata) }) else { return events }
        return try await pool.withConnection { connection in try KeyRing.open(events, on: connection) }
    }

    /// The keys to seal a command's events with: the dossier's, and the acting person's when the
    /// actor is a web account or a token holder.
    func sleutels(dossier: UUID, actor: Actor) async throws -> EventKeys {
        let dossierID = KeyRing.id(dossier: dossier)
        let persoonID = actor.gebruikerID.map(KeyRing.id(gebruiker:)) ?? actor.tokenID.map(KeyRing.id(token:))
        let keys = try await keyRing.sleutelsOmTeVerzegelen([dossierID] + (persoonID.map { [$0] } ?? []))
        return EventKeys(
            dossier: keys[dossierID].map { FieldEncryption.Sleutel(id: dossierID, key: $0) },
            persoon: persoonID.flatMap { id in keys[id].map { FieldEncryption.Sleutel(id: id, key: $0) } },
            vernietigd: Set((keys[dossierID] == nil ? ["dossier"] : []) + (persoonID != nil && keys[persoonID!] == nil ? ["persoon"] : []))
        )
    }

    /// Every dossier as recorded at `peildatum`: reproducible, because events never change. When
    /// nothing was recorded after the peildatum (a report of now) that is the read model, read in one
    /// pass; otherwise the events up to the peildatum, folded in one ordered pass. Either way in stream
    /// order.
    public func dossiers(asRecordedAt peildatum: Peildatum) async throws -> [Dossier] {
        try await pool.withConnection { connection in try Self.dossiers(asRecordedAt: peildatum, on: connection) }
    }

    /// `dossiers(asRecordedAt:)` on one connection (a report replica's, see `ReportReader`).
    static func dossiers(asRecordedAt peildatum: Peildatum, on connection: PostgresConnection) throws -> [Dossier] {
        // One statement, one snapshot: the moment of the last change of any dossier (a row's
        // bijgewerkt_op is the moment of its last event) and, only when that lies within the
        // peildatum, the rows themselves.
        let rows = try connection.query(
            """
            SELECT l.laatst, \(DossierProjection.volledigeStaat) AS staat FROM (SELECT max(bijgewerkt_op) AS laatst FROM dossiers) l
            LEFT JOIN dossiers d ON l.laatst <= $1
            ORDER BY 'dossier-' || d.id::text
            """,
            [.timestamp(peildatum.moment)]
        )
        guard let first = rows.first, let laatst = try first.optionalDate("laatst") else { return [] }
        if peildatum.omvat(laatst), try !first.isNull("staat") {
            return try rows.map { try DossierProjection.decodeState($0.json("staat")) }.map { $0.vernietiging != nil ? $0.grafsteen : $0 }
        }
        // A destroyed dossier shows its tombstone in a report of any date, also one before its
        // destruction: what was destroyed is gone from the past as well.
        let vernietigd = Set(try connection.query("SELECT stream_id FROM events WHERE type = 'DossierVernietigd'").map { try $0.string("stream_id") })
        let rijen = try connection.query(
            """
            SELECT stream_id, version, type, schema_version, data, recorded_at, position FROM events
            WHERE stream_type = $1 AND recorded_at <= $2 ORDER BY stream_id, version
            """,
            [.text(DossierEvent.streamType), .timestamp(peildatum.moment)]
        ).map { row in
            (stream: try row.string("stream_id"), version: try row.int64("version"), type: try row.string("type"),
             schemaVersion: try row.int("schema_version"), data: try row.json("data"), recordedAt: try row.date("recorded_at"),
             position: try row.int64("position"))
        }
        // Sealed texts opened with the keys that still exist (one statement).
        let ids = rijen.reduce(into: Set<String>()) { ids, row in
            if FieldEncryption.isSealed(row.data) { ids.formUnion(FieldEncryption.sleutelIDs(in: row.data)) }
        }
        let keys = ids.isEmpty ? [:] : try KeyRing.sleutelsOmTeOpenen(ids, on: connection)
        let grouped = ids.isEmpty ? rijen : rijen.map { row in
            (row.stream, row.version, row.type, row.schemaVersion, FieldEncryption.open(row.data, sleutels: keys), row.recordedAt, row.position)
        }
        var dossiers: [Dossier] = []
        var stream: String?
        var state: Dossier?
        for row in grouped where peildatum.omvat(row.recordedAt) {
            let event: DossierEvent
            do {
                event = try DossierEvent.decode(type: row.type, schemaVersion: row.schemaVersion, data: row.data)
            } catch {
                throw ServiceError.unreadableEvent(position: row.position)
            }
            if stream != row.stream {
                if let state { dossiers.append(state) }
                stream = row.stream
                state = nil
            }
            state = Beslissing.evolve(state, event, version: row.version, recordedAt: row.recordedAt)
        }
        if let state { dossiers.append(state) }
        return dossiers.map { vernietigd.contains(DossierStream.id(of: $0.id)) ? $0.grafsteen : $0 }
    }

    /// The overview for the four-yearly evaluation over the dossiers opened from the start of `van`
    /// to the end of `tot` (Europe/Amsterdam; both optional), each as recorded at the end of `tot`
    /// (now when absent).
    public func evaluatie(van: Kalenderdatum?, tot: Kalenderdatum?) async throws -> Evaluatieoverzicht {
        try await evaluatieGelezen(van: van, tot: tot).report
    }

    /// `evaluatie(van:tot:)` read by the report reader (a replica when configured), with the moment
    /// up to which it is complete.
    public func evaluatieGelezen(van: Kalenderdatum?, tot: Kalenderdatum?) async throws -> ReportRead<Evaluatieoverzicht> {
        let peildatum = tot.map(Peildatum.init(eindeVan:)) ?? Peildatum(moment: clock?() ?? Date())
        let begin = van.map { AmsterdamseTijd.beginVan($0) }
        return try await reportReader.read { connection in try Self.dossiers(asRecordedAt: peildatum, on: connection) }.map { dossiers in
            Evaluatieoverzicht(dossiers: dossiers.filter { dossier in begin.map { dossier.geopendOp >= $0 } ?? true })
        }
    }

    /// The stand-van-zaken report as recorded at `peildatum`.
    public func standVanZaken(peildatum: Peildatum) async throws -> StandVanZaken {
        try await standVanZakenGelezen(peildatum: peildatum).report
    }

    /// `standVanZaken(peildatum:)` read by the report reader (a replica when configured), with the
    /// moment up to which it is complete.
    public func standVanZakenGelezen(peildatum: Peildatum) async throws -> ReportRead<StandVanZaken> {
        try await reportReader.read { connection in try Self.dossiers(asRecordedAt: peildatum, on: connection) }.map { dossiers in
            StandVanZaken(peildatum: peildatum, dossiers: dossiers)
        }
    }
}
