import Foundation
import Taaktoedeling

/// A vernietigingslijst (RECORDS.md): dossiers whose archiefactiedatum has come with archiefnominatie
/// vernietigen, proposed by one coordinator and approved or refused by another. Each line keeps the
/// dossier's tombstone, which stays after the destruction.
public struct Vernietigingslijst: Sendable, Equatable, Encodable {
    /// Where the list stands.
    public enum Status: String, Sendable, Equatable, Codable {
        case voorgesteld, goedgekeurd, afgewezen
    }

    /// One dossier on the list, with what remains of it after destruction.
    public struct Regel: Sendable, Equatable, Encodable {
        public var dossierId: UUID
        public var kenmerk: String
        public var titel: String
        public var categorie: String
        public var brondatum: Kalenderdatum
        public var archiefactiedatum: Kalenderdatum
        /// When it was destroyed; nil while it is not (yet).
        public var vernietigdOp: Date?

        public func encode(to encoder: any Encoder) throws {
            enum Keys: String, CodingKey { case dossierId, kenmerk, titel, categorie, brondatum, archiefactiedatum, vernietigdOp }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(dossierId.uuidString.lowercased(), forKey: .dossierId)
            try container.encode(kenmerk, forKey: .kenmerk)
            try container.encode(titel, forKey: .titel)
            try container.encode(categorie, forKey: .categorie)
            try container.encode(brondatum, forKey: .brondatum)
            try container.encode(archiefactiedatum, forKey: .archiefactiedatum)
            try container.encode(vernietigdOp, forKey: .vernietigdOp)
        }
    }

    public var id: UUID
    public var status: Status
    /// The proposer's key id (`gebruiker:<id>` or `token:<id>`).
    public var voorgesteldDoor: String
    public var voorstellerNaam: String
    public var voorgesteldOp: Date
    public var beoordeeldDoor: String?
    public var beoordelaarNaam: String?
    public var beoordeeldOp: Date?
    public var redenAfwijzing: String?
    public var dossiers: [Regel]

    public func encode(to encoder: any Encoder) throws {
        enum Keys: String, CodingKey {
            case id, status, voorgesteldDoor, voorgesteldOp, beoordeeldDoor, beoordeeldOp, redenAfwijzing, dossiers
        }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(voorstellerNaam, forKey: .voorgesteldDoor)
        try container.encode(voorgesteldOp, forKey: .voorgesteldOp)
        try container.encode(beoordelaarNaam, forKey: .beoordeeldDoor)
        try container.encode(beoordeeldOp, forKey: .beoordeeldOp)
        try container.encode(redenAfwijzing, forKey: .redenAfwijzing)
        try container.encode(dossiers, forKey: .dossiers)
    }
}

/// Why a vernietigingslijst operation was refused. The domain's refusals of a dossier (date not
/// come, blijvend bewaren, transferred) come as `DomainError.conflict`.
public enum VernietigingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No list has this id.
    case onbekend
    /// The list names no dossier, or too many.
    case ongeldigeLijst(String)
    /// Only a coordinator who is a person (an account or a token holder) may propose or judge a list.
    case geenCoordinator
    /// The proposer may not approve or refuse their own list.
    case eigenLijst
    /// The list was approved or refused before.
    case alBeoordeeld(Vernietigingslijst.Status)
    /// A dossier is on another list that is not yet judged.
    case alOpLijst(kenmerk: String)

    public var description: String {
        switch self {
        case .onbekend: "Er is geen vernietigingslijst met dit id."
        case .ongeldigeLijst(let reden): reden
        case .geenCoordinator: "Alleen een coördinator (met een eigen account of token) kan een vernietigingslijst voorstellen of beoordelen."
        case .eigenLijst: "Een vernietigingslijst wordt goedgekeurd of afgewezen door een andere coördinator dan wie haar voorstelde."
        case .alBeoordeeld(let status): "Deze vernietigingslijst is al \(status == .goedgekeurd ? "goedgekeurd" : "afgewezen")."
        case .alOpLijst(let kenmerk): "Dossier \(kenmerk) staat al op een andere vernietigingslijst die nog niet is beoordeeld."
        }
    }
}
