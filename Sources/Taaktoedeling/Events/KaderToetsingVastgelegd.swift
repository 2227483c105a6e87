/// A kader assessment was recorded, with the advice it gave at that moment.
///
/// Schema version 2 added `advies`; version-1 payloads are upcast by computing the advice from the
/// recorded `taakkenmerken` with the afwegingskader.
public struct KaderToetsingVastgelegd: Codable, Sendable, Equatable, Hashable {
    /// The characteristics assessed.
    public var taakkenmerken: Taakkenmerken
    /// The coordinator's explanation.
    public var toelichting: String?
    /// The advice given.
    public var advies: Advies

    /// Creates the event.
    public init(taakkenmerken: Taakkenmerken, toelichting: String?, advies: Advies) {
        self.taakkenmerken = taakkenmerken
        self.toelichting = toelichting
        self.advies = advies
    }
}
