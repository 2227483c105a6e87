import Foundation

/// A dossier was opened for a proposed task or power.
public struct DossierGeopend: Codable, Sendable, Equatable, Hashable {
    /// The stream id of the new dossier.
    public var id: UUID
    /// The human number assigned.
    public var kenmerk: Kenmerk
    /// Title.
    public var titel: String
    /// Description.
    public var omschrijving: String
    /// The proposing ministry.
    public var vakdepartement: String
    /// Task or power.
    public var soort: Soort
    /// New or existing task.
    public var nieuweTaak: Bool
    /// Why an existing task is assessed.
    public var aanleiding: Aanleiding?
    /// The statutory basis, if known.
    public var wettelijkeGrondslag: String?

    /// Creates the event.
    public init(id: UUID, kenmerk: Kenmerk, voorstel: Voorstel) {
        self.id = id
        self.kenmerk = kenmerk
        self.titel = voorstel.titel
        self.omschrijving = voorstel.omschrijving
        self.vakdepartement = voorstel.vakdepartement
        self.soort = voorstel.soort
        self.nieuweTaak = voorstel.nieuweTaak
        self.aanleiding = voorstel.aanleiding
        self.wettelijkeGrondslag = voorstel.wettelijkeGrondslag
    }
}
