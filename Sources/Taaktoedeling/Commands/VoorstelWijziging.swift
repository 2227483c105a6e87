/// A change to the proposal: only the fields that are set change.
public struct VoorstelWijziging: Codable, Sendable, Equatable, Hashable {
    /// New title.
    public var titel: String?
    /// New description.
    public var omschrijving: String?
    /// New proposing ministry.
    public var vakdepartement: String?
    /// New kind.
    public var soort: Soort?
    /// New or existing task.
    public var nieuweTaak: Bool?
    /// New cause.
    public var aanleiding: Aanleiding?
    /// New statutory basis.
    public var wettelijkeGrondslag: String?

    /// Creates a change.
    public init(titel: String? = nil, omschrijving: String? = nil, vakdepartement: String? = nil, soort: Soort? = nil, nieuweTaak: Bool? = nil, aanleiding: Aanleiding? = nil, wettelijkeGrondslag: String? = nil) {
        self.titel = titel
        self.omschrijving = omschrijving
        self.vakdepartement = vakdepartement
        self.soort = soort
        self.nieuweTaak = nieuweTaak
        self.aanleiding = aanleiding
        self.wettelijkeGrondslag = wettelijkeGrondslag
    }

    /// The names of the fields this change sets, in declaration order.
    public var gewijzigdeVelden: [String] {
        var velden: [String] = []
        if titel != nil { velden.append("titel") }
        if omschrijving != nil { velden.append("omschrijving") }
        if vakdepartement != nil { velden.append("vakdepartement") }
        if soort != nil { velden.append("soort") }
        if nieuweTaak != nil { velden.append("nieuweTaak") }
        if aanleiding != nil { velden.append("aanleiding") }
        if wettelijkeGrondslag != nil { velden.append("wettelijkeGrondslag") }
        return velden
    }
}
