import Foundation
import Taaktoedeling

/// A stored bearer token as the operator sees it: everything but the token itself.
public struct TokenRecord: Sendable, Equatable, Codable {
    /// The token's id (recorded in every event it causes).
    public var id: UUID
    /// The name of the holder (a person or office).
    public var naam: String
    /// The role the token acts in.
    public var rol: Rol
    /// The koepel of a koepel token.
    public var koepel: Koepel?
    /// When the token was created.
    public var createdAt: Date
    /// When the token was revoked, if it was.
    public var revokedAt: Date?

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
