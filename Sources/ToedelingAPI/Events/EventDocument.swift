import Dossiers
import Foundation
import Taaktoedeling

/// A stored event as the API shows it: its place in the feed and stream, payload and metadata as JSON,
/// and its hash-chain link in hexadecimal.
struct EventDocument: Encodable {
    let positie: Int64
    let streamId: String
    let versie: Int64
    let gebeurtenisId: String
    let type: String
    let schemaVersie: Int
    let data: JSONValue
    let metadata: JSONValue
    let geregistreerdOp: Date
    let vorigeHash: String
    let hash: String

    init(_ event: StoredEvent) throws {
        positie = event.position
        streamId = event.streamID
        versie = event.version
        gebeurtenisId = event.eventID.uuidString.lowercased()
        type = event.type
        schemaVersie = event.schemaVersion
        data = try JSONDecoder().decode(JSONValue.self, from: event.data)
        metadata = try JSONDecoder().decode(JSONValue.self, from: event.metadata)
        geregistreerdOp = event.recordedAt
        vorigeHash = event.previousHash.hexadecimaal
        hash = event.hash.hexadecimaal
    }
}
