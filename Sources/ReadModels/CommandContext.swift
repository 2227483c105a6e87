import Foundation
import Postgres
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
    /// Runs inside the command's own transaction once its events are recorded and projected, so
    /// that what it writes (the kept response of an `Idempotency-Key`) commits with them or not at all.
    public var inTransaction: (@Sendable (CommandOutcome, PostgresConnection) throws -> Void)?

    /// A context; `commandID` defaults to a fresh id.
    public init(
        actor: Actor, correlationID: String, commandID: UUID = UUID(), expectedVersion: Int64? = nil,
        inTransaction: (@Sendable (CommandOutcome, PostgresConnection) throws -> Void)? = nil
    ) {
        self.inTransaction = inTransaction
        self.actor = actor
        self.correlationID = correlationID
        self.commandID = commandID
        self.expectedVersion = expectedVersion
    }
}
