/// Parts of the proposal were changed; only the fields present changed.
public struct VoorstelGewijzigd: Codable, Sendable, Equatable, Hashable {
    /// The changes.
    public var wijziging: VoorstelWijziging

    /// Creates the event.
    public init(wijziging: VoorstelWijziging) {
        self.wijziging = wijziging
    }

    /// Decodes the changed fields from the event's top level.
    public init(from decoder: any Decoder) throws {
        wijziging = try VoorstelWijziging(from: decoder)
    }

    /// Encodes the changed fields at the event's top level.
    public func encode(to encoder: any Encoder) throws {
        try wijziging.encode(to: encoder)
    }
}
