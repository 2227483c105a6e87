import Dossiers
import EventStore
import Foundation
import Postgres
import Synchronization
import Taaktoedeling

/// The dossier as it was right after a given event, for the notification channels, which read the
/// feed in order: kept per dossier and evolved event by event, so the usual case costs no query;
/// otherwise taken from the read model when it is at that version, and folded from the stream only
/// when the channel is behind.
final class DossierStateFollower: Sendable {
    private let bekend = Mutex<[UUID: Dossier]>([:])
    private let maximum: Int

    init(maximum: Int = 2_000) {
        self.maximum = maximum
    }

    /// The dossier id of a dossier event's stream, nil for any other stream.
    static func dossierID(of event: RecordedEvent) -> UUID? {
        guard event.streamType == DossierEvent.streamType, event.streamID.hasPrefix("dossier-") else { return nil }
        return UUID(uuidString: String(event.streamID.dropFirst("dossier-".count)))
    }

    /// The decoded event and the dossier right after it; nil for an event that is not a readable
    /// dossier event.
    func stand(na event: RecordedEvent, on connection: PostgresConnection) throws -> (element: DossierStream.Element, dossier: Dossier, id: UUID)? {
        guard let id = Self.dossierID(of: event), let element = try? DossierStream.decode(KeyRing.open([event], on: connection)).first else {
            return nil
        }
        let vorige = bekend.withLock { $0[id] }
        let dossier: Dossier
        if let vorige, vorige.versie == event.version - 1 {
            dossier = Beslissing.evolve(vorige, element.event, version: event.version, recordedAt: event.recordedAt)
        } else if event.version == 1 {
            dossier = Beslissing.evolve(nil, element.event, version: 1, recordedAt: event.recordedAt)
        } else if let huidig = try DossierProjection.volledig(id, on: connection), huidig.versie == event.version {
            dossier = huidig
        } else {
            let events = try EventStore.readStream(on: connection, event.streamID, upTo: .version(event.version))
            guard let gevouwen = DossierStream.fold(try DossierStream.decode(KeyRing.open(events, on: connection))) else { return nil }
            dossier = gevouwen
        }
        bekend.withLock { bekend in
            if bekend.count >= maximum { bekend.removeAll(keepingCapacity: true) }
            bekend[id] = dossier
        }
        return (element, dossier, id)
    }
}
