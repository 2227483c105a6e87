import Dossiers
import Foundation
import Postgres

/// The e-mail outbox as the sending instance works it: one instance at a time (a lease), messages
/// oldest first; a message is marked sent as soon as the relay accepted it, so a retry never mails
/// twice what the relay took. A temporary failure is retried with backoff until the give-up
/// period; a permanent refusal ends the message at once.
public struct EmailQueue: Sendable {
    /// A message to send.
    public struct Bericht: Sendable, Equatable {
        /// Its id.
        public let id: UUID
        /// The recipient's address.
        public let ontvanger: String
        /// Its `Message-ID`, with angle brackets.
        public let messageID: String
        /// The subject.
        public let onderwerp: String
        /// The plain text.
        public let tekst: String
        /// The HTML alternative.
        public let html: String
        /// When it was written (its `Date`).
        public let aangemaaktOp: Date
    }

    private let pool: PostgresConnectionPool
    /// The retry policy (the webhooks' one).
    public let beleid: WebhookQueue.Beleid

    /// The outbox over `pool`.
    public init(pool: PostgresConnectionPool, beleid: WebhookQueue.Beleid = .init()) {
        self.pool = pool
        self.beleid = beleid
    }

    /// Takes or extends the sending lease for `houder`; false while another instance holds it.
    public func neemLease(houder: UUID, duur: Duration) async throws -> Bool {
        try await pool.withConnection { connection in
            try connection.query(
                """
                INSERT INTO notificatie_leases (naam, houder, tot) VALUES ('email', $1, clock_timestamp() + $2 * interval '1 millisecond')
                ON CONFLICT (naam) DO UPDATE SET houder = excluded.houder, tot = excluded.tot
                WHERE notificatie_leases.houder = excluded.houder OR notificatie_leases.tot < clock_timestamp()
                RETURNING houder
                """,
                [.uuid(houder), .int(Int64(WebhookQueue.milliseconden(duur)))]
            ).first != nil
        }
    }

    /// Gives the lease back.
    public func geefLeaseVrij(houder: UUID) async throws {
        try await pool.withConnection { connection in
            _ = try connection.execute("DELETE FROM notificatie_leases WHERE naam = 'email' AND houder = $1", [.uuid(houder)])
        }
    }

    /// Up to `maximum` messages due now, oldest first.
    public func teVerzenden(maximum: Int = 50) async throws -> [Bericht] {
        try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT id, ontvanger, message_id, onderwerp, tekst, html, aangemaakt_op FROM email_berichten
                WHERE status = 'wachtend' AND volgende_poging <= clock_timestamp() ORDER BY aangemaakt_op, id LIMIT $1
                """,
                [.int(Int64(maximum))]
            ).map { row in
                Bericht(
                    id: try row.uuid("id"), ontvanger: try row.string("ontvanger"), messageID: try row.string("message_id"),
                    onderwerp: try row.string("onderwerp"), tekst: try row.string("tekst"), html: try row.string("html"),
                    aangemaaktOp: try row.date("aangemaakt_op")
                )
            }
        }
    }

    /// Marks a message sent: the relay accepted it.
    public func verzonden(_ id: UUID) async throws {
        try await pool.withConnection { connection in
            _ = try connection.execute(
                "UPDATE email_berichten SET status = 'verzonden', verzonden_op = clock_timestamp(), pogingen = pogingen + 1, laatste_fout = NULL WHERE id = $1",
                [.uuid(id)]
            )
        }
    }

    /// Records a failure: a permanent one (the relay refused the message or recipient) ends it; a
    /// temporary one is retried after the backoff, until the give-up period has passed.
    public func mislukt(_ id: UUID, fout: String, permanent: Bool) async throws {
        let beleid = beleid
        try await pool.withConnection { connection in
            guard let row = try connection.query(
                """
                UPDATE email_berichten SET pogingen = pogingen + 1, laatste_fout = $2 WHERE id = $1
                RETURNING pogingen, (extract(epoch FROM clock_timestamp() - aangemaakt_op) * 1000)::float8 AS leeftijd_ms
                """,
                [.uuid(id), .text(fout)]
            ).first else { return }
            let leeftijd = try row.double("leeftijd_ms")
            let opgeven = permanent || leeftijd >= Double(WebhookQueue.milliseconden(beleid.opgevenNa))
            if opgeven {
                _ = try connection.execute("UPDATE email_berichten SET status = 'mislukt' WHERE id = $1", [.uuid(id)])
            } else {
                _ = try connection.execute(
                    "UPDATE email_berichten SET volgende_poging = clock_timestamp() + $2 * interval '1 millisecond' WHERE id = $1",
                    [.uuid(id), .int(Int64(WebhookQueue.milliseconden(beleid.wacht(na: try row.int("pogingen")))))]
                )
            }
        }
    }
}
