/// The characteristics of a task that the afwegingskader weighs.
public struct Taakkenmerken: Codable, Sendable, Equatable, Hashable {
    /// The scale at which the task fits.
    public var schaal: Schaal
    /// How much policy freedom the executing government would have.
    public var beleidsvrijheid: Beleidsvrijheid
    /// Whether much steering by the ministry is wanted.
    public var sturingVakdepartement: Bool
    /// Whether the task is about water management.
    public var waterbeheer: Bool
    /// Whether the task belongs to a specific policy field.
    public var specifiekBeleidsterrein: Bool
    /// The form of cooperation the task would require.
    public var samenwerking: Samenwerking
    /// Whether the regional division is congruent; only meaningful (and only accepted) for `regionaal`.
    public var congruenteRegioIndeling: Bool?

    /// Creates task characteristics.
    public init(
        schaal: Schaal,
        beleidsvrijheid: Beleidsvrijheid,
        sturingVakdepartement: Bool = false,
        waterbeheer: Bool = false,
        specifiekBeleidsterrein: Bool = false,
        samenwerking: Samenwerking = .geen,
        congruenteRegioIndeling: Bool? = nil
    ) {
        self.schaal = schaal
        self.beleidsvrijheid = beleidsvrijheid
        self.sturingVakdepartement = sturingVakdepartement
        self.waterbeheer = waterbeheer
        self.specifiekBeleidsterrein = specifiekBeleidsterrein
        self.samenwerking = samenwerking
        self.congruenteRegioIndeling = congruenteRegioIndeling
    }
}
