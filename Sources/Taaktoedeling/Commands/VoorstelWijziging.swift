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
    /// The optional fields removed (`aanleiding`, `wettelijkeGrondslag`), sorted; nil for none.
    public var verwijderd: [String]?

    /// Every field of the voorstel a change may set.
    public static let velden: Set<String> = ["titel", "omschrijving", "vakdepartement", "soort", "nieuweTaak", "aanleiding", "wettelijkeGrondslag"]
    /// The fields a change may remove.
    public static let verwijderbareVelden: Set<String> = ["aanleiding", "wettelijkeGrondslag"]

    /// Creates a change.
    public init(verwijderd: [String]? = nil, titel: String? = nil, omschrijving: String? = nil, vakdepartement: String? = nil, soort: Soort? = nil, nieuweTaak: Bool? = nil, aanleiding: Aanleiding? = nil, wettelijkeGrondslag: String? = nil) {
        self.titel = titel
        self.omschrijving = omschrijving
        self.vakdepartement = vakdepartement
        self.soort = soort
        self.nieuweTaak = nieuweTaak
        self.aanleiding = aanleiding
        self.wettelijkeGrondslag = wettelijkeGrondslag
        self.verwijderd = verwijderd
    }

    /// The change without what `dossier` already has: the fields whose value differs, the removals
    /// of fields it has. Empty when the change would change nothing.
    public func verschil(met dossier: Dossier) -> VoorstelWijziging {
        VoorstelWijziging(
            verwijderd: (verwijderd ?? []).filter { veld in
                veld == "aanleiding" ? dossier.aanleiding != nil : dossier.wettelijkeGrondslag != nil
            }.nilIfEmpty,
            titel: titel == dossier.titel ? nil : titel,
            omschrijving: omschrijving == dossier.omschrijving ? nil : omschrijving,
            vakdepartement: vakdepartement == dossier.vakdepartement ? nil : vakdepartement,
            soort: soort == dossier.soort ? nil : soort,
            nieuweTaak: nieuweTaak == dossier.nieuweTaak ? nil : nieuweTaak,
            aanleiding: aanleiding == dossier.aanleiding ? nil : aanleiding,
            wettelijkeGrondslag: wettelijkeGrondslag == dossier.wettelijkeGrondslag ? nil : wettelijkeGrondslag
        )
    }

    /// The names of the fields this change sets, in declaration order, then those it removes.
    public var gewijzigdeVelden: [String] {
        var velden: [String] = []
        if titel != nil { velden.append("titel") }
        if omschrijving != nil { velden.append("omschrijving") }
        if vakdepartement != nil { velden.append("vakdepartement") }
        if soort != nil { velden.append("soort") }
        if nieuweTaak != nil { velden.append("nieuweTaak") }
        if aanleiding != nil { velden.append("aanleiding") }
        if wettelijkeGrondslag != nil { velden.append("wettelijkeGrondslag") }
        return velden + (verwijderd ?? [])
    }
}

extension Array {
    fileprivate var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
