import Dossiers
import Foundation
import Postgres

/// The webhook outbox as the delivering instances work it: each subscription's queue is leased to
/// one instance at a time and worked in feed order, one delivery at a time, taken and recorded in
/// batches so that the bookkeeping does not cost a transaction per delivery; failures move the
/// subscription's next attempt back (exponential backoff with jitter) until it has failed for
/// the give-up period, when its waiting deliveries are dead-lettered.
public struct WebhookQueue: Sendable {
    /// How deliveries are retried.
    public struct Beleid: Sendable, Equatable {
        /// The wait after the first failure (about 1 s), doubled after each further one.
        public var eersteWacht: Duration
        /// The longest wait between attempts (1 h).
        public var langsteWacht: Duration
        /// How long a subscription may fail before its waiting deliveries are dead-lettered (3 days).
        public var opgevenNa: Duration

        /// Creates a policy.
        public init(eersteWacht: Duration = .seconds(1), langsteWacht: Duration = .seconds(3600), opgevenNa: Duration = .seconds(3 * 86_400)) {
            self.eersteWacht = eersteWacht
            self.langsteWacht = langsteWacht
            self.opgevenNa = opgevenNa
        }

        /// The wait after `mislukkingen` failures in a row: doubling from the first wait up to the
        /// longest, then somewhere between half of it and all of it ("equal jitter"), so that many
        /// failing subscriptions do not retry in step.
        public func wacht(na mislukkingen: Int, toeval: Double = Double.random(in: 0...1)) -> Duration {
            let stappen = min(max(mislukkingen - 1, 0), 40)
            let eerste = Self.seconden(eersteWacht)
            let volle = min(eerste * pow(2, Double(stappen)), Self.seconden(langsteWacht))
            return .milliseconds(Int64((volle / 2 + volle / 2 * toeval) * 1000))
        }

        public static func seconden(_ duur: Duration) -> Double {
            Double(duur.components.seconds) + Double(duur.components.attoseconds) / 1e18
        }
    }

    /// One delivery to make now.
    public struct Levering: Sendable {
        /// The subscription.
        public let abonnementID: UUID
        /// The event (also the `webhook-id`).
        public let eventID: UUID
        /// Where to post.
        public let callbackURL: String
        /// The `Authorization` value to send, if any.
        public let auth: String?
        /// The HMAC key.
        public let geheim: Data
        /// The CloudEvent to send.
        public let inhoud: Data
        let tx: String
        let positie: Int64
    }

    private let pool: PostgresConnectionPool
    /// The retry policy.
    public let beleid: Beleid

    /// The outbox over `pool`.
    public init(pool: PostgresConnectionPool, beleid: Beleid = Beleid()) {
        self.pool = pool
        self.beleid = beleid
    }

    /// Leases to `houder` up to `maximum` subscriptions that have a delivery due and are not leased
    /// to another instance (or whose lease ran out), leaving out `bezig`; returns their ids.
    public func neemDue(houder: UUID, leaseDuur: Duration, maximum: Int, bezig: Set<UUID>) async throws -> [UUID] {
        guard maximum > 0 else { return [] }
        return try await pool.withConnection { connection in
            try connection.query(
                """
                UPDATE abonnementen SET lease_houder = $1, lease_tot = clock_timestamp() + $2 * interval '1 millisecond'
                WHERE id IN (
                  SELECT a.id FROM abonnementen a
                  WHERE (a.lease_houder IS NULL OR a.lease_houder = $1 OR a.lease_tot < clock_timestamp())
                    AND (a.volgende_poging IS NULL OR a.volgende_poging <= clock_timestamp())
                    AND NOT (a.id = ANY ($3::text::uuid[]))
                    AND EXISTS (SELECT 1 FROM webhook_afleveringen w WHERE w.abonnement_id = a.id AND w.status = 'wachtend')
                  ORDER BY a.volgende_poging NULLS FIRST
                  LIMIT $4
                  FOR UPDATE SKIP LOCKED)
                RETURNING id
                """,
                [
                    .uuid(houder), .int(Int64(Self.milliseconden(leaseDuur))),
                    .text(PostgresArrayLiteral.words(bezig.map { $0.uuidString.lowercased() })), .int(Int64(maximum)),
                ]
            ).map { try $0.uuid("id") }
        }
    }

