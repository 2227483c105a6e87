import Taaktoedeling

/// A dossier as the API returns it, with the extra top-level members some commands answer with:
/// `ronde` for a newly opened consultation round and `advies` for a kader assessment.
struct DossierDocument: Encodable {
    let dossier: Dossier
    var ronde: Int?
    var advies: Advies?

    private enum ExtraKeys: String, CodingKey {
        case ronde, advies
    }

    func encode(to encoder: any Encoder) throws {
        try dossier.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encodeIfPresent(ronde, forKey: .ronde)
        try container.encodeIfPresent(advies, forKey: .advies)
    }
}
