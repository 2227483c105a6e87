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
    /// How the command's answer is rendered: inside its own transaction once its events are
    /// recorded and projected, and kept there for an `Idempotency-Key`, so that the events and the
    /// kept answer commit together or not at all.
    public var answer: CommandAnswer?

    /// A context; `commandID` defaults to a fresh id.
    public init(
        actor: Actor, correlationID: String, commandID: UUID = .willekeurig(), expectedVersion: Int64? = nil,
        answer: CommandAnswer? = nil
    ) {
        self.answer = answer
        self.actor = actor
        self.correlationID = correlationID
        self.commandID = commandID
        self.expectedVersion = expectedVersion
    }
}

/// A command's answer as a front end renders it, and the idempotency claim to keep it under.
public struct CommandAnswer: Sendable {
    /// Renders the answer for the outcome (called again when the command is decided again).
    public var render: @Sendable (CommandOutcome) throws -> StoredResponse
    /// The request's claim on its `Idempotency-Key`, if it carries one.
    public var ticket: IdempotencyTicket?
    /// Whether `render` reads the whole dossier from `CommandOutcome.dossier` (every linked
    /// Kamerstuk), rather than the stored views: the command then loads them all.
    public var heleDossier: Bool

    /// An answer rendered by `render`, kept under `ticket`.
    public init(
        ticket: IdempotencyTicket?, heleDossier: Bool = false, render: @escaping @Sendable (CommandOutcome) throws -> StoredResponse
    ) {
        self.ticket = ticket
        self.heleDossier = heleDossier
        self.render = render
    }
}
