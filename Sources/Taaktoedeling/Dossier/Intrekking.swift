import Foundation

/// The withdrawal of a dossier.
public struct Intrekking: Codable, Sendable, Equatable, Hashable {
    /// Why it was withdrawn.
    public var reden: String
    /// When.
    public var ingetrokkenOp: Date

    /// Creates a withdrawal.
    public init(reden: String, ingetrokkenOp: Date) {
        self.reden = reden
        self.ingetrokkenOp = ingetrokkenOp
    }
}
