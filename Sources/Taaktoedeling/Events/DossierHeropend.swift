/// A decided dossier was reopened; its decision is set aside.
public struct DossierHeropend: Codable, Sendable, Equatable, Hashable {
    /// What gave cause.
    public var aanleiding: Aanleiding
    /// Explanation.
    public var toelichting: String

    /// Creates the event.
    public init(aanleiding: Aanleiding, toelichting: String) {
        self.aanleiding = aanleiding
        self.toelichting = toelichting
    }
}
