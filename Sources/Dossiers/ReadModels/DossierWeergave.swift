import Foundation
import Taaktoedeling

/// A dossier as one kind of reader may see it, rendered as the API answers with it: kept in the read
/// model (`dossier_weergaven`) when the dossier changes, so that a read writes stored bytes.
public struct DossierWeergave: Sendable, Equatable {
    /// The version of this view (its `ETag`): for a koepel the number of events it may see.
    public let versie: Int64
    /// The JSON document.
    public let document: Data

    /// A view of the given version with its document.
    public init(versie: Int64, document: Data) {
        self.versie = versie
        self.document = document
    }

    /// The reader key for coordinators and liaisons, who see everything.
    static let alles = "alles"

    /// The stored view a reader gets: `alles` for coordinators and liaisons, the koepel's code for a
    /// koepel.
    static func kijker(voor actor: Actor) -> String {
        switch actor.hoedanigheid {
        case .coordinator, .liaison: return alles
        case .koepel(let koepel): return koepel.rawValue
        }
    }

    /// The JSON encoder of every API answer: instants in UTC (ISO 8601), keys sorted so that equal
    /// values give equal bytes.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The view of `dossier` for `actor`, rendered; nil when the actor may not see it.
    static func render(_ dossier: Dossier, voor actor: Actor) throws -> DossierWeergave? {
        guard let visible = dossier.zichtbaar(voor: actor) else { return nil }
        return DossierWeergave(versie: visible.versie, document: try encoder().encode(visible))
    }

    /// Every stored view of `dossier`: everything, and each invited koepel's.
    static func all(of dossier: Dossier) throws -> [(kijker: String, weergave: DossierWeergave)] {
        let encoder = encoder()
        var views = [(kijker: alles, weergave: DossierWeergave(versie: dossier.versie, document: try encoder.encode(dossier)))]
        for koepel in dossier.uitgenodigdeKoepels.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let visible = dossier.zichtbaar(voor: Actor(naam: koepel.rawValue, hoedanigheid: .koepel(koepel))) else { continue }
            views.append((kijker: koepel.rawValue, weergave: DossierWeergave(versie: visible.versie, document: try encoder.encode(visible))))
        }
        return views
    }
}
