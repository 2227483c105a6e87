import Crypto
import Dossiers
import EventStore
import Foundation
import Postgres
import Taaktoedeling

/// Webhook subscriptions: made, listed, shown with their delivery state, removed, their delivery
/// log, and a resend. What both the API (`/v1/abonnementen`) and the CLI (`abonnement …`) use.
public struct AbonnementStore: AbonnementRegister {
    private let pool: PostgresConnectionPool
    private let instellingen: NotificationSettings

    /// The store over `pool`, with the settings that decide the CloudEvents and allowed targets.
    public init(pool: PostgresConnectionPool, instellingen: NotificationSettings) {
        self.pool = pool
        self.instellingen = instellingen
    }

    /// Makes a subscription after checking its callback target; returns it with the signing secret
    /// (`whsec_` and base64 of 32 random bytes), which is shown this once.
    public func create(_ verzoek: Abonnementverzoek, door: String) async throws -> (abonnement: Abonnement, geheim: String) {
        if let probleem = await CallbackAddress.probleem(verzoek.callbackURL, privaatToegestaan: instellingen.privaatToegestaan) {
            throw AbonnementError.callbackNietToegestaan(probleem)
        }
        let sleutel = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let id = UUID()
        let abonnement = try await pool.withTransaction { connection -> Abonnement in
            try connection.execute(
                """
                INSERT INTO abonnementen (id, callback_url, auth, geheim, types, dossiers, koepel, aangemaakt_door, vanaf_tx)
                VALUES ($1, $2, $3, $4, $5::text::text[], $6::text::uuid[], $7, $8, pg_snapshot_xmin(pg_current_snapshot()))
                """,
                [
                    .uuid(id), .text(verzoek.callbackURL.absoluteString), verzoek.auth.map { .text($0) } ?? .null, .bytea(sleutel),
                    .text(PostgresArrayLiteral.words(verzoek.types)), .text(PostgresArrayLiteral.words(verzoek.dossiers.map { $0.uuidString.lowercased() })),
                    verzoek.koepel.map { .text($0.rawValue) } ?? .null, .text(door),
                ]
            )
            guard let abonnement = try Self.lees(id: id, on: connection) else { throw AbonnementError.onbekend }
            return abonnement
        }
        return (abonnement, "whsec_" + sleutel.base64EncodedString())
    }

    /// Every subscription, oldest first, with its delivery state.
    public func list() async throws -> [Abonnement] {
        try await pool.withConnection { connection in
            try connection.query("SELECT \(Self.kolommen) FROM abonnementen a ORDER BY aangemaakt_op, id").map(Self.abonnement)
        }
    }

    /// One subscription with its delivery state, nil when unknown.
    public func abonnement(id: UUID) async throws -> Abonnement? {
        try await pool.withConnection { connection in try Self.lees(id: id, on: connection) }
    }

    /// Removes a subscription with its queue and log; false when unknown.
    public func verwijder(id: UUID) async throws -> Bool {
        try await pool.withConnection { connection in
            try connection.execute("DELETE FROM abonnementen WHERE id = $1", [.uuid(id)]) > 0
        }
    }

    /// A page (from 1) of the delivery log, newest attempt first, and how many attempts there are;
    /// nil when the subscription is unknown.
    public func afleveringen(id: UUID, page: Int = 1, pageSize: Int = 100) async throws -> (pogingen: [DeliveryAttempt], totaal: Int)? {
        try await pool.withConnection { connection in
            guard try connection.query("SELECT 1 FROM abonnementen WHERE id = $1", [.uuid(id)]).first != nil else { return nil }
            let totaal = try connection.query("SELECT count(*) AS n FROM webhook_pogingen WHERE abonnement_id = $1", [.uuid(id)])[0].int("n")
            let pogingen = try connection.query(
                """
                SELECT event_id, feed_tx::text AS tx, feed_positie, tijdstip, http_status, fout, duur_ms FROM webhook_pogingen
                WHERE abonnement_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3
                """,
                [.uuid(id), .int(Int64(pageSize)), .int(Int64((max(page, 1) - 1) * pageSize))]
            ).map { row in
                DeliveryAttempt(
                    eventID: try row.uuid("event_id"),
                    sequence: Self.sequence(tx: try row.string("tx"), positie: try row.int64("feed_positie")),
                    tijdstip: try row.date("tijdstip"), httpStatus: try row.optionalInt("http_status"), fout: try row.optionalString("fout"),
                    duurMs: try row.int("duur_ms")
                )
            }
            return (pogingen, totaal)
        }
    }

