import EventStore
import Foundation
import Taaktoedeling

/// How dossiers are laid out in the event store: one stream per dossier, named after its id.
public enum DossierStream {
    /// The stream id of a dossier.
    public static func id(of dossierID: UUID) -> String {
        "dossier-" + dossierID.lowercasedString
    }

    /// A stored event as a domain event, with its version, recording time and who caused it.
    public struct Element: Sendable {
        /// The domain event, upcast to the current schema.
        public let event: DossierEvent
        /// Its version in the stream.
        public let version: Int64
        /// When it was recorded.
        public let recordedAt: Date
        /// Its metadata, when readable.
        public let metadata: EventMetadata?
    }

    /// Decodes stored events (in stream order) into domain events.
    public static func decode(_ recorded: [RecordedEvent]) throws -> [Element] {
        try recorded.map { event in
            do {
                let decoded = try DossierEvent.decode(type: event.type, schemaVersion: event.schemaVersion, data: event.data)
                return Element(event: decoded, version: event.version, recordedAt: event.recordedAt, metadata: EventMetadata.decode(event.metadata))
            } catch {
                throw ServiceError.unreadableEvent(position: event.position)
            }
        }
    }

    /// The state folded from decoded events; `nil` for none.
    public static func fold(_ elements: [Element]) -> Dossier? {
        Dossier.fold(elements.map { ($0.event, version: $0.version, recordedAt: $0.recordedAt) })
    }
}
