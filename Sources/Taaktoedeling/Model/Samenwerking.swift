/// The form of cooperation between governments the task would require.
public enum Samenwerking: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// No cooperation.
    case geen
    /// Voluntary cooperation.
    case vrijwillig
    /// Cooperation imposed by the Rijk.
    case verplicht
    /// Semi-mandatory: the Rijk sets the tasks, municipalities choose partners and form.
    case semiVerplicht
}
