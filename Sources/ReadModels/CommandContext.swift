import Foundation
import Taaktoedeling

/// Who issues a command, in which request, and against which version of the dossier.
public struct CommandContext: Sendable {
    /// The actor the command is decided for.
    public var actor: Actor
    /// The request id, stored as the events' correlation id.
    public var correlationID: String
    /// Identifies this command in the events' metadata.
    public var commandID: UUID
    /// The version the client saw (`If-Match`); `nil` means "the current one", retried on conflict.
    public var expectedVersion: Int64?

    /// A context; `commandID` defaults to a fresh id.
    public init(actor: Actor, correlationID: String, commandID: UUID = UUID(), expectedVersion: Int64? = nil) {
        self.actor = actor
        self.correlationID = correlationID
        self.commandID = commandID
        self.expectedVersion = expectedVersion
    }
}
