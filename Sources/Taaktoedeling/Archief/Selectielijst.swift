import Foundation

/// Whether a dossier is kept forever or destroyed after its bewaartermijn.
public enum Waardering: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Transferred to an e-Depot.
    case blijvendBewaren
    /// Destroyed on a vernietigingslijst once its archiefactiedatum has come.
    case vernietigen

    /// The MDTO code: `B` or `V`.
    public var mdtoCode: String { self == .blijvendBewaren ? "B" : "V" }
    /// The Dutch words.
    public var weergave: String { self == .blijvendBewaren ? "blijvend bewaren" : "vernietigen" }
}

/// The outcome a category is the default for.
public enum Afloop: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// A decision that gives the task to a decentral layer (gemeente, provincie, waterschap).
    case besluitDecentraal
    /// A decision that keeps the task with the Rijk (or its agencies).
    case besluitRijk
    /// A withdrawn proposal.
    case ingetrokken
}

/// One category of the selectielijst.
public struct SelectielijstCategorie: Codable, Sendable, Equatable, Hashable {
    /// The code, e.g. `1.1`.
    public var code: String
    /// What falls under it.
    public var omschrijving: String
    /// Kept or destroyed.
    public var waardering: Waardering
    /// For vernietigen: how long after the brondatum (ISO 8601, `P0D` valid); nil for blijvend bewaren.
    public var bewaartermijn: Bewaartermijn?
    /// The outcomes it is the default category for.
    public var standaardVoor: [Afloop]?

    /// Creates a category.
    public init(code: String, omschrijving: String, waardering: Waardering, bewaartermijn: Bewaartermijn?, standaardVoor: [Afloop]? = nil) {
        self.code = code
        self.omschrijving = omschrijving
        self.waardering = waardering
        self.bewaartermijn = bewaartermijn
        self.standaardVoor = standaardVoor
    }
}

/// The selectielijst: the categories a dossier can be archived under, replaceable configuration
/// data (`{"categorieen": [...]}`), checked as a whole when it is read.
public struct Selectielijst: Sendable, Equatable {
    /// The categories in the file's order.
    public let categorieen: [SelectielijstCategorie]

    /// Why a selectielijst cannot be used, one line.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String

        /// A reason, one line.
        public init(description: String) {
            self.description = description
        }
    }

    /// A list of these categories, checked.
    public init(categorieen: [SelectielijstCategorie]) throws(ParseError) {
        guard !categorieen.isEmpty else { throw ParseError(description: "de selectielijst heeft geen categorieën") }
        var codes: Set<String> = []
        for categorie in categorieen {
            let code = categorie.code
            guard !code.isEmpty, code.count <= 50, Tekstregels.probleem(in: code) == nil, !Tekstregels.isLeeg(code) else {
                throw ParseError(description: "categorie \"\(Tekstregels.onschadelijk(code))\": de code moet 1 tot 50 tekens zijn")
            }
            guard codes.insert(code).inserted else { throw ParseError(description: "categorie \(code) komt meer dan eens voor") }
            guard !Tekstregels.isLeeg(categorie.omschrijving) else { throw ParseError(description: "categorie \(code) heeft geen omschrijving") }
            switch (categorie.waardering, categorie.bewaartermijn) {
            case (.vernietigen, nil):
                throw ParseError(description: "categorie \(code) (vernietigen) heeft geen bewaartermijn")
            case (.blijvendBewaren, .some):
                throw ParseError(description: "categorie \(code) (blijvend bewaren) heeft een bewaartermijn; die hoort alleen bij vernietigen")
            default:
                break
            }
        }
        for afloop in Afloop.allCases where categorieen.filter({ $0.standaardVoor?.contains(afloop) == true }).count > 1 {
            throw ParseError(description: "meer dan één categorie is de standaard voor \(afloop.rawValue)")
        }
        self.categorieen = categorieen
    }

    /// Reads the JSON file's bytes.
    public static func lees(_ data: Data) throws(ParseError) -> Selectielijst {
        struct Bestand: Decodable { let categorieen: [SelectielijstCategorie] }
        let bestand: Bestand
        do {
            bestand = try JSONDecoder().decode(Bestand.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ParseError(description: "de selectielijst is geen geldige JSON: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ParseError(description: "de selectielijst mist \(key.stringValue) bij \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ParseError(description: "de selectielijst heeft een verkeerde waarde bij \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch {
            throw ParseError(description: "de selectielijst kan niet worden gelezen")
        }
        return try Selectielijst(categorieen: bestand.categorieen)
    }

    /// The category with this code.
    public func categorie(_ code: String) -> SelectielijstCategorie? {
        categorieen.first { $0.code == code }
    }

    /// The default category for how `dossier` ended; nil while it is open, or when no category is
    /// the default for its outcome.
    public func standaard(voor dossier: Dossier) -> SelectielijstCategorie? {
        guard let afloop = dossier.afloop else { return nil }
        return categorieen.first { $0.standaardVoor?.contains(afloop) == true }
    }
}
