import Foundation
import Taaktoedeling

/// A stored bearer token as the operator sees it: everything but the token itself.
public struct TokenRecord: Sendable, Equatable, Codable {
    /// The token's id (recorded in every event it causes).
    public var id: UUID
    /// The name of the holder (a person or office).
    public var naam: String
    /// The capacity the token acts in (a koepel token carries its koepel).
    public var hoedanigheid: Hoedanigheid
    /// When the token was created.
    public var createdAt: Date
    /// When the token was revoked, if it was.
    public var revokedAt: Date?

    /// The role the token acts in.
    public var rol: Rol { hoedanigheid.rol }
    /// The koepel of a koepel token.
    public var koepel: Koepel? { hoedanigheid.koepel }

    /// A record.
    public init(id: UUID, naam: String, hoedanigheid: Hoedanigheid, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.naam = naam
        self.hoedanigheid = hoedanigheid
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, naam, rol, koepel, createdAt, revokedAt
    }

    /// Reads a record written by `encode(to:)`; a role and koepel that do not fit are refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rol = try container.decode(Rol.self, forKey: .rol)
        guard let hoedanigheid = Hoedanigheid(rol: rol, koepel: try container.decodeIfPresent(Koepel.self, forKey: .koepel)) else {
            throw DecodingError.dataCorruptedError(forKey: .koepel, in: container, debugDescription: Hoedanigheid.probleem(rol: rol, koepel: nil) ?? "")
        }
        self.init(
            id: try container.decode(UUID.self, forKey: .id), naam: try container.decode(String.self, forKey: .naam), hoedanigheid: hoedanigheid,
            createdAt: try container.decode(Date.self, forKey: .createdAt), revokedAt: try container.decodeIfPresent(Date.self, forKey: .revokedAt)
        )
    }

    /// Encodes every field, the id in lower case (RFC 9562).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(naam, forKey: .naam)
        try container.encode(rol, forKey: .rol)
        try container.encodeIfPresent(koepel, forKey: .koepel)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(revokedAt, forKey: .revokedAt)
    }
}
