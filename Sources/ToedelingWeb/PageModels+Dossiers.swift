/// The models of the dossier pages: the list, one dossier, its timeline and a reactie's receipt.

/// A term and its value in a description list.
struct TermWaarde: Encodable, Sendable {
    let term: String
    let waarde: String

    init(_ term: String, _ waarde: String) {
        self.term = term
        self.waarde = waarde
    }
}

/// `/dossiers`: the filters, the rows, and for a coordinator what needs action first.
struct DossiersPage: PageModel {
    struct Rij: Encodable, Sendable {
        let href: String
        let kenmerk: String
        let titel: String
        let vakdepartement: String
        let fase: String
        let bijgewerkt: String
    }
    struct Keuze: Encodable, Sendable {
        let waarde: String
        let label: String
        let gekozen: Bool
    }
    struct Filter: Encodable, Sendable {
        let tekst: String
        let vakdepartement: String
        let fases: [Keuze]
    }
    struct Aandachtspunt: Encodable, Sendable {
        let href: String
        let kenmerk: String
        let titel: String
        let reden: String
    }
    struct Aandacht: Encodable, Sendable {
        let punten: [Aandachtspunt]
    }
    struct Archiefactie: Encodable, Sendable {
        let href: String
        let kenmerk: String
        let titel: String
        let actie: String
        let datum: String
    }
    struct Archiefacties: Encodable, Sendable {
        let dossiers: [Archiefactie]
    }
    let kop: String
    let rijen: [Rij]
    let magOpenen: Bool
    let bijschrift: String
    let filter: Filter
    var paginering: PaginationModel?
    var aandacht: Aandacht?
    var archiefacties: Archiefacties?
}

/// `/dossiers/{id}`: the dossier as the reader may see it, its documents and archive facts, and a
/// form for each command the fase allows the reader.
struct DossierPage: PageModel {
    struct Reactie: Encodable, Sendable {
        let koepel: String
        let standpunt: String
        let teLaat: Bool
        let ingediend: String
        let toelichting: String
        /// The koepel's own kenmerk (a name of its own: a reactie without one would otherwise show
        /// the dossier's kenmerk, found around it).
        var reactieKenmerk: String?
        var door: String?
    }
    struct Ronde: Encodable, Sendable {
        let ronde: Int
        let status: String
        let koepels: String
        let termijn: String
        let reacties: [Reactie]
        var dagen: String?
        var verborgen: String?
    }
    struct Kamerstuk: Encodable, Sendable {
        let nummer: String
        let titel: String
        let datum: String
    }
    struct Regel: Encodable, Sendable {
        let id: String
        let citaat: String
        let toelichting: String
    }
    struct Toetsing: Encodable, Sendable {
        let advies: String
        let udoVereist: Bool
        let kenmerken: [TermWaarde]
        let regels: [Regel]
        let waarschuwingen: [String]
        var alternatieven: String?
        var toelichting: String?
    }
    struct Financieel: Encodable, Sendable {
        let structureel: String
        let incidenteel: String
        let dekking: String
        let toelichting: String
    }
    struct Udo: Encodable, Sendable {
        let status: String
        let aangevraagd: String
        let toelichting: String
        var termijn: String?
        var uitkomst: String?
        var samenvatting: String?
        var vindplaats: String?
    }
    struct Besluit: Encodable, Sendable {
        let bestuurslaag: String
        let motivering: String
        let afwijking: Bool
        let geadviseerd: String
    }
    struct Document: Encodable, Sendable {
        let href: String
        let titel: String
        let soort: String
        let bestandsnaam: String
        let type: String
        let omvang: String
        let toegevoegd: String
        let door: String
        let intern: Bool
        /// Its own name: a missing "versie" would be found in the dossier around it.
        var documentversie: String?
    }
    struct Archief: Encodable, Sendable {
        let gegevens: [TermWaarde]
    }
    let kenmerk: String
    let titel: String
    let fase: String
    let versie: Int64
    let bijgewerkt: String
    let omschrijving: String
    let gegevens: [TermWaarde]
    let consultaties: [Ronde]
    let kamerstukken: [Kamerstuk]
    let heeftKamerstukken: Bool
    let heropeningen: [String]
    let heeftHeropeningen: Bool
    var toetsing: Toetsing?
    var financieel: Financieel?
    var udo: Udo?
    var besluit: Besluit?
    var intrekking: String?
    var acties: [FormModel] = []
    var archief: Archief?
    var vernietigd: String?
    var verzegeld: String?
    var archiveringFormulier: FormModel?
    var documenten: [Document] = []
    var heeftDocumenten = false
    var documentFormulier: FormModel?
    var terug: String?
    var terugTekst: String?
    var tijdlijnHref: String?
    var conflict: String?
}

/// `/dossiers/{id}/tijdlijn`: a page of the timeline's sentences.
struct TijdlijnPage: PageModel {
    struct Regel: Encodable, Sendable {
        let moment: String
        let door: String
        let omschrijving: String
    }
    let kenmerk: String
    let titel: String
    let dossierHref: String
    let regels: [Regel]
    var paginering: PaginationModel?
}

/// The receipt of a reactie: reference, time and what was submitted.
struct OntvangstbewijsPage: PageModel {
    let referentie: String
    let kenmerk: String
    let titel: String
    let ronde: Int
    let koepel: String
    let standpunt: String
    let ontvangen: String
    let teLaat: Bool
    let door: String
    let dossierHref: String
}
