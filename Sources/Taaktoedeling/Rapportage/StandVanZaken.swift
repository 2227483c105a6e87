import Foundation

/// The *stand van zaken* report: one row per dossier as recorded at a peildatum, sorted by kenmerk.
///
/// Every rendering is deterministic: the same peildatum and dossiers give the same bytes.
public struct StandVanZaken: Codable, Sendable, Equatable, Hashable {
    /// The peildatum as it was asked (`2026-03-01` or `2026-03-01T12:00:00Z`).
    public var peildatum: String
    /// The rows, sorted by kenmerk.
    public var rijen: [StandVanZakenRij]

    /// The report over rows (sorted here).
    public init(peildatum: Peildatum, rijen: [StandVanZakenRij]) {
        self.peildatum = peildatum.tekst
        self.rijen = rijen.sorted { $0.kenmerk < $1.kenmerk }
    }

    /// The report over dossiers folded to the peildatum (dossiers that did not exist yet are left out
    /// by the caller, who folds only the events recorded by the peildatum).
    public init(peildatum: Peildatum, dossiers: [Dossier]) {
        self.init(peildatum: peildatum, rijen: dossiers.map(StandVanZakenRij.init(dossier:)))
    }
}