    /// Puts deliveries back in the queue and clears the failure state, so they are sent now: with a
    /// cursor every event after it that the subscription takes (also ones delivered before, and ones
    /// from before it existed), without one every dead-lettered delivery. Returns how many were queued.
    public func opnieuw(id: UUID, na cursor: FeedCursor?) async throws -> Int {
        let uitgifte = WebhookDispatch(instellingen: instellingen, volger: DossierStateFollower())
        var totaal = 0
        if let cursor {
            guard try await abonnement(id: id) != nil else { throw AbonnementError.onbekend }
            var volgende = cursor
            while true {
                let na = volgende
                let (aantal, verder) = try await pool.withTransaction { connection -> (Int, FeedCursor?) in
                    let page = try EventStore.readAll(on: connection, after: na, limit: 500)
                    let doelen = try WebhookDispatch.doelen(on: connection, id: id)
                    guard !doelen.isEmpty else { throw AbonnementError.onbekend }
                    let aantal = try uitgifte.verdeel(page.events, over: doelen, on: connection, opnieuw: true)
                    try Self.herstart(id: id, on: connection)
                    return (aantal, page.events.count == 500 ? page.cursor : nil)
                }
                totaal += aantal
                guard let verder else { break }
                volgende = verder
            }
        } else {
            totaal = try await pool.withTransaction { connection in
                guard try connection.query("SELECT 1 FROM abonnementen WHERE id = $1 FOR UPDATE", [.uuid(id)]).first != nil else {
                    throw AbonnementError.onbekend
                }
                let aantal = try connection.execute(
                    "UPDATE webhook_afleveringen SET status = 'wachtend', afgehandeld_op = NULL WHERE abonnement_id = $1 AND status = 'doodgelegd'",
                    [.uuid(id)]
                )
                try Self.herstart(id: id, on: connection)
                return aantal
            }
        }
        return totaal
    }

    /// Clears the failure state so the queue is worked now, and tells the delivering instances.
    private static func herstart(id: UUID, on connection: PostgresConnection) throws {
        try connection.execute(
            "UPDATE abonnementen SET mislukkingen = 0, storing_sinds = NULL, volgende_poging = NULL, laatste_fout = NULL WHERE id = $1",
            [.uuid(id)]
        )
        _ = try connection.query("SELECT pg_notify($1, 'opnieuw')", [.text(WebhookDispatch.kanaal)])
    }

    static let kolommen = """
        a.id, a.callback_url, a.auth IS NOT NULL AS met_auth, array_to_string(a.types, ',') AS types,
        array_to_string(a.dossiers, ',') AS dossiers, a.koepel, a.aangemaakt_door, a.aangemaakt_op, a.laatste_succes,
        a.mislukkingen, a.storing_sinds, a.volgende_poging, a.laatste_fout,
        (SELECT count(*) FROM webhook_afleveringen w WHERE w.abonnement_id = a.id AND w.status = 'wachtend') AS wachtend,
        (SELECT count(*) FROM webhook_afleveringen w WHERE w.abonnement_id = a.id AND w.status = 'doodgelegd') AS doodgelegd
        """

    static func lees(id: UUID, on connection: PostgresConnection) throws -> Abonnement? {
        try connection.query("SELECT \(kolommen) FROM abonnementen a WHERE a.id = $1", [.uuid(id)]).first.map(abonnement)
    }

    static func abonnement(_ row: PostgresRow) throws -> Abonnement {
        Abonnement(
            id: try row.uuid("id"), callbackURL: try row.string("callback_url"), metAuth: try row.bool("met_auth"),
            types: try row.string("types").split(separator: ",").map(String.init),
            dossiers: try row.string("dossiers").split(separator: ",").compactMap { UUID(uuidString: String($0)) },
            koepel: try row.optionalString("koepel").flatMap(Koepel.init(rawValue:)), aangemaaktDoor: try row.string("aangemaakt_door"),
            aangemaaktOp: try row.date("aangemaakt_op"), laatsteSucces: try row.optionalDate("laatste_succes"),
            mislukkingen: try row.int("mislukkingen"), storingSinds: try row.optionalDate("storing_sinds"),
            volgendePoging: try row.optionalDate("volgende_poging"), laatsteFout: try row.optionalString("laatste_fout"),
            wachtend: try row.int("wachtend"), doodgelegd: try row.int("doodgelegd")
        )
    }

    static func sequence(tx: String, positie: Int64) -> String {
        let positie = String(positie)
        return String(repeating: "0", count: max(0, 20 - tx.count)) + tx + String(repeating: "0", count: max(0, 19 - positie.count)) + positie
    }
}
