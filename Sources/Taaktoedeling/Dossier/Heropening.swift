import Foundation

/// A reopening of a decided dossier; the decision it set aside is kept here.
public struct Heropening: Codable, Sendable, Equatable, Hashable {
    /// What gave cause.
    public var aanleiding: Aanleiding
    /// Explanation.
    public var toelichting: String
    /// When.
    public var heropendOp: Date
    /// The decision that was set aside.
    public var vorigBesluit: Besluit?

    /// Creates a reopening.
    public init(aanleiding: Aanleiding, toelichting: String, heropendOp: Date, vorigBesluit: Besluit?) {
        self.aanleiding = aanleiding
        self.toelichting = toelichting
        self.heropendOp = heropendOp
        self.vorigBesluit = vorigBesluit
    }
}
