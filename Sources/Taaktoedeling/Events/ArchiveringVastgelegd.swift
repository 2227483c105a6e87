import Foundation

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

/// The dossier was destroyed on an approved vernietigingslijst: its texts' key and its documents'
/// bytes are gone; what remains is its tombstone (kenmerk, titel, categorie, dates).
public struct DossierVernietigd: Codable, Sendable, Equatable, Hashable {
    /// The vernietigingslijst it was destroyed on.
    public var lijst: UUID

    /// Creates the event.
    public init(lijst: UUID) {
        self.lijst = lijst
    }
}