    /// Extends the lease; false when `houder` no longer holds it (another instance took over).
    public func verleng(_ id: UUID, houder: UUID, leaseDuur: Duration) async throws -> Bool {
        try await pool.withConnection { connection in
            try connection.execute(
                "UPDATE abonnementen SET lease_tot = clock_timestamp() + $3 * interval '1 millisecond' WHERE id = $1 AND lease_houder = $2",
                [.uuid(id), .uuid(houder), .int(Int64(Self.milliseconden(leaseDuur)))]
            ) > 0
        }
    }

    /// Gives the lease back.
    public func geefVrij(_ id: UUID, houder: UUID) async throws {
        try await pool.withConnection { connection in
            _ = try connection.execute(
                "UPDATE abonnementen SET lease_houder = NULL, lease_tot = NULL WHERE id = $1 AND lease_houder = $2", [.uuid(id), .uuid(houder)]
            )
        }
    }

    /// An accepted delivery, to be recorded.
    public struct Aflevering: Sendable {
        /// What was delivered.
        public let levering: Levering
        /// The receiver's 2xx status.
        public let httpStatus: Int
        /// When the attempt began.
        public let begin: Date
        /// How long it took.
        public let duurMs: Int

        /// An accepted delivery.
        public init(levering: Levering, httpStatus: Int, begin: Date, duurMs: Int) {
            self.levering = levering
            self.httpStatus = httpStatus
            self.begin = begin
            self.duurMs = duurMs
        }
    }

