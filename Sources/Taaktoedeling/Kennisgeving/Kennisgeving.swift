/// A notification to people: what happened and who hears of it. Which events and which moments
/// give one, and to whom, is decided here and nowhere else; the application turns a notification
/// into a message per account.
public struct Kennisgeving: Sendable, Hashable {
    /// What the notification is about.
    public enum Soort: String, Sendable, Hashable, CaseIterable {
        /// A koepel is invited to a round (its accounts).
        case uitnodiging
        /// A reactie arrived (the coordinators).
        case reactieOntvangen
        /// A round was closed (the invited koepels' accounts).
        case rondeGesloten
        /// A round's termijn ends within five working days and the koepel has not reacted (its accounts).
        case herinnering
        /// A round's termijn has passed with reacties missing (the coordinators).
        case termijnVerstreken
    }

    /// Who hears of it.
    public enum Ontvangers: Sendable, Hashable {
        /// Every active account of the koepel.
        case koepel(Koepel)
        /// Every active coordinator account.
        case coordinatoren
    }

    /// What it is about.
    public let soort: Soort
    /// Who hears of it.
    public let ontvangers: Ontvangers
    /// The round it concerns.
    public let ronde: Int

    /// Creates a notification.
    public init(soort: Soort, ontvangers: Ontvangers, ronde: Int) {
        self.soort = soort
        self.ontvangers = ontvangers
        self.ronde = ronde
    }

    /// How many working days before the termijn a koepel that has not reacted is reminded.
    public static let herinneringWerkdagen = 5
}

extension DossierEvent {
    /// The notifications this event gives people by e-mail, given the dossier as it is after the
    /// event: an invitation to each invited koepel, a reactie to the coordinators, a closed round to
    /// each koepel invited to it.
    public func kennisgevingen(dossierNa dossier: Dossier) -> [Kennisgeving] {
        switch self {
        case .consultatieGeopend(let geopend):
            return geopend.koepels.map { Kennisgeving(soort: .uitnodiging, ontvangers: .koepel($0), ronde: geopend.ronde) }
        case .reactieIngediend(let reactie):
            return [Kennisgeving(soort: .reactieOntvangen, ontvangers: .coordinatoren, ronde: reactie.ronde)]
        case .consultatieGesloten(let gesloten):
            let koepels = dossier.consultaties.first { $0.ronde == gesloten.ronde }?.koepels ?? []
            return koepels.map { Kennisgeving(soort: .rondeGesloten, ontvangers: .koepel($0), ronde: gesloten.ronde) }
        default:
            return []
        }
    }

    /// The event's type in kebab case, as in a CloudEvent type: `ConsultatieGeopend` → `consultatie-geopend`.
    public var kebabType: String { Self.kebab(type) }

    /// A stored type name in kebab case.
    public static func kebab(_ naam: String) -> String {
        var result = ""
        for character in naam {
            if character.isUppercase {
                if !result.isEmpty { result.append("-") }
                result.append(Character(character.lowercased()))
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The round the event concerns, for a consultation event.
    public var ronde: Int? {
        switch self {
        case .consultatieGeopend(let geopend): geopend.ronde
        case .reactieIngediend(let reactie): reactie.ronde
        case .consultatieGesloten(let gesloten): gesloten.ronde
        case .documentToegevoegd(let document): document.reactie?.ronde
        default: nil
        }
    }

    /// The koepel whose reactie the event is, for a reactie.
    public var reactieKoepel: Koepel? {
        if case .reactieIngediend(let reactie) = self { return reactie.koepel }
        if case .documentToegevoegd(let document) = self { return document.reactie?.koepel }
        return nil
    }
}

extension Dossier {
    /// The notifications due on `vandaag` for the dossier's open rounds: a reminder to each invited
    /// koepel without a reactie from five working days before the termijn up to the termijn itself,
    /// and a notice to the coordinators once the termijn has passed with reacties missing. Each is
    /// due for days on end; sending it once per round and recipient is the caller's part.
    public func termijnKennisgevingen(vandaag: Kalenderdatum) -> [Kennisgeving] {
        guard fase != .ingetrokken else { return [] }
        var due: [Kennisgeving] = []
        for ronde in consultaties where ronde.status == .open {
            let ontbrekend = ronde.koepels.filter { ronde.reactie(van: $0) == nil }
            guard !ontbrekend.isEmpty else { continue }
            if vandaag > ronde.termijn {
                due.append(Kennisgeving(soort: .termijnVerstreken, ontvangers: .coordinatoren, ronde: ronde.ronde))
            } else if case let herinnering = Werkdagen.werkdagen(Kennisgeving.herinneringWerkdagen, voor: ronde.termijn),
                vandaag >= herinnering, AmsterdamseTijd.kalenderdatum(van: ronde.geopendOp) < herinnering
            {
                // A round opened within the last five working days got its invitation already.
                due += ontbrekend.map { Kennisgeving(soort: .herinnering, ontvangers: .koepel($0), ronde: ronde.ronde) }
            }
        }
        return due
    }
}
