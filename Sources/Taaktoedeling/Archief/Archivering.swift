import Foundation

/// The category a coordinator recorded for a dossier (`ArchiveringVastgelegd`), as it read then.
public struct Archivering: Codable, Sendable, Equatable, Hashable {
    /// The category.
    public var categorie: SelectielijstCategorie
    /// When it was recorded.
    public var vastgelegdOp: Date
}

/// The transfer to the e-Depot (`DossierOvergedragen`).
public struct Overdracht: Codable, Sendable, Equatable, Hashable {
    /// The e-Depot's reference of receipt.
    public var ontvangstbevestiging: String
    /// When it was recorded.
    public var overgedragenOp: Date
}

/// The destruction on a vernietigingslijst (`DossierVernietigd`).
public struct Vernietiging: Codable, Sendable, Equatable, Hashable {
    /// The list it was destroyed on.
    public var lijst: UUID
    /// When it was destroyed.
    public var vernietigdOp: Date
}

/// Where a dossier stands as a record.
public enum Archiefstatus: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Closed, no category recorded yet.
    case nogTeArchiveren
    /// Closed with a category: waiting for its archiefactiedatum.
    case gearchiveerd
    /// Transferred to the e-Depot.
    case overgedragen
    /// Destroyed on a vernietigingslijst.
    case vernietigd
}

/// The archive facts of a closed dossier, derived and shown, never typed.
public struct Archiefgegevens: Encodable, Sendable, Equatable {
    public var selectielijstcategorie: String?
    public var archiefnominatie: Waardering?
    public var bewaartermijn: String?
    public var brondatum: Kalenderdatum
    public var archiefactiedatum: Kalenderdatum?
    public var archiefstatus: Archiefstatus

    /// The longest a dossier to keep waits for its transfer after its brondatum (Archiefwet).
    public static let overbrengingstermijn = Bewaartermijn("P10Y")!

    public func encode(to encoder: any Encoder) throws {
        enum Keys: String, CodingKey { case selectielijstcategorie, archiefnominatie, bewaartermijn, brondatum, archiefactiedatum, archiefstatus }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(selectielijstcategorie, forKey: .selectielijstcategorie)
        try container.encode(archiefnominatie, forKey: .archiefnominatie)
        try container.encode(bewaartermijn, forKey: .bewaartermijn)
        try container.encode(brondatum, forKey: .brondatum)
        try container.encode(archiefactiedatum, forKey: .archiefactiedatum)
        try container.encode(archiefstatus, forKey: .archiefstatus)
    }
}

extension Dossier {
    /// How the dossier ended, nil while it is open.
    public var afloop: Afloop? {
        if intrekking != nil { return .ingetrokken }
        guard let besluit else { return nil }
        return besluit.bestuurslaag.isDecentraal ? .besluitDecentraal : .besluitRijk
    }

    /// The date it was besloten or ingetrokken (Europe/Amsterdam), nil while open.
    public var brondatum: Kalenderdatum? {
        if let intrekking { return AmsterdamseTijd.kalenderdatum(van: intrekking.ingetrokkenOp) }
        if let besluit { return AmsterdamseTijd.kalenderdatum(van: besluit.vastgelegdOp) }
        return nil
    }

    /// The archive facts, nil while the dossier is open: nominatie and bewaartermijn from the
    /// recorded category; archiefactiedatum the brondatum plus the bewaartermijn (vernietigen) or
    /// plus the overbrengingstermijn of ten years (blijvend bewaren).
    public var archiefgegevens: Archiefgegevens? {
        guard let brondatum else { return nil }
        let categorie = archiefcategorie?.categorie
        let actiedatum: Kalenderdatum? = categorie.map { categorie in
            switch categorie.waardering {
            case .vernietigen: (categorie.bewaartermijn ?? Bewaartermijn("P0D")!).na(brondatum)
            case .blijvendBewaren: Archiefgegevens.overbrengingstermijn.na(brondatum)
            }
        }
        let status: Archiefstatus = vernietiging != nil ? .vernietigd
            : overdracht != nil ? .overgedragen : categorie == nil ? .nogTeArchiveren : .gearchiveerd
        return Archiefgegevens(
            selectielijstcategorie: categorie?.code, archiefnominatie: categorie?.waardering, bewaartermijn: categorie?.bewaartermijn?.description,
            brondatum: brondatum, archiefactiedatum: actiedatum, archiefstatus: status
        )
    }
}
