import Foundation

/// The current state of one dossier, as folded from its events.
///
/// Encoded with a `JSONEncoder` whose `dateEncodingStrategy` is `.iso8601` this is exactly the
/// dossier of the HTTP API: lowerCamelCase keys, instants in UTC, calendar dates as `JJJJ-MM-DD`.
/// Absent top-level optionals are written as `null` (see `encode(to:)`); the id in lower case (RFC 9562).
public struct Dossier: Codable, Sendable, Equatable, Hashable {
    /// The stream id.
    public var id: UUID
    /// The human number, e.g. `TT-2026-0001`.
    public var kenmerk: Kenmerk
    /// Title of the proposal.
    public var titel: String
    /// Description of the proposal.
    public var omschrijving: String
    /// The ministry that proposes the task.
    public var vakdepartement: String
    /// Task or power.
    public var soort: Soort
    /// True for a new task; false for an existing task brought under the kader.
    public var nieuweTaak: Bool
    /// Why an existing task is assessed; required when `nieuweTaak` is false.
    public var aanleiding: Aanleiding?
    /// The statutory basis, if known.
    public var wettelijkeGrondslag: String?
    /// The fase, derived from the content (see `Fase`).
    public var fase: Fase
    /// The number of events folded so far (the stream version).
    public var versie: Int64
    /// When the dossier was opened.
    public var geopendOp: Date
    /// When the last event was recorded.
    public var bijgewerktOp: Date
    /// The consultation rounds in order.
    public var consultaties: [Consultatie]
    /// The latest kader assessment.
    public var toetsing: Toetsing?
    /// The latest UDO.
    public var udo: Udo?
    /// The latest recorded financial consequences.
    public var financieleGevolgen: FinancieleGevolgen?
    /// The current decision (cleared by a reopening).
    public var besluit: Besluit?
    /// Linked Kamerstukken in order of linking.
    public var kamerstukken: [Kamerstuk]
    /// The withdrawal, once withdrawn.
    public var intrekking: Intrekking?
    /// Every reopening in order.
    public var heropeningen: [Heropening]
    /// Per koepel (by name), when the last event that koepel may see was recorded: a koepel does not
    /// see another koepel's reactie while its round is open, so its view must not move with it. Kept
    /// in the stored state (see `opslagSleutel`), never part of the API's dossier.
    public var zichtbaarGewijzigdOp: [String: Date]?
    /// Every document version in order of adding (nil: none yet). Kept in the stored state, never
    /// part of the API's dossier: documents have routes of their own, scoped per reader.
    public var documenten: [Document]?
    /// The selectielijst category recorded for it (`ArchiveringVastgelegd`), if any. Kept in the
    /// stored state; the API's dossier shows the derived `archivering` (`archiefgegevens`).
    public var archiefcategorie: Archivering?
    /// The transfer to the e-Depot, once recorded; the dossier is read-only afterwards.
    public var overdracht: Overdracht?
    /// The destruction on a vernietigingslijst, once done; only the tombstone remains readable.
    public var vernietiging: Vernietiging?

    /// Creates a dossier as it is right after opening.
    public init(
        id: UUID, kenmerk: Kenmerk, titel: String, omschrijving: String, vakdepartement: String,
        soort: Soort, nieuweTaak: Bool, aanleiding: Aanleiding?, wettelijkeGrondslag: String?,
        versie: Int64, geopendOp: Date
    ) {
        self.id = id
        self.kenmerk = kenmerk
        self.titel = titel
        self.omschrijving = omschrijving
        self.vakdepartement = vakdepartement
        self.soort = soort
        self.nieuweTaak = nieuweTaak
        self.aanleiding = aanleiding
        self.wettelijkeGrondslag = wettelijkeGrondslag
        self.fase = .voorstel
        self.versie = versie
        self.geopendOp = geopendOp
        self.bijgewerktOp = geopendOp
        self.consultaties = []
        self.toetsing = nil
        self.udo = nil
        self.financieleGevolgen = nil
        self.besluit = nil
        self.kamerstukken = []
        self.intrekking = nil
        self.heropeningen = []
        self.zichtbaarGewijzigdOp = Dictionary(uniqueKeysWithValues: Koepel.allCases.map { ($0.rawValue, geopendOp) })
    }

    /// The consultation round that is open, if any (there is at most one).
    public var openConsultatie: Consultatie? {
        consultaties.first { $0.status == .open }
    }

    /// The koepels invited to at least one round: the koepels that may see this dossier.
    public var uitgenodigdeKoepels: Set<Koepel> {
        Set(consultaties.flatMap(\.koepels))
    }

