import Dossiers
import Foundation
import Hummingbird

/// hummingbird-auth's session storage on PostgreSQL (`web_sessies`), so any instance serves any
/// session. Keys are stored as SHA-256 only; a `WebSession` row is tied to its account so that
/// blocking the account removes it.
struct PostgresSessionDriver: PersistDriver {
    let opslag: SessionStore

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await opslag.zet(sleutel: key, waarde: try Self.encode(value), gebruikerID: Self.gebruiker(value), verlooptNa: expires, nieuw: true) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await opslag.zet(sleutel: key, waarde: try Self.encode(value), gebruikerID: Self.gebruiker(value), verlooptNa: expires)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let row = try await opslag.lees(sleutel: key) else { return nil }
        do {
            return (try JSONDecoder().decode(Object.self, from: row.waarde), row.over)
        } catch {
            throw PersistError.invalidConversion
        }
    }

    func remove(key: String) async throws {
        try await opslag.verwijder(sleutel: key)
    }

    private static func encode(_ value: some Encodable) throws -> Data {
        try JSONEncoder().encode(value)
    }

    private static func gebruiker(_ value: Any) -> UUID? {
        (value as? WebSession)?.gebruikerID
    }
}
