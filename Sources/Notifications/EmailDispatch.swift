import Dossiers
import EventStore
import Foundation
import Logging
import Postgres
import ServiceLifecycle
import Taaktoedeling

/// Turns notifications into e-mail messages, one per notification and account, each written once
/// (its key is unique, so a retried batch or a second instance writes nothing twice).
struct EmailDispatch: Sendable {
    let instellingen: NotificationSettings

    /// Writes the messages of `kennisgeving` about `dossier`; `bron` names what caused it (an
    /// event id, or the round and moment for a termijn notice) and decides the `Message-ID`s.
    @discardableResult
    func schrijf(
        _ kennisgeving: Kennisgeving, dossier: Dossier, dossierID: UUID, bron: UUID, reactie: Reactie? = nil, on connection: PostgresConnection
    ) throws -> Int {
        let (rol, koepel): (Rol, Koepel?) = switch kennisgeving.ontvangers {
        case .koepel(let koepel): (.koepel, koepel)
        case .coordinatoren: (.coordinator, nil)
        }
        let ontvangers = try connection.query(
            "SELECT id, email, naam FROM gebruikers WHERE rol = $1 AND ($2::text IS NULL OR koepel = $2) AND NOT geblokkeerd ORDER BY id",
            [.text(rol.rawValue), koepel.map { .text($0.rawValue) } ?? .null]
        )
        let link = "\(instellingen.publiekeURL)/dossiers/\(dossierID.uuidString.lowercased())"
        var geschreven = 0
        for ontvanger in ontvangers {
            let gebruikerID = try ontvanger.uuid("id")
            let tekst = MessageText(kennisgeving, dossier: dossier, naam: try ontvanger.string("naam"), reactie: reactie, link: link)
            let sleutel = "\(bron.uuidString.lowercased()):\(kennisgeving.soort.rawValue):\(gebruikerID.uuidString.lowercased())"
            let id = StableUUID.derived(from: bron, "email:\(kennisgeving.soort.rawValue):\(gebruikerID.uuidString.lowercased())")
            let messageID = "<\(bron.uuidString.lowercased()).\(id.uuidString.lowercased().prefix(8))@\(instellingen.berichtDomein)>"
            geschreven += try connection.execute(
                """
                INSERT INTO email_berichten (id, sleutel, gebruiker_id, ontvanger, message_id, onderwerp, tekst, html)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sleutel) DO NOTHING
                """,
                [
                    .uuid(id), .text(sleutel), .uuid(gebruikerID), .text(try ontvanger.string("email")), .text(messageID),
                    .text(tekst.onderwerp), .text(tekst.tekst), .text(tekst.html),
                ]
            )
        }
        return geschreven
    }
}

/// The e-mail channel's reader of the feed: the messages each event gives, written in the
/// transaction that moves its checkpoint. On its first start it begins at the feed's end: turning
/// e-mail on does not mail what happened before.
public enum EmailChannel {
    /// The name of its checkpoint.
    public static let naam = "notificaties.email"

    /// The feed subscription of the e-mail channel; run it as a `Service`.
    public static func abonnement(
        store: EventStore, instellingen: NotificationSettings, pollInterval: Duration = .seconds(2), idleCheckpointInterval: Duration = .seconds(5),
        minimumInterval: Duration = .milliseconds(50), logger: Logger
    ) -> EventSubscription {
        let uitgifte = EmailDispatch(instellingen: instellingen)
        let volger = DossierStateFollower()
        return EventSubscription(
            name: naam, store: store, batchSize: 200, pollInterval: pollInterval, logger: logger,
            start: { connection in try EventStore.feedEnd(on: connection) },
            // Events that mail no one write nothing: their checkpoint waits.
            idleCheckpointInterval: idleCheckpointInterval,
            // A notification 50 ms later is as good; under load the feed is read in batches.
            minimumInterval: minimumInterval
        ) { connection, events in
            var geschreven = 0
            for event in events {
                guard let (element, dossier, dossierID) = try volger.stand(na: event, on: connection) else { continue }
                for kennisgeving in element.event.kennisgevingen(dossierNa: dossier) {
                    var reactie: Reactie?
                    if case .reactieIngediend(let ingediend) = element.event {
                        reactie = dossier.consultaties.first { $0.ronde == ingediend.ronde }?.reactie(van: ingediend.koepel)
                    }
                    geschreven += try uitgifte.schrijf(kennisgeving, dossier: dossier, dossierID: dossierID, bron: event.eventID, reactie: reactie, on: connection)
                }
            }
            guard geschreven > 0 else { return false }
            _ = try connection.query("SELECT pg_notify($1, 'email')", [.text(WebhookDispatch.kanaal)])
            return true
        }
    }
}

/// Watches the termijnen of open rounds: a reminder to the koepels that have not reacted from five
/// working days before the termijn, a notice to the coordinators once it passed with reacties
/// missing; each once per round and account. Runs every `interval` as a `Service`.
public struct TermijnReminders: Service {
    private let pool: PostgresConnectionPool
    private let uitgifte: EmailDispatch
    private let interval: Duration
    private let logger: Logger
    private let vandaag: @Sendable () -> Kalenderdatum

    /// The watch over `pool`; `vandaag` is today's date in Europe/Amsterdam (tests set one).
    public init(
        pool: PostgresConnectionPool, instellingen: NotificationSettings, interval: Duration = .seconds(600), logger: Logger,
        vandaag: @escaping @Sendable () -> Kalenderdatum = { AmsterdamseTijd.kalenderdatum(van: Date()) }
    ) {
        self.pool = pool
        self.uitgifte = EmailDispatch(instellingen: instellingen)
        self.interval = interval
        self.logger = logger
        self.vandaag = vandaag
    }

    /// Checks now and then every interval, until shutdown.
    public func run() async throws {
        try await PeriodicCleanup.repeating("termijnbewaking", interval: interval, logger: logger) { [("berichten", try await controleer())] }
    }

    /// Writes the termijn messages due today that were not written before; returns how many.
    public func controleer() async throws -> Int {
        let vandaag = vandaag()
        let uitgifte = uitgifte
        return try await pool.withTransaction { connection in
            let dossiers = try connection.query(
                """
                SELECT staat FROM dossiers WHERE fase <> 'ingetrokken' AND EXISTS (
                  SELECT 1 FROM jsonb_array_elements(staat->'consultaties') c WHERE c->>'status' = 'open')
                """
            ).map { try DossierProjection.decodeState($0.json("staat")) }
            var geschreven = 0
            for dossier in dossiers {
                for kennisgeving in dossier.termijnKennisgevingen(vandaag: vandaag) {
                    let bron = StableUUID.derived(from: dossier.id, "termijn:\(kennisgeving.soort.rawValue):ronde-\(kennisgeving.ronde)")
                    geschreven += try uitgifte.schrijf(kennisgeving, dossier: dossier, dossierID: dossier.id, bron: bron, on: connection)
                }
            }
            if geschreven > 0 { _ = try connection.query("SELECT pg_notify($1, 'email')", [.text(WebhookDispatch.kanaal)]) }
            return geschreven
        }
    }
}
