import Foundation

/// Tells the events of a dossier as Dutch sentences.
public enum Tijdlijn {
    /// The timeline entry for one event, given the state just before it (for context such as the
    /// advice a decision deviates from).
    public static func regel(for event: DossierEvent, state before: Dossier?, version: Int64, recordedAt: Date, door: String) -> TijdlijnRegel {
        TijdlijnRegel(versie: version, type: event.type, geregistreerdOp: recordedAt, omschrijving: zin(event, before), door: door)
    }

    /// The timeline of events in stream order, each with the name of who caused it.
    public static func regels(_ events: [(DossierEvent, version: Int64, recordedAt: Date, door: String)]) -> [TijdlijnRegel] {
        var state: Dossier?
        var regels: [TijdlijnRegel] = []
        for (event, versie, moment, door) in events {
            regels.append(regel(for: event, state: state, version: versie, recordedAt: moment, door: door))
            state = Beslissing.evolve(state, event, version: versie, recordedAt: moment)
        }
        return regels
    }

    /// The Dutch sentence for an event.
    public static func zin(_ event: DossierEvent, _ before: Dossier?) -> String {
        switch event {
        case .dossierGeopend(let geopend):
            let wat = geopend.soort == .taak ? "taak" : "bevoegdheid"
            let soort = geopend.nieuweTaak
                ? "nieuwe \(wat)"
                : "bestaande \(wat), aanleiding: \(geopend.aanleiding?.weergave ?? "onbekend")"
            return "Dossier \(geopend.kenmerk) „\(geopend.titel)” is geopend (\(soort)) op voorstel van \(geopend.vakdepartement)."
        case .voorstelGewijzigd(let gewijzigd):
            return "Het voorstel is gewijzigd (\(gewijzigd.wijziging.gewijzigdeVelden.joined(separator: ", ")))."
        case .consultatieGeopend(let geopend):
            return "Consultatieronde \(geopend.ronde) is geopend voor \(opsomming(geopend.koepels.map(\.rawValue))), met een termijn tot en met \(geopend.termijn.voluit)."
        case .reactieIngediend(let reactie):
            let laat = reactie.teLaat ? " De reactie kwam na de termijn binnen." : ""
            return "\(reactie.koepel.rawValue) heeft een bestuurlijke reactie ingediend (\(reactie.standpunt.weergave)).\(laat)"
        case .consultatieGesloten(let gesloten):
            let ronde = before?.consultaties.first { $0.ronde == gesloten.ronde }
            let aantal = ronde.map { " \($0.reacties.count) van de \($0.koepels.count) uitgenodigde koepels hebben gereageerd." } ?? ""
            return "Consultatieronde \(gesloten.ronde) is gesloten.\(aantal)"
        case .kaderToetsingVastgelegd(let toetsing):
            let regels = toetsing.advies.regels.map(\.id).joined(separator: ", ")
            let udo = toetsing.advies.udoVereist ? " Een UDO is vereist." : ""
            return "De toetsing aan het afwegingskader is vastgelegd; advies: \(toetsing.advies.bestuurslaag.weergave) (\(regels)).\(udo)"
        case .financieleGevolgenVastgelegd(let gevolgen):
            return "De financiële gevolgen zijn vastgelegd: structureel \(bedrag(gevolgen.structureleKosten)) per jaar, incidenteel \(bedrag(gevolgen.incidenteleKosten))."
        case .udoAangevraagd(let aanvraag):
            let termijn = aanvraag.termijn.map { ", uitkomst verwacht uiterlijk \($0.voluit)" } ?? ""
            return "Een uitvoerbaarheidstoets decentrale overheden (UDO) is aangevraagd\(termijn)."
        case .udoAfgerond(let afgerond):
            return "De UDO is afgerond: \(afgerond.uitkomst.weergave)."
        case .besluitVastgelegd(let besluit):
            let afwijking = besluit.afwijkingVanAdvies ? " Dit wijkt af van het advies (\(besluit.geadviseerdeBestuurslaag.weergave))." : ""
            return "Besloten: de \(before?.soort == .bevoegdheid ? "bevoegdheid" : "taak") wordt belegd bij \(besluit.bestuurslaag.metLidwoord).\(afwijking)"
        case .kamerstukGekoppeld(let kamerstuk):
            return "Kamerstuk \(kamerstuk.nummer) („\(kamerstuk.titel)”, \(kamerstuk.datum.voluit)) is gekoppeld."
        case .dossierIngetrokken(let intrekking):
            return "Het dossier is ingetrokken. Reden: \(intrekking.reden)"
        case .dossierHeropend(let heropening):
            return "Het dossier is heropend (aanleiding: \(heropening.aanleiding.weergave))."
        case .documentToegevoegd(let document):
            let intern = document.vertrouwelijkheid == .intern ? ", intern" : ""
            if let reactie = document.reactie {
                let versie = document.versie > 1 ? " (versie \(document.versie))" : ""
                return "De brief van \(reactie.koepel.rawValue) bij de reactie in consultatieronde \(reactie.ronde) is toegevoegd: „\(document.titel)”\(versie)\(intern)."
            }
            let wat = document.versie > 1 ? "Versie \(document.versie) van document" : "Document"
            return "\(wat) „\(document.titel)” (\(document.documentsoort.weergave)\(intern)) is toegevoegd."
        case .archiveringVastgelegd(let archivering):
            let categorie = archivering.categorie
            let termijn = categorie.bewaartermijn.map { " na \($0.description)" } ?? ""
            return "De archivering is vastgelegd: selectielijstcategorie \(categorie.code) (\(categorie.omschrijving)), \(categorie.waardering.weergave)\(termijn)."
        case .dossierOvergedragen(let overdracht):
            return "Het dossier is overgedragen aan het e-Depot (ontvangstbevestiging \(overdracht.ontvangstbevestiging))."
        case .dossierVernietigd(let vernietigd):
            return "Het dossier is vernietigd op vernietigingslijst \(vernietigd.lijst.uuidString.lowercased().prefix(8))."
        }
    }

    /// Joins names as Dutch enumeration: `VNG`, `VNG en IPO`, `VNG, IPO en UvW`.
    static func opsomming(_ namen: [String]) -> String {
        guard namen.count > 1 else { return namen.first ?? "" }
        return namen.dropLast().joined(separator: ", ") + " en " + (namen.last ?? "")
    }

    /// An amount in euros with Dutch digit grouping, e.g. `€ 1.200.000` (the one rendering of an
    /// amount, for timelines, the CLI and pages).
    public static func bedrag(_ euros: Int) -> String {
        let cijfers = String(euros.magnitude)
        var gegroepeerd = ""
        for (index, cijfer) in cijfers.enumerated() {
            if index > 0 && (cijfers.count - index) % 3 == 0 { gegroepeerd.append(".") }
            gegroepeerd.append(cijfer)
        }
        return (euros < 0 ? "-€ " : "€ ") + gegroepeerd
    }
}
