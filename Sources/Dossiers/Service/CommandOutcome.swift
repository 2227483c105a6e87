import EventStore
import Taaktoedeling

/// The result of an accepted command: the dossier after it and the events it recorded.
public struct CommandOutcome: Sendable {
    /// The dossier's state right after the command.
    public let dossier: Dossier
    /// The recorded events, in stream order.
    public let events: [RecordedEvent]
    /// The answer rendered in the command's transaction (`CommandContext.answer`), if one was asked for.
    public internal(set) var answer: StoredResponse?

    init(dossier: Dossier, events: [RecordedEvent], answer: StoredResponse? = nil) {
        self.dossier = dossier
        self.events = events
        self.answer = answer
    }
}
