/// The dossier was withdrawn; nothing is accepted after this.
public struct DossierIngetrokken: Codable, Sendable, Equatable, Hashable {
    /// Why.
    public var reden: String

    /// Creates the event.
    public init(reden: String) {
        self.reden = reden
    }
}
