/// The outcome of the pending UDO was recorded.
public struct UdoAfgerond: Codable, Sendable, Equatable, Hashable {
    /// The outcome.
    public var uitkomst: UdoUitkomst
    /// Summary.
    public var samenvatting: String
    /// Where the report can be found.
    public var vindplaats: String?

    /// Creates the event.
    public init(uitkomst: UdoUitkomst, samenvatting: String, vindplaats: String?) {
        self.uitkomst = uitkomst
        self.samenvatting = samenvatting
        self.vindplaats = vindplaats
    }
}
