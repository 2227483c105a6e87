import Dossiers
import EventStore
import Foundation
import Taaktoedeling

/// A dossier event as a CloudEvent 1.0 in the NL GOV profile (structured mode,
/// `application/cloudevents+json`) with thin data: the receiver fetches details through `dataref`.
/// Built once per event when it is routed, and stored as the bytes that are sent.
struct CloudEvent: Encodable {
    /// The thin data: what a receiver needs to decide whether to fetch the dossier.
    struct Gegevens: Encodable {
        let dossierId: String
        let kenmerk: String
        let fase: String
        let ronde: Int?
        let koepel: String?
        /// For `document-toegevoegd`: the document version's id and the SHA-256 of its bytes.
        let documentId: String?
        let sha256: String?
    }

    let specversion = "1.0"
    let id: String
    let source: String
    let type: String
    let subject: String
    let time: String
    let datacontenttype = "application/json"
    let dataref: String
    let sequence: String
    let sequencetype = "String"
    let data: Gegevens

    /// The CloudEvent of `event` (of dossier `dossierID`, which is `dossier` right after it).
    init(event: RecordedEvent, element: DossierStream.Element, dossier: Dossier, dossierID: UUID, instellingen: NotificationSettings) {
        let id = dossierID.uuidString.lowercased()
        self.id = event.eventID.uuidString.lowercased()
        self.source = instellingen.source
        self.type = Abonnementverzoek.cloudEventTypePrefix + element.event.kebabType
        self.subject = id
        self.time = event.recordedAt.ISO8601Format(.iso8601(timeZone: .gmt, includingFractionalSeconds: true))
        var document: DocumentToegevoegd?
        if case .documentToegevoegd(let toegevoegd) = element.event { document = toegevoegd }
        let documentID = document?.documentId.uuidString.lowercased()
        // A document's bytes are fetched through dataref; any other event's details through the dossier.
        self.dataref = "\(instellingen.publiekeURL)/v1/dossiers/\(id)" + (documentID.map { "/documenten/\($0)/inhoud" } ?? "")
        self.sequence = Self.sequence(of: event)
        self.data = Gegevens(
            dossierId: id, kenmerk: dossier.kenmerk.description, fase: dossier.fase.rawValue, ronde: element.event.ronde,
            koepel: element.event.reactieKoepel?.rawValue, documentId: documentID, sha256: document?.sha256
        )
    }

    /// The event's place in the feed as digits that sort lexicographically in feed order: the
    /// transaction id and the position, each zero-padded to a fixed width.
    static func sequence(of event: RecordedEvent) -> String {
        AbonnementStore.sequence(tx: String(event.transactionID), positie: event.position)
    }

    /// The bytes sent: JSON with sorted keys.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
