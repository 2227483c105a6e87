import Foundation

/// A fact about a dossier, in the stored language of the product (Dutch, past tense).
///
/// Events carry only facts. Metadata (who, when recorded, correlation and command ids) lives beside
/// them in the event store; `Beslissing.evolve` receives the recording time and version.
public enum DossierEvent: Sendable, Equatable, Hashable {
    /// `DossierGeopend`.
    case dossierGeopend(DossierGeopend)
    /// `VoorstelGewijzigd`.
    case voorstelGewijzigd(VoorstelGewijzigd)
    /// `ConsultatieGeopend`.
    case consultatieGeopend(ConsultatieGeopend)
    /// `ReactieIngediend`.
    case reactieIngediend(ReactieIngediend)
    /// `ConsultatieGesloten`.
    case consultatieGesloten(ConsultatieGesloten)
    /// `KaderToetsingVastgelegd`.
    case kaderToetsingVastgelegd(KaderToetsingVastgelegd)
    /// `FinancieleGevolgenVastgelegd`.
    case financieleGevolgenVastgelegd(FinancieleGevolgenVastgelegd)
    /// `UdoAangevraagd`.
    case udoAangevraagd(UdoAangevraagd)
    /// `UdoAfgerond`.
    case udoAfgerond(UdoAfgerond)
    /// `BesluitVastgelegd`.
    case besluitVastgelegd(BesluitVastgelegd)
    /// `KamerstukGekoppeld`.
    case kamerstukGekoppeld(KamerstukGekoppeld)
    /// `DossierIngetrokken`.
    case dossierIngetrokken(DossierIngetrokken)
    /// `DossierHeropend`.
    case dossierHeropend(DossierHeropend)
    /// `DocumentToegevoegd`.
    case documentToegevoegd(DocumentToegevoegd)
    /// `ArchiveringVastgelegd`.
    case archiveringVastgelegd(ArchiveringVastgelegd)
    /// `DossierOvergedragen`.
    case dossierOvergedragen(DossierOvergedragen)
    /// `DossierVernietigd`.
    case dossierVernietigd(DossierVernietigd)

    /// The stream type under which dossier events are stored.
    public static let streamType = "dossier"

    /// The current schema version of every event type, by type name.
    public static let schemaVersions: [String: Int] = [
        "DossierGeopend": 1,
        "VoorstelGewijzigd": 1,
        "ConsultatieGeopend": 1,
        "ReactieIngediend": 2,
        "ConsultatieGesloten": 1,
        "KaderToetsingVastgelegd": 2,
        "FinancieleGevolgenVastgelegd": 1,
        "UdoAangevraagd": 1,
        "UdoAfgerond": 1,
        "BesluitVastgelegd": 1,
        "KamerstukGekoppeld": 1,
        "DossierIngetrokken": 1,
        "DossierHeropend": 1,
        "DocumentToegevoegd": 1,
        "ArchiveringVastgelegd": 1,
        "DossierOvergedragen": 1,
        "DossierVernietigd": 1,
    ]

    /// The event's type name as stored, e.g. `ReactieIngediend`.
    public var type: String {
        switch self {
        case .dossierGeopend: "DossierGeopend"
        case .voorstelGewijzigd: "VoorstelGewijzigd"
        case .consultatieGeopend: "ConsultatieGeopend"
        case .reactieIngediend: "ReactieIngediend"
        case .consultatieGesloten: "ConsultatieGesloten"
        case .kaderToetsingVastgelegd: "KaderToetsingVastgelegd"
        case .financieleGevolgenVastgelegd: "FinancieleGevolgenVastgelegd"
        case .udoAangevraagd: "UdoAangevraagd"
        case .udoAfgerond: "UdoAfgerond"
        case .besluitVastgelegd: "BesluitVastgelegd"
        case .kamerstukGekoppeld: "KamerstukGekoppeld"
        case .dossierIngetrokken: "DossierIngetrokken"
        case .dossierHeropend: "DossierHeropend"
        case .documentToegevoegd: "DocumentToegevoegd"
        case .archiveringVastgelegd: "ArchiveringVastgelegd"
        case .dossierOvergedragen: "DossierOvergedragen"
        case .dossierVernietigd: "DossierVernietigd"
        }
    }

    /// The schema version this event is written with (the current one of its type).
    public var schemaVersion: Int {
        Self.schemaVersions[type] ?? 1
    }

    /// How event payloads are written: sorted keys, instants in ISO 8601, slashes as they are.
    static let writer = SortedJSONEncoder(dates: .iso8601, escapesSlashes: false)

    /// The payload as JSON with sorted keys: the `data` column of the event store.
    public func encodedData() throws -> Data {
        try encodedPayload { try Self.writer.encode($0) }
    }

