/// Who may see a document besides the coordinators.
public enum Vertrouwelijkheid: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Everyone who may see the dossier (a reactie letter: by the reactie's own rule).
    case openbaar
    /// Coordinators and liaisons only, never a koepel.
    case intern
}
