/// A consultation round was closed.
public struct ConsultatieGesloten: Codable, Sendable, Equatable, Hashable {
    /// The round.
    public var ronde: Int

    /// Creates the event.
    public init(ronde: Int) {
        self.ronde = ronde
    }
}