    /// The payload written by `encode`.
    func encodedPayload(_ encode: (any Encodable) throws -> Data) rethrows -> Data {
        switch self {
        case .dossierGeopend(let payload): return try encode(payload)
        case .voorstelGewijzigd(let payload): return try encode(payload)
        case .consultatieGeopend(let payload): return try encode(payload)
        case .reactieIngediend(let payload): return try encode(payload)
        case .consultatieGesloten(let payload): return try encode(payload)
        case .kaderToetsingVastgelegd(let payload): return try encode(payload)
        case .financieleGevolgenVastgelegd(let payload): return try encode(payload)
        case .udoAangevraagd(let payload): return try encode(payload)
        case .udoAfgerond(let payload): return try encode(payload)
        case .besluitVastgelegd(let payload): return try encode(payload)
        case .kamerstukGekoppeld(let payload): return try encode(payload)
        case .dossierIngetrokken(let payload): return try encode(payload)
        case .dossierHeropend(let payload): return try encode(payload)
        case .documentToegevoegd(let payload): return try encode(payload)
        case .archiveringVastgelegd(let payload): return try encode(payload)
        case .dossierOvergedragen(let payload): return try encode(payload)
        case .dossierVernietigd(let payload): return try encode(payload)
        }
    }

    /// Reads a stored event, upcasting a payload of an older schema version step by step to the
    /// current one first (see `DossierEvent+Upcasting.swift`).
    public static func decode(type: String, schemaVersion: Int, data: Data) throws -> DossierEvent {
        guard let huidig = schemaVersions[type] else { throw DossierEventDecodingError.onbekendType(type) }
        guard (1...huidig).contains(schemaVersion) else {
            throw DossierEventDecodingError.onbekendeSchemaVersie(type: type, schemaVersion: schemaVersion)
        }
        let decoder = StoredJSONDecoder(dates: .iso8601)
        var bytes = data
        if schemaVersion < huidig {
            let upcaster = JSONDecoder()
            upcaster.dateDecodingStrategy = .iso8601
            var waarde = try upcaster.decode(JSONValue.self, from: data)
            for versie in schemaVersion..<huidig {
                waarde = try upcast(type: type, van: versie, waarde)
            }
            bytes = try JSONEncoder().encode(waarde)
        }
        do {
            switch type {
            case "DossierGeopend": return .dossierGeopend(try decoder.decode(DossierGeopend.self, from: bytes))
            case "VoorstelGewijzigd": return .voorstelGewijzigd(try decoder.decode(VoorstelGewijzigd.self, from: bytes))
            case "ConsultatieGeopend": return .consultatieGeopend(try decoder.decode(ConsultatieGeopend.self, from: bytes))
            case "ReactieIngediend": return .reactieIngediend(try decoder.decode(ReactieIngediend.self, from: bytes))
            case "ConsultatieGesloten": return .consultatieGesloten(try decoder.decode(ConsultatieGesloten.self, from: bytes))
            case "KaderToetsingVastgelegd": return .kaderToetsingVastgelegd(try decoder.decode(KaderToetsingVastgelegd.self, from: bytes))
            case "FinancieleGevolgenVastgelegd": return .financieleGevolgenVastgelegd(try decoder.decode(FinancieleGevolgenVastgelegd.self, from: bytes))
            case "UdoAangevraagd": return .udoAangevraagd(try decoder.decode(UdoAangevraagd.self, from: bytes))
            case "UdoAfgerond": return .udoAfgerond(try decoder.decode(UdoAfgerond.self, from: bytes))
            case "BesluitVastgelegd": return .besluitVastgelegd(try decoder.decode(BesluitVastgelegd.self, from: bytes))
            case "KamerstukGekoppeld": return .kamerstukGekoppeld(try decoder.decode(KamerstukGekoppeld.self, from: bytes))
            case "DossierIngetrokken": return .dossierIngetrokken(try decoder.decode(DossierIngetrokken.self, from: bytes))
            case "DossierHeropend": return .dossierHeropend(try decoder.decode(DossierHeropend.self, from: bytes))
            case "DocumentToegevoegd": return .documentToegevoegd(try decoder.decode(DocumentToegevoegd.self, from: bytes))
            case "ArchiveringVastgelegd": return .archiveringVastgelegd(try decoder.decode(ArchiveringVastgelegd.self, from: bytes))
            case "DossierOvergedragen": return .dossierOvergedragen(try decoder.decode(DossierOvergedragen.self, from: bytes))
            case "DossierVernietigd": return .dossierVernietigd(try decoder.decode(DossierVernietigd.self, from: bytes))
            default: throw DossierEventDecodingError.onbekendType(type)
            }
        } catch let fout as DossierEventDecodingError {
            throw fout
        } catch {
            throw DossierEventDecodingError.ongeldigePayload(type: type, reden: String(describing: error))
        }
    }
}
