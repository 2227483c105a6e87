import EventStore
import Taaktoedeling

/// The result of an accepted command: the dossier after it and the events it recorded.
public struct CommandOutcome: Sendable {
    /// The dossier's state right after the command. Its `kamerstukken` hold every linked Kamerstuk
    /// only when the answer asked for the whole dossier (`CommandAnswer.heleDossier`); otherwise
    /// those the command read or linked: the others are rows of their own, which the stored views
    /// (`weergave(voor:)`) hold.
    public let dossier: Dossier
    /// The recorded events, in stream order.
    public let events: [RecordedEvent]
    /// The answer rendered in the command's transaction (`CommandContext.answer`), if one was asked for.
    public internal(set) var answer: StoredResponse?
    /// The views written for the dossier after the command, by reader; empty when nothing was
    /// recorded. An answer that is just the actor's view uses these bytes (`weergave(voor:)`).
    let weergaven: [String: DossierWeergave]

    init(dossier: Dossier, events: [RecordedEvent], answer: StoredResponse? = nil, weergaven: [String: DossierWeergave] = [:]) {
        self.dossier = dossier
        self.events = events
        self.answer = answer
        self.weergaven = weergaven
    }

    /// The dossier as `actor` may see it after the command, rendered; nil when it may not see it.
    public func weergave(voor actor: Actor) throws -> DossierWeergave? {
        if let stored = weergaven[DossierWeergave.kijker(voor: actor)] { return stored }
        return try DossierWeergave.render(dossier, voor: actor)
    }
}