    /// The fase that follows from the content: the furthest milestone reached.
    public var afgeleideFase: Fase {
        if intrekking != nil { return .ingetrokken }
        if besluit != nil { return .besloten }
        switch udo?.status {
        case .aangevraagd: return .udo
        case .afgerond: return .udoAfgerond
        case nil: break
        }
        if toetsing != nil { return .getoetst }
        if !consultaties.isEmpty { return .consultatie }
        return .voorstel
    }
}

extension Dossier {
    /// Encodes every top-level field, writing `null` for an absent `aanleiding`,
    /// `wettelijkeGrondslag`, `toetsing`, `udo`, `financieleGevolgen`, `besluit` or `intrekking` so
    /// that a client always finds the fields of the API; nested optional values are omitted.
    public func encode(to encoder: any Encoder) throws {
        let opslag = encoder.userInfo[Self.opslagSleutel] as? Bool == true
        if vernietiging != nil, !opslag { return try grafsteen.encodeVelden(to: encoder, opslag: false, archief: archiefgegevens) }
        try encodeVelden(to: encoder, opslag: opslag, archief: archiefgegevens)
    }

    private func encodeVelden(to encoder: any Encoder, opslag: Bool, archief: Archiefgegevens?) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.lowercasedString, forKey: .id)
        try container.encode(kenmerk, forKey: .kenmerk)
        try container.encode(titel, forKey: .titel)
        try container.encode(omschrijving, forKey: .omschrijving)
        try container.encode(vakdepartement, forKey: .vakdepartement)
        try container.encode(soort, forKey: .soort)
        try container.encode(nieuweTaak, forKey: .nieuweTaak)
        try container.encode(aanleiding, forKey: .aanleiding)
        try container.encode(wettelijkeGrondslag, forKey: .wettelijkeGrondslag)
        try container.encode(fase, forKey: .fase)
        try container.encode(versie, forKey: .versie)
        try container.encode(geopendOp, forKey: .geopendOp)
        try container.encode(bijgewerktOp, forKey: .bijgewerktOp)
        try container.encode(consultaties, forKey: .consultaties)
        try container.encode(toetsing, forKey: .toetsing)
        try container.encode(udo, forKey: .udo)
        try container.encode(financieleGevolgen, forKey: .financieleGevolgen)
        try container.encode(besluit, forKey: .besluit)
        try container.encode(kamerstukken, forKey: .kamerstukken)
        try container.encode(intrekking, forKey: .intrekking)
        try container.encode(heropeningen, forKey: .heropeningen)
        if opslag {
            try container.encodeIfPresent(zichtbaarGewijzigdOp, forKey: .zichtbaarGewijzigdOp)
            try container.encodeIfPresent(documenten, forKey: .documenten)
            try container.encodeIfPresent(archiefcategorie, forKey: .archiefcategorie)
            try container.encodeIfPresent(overdracht, forKey: .overdracht)
            try container.encodeIfPresent(vernietiging, forKey: .vernietiging)
        } else {
            enum Afgeleid: String, CodingKey { case archivering }
            var afgeleid = encoder.container(keyedBy: Afgeleid.self)
            try afgeleid.encode(archief, forKey: .archivering)
        }
    }

    /// A destroyed dossier as the API shows it: its tombstone (id, kenmerk, titel, fase, dates and
    /// `archivering` with archiefstatus `vernietigd`); every other field is empty or reads
    /// `[vernietigd]`, so that the dossier keeps its shape.
    public var grafsteen: Dossier {
        var steen = Dossier(
            id: id, kenmerk: kenmerk, titel: titel, omschrijving: Self.vernietigd, vakdepartement: Self.vernietigd, soort: soort,
            nieuweTaak: nieuweTaak, aanleiding: nil, wettelijkeGrondslag: nil, versie: versie, geopendOp: geopendOp
        )
        steen.fase = fase
        steen.bijgewerktOp = bijgewerktOp
        steen.intrekking = intrekking.map { Intrekking(reden: Self.vernietigd, ingetrokkenOp: $0.ingetrokkenOp) }
        steen.besluit = besluit
        steen.besluit?.motivering = Self.vernietigd
        steen.archiefcategorie = archiefcategorie
        steen.overdracht = overdracht
        steen.vernietiging = vernietiging
        return steen
    }

    /// What a destroyed text reads.
    public static let vernietigd = "[vernietigd]"

    /// Set to `true` in an encoder's `userInfo` to encode the state for storage: with what the API
    /// does not show (`zichtbaarGewijzigdOp`).
    public static let opslagSleutel = CodingUserInfoKey(rawValue: "toedeling.dossier.opslag")!
}
