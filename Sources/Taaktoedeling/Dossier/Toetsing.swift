import Foundation

/// The latest assessment of a dossier against the afwegingskader.
public struct Toetsing: Codable, Sendable, Equatable, Hashable {
    /// The characteristics assessed.
    public var taakkenmerken: Taakkenmerken
    /// The coordinator's explanation, if given.
    public var toelichting: String?
    /// The advice as it was given when the assessment was recorded.
    public var advies: Advies
    /// When it was recorded.
    public var vastgelegdOp: Date

    /// Creates an assessment.
    public init(taakkenmerken: Taakkenmerken, toelichting: String?, advies: Advies, vastgelegdOp: Date) {
        self.taakkenmerken = taakkenmerken
        self.toelichting = toelichting
        self.advies = advies
        self.vastgelegdOp = vastgelegdOp
    }
}
