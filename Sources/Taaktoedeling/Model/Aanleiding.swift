/// Why an existing task is brought under the kader, or why a dossier is reopened.
public enum Aanleiding: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// A statutory evaluation gave cause.
    case wetsevaluatie
    /// A political agreement gave cause.
    case politiekeAfspraak
    /// A motion (motie-Van Waveren) gave cause.
    case motie

    /// The reason as a Dutch phrase.
    public var weergave: String {
        switch self {
        case .wetsevaluatie: "wetsevaluatie"
        case .politiekeAfspraak: "politieke afspraak"
        case .motie: "motie"
        }
    }
}
