import Taaktoedeling

/// One page of dossiers and the number that match the query in all.
public struct DossierPage: Sendable, Equatable {
    /// The dossiers on this page, ordered by kenmerk.
    public let items: [Dossier]
    /// How many dossiers match the query over all pages.
    public let total: Int
}
