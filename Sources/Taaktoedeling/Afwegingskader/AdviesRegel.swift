/// One rule of the afwegingskader that fired for an advice, with the sentence of the letter it rests on.
public struct AdviesRegel: Codable, Sendable, Equatable, Hashable {
    /// The rule's id, `R1` … `R9`.
    public var id: String
    /// The sentence(s) quoted verbatim from the Kamerbrief (§1 and §1.1, §2.2).
    public var citaat: String
    /// What the rule contributed to this advice, in Dutch.
    public var toelichting: String

    /// Creates a fired rule.
    public init(id: String, citaat: String, toelichting: String) {
        self.id = id
        self.citaat = citaat
        self.toelichting = toelichting
    }
}
