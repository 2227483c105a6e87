/// The stage a dossier has reached in its lifecycle.
///
/// The fase is never set by hand: it is derived from the dossier's content after every event as the
/// furthest milestone reached (see `Dossier.afgeleideFase`). `heropend` is therefore not a fase of its
/// own: reopening removes the current decision, so the fase falls back to the furthest milestone that
/// is still valid (for example `udoAfgerond`), and the reopening itself is kept in `heropeningen`.
public enum Fase: String, Codable, Sendable, Equatable, CaseIterable {
    /// Opened; no consultation round, assessment or UDO yet.
    case voorstel
    /// At least one consultation round has been opened, no assessment yet.
    case consultatie
    /// A kader assessment has been recorded.
    case getoetst
    /// A UDO has been requested and is pending.
    case udo
    /// The latest UDO has been completed.
    case udoAfgerond
    /// A decision has been recorded.
    case besloten
    /// Withdrawn; terminal.
    case ingetrokken

    /// The fase as a Dutch phrase for sentences and reports.
    public var weergave: String {
        switch self {
        case .voorstel: "voorstel"
        case .consultatie: "consultatie"
        case .getoetst: "getoetst"
        case .udo: "UDO loopt"
        case .udoAfgerond: "UDO afgerond"
        case .besloten: "besloten"
        case .ingetrokken: "ingetrokken"
        }
    }
}
