/// The proposal a dossier is opened with.
public struct Voorstel: Codable, Sendable, Equatable, Hashable {
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
    /// Required when `nieuweTaak` is false.
    public var aanleiding: Aanleiding?
    /// The statutory basis, if known.
    public var wettelijkeGrondslag: String?

    /// Creates a proposal.
    public init(titel: String, omschrijving: String, vakdepartement: String, soort: Soort, nieuweTaak: Bool, aanleiding: Aanleiding? = nil, wettelijkeGrondslag: String? = nil) {
        self.titel = titel
        self.omschrijving = omschrijving
        self.vakdepartement = vakdepartement
        self.soort = soort
        self.nieuweTaak = nieuweTaak
        self.aanleiding = aanleiding
        self.wettelijkeGrondslag = wettelijkeGrondslag
    }
}
