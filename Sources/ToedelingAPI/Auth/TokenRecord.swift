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
}
