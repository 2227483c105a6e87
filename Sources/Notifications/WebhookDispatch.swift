import Dossiers
import EventStore
import Foundation
import Postgres
import Taaktoedeling

/// Which subscription gets which event, and the outbox row that says so: used by the webhook
/// channel's feed subscription and by a resend from a cursor, so both follow the same rules.
struct WebhookDispatch: Sendable {
    /// A subscription as routing needs it.
    struct Doel: Sendable {
        let id: UUID
        let types: Set<String>
        let dossiers: Set<UUID>
        let koepel: Koepel?
        let vanafTx: UInt64

        /// Whether the event goes to this subscription (`dossier` is the dossier right after it);
        /// `vanaf` false for a resend, which also takes events from before the subscription.
        func neemt(_ event: RecordedEvent, _ element: DossierStream.Element, dossier: Dossier, dossierID: UUID, vanaf: Bool = true) -> Bool {
            if vanaf, event.transactionID < vanafTx { return false }
            if !types.isEmpty, !types.contains(event.type) { return false }
            if !dossiers.isEmpty, !dossiers.contains(dossierID) { return false }
            if let koepel, !element.event.zichtbaar(voor: koepel, dossierNa: dossier) { return false }
            return true
        }
    }

    let instellingen: NotificationSettings
    let volger: DossierStateFollower

    /// The channel on which the server is told that deliveries are waiting.
    static let kanaal = NotificationSettings.kanaal

    static func doelen(on connection: PostgresConnection, id: UUID? = nil) throws -> [Doel] {
        try connection.query(
            """
            SELECT id, array_to_string(types, ',') AS types, array_to_string(dossiers, ',') AS dossiers, koepel, vanaf_tx
            FROM abonnementen WHERE $1::uuid IS NULL OR id = $1
            """,
            [id.map { .uuid($0) } ?? .null]
        ).map { row in
            Doel(
                id: try row.uuid("id"),
                types: Set(try row.string("types").split(separator: ",").map(String.init)),
                dossiers: Set(try row.string("dossiers").split(separator: ",").compactMap { UUID(uuidString: String($0)) }),
                koepel: try row.optionalString("koepel").flatMap(Koepel.init(rawValue:)),
                vanafTx: try row.decode(UInt64.self, "vanaf_tx")
            )
        }
    }

    /// Writes an outbox row for every subscription in `doelen` that takes an event of `events`,
    /// on the caller's transaction; `opnieuw` puts a row that exists back in the queue (a resend).
    /// Returns how many rows were written.
    @discardableResult
    func verdeel(_ events: [RecordedEvent], over doelen: [Doel], on connection: PostgresConnection, opnieuw: Bool = false) throws -> Int {
        guard !doelen.isEmpty else { return 0 }
        var geschreven = 0
        for event in events {
            guard let (element, dossier, dossierID) = try volger.stand(na: event, on: connection) else { continue }
            let ontvangers = doelen.filter { $0.neemt(event, element, dossier: dossier, dossierID: dossierID, vanaf: !opnieuw) }
            guard !ontvangers.isEmpty else { continue }
            let inhoud = try CloudEvent(event: event, element: element, dossier: dossier, dossierID: dossierID, instellingen: instellingen).encoded()
            for doel in ontvangers {
                geschreven += try connection.execute(
                    """
                    INSERT INTO webhook_afleveringen (abonnement_id, feed_tx, feed_positie, event_id, event_type, inhoud)
                    VALUES ($1, $2::text::xid8, $3, $4, $5, $6)
                    ON CONFLICT (abonnement_id, feed_tx, feed_positie) DO
                    """ + (opnieuw ? " UPDATE SET status = 'wachtend', afgehandeld_op = NULL" : " NOTHING"),
                    [.uuid(doel.id), .text(String(event.transactionID)), .int(event.position), .uuid(event.eventID), .text(event.type), .bytea(inhoud)]
                )
            }
        }
        return geschreven
    }
}