    /// The first `maximum` waiting deliveries of the subscription in feed order, if they are due now.
    public func volgende(_ id: UUID, maximum: Int) async throws -> [Levering] {
        try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT w.event_id, w.inhoud, w.feed_tx::text AS tx, w.feed_positie, a.callback_url, a.auth, a.geheim
                FROM abonnementen a JOIN webhook_afleveringen w ON w.abonnement_id = a.id AND w.status = 'wachtend'
                WHERE a.id = $1 AND (a.volgende_poging IS NULL OR a.volgende_poging <= clock_timestamp())
                ORDER BY w.feed_tx, w.feed_positie LIMIT $2
                """,
                [.uuid(id), .int(Int64(max(maximum, 1)))]
            ).map { row in
                Levering(
                    abonnementID: id, eventID: try row.uuid("event_id"), callbackURL: try row.string("callback_url"),
                    auth: try row.optionalString("auth"), geheim: try row.data("geheim"), inhoud: try row.data("inhoud"),
                    tx: try row.string("tx"), positie: try row.int64("feed_positie")
                )
            }
        }
    }

    /// Records accepted deliveries of subscription `id` in one transaction (logged, done, the
    /// subscription's failure state cleared) and extends `houder`'s lease; false when `houder` no
    /// longer holds it (the deliveries are recorded all the same: they were made).
    public func geslaagd(_ id: UUID, _ afleveringen: [Aflevering], houder: UUID, leaseDuur: Duration) async throws -> Bool {
        guard !afleveringen.isEmpty else { return true }
        let events = PostgresArrayLiteral.words(afleveringen.map { $0.levering.eventID.uuidString.lowercased() })
        let txs = PostgresArrayLiteral.words(afleveringen.map(\.levering.tx))
        let posities = PostgresArrayLiteral.words(afleveringen.map { String($0.levering.positie) })
        let begins = PostgresArrayLiteral.words(afleveringen.map { String(Int64(($0.begin.timeIntervalSince1970 * 1e6).rounded())) })
        let statussen = PostgresArrayLiteral.words(afleveringen.map { String($0.httpStatus) })
        let duren = PostgresArrayLiteral.words(afleveringen.map { String($0.duurMs) })
        return try await pool.withTransaction { connection in
            try connection.execute(
                """
                INSERT INTO webhook_pogingen (abonnement_id, event_id, feed_tx, feed_positie, tijdstip, http_status, fout, duur_ms)
                SELECT $1, e, t, p, timestamptz 'epoch' + b * interval '1 microsecond', s, NULL, d
                FROM unnest($2::text::uuid[], $3::text::xid8[], $4::text::bigint[], $5::text::bigint[], $6::text::int[], $7::text::int[])
                  AS u(e, t, p, b, s, d)
                """,
                [.uuid(id), .text(events), .text(txs), .text(posities), .text(begins), .text(statussen), .text(duren)]
            )
            try connection.execute(
                """
                UPDATE webhook_afleveringen w SET status = 'afgeleverd', pogingen = w.pogingen + 1, afgehandeld_op = clock_timestamp()
                FROM unnest($2::text::xid8[], $3::text::bigint[]) AS u(t, p)
                WHERE w.abonnement_id = $1 AND w.feed_tx = u.t AND w.feed_positie = u.p
                """,
                [.uuid(id), .text(txs), .text(posities)]
            )
            return try connection.query(
                """
                UPDATE abonnementen SET laatste_succes = clock_timestamp(), mislukkingen = 0, storing_sinds = NULL,
                  volgende_poging = NULL, laatste_fout = NULL,
                  lease_tot = CASE WHEN lease_houder = $2 THEN clock_timestamp() + $3 * interval '1 millisecond' ELSE lease_tot END
                WHERE id = $1
                RETURNING lease_houder IS NOT DISTINCT FROM $2 AS behouden
                """,
                [.uuid(id), .uuid(houder), .int(Int64(Self.milliseconden(leaseDuur)))]
            ).first.map { try $0.bool("behouden") } ?? false
        }
    }

    /// Records a failed attempt (an HTTP status that is not 2xx, or an error), moves the next
    /// attempt back, and dead-letters the waiting deliveries once the subscription has failed for
    /// the give-up period. Returns how many were dead-lettered (0 while it still retries).
    @discardableResult
    public func mislukt(_ levering: Levering, httpStatus: Int?, fout: String?, begin: Date, duurMs: Int) async throws -> Int {
        let beleid = beleid
        return try await pool.withTransaction { connection in
            try Self.log(levering, httpStatus: httpStatus, fout: fout, begin: begin, duurMs: duurMs, on: connection)
            try connection.execute(
                "UPDATE webhook_afleveringen SET pogingen = pogingen + 1 WHERE abonnement_id = $1 AND feed_tx = $2::text::xid8 AND feed_positie = $3",
                [.uuid(levering.abonnementID), .text(levering.tx), .int(levering.positie)]
            )
            let staat = try connection.query(
                """
                UPDATE abonnementen SET mislukkingen = mislukkingen + 1, storing_sinds = coalesce(storing_sinds, $2),
                  laatste_fout = $3
                WHERE id = $1
                RETURNING mislukkingen, (extract(epoch FROM clock_timestamp() - storing_sinds) * 1000)::float8 AS storing_ms
                """,
                [.uuid(levering.abonnementID), .timestamp(begin), .text(fout ?? "HTTP \(httpStatus ?? 0)")]
            ).first
            guard let staat else { return 0 }
            let mislukkingen = try staat.int("mislukkingen")
            let storing = try staat.double("storing_ms")
            if storing >= Double(Self.milliseconden(beleid.opgevenNa)) {
                let doodgelegd = try connection.execute(
                    """
                    UPDATE webhook_afleveringen SET status = 'doodgelegd', afgehandeld_op = clock_timestamp()
                    WHERE abonnement_id = $1 AND status = 'wachtend'
                    """,
                    [.uuid(levering.abonnementID)]
                )
                try connection.execute(
                    "UPDATE abonnementen SET mislukkingen = 0, storing_sinds = NULL, volgende_poging = NULL WHERE id = $1",
                    [.uuid(levering.abonnementID)]
                )
                return doodgelegd
            }
            try connection.execute(
                "UPDATE abonnementen SET volgende_poging = clock_timestamp() + $2 * interval '1 millisecond' WHERE id = $1",
                [.uuid(levering.abonnementID), .int(Int64(Self.milliseconden(beleid.wacht(na: mislukkingen))))]
            )
            return 0
        }
    }

    /// The attempt in the delivery log.
    private static func log(_ levering: Levering, httpStatus: Int?, fout: String?, begin: Date, duurMs: Int, on connection: PostgresConnection) throws {
        try connection.execute(
            """
            INSERT INTO webhook_pogingen (abonnement_id, event_id, feed_tx, feed_positie, tijdstip, http_status, fout, duur_ms)
            VALUES ($1, $2, $3::text::xid8, $4, $5, $6, $7, $8)
            """,
            [
                .uuid(levering.abonnementID), .uuid(levering.eventID), .text(levering.tx), .int(levering.positie), .timestamp(begin),
                httpStatus.map { .int(Int64($0)) } ?? .null, fout.map { .text($0) } ?? .null, .int(Int64(duurMs)),
            ]
        )
    }

    /// Whole milliseconds of a duration.
    public static func milliseconden(_ duur: Duration) -> Int {
        Int(duur.components.seconds * 1000 + duur.components.attoseconds / 1_000_000_000_000_000)
    }
}
