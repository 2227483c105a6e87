import Foundation
import Taaktoedeling

/// What is stored beside every dossier event: who caused it, in which request, by which command.
public struct EventMetadata: Codable, Sendable, Equatable {
    /// The id of the bearer token that issued the command, if it came in through a token.
    public var tokenId: UUID?
    /// The id of the web account that issued the command, if it came in through the web application.
    public var gebruikerId: UUID?
    /// The name recorded with the token.
    public var naam: String
    /// The role the actor acted in.
    public var rol: Rol
    /// The koepel the actor spoke for, if any.
    public var koepel: Koepel?
    /// The request or correlation id (the HTTP `X-Request-ID`).
    public var correlationId: String
    /// The id of the command that caused the event.
    public var commandId: UUID

    /// Metadata for an event caused by `context`.
    public init(context: CommandContext) {
        self.tokenId = context.actor.tokenID
        self.gebruikerId = context.actor.gebruikerID
        self.naam = context.actor.naam
        self.rol = context.actor.rol
        self.koepel = context.actor.koepel
        self.correlationId = context.correlationID
        self.commandId = context.commandID
    }

    /// The name a timeline shows as the one who did it: the koepel for a koepel, else the name.
    public var door: String {
        if let koepel, rol == .koepel { return koepel.rawValue }
        return naam
    }

    /// Encodes every field, ids in lower case (RFC 9562).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(tokenId?.uuidString.lowercased(), forKey: .tokenId)
        try container.encodeIfPresent(gebruikerId?.uuidString.lowercased(), forKey: .gebruikerId)
        try container.encode(naam, forKey: .naam)
        try container.encode(rol, forKey: .rol)
        try container.encodeIfPresent(koepel, forKey: .koepel)
        try container.encode(correlationId, forKey: .correlationId)
        try container.encode(commandId.uuidString.lowercased(), forKey: .commandId)
    }

    /// Reads metadata from stored JSON; events written by other tools may lack it.
    static func decode(_ data: Data) -> EventMetadata? {
        try? StoredJSONDecoder().decode(EventMetadata.self, from: data)
    }

    /// Sorted-key JSON, so the stored bytes are stable; slashes unescaped, as the sealing of its
    /// name writes the whole (`FieldEncryption.verzegel`). JSONEncoder's bytes, without its cost
    /// (every command writes it).
    func encoded() throws -> Data {
        try Self.writer.encode(self)
    }

    private static let writer = SortedJSONEncoder(escapesSlashes: false)
}
