/// A coordinator recorded the dossier's selectielijst category, with what it meant then.
public struct ArchiveringVastgelegd: Codable, Sendable, Equatable, Hashable {
    /// The category as it read in the selectielijst at the time.
    public var categorie: SelectielijstCategorie

    /// Creates the event.
    public init(categorie: SelectielijstCategorie) {
        self.categorie = categorie
    }
}

/// The dossier was transferred to the e-Depot; it is read-only from now on.
public struct DossierOvergedragen: Codable, Sendable, Equatable, Hashable {
    /// The e-Depot's reference of receipt.
    public var ontvangstbevestiging: String

    /// Creates the event.
    public init(ontvangstbevestiging: String) {
        self.ontvangstbevestiging = ontvangstbevestiging
    }
}
