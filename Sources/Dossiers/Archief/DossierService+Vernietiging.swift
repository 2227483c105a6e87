import EventStore
import Foundation
import Postgres
import Taaktoedeling

extension DossierService {
    /// The most dossiers one list may hold.
    public static let maximumVernietigingslijst = 5_000

    /// The person a coordinator is, as key id and name; nil for an actor that is neither a web
    /// account nor a token holder (who may not propose or judge a list).
    static func beoordelaar(_ actor: Actor) -> (id: String, naam: String)? {
        guard actor.rol == .coordinator else { return nil }
        if let id = actor.gebruikerID { return (KeyRing.id(gebruiker: id), actor.naam) }
        if let id = actor.tokenID { return (KeyRing.id(token: id), actor.naam) }
        return nil
    }

    /// The key id by which a coordinator is recorded on a list (to tell the proposer from the judge).
    public static func beoordelaarID(_ actor: Actor) -> String? { beoordelaar(actor)?.id }

    /// The dossiers that may go on a list today: closed, archiefnominatie vernietigen, the
    /// archiefactiedatum come, not transferred, not destroyed, and not on a list waiting for judgement.
    public func vernietigbareDossiers(vandaag: Kalenderdatum) async throws -> [Dossier] {
        try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT \(DossierProjection.volledigeStaat) AS staat FROM dossiers d WHERE fase IN ('besloten', 'ingetrokken')
                AND NOT EXISTS (SELECT 1 FROM vernietigingslijst_dossiers r JOIN vernietigingslijsten l ON l.id = r.lijst_id
                                WHERE r.dossier_id = d.id AND l.status = 'voorgesteld')
                ORDER BY kenmerk
                """
            ).map { try DossierProjection.decodeState($0.json("staat")) }
        }.filter { (try? Beslissing.vernietig($0, lijst: UUID(), vandaag: vandaag)) != nil }
    }

    /// Proposes a list of these dossiers. Every dossier must be destroyable today
    /// (`Beslissing.vernietig`) and on no other list waiting for judgement; otherwise nothing is kept.
    public func stelVernietigingslijstVoor(dossiers ids: [UUID], door actor: Actor, vandaag: Kalenderdatum) async throws -> Vernietigingslijst {
        guard let voorsteller = Self.beoordelaar(actor) else { throw VernietigingError.geenCoordinator }
        guard !ids.isEmpty else { throw VernietigingError.ongeldigeLijst("Een vernietigingslijst noemt ten minste één dossier.") }
        guard ids.count <= Self.maximumVernietigingslijst else {
            throw VernietigingError.ongeldigeLijst("Een vernietigingslijst noemt hoogstens \(Self.maximumVernietigingslijst) dossiers.")
        }
        guard Set(ids).count == ids.count else { throw VernietigingError.ongeldigeLijst("Een dossier staat twee keer op de lijst.") }
        let lijstID = UUID()
        try await pool.withTransaction { connection in
            let rows = try connection.query(
                "SELECT d.id, \(DossierProjection.volledigeStaat) AS staat FROM dossiers d WHERE d.id = ANY($1::text::uuid[]) FOR UPDATE",
                [.text(PostgresArrayLiteral.words(ids.map { $0.uuidString.lowercased() }))]
            )
            let gevonden = try Dictionary(uniqueKeysWithValues: rows.map { (try $0.uuid("id"), try DossierProjection.decodeState($0.json("staat"))) })
            try connection.execute(
                "INSERT INTO vernietigingslijsten (id, voorgesteld_door, voorsteller_naam) VALUES ($1, $2, $3)",
                [.uuid(lijstID), .text(voorsteller.id), .text(voorsteller.naam)]
            )
            for id in ids {
                guard let dossier = gevonden[id] else { throw DomainError.nietGevonden }
                _ = try Beslissing.vernietig(dossier, lijst: lijstID, vandaag: vandaag)
                if try !connection.query(
                    """
                    SELECT 1 AS x FROM vernietigingslijst_dossiers r JOIN vernietigingslijsten l ON l.id = r.lijst_id
                    WHERE r.dossier_id = $1 AND l.status = 'voorgesteld' AND l.id <> $2
                    """,
                    [.uuid(id), .uuid(lijstID)]
                ).isEmpty {
                    throw VernietigingError.alOpLijst(kenmerk: dossier.kenmerk.description)
                }
                guard let archief = dossier.archiefgegevens, let categorie = archief.selectielijstcategorie, let actiedatum = archief.archiefactiedatum else {
                    throw DomainError.conflict("Dossier \(dossier.kenmerk) heeft geen archiefactiedatum.")
                }
                try connection.execute(
                    """
                    INSERT INTO vernietigingslijst_dossiers (lijst_id, dossier_id, kenmerk, titel, categorie, brondatum, archiefactiedatum)
                    VALUES ($1, $2, $3, $4, $5, $6::date, $7::date)
                    """,
                    [.uuid(lijstID), .uuid(id), .text(dossier.kenmerk.description), .text(dossier.titel), .text(categorie),
                     .text(archief.brondatum.description), .text(actiedatum.description)]
                )
            }
        }
        logger.notice("vernietigingslijst voorgesteld", metadata: ["lijst.id": "\(lijstID.uuidString.lowercased())", "dossiers": "\(ids.count)"])
        guard let lijst = try await vernietigingslijst(lijstID) else { throw VernietigingError.onbekend }
        return lijst
    }

    /// The list with this id.
    public func vernietigingslijst(_ id: UUID) async throws -> Vernietigingslijst? {
        try await pool.withConnection { connection in try Self.leesLijsten(id: id, on: connection).first }
    }

    /// Every list, newest first.
    public func vernietigingslijsten() async throws -> [Vernietigingslijst] {
        try await pool.withConnection { connection in try Self.leesLijsten(id: nil, on: connection) }
    }

    /// The kept verklaring van vernietiging of an approved list: HTML and CSV.
    public func verklaringVanVernietiging(_ id: UUID) async throws -> (html: String, csv: String)? {
        try await pool.withConnection { connection in
            try connection.query("SELECT verklaring_html, verklaring_csv FROM vernietigingslijsten WHERE id = $1 AND status = 'goedgekeurd'", [.uuid(id)])
                .first.map { (try $0.string("verklaring_html"), try $0.string("verklaring_csv")) }
        }
    }

    /// Refuses a list: another coordinator than its proposer; nothing is destroyed.
    public func wijsVernietigingslijstAf(_ id: UUID, door actor: Actor, reden: String) async throws -> Vernietigingslijst {
        guard let beoordelaar = Self.beoordelaar(actor) else { throw VernietigingError.geenCoordinator }
        let reden = reden.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reden.isEmpty, reden.count <= 2_000 else {
            throw DomainError.ongeldigeInvoer(InvalidInput("reden", "vul een reden van ten hoogste 2000 tekens in"))
        }
        try await pool.withTransaction { connection in
            let lijst = try Self.beoordeelbaar(id, door: beoordelaar.id, on: connection)
            _ = lijst
            try connection.execute(
                """
                UPDATE vernietigingslijsten SET status = 'afgewezen', beoordeeld_door = $2, beoordelaar_naam = $3, beoordeeld_op = now(),
                    reden_afwijzing = $4 WHERE id = $1
                """,
                [.uuid(id), .text(beoordelaar.id), .text(beoordelaar.naam), .text(reden)]
            )
        }
        guard let lijst = try await vernietigingslijst(id) else { throw VernietigingError.onbekend }
        return lijst
    }

    /// Approves a list and destroys its dossiers, each in a transaction of its own (all or nothing
    /// per dossier): `DossierVernietigd`, the dossier's key destroyed, its documents' bytes deleted
    /// (a content another living dossier holds stays), its read models written again from what the
    /// events read now, and copies of its content elsewhere (kept answers, mail) removed. Then the
    /// verklaring van vernietiging is rendered by `verklaring` and kept. Interrupted, the list stays
    /// `voorgesteld` and a new approval goes on with the dossiers not yet destroyed.
    public func keurVernietigingslijstGoed(
        _ id: UUID, door actor: Actor, context: CommandContext, vandaag: Kalenderdatum,
        verklaring: @Sendable (Vernietigingslijst) -> (html: String, csv: String)
    ) async throws -> Vernietigingslijst {
        guard let beoordelaar = Self.beoordelaar(actor) else { throw VernietigingError.geenCoordinator }
        let lijst = try await pool.withConnection { connection in try Self.beoordeelbaar(id, door: beoordelaar.id, on: connection) }
        // Every dossier still to destroy must be destroyable now, before any is.
        let open = lijst.dossiers.filter { $0.vernietigdOp == nil }
        for regel in open {
            guard let dossier = try await dossier(regel.dossierId) else { throw DomainError.nietGevonden }
            if dossier.vernietiging == nil { _ = try Beslissing.vernietig(dossier, lijst: id, vandaag: vandaag) }
        }
        let metadata = EventMetadata(context: context)
        for regel in open {
            let sleutels = try await sleutels(dossier: regel.dossierId, actor: context.actor)
            try await pool.withTransaction { connection in
                try Self.vernietig(regel.dossierId, lijst: id, metadata: metadata, sleutels: sleutels, vandaag: vandaag, on: connection)
            }
            keyRing.vergeet(KeyRing.id(dossier: regel.dossierId))
        }
        if !open.isEmpty { store.announceCommittedEvents() }
        guard var goedgekeurd = try await vernietigingslijst(id) else { throw VernietigingError.onbekend }
        goedgekeurd.status = .goedgekeurd
        goedgekeurd.beoordeeldDoor = beoordelaar.id
        goedgekeurd.beoordelaarNaam = beoordelaar.naam
        let moment = clock?() ?? Date()
        goedgekeurd.beoordeeldOp = moment
        let tekst = verklaring(goedgekeurd)
        try await pool.withTransaction { connection in
            _ = try Self.beoordeelbaar(id, door: beoordelaar.id, on: connection)
            try connection.execute(
                """
                UPDATE vernietigingslijsten SET status = 'goedgekeurd', beoordeeld_door = $2, beoordelaar_naam = $3, beoordeeld_op = $4,
                    verklaring_html = $5, verklaring_csv = $6 WHERE id = $1
                """,
                [.uuid(id), .text(beoordelaar.id), .text(beoordelaar.naam), .timestamp(moment), .text(tekst.html), .text(tekst.csv)]
            )
        }
        logger.notice("vernietigingslijst goedgekeurd", metadata: ["lijst.id": "\(id.uuidString.lowercased())", "dossiers": "\(lijst.dossiers.count)"])
        guard let uitkomst = try await vernietigingslijst(id) else { throw VernietigingError.onbekend }
        return uitkomst
    }

    /// Destroys one dossier on the caller's transaction.
    static func vernietig(
        _ dossierID: UUID, lijst: UUID, metadata: EventMetadata, sleutels: EventKeys, vandaag: Kalenderdatum,
        on connection: PostgresConnection
    ) throws {
        let locked = try DossierProjection.lockedState(of: dossierID, on: connection)
        guard let state = locked.state else { throw DomainError.nietGevonden }
        if state.vernietiging == nil {
            let event = try Beslissing.vernietig(state, lijst: lijst, vandaag: vandaag)
            _ = try record(
                [event], commandID: StableUUID.derived(from: lijst, "vernietig-" + dossierID.uuidString.lowercased()), metadata: metadata,
                sleutels: sleutels, to: dossierID, expected: .exact(state.versie), before: state, at: locked.moment, on: connection
            )
        }
        try KeyRing.vernietig(KeyRing.id(dossier: dossierID), on: connection)
        // The bytes of its documents, unless a dossier that is not destroyed holds the same content.
        let stream = DossierStream.id(of: dossierID)
        let blokken = try connection.query(
            """
            DELETE FROM document_inhoud i
            WHERE encode(i.sha256, 'hex') IN (SELECT data ->> 'sha256' FROM events WHERE stream_id = $1 AND type = 'DocumentToegevoegd')
              AND NOT EXISTS (
                SELECT 1 FROM events e WHERE e.type = 'DocumentToegevoegd' AND e.data ->> 'sha256' = encode(i.sha256, 'hex')
                  AND e.stream_id <> $1
                  AND NOT EXISTS (SELECT 1 FROM events v WHERE v.stream_id = e.stream_id AND v.type = 'DossierVernietigd'))
            RETURNING blokken
            """,
            [.text(stream)]
        ).map { try $0.uuid("blokken").uuidString.lowercased() }
        if !blokken.isEmpty {
            try connection.execute("DELETE FROM document_blokken WHERE blokken = ANY($1::text::uuid[])", [.text(PostgresArrayLiteral.words(blokken))])
        }
        try DossierProjection.herbouw(stream, on: connection)
        // Copies of its content outside the events: kept answers and mail that name it.
        let id = dossierID.uuidString.lowercased()
        try connection.execute("DELETE FROM idempotency_keys WHERE position(convert_to($1, 'UTF8') IN coalesce(response_body, '')) > 0", [.text(id)])
        try connection.execute("DELETE FROM email_berichten WHERE position($1 IN tekst) > 0 OR position($1 IN html) > 0", [.text(id)])
        try connection.execute(
            "UPDATE vernietigingslijst_dossiers SET vernietigd_op = coalesce(vernietigd_op, clock_timestamp()) WHERE lijst_id = $1 AND dossier_id = $2",
            [.uuid(lijst), .uuid(dossierID)]
        )
    }

    /// The list, when it waits for judgement and `beoordelaar` did not propose it.
    static func beoordeelbaar(_ id: UUID, door beoordelaar: String, on connection: PostgresConnection) throws -> Vernietigingslijst {
        guard let lijst = try leesLijsten(id: id, on: connection, vergrendeld: true).first else { throw VernietigingError.onbekend }
        guard lijst.status == .voorgesteld else { throw VernietigingError.alBeoordeeld(lijst.status) }
        guard lijst.voorgesteldDoor != beoordelaar else { throw VernietigingError.eigenLijst }
        return lijst
    }

    static func leesLijsten(id: UUID?, on connection: PostgresConnection, vergrendeld: Bool = false) throws -> [Vernietigingslijst] {
        let lijsten = try connection.query(
            """
            SELECT id, status, voorgesteld_door, voorsteller_naam, voorgesteld_op, beoordeeld_door, beoordelaar_naam, beoordeeld_op, reden_afwijzing
            FROM vernietigingslijsten WHERE $1::uuid IS NULL OR id = $1 ORDER BY voorgesteld_op DESC, id \(vergrendeld ? "FOR UPDATE" : "")
            """,
            [id.map { .uuid($0) } ?? .null]
        )
        return try lijsten.map { row in
            let lijstID = try row.uuid("id")
            let regels = try connection.query(
                """
                SELECT dossier_id, kenmerk, titel, categorie, brondatum::text AS brondatum, archiefactiedatum::text AS actiedatum, vernietigd_op
                FROM vernietigingslijst_dossiers WHERE lijst_id = $1 ORDER BY kenmerk
                """,
                [.uuid(lijstID)]
            ).map { regel in
                Vernietigingslijst.Regel(
                    dossierId: try regel.uuid("dossier_id"), kenmerk: try regel.string("kenmerk"), titel: try regel.string("titel"),
                    categorie: try regel.string("categorie"), brondatum: Kalenderdatum(try regel.string("brondatum")) ?? Kalenderdatum(jaar: 1970, maand: 1, dag: 1)!,
                    archiefactiedatum: Kalenderdatum(try regel.string("actiedatum")) ?? Kalenderdatum(jaar: 1970, maand: 1, dag: 1)!,
                    vernietigdOp: try regel.optionalDate("vernietigd_op")
                )
            }
            return Vernietigingslijst(
                id: lijstID, status: Vernietigingslijst.Status(rawValue: try row.string("status")) ?? .voorgesteld,
                voorgesteldDoor: try row.string("voorgesteld_door"), voorstellerNaam: try row.string("voorsteller_naam"),
                voorgesteldOp: try row.date("voorgesteld_op"), beoordeeldDoor: try row.optionalString("beoordeeld_door"),
                beoordelaarNaam: try row.optionalString("beoordelaar_naam"), beoordeeldOp: try row.optionalDate("beoordeeld_op"),
                redenAfwijzing: try row.optionalString("reden_afwijzing"), dossiers: regels
            )
        }
    }
}
