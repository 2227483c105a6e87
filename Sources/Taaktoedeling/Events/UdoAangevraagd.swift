/// A UDO was requested.
public struct UdoAangevraagd: Codable, Sendable, Equatable, Hashable {
    /// Why and what was asked.
    public var toelichting: String
    /// The expected date of the outcome, if set.
    public var termijn: Kalenderdatum?

    /// Creates the event.
    public init(toelichting: String, termijn: Kalenderdatum?) {
        self.toelichting = toelichting
        self.termijn = termijn
    }
}
