import Foundation
import Taaktoedeling

/// The form of every command a page can offer, with the path it posts to under `/dossiers/{id}/`.
enum DossierForms {
    typealias Keuze = Form.Keuze
    typealias Veld = Form.Veld

    static let koepels = Koepel.allCases.map { Keuze(waarde: $0.rawValue, label: Formatting.koepelNaam($0)) }
    static let standpunten = Standpunt.allCases.map { Keuze(waarde: $0.rawValue, label: Formatting.hoofdletter($0.weergave)) }
    static let soorten = Soort.allCases.map { Keuze(waarde: $0.rawValue, label: Formatting.soort($0)) }
    static let aanleidingen = [Keuze(waarde: "", label: "Kies een aanleiding")]
        + Aanleiding.allCases.map { Keuze(waarde: $0.rawValue, label: Formatting.hoofdletter($0.weergave)) }
    static let uitkomsten = UdoUitkomst.allCases.map { Keuze(waarde: $0.rawValue, label: Formatting.hoofdletter($0.weergave)) }
    static let schalen = [Keuze(waarde: "", label: "Kies een schaal")] + Schaal.allCases.map { Keuze(waarde: $0.rawValue, label: Formatting.hoofdletter($0.rawValue)) }
    static let beleidsvrijheden = [Keuze(waarde: "veel", label: "Veel beleidsvrijheid"), Keuze(waarde: "weinig", label: "Weinig beleidsvrijheid")]
    static let samenwerkingen = [
        Keuze(waarde: "geen", label: "Geen samenwerking nodig"), Keuze(waarde: "vrijwillig", label: "Vrijwillige samenwerking"),
        Keuze(waarde: "verplicht", label: "Verplichte samenwerking"),
        Keuze(waarde: "semiVerplicht", label: "Semi-verplicht (het Rijk bepaalt de taken, gemeenten kiezen partners en vorm)"),
    ]

    /// The path under `/dossiers/{id}/` a command posts to.
    static func pad(_ kind: DossierCommandKind, ronde: Int?) -> String {
        switch kind {
        case .openen: "nieuw"
        case .wijzigVoorstel: "voorstel"
        case .openConsultatie: "consultaties"
        case .dienReactieIn: "consultaties/\(ronde ?? 0)/reacties"
        case .sluitConsultatie: "consultaties/\(ronde ?? 0)/sluiting"
        case .legToetsingVast: "toetsingen"
        case .legFinancieleGevolgenVast: "financiele-gevolgen"
        case .vraagUdoAan: "udo-aanvragen"
        case .legUdoUitkomstVast: "udo-uitkomsten"
        case .legBesluitVast: "besluiten"
        case .koppelKamerstuk: "kamerstukken"
        case .trekIn: "intrekking"
        case .heropen: "heropening"
        case .voegDocumentToe: "documenten"
        case .legArchiveringVast: "archivering"
        case .draagOver: "overdracht"
        }
    }

    /// The fields that describe a voorstel (opening and changing it).
    static func voorstelVelden(wijzigen: Bool) -> [Veld] {
        [
            Veld(naam: "titel", label: "Titel", soort: .tekst()),
            Veld(naam: "omschrijving", label: "Omschrijving", soort: .tekstvak, hint: "Welke taak of bevoegdheid, voor wie, en waarom."),
            Veld(naam: "vakdepartement", label: "Vakdepartement", soort: .tekst(), hint: "Het ministerie dat de taak voorstelt, bijvoorbeeld IenW of VWS."),
            Veld(naam: "soort", label: "Soort", soort: .radio(soorten)),
            Veld(naam: "nieuweTaak", label: "Is dit een nieuwe taak?", soort: .jaNee, hint: "Kies ‘nee’ voor een bestaande taak die opnieuw wordt beoordeeld."),
            Veld(naam: "aanleiding", label: "Aanleiding", soort: .keuze(aanleidingen), hint: "Verplicht bij een bestaande taak.", verplicht: false),
            Veld(naam: "wettelijkeGrondslag", label: "Wettelijke grondslag", soort: .tekst(), verplicht: false),
        ].map { veld in
            var veld = veld
            if wijzigen { veld.verplicht = false }
            return veld
        }
    }

    /// The form for `kind` on `dossier` (posting to `basis` + its path); nil for `openen`.
    static func formulier(_ kind: DossierCommandKind, dossier: Dossier, voor actor: Actor, basis: String) -> Form? {
        let ronde = dossier.openConsultatie?.ronde
        let actie = basis + "/" + pad(kind, ronde: ronde)
        let id = "actie-" + pad(kind, ronde: nil).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "-0-", with: "-")
        switch kind {
        case .openen, .voegDocumentToe, .legArchiveringVast:
            return nil
        case .draagOver:
            return Form(
                id: id, titel: "Overdragen aan het e-Depot",
                uitleg: "Leg vast dat het e-Depot het archiefpakket heeft ontvangen. Daarna kan het dossier niet meer worden gewijzigd.",
                actie: actie, knop: "Overdracht vastleggen",
                velden: [Veld(naam: "ontvangstbevestiging", label: "Ontvangstbevestiging van het e-Depot", soort: .tekst(), hint: "Het kenmerk dat het e-Depot bij ontvangst gaf.")],
                gevaar: true
            )
        case .wijzigVoorstel:
            return Form(
                id: id, titel: "Voorstel wijzigen", uitleg: "Pas aan wat verandert; wat u laat staan blijft zoals het is.", actie: actie,
                knop: "Wijziging opslaan", velden: voorstelVelden(wijzigen: true)
            )
        case .openConsultatie:
            return Form(
                id: id, titel: "Consultatieronde openen", uitleg: "De uitgenodigde koepels zien het dossier en kunnen tot en met de termijn reageren.",
                actie: actie, knop: "Ronde openen",
                velden: [
                    Veld(naam: "koepels", label: "Welke koepels nodigt u uit?", soort: .vinkjes(koepels)),
                    Veld(naam: "termijn", label: "Termijn", soort: .datum, hint: "De laatste dag om te reageren, bijvoorbeeld 31-12-2026."),
                ]
            )
        case .dienReactieIn:
            var velden: [Veld] = []
            if actor.rol != .koepel, let ronde = dossier.openConsultatie {
                let open = ronde.koepels.filter { ronde.reactie(van: $0) == nil }
                velden.append(Veld(
                    naam: "koepel", label: "Namens welke koepel?", soort: .radio(open.map { Keuze(waarde: $0.rawValue, label: Formatting.koepelNaam($0)) }),
                    hint: "Voor een reactie die per brief of e-mail binnenkwam."
                ))
            }
            velden += [
                Veld(naam: "standpunt", label: "Standpunt", soort: .radio(standpunten)),
                Veld(naam: "toelichting", label: "Toelichting", soort: .tekstvak, hint: "De bestuurlijke reactie."),
                Veld(naam: "kenmerk", label: "Uw kenmerk", soort: .tekst(smal: true), hint: "Het kenmerk van de brief, als die er is.", verplicht: false),
                Veld(
                    naam: "brief", label: "De ondertekende brief", soort: .bestand(accept: bestandstypen),
                    hint: "Als bestand (PDF, ODF, Word, tekst, e-mail of afbeelding), niet verplicht. De brief wordt met de reactie vastgelegd.",
                    verplicht: false
                ),
            ]
            return Form(
                id: id, titel: actor.rol == .koepel ? "Bestuurlijke reactie indienen (ronde \(ronde ?? 0))" : "Reactie registreren (ronde \(ronde ?? 0))",
                uitleg: dossier.openConsultatie.map { "De termijn is \(Formatting.datum($0.termijn)). Een reactie kan maar één keer worden ingediend." },
                actie: actie, knop: actor.rol == .koepel ? "Reactie indienen" : "Reactie registreren", velden: velden
            )
        case .sluitConsultatie:
            return Form(
                id: id, titel: "Consultatieronde \(ronde ?? 0) sluiten",
                uitleg: "Na sluiting kunnen de koepels elkaars reacties lezen en niet meer reageren.", actie: actie, knop: "Ronde sluiten", velden: []
            )
        case .legToetsingVast:
            return Form(
                id: id, titel: "Toetsen aan het afwegingskader",
                uitleg: "Beschrijf de kenmerken van de taak. Het advies volgt uit de regels van het beleidskader; de regels die het bepalen verschijnen bij het dossier.",
                actie: actie, knop: "Toetsing vastleggen",
                velden: [
                    Veld(naam: "taakkenmerken.schaal", label: "Op welke schaal past de taak?", soort: .keuze(schalen)),
                    Veld(naam: "taakkenmerken.beleidsvrijheid", label: "Beleidsvrijheid", soort: .radio(beleidsvrijheden)),
                    Veld(naam: "taakkenmerken.samenwerking", label: "Samenwerking tussen overheden", soort: .radio(samenwerkingen)),
                    Veld(naam: "taakkenmerken.sturingVakdepartement", label: "Het vakdepartement wil veel sturen", soort: .vinkje, verplicht: false),
                    Veld(naam: "taakkenmerken.waterbeheer", label: "De taak gaat over waterbeheer", soort: .vinkje, verplicht: false),
                    Veld(naam: "taakkenmerken.specifiekBeleidsterrein", label: "De taak hoort bij een specifiek beleidsterrein", soort: .vinkje, verplicht: false),
                    Veld(
                        naam: "taakkenmerken.congruenteRegioIndeling", label: "Is de regionale indeling congruent?", soort: .jaNee,
                        hint: "Alleen bij schaal regionaal.", verplicht: false
                    ),
                    Veld(naam: "toelichting", label: "Toelichting", soort: .tekstvak, verplicht: false),
                ]
            )
        case .legFinancieleGevolgenVast:
            return Form(
                id: id, titel: "Financiële gevolgen vastleggen", uitleg: nil, actie: actie, knop: "Financiële gevolgen vastleggen",
                velden: [
                    Veld(naam: "structureleKosten", label: "Structurele kosten per jaar (euro)", soort: .bedrag, hint: "Hele euro's, bijvoorbeeld 12.000.000."),
                    Veld(naam: "incidenteleKosten", label: "Incidentele kosten (euro)", soort: .bedrag, hint: "Hele euro's."),
                    Veld(naam: "dekking", label: "Dekking", soort: .tekst()),
                    Veld(naam: "toelichting", label: "Toelichting", soort: .tekstvak),
                ]
            )
        case .vraagUdoAan:
            return Form(
                id: id, titel: "Uitvoerbaarheidstoets decentrale overheden (UDO) aanvragen", uitleg: nil, actie: actie, knop: "UDO aanvragen",
                velden: [
                    Veld(naam: "toelichting", label: "Toelichting bij de aanvraag", soort: .tekstvak),
                    Veld(naam: "termijn", label: "Termijn", soort: .datum, verplicht: false),
                ]
            )
        case .legUdoUitkomstVast:
            return Form(
                id: id, titel: "Uitkomst van de UDO vastleggen", uitleg: nil, actie: actie, knop: "Uitkomst vastleggen",
                velden: [
                    Veld(naam: "uitkomst", label: "Uitkomst", soort: .radio(uitkomsten)),
                    Veld(naam: "samenvatting", label: "Samenvatting", soort: .tekstvak),
                    Veld(naam: "vindplaats", label: "Vindplaats van het rapport", soort: .tekst(), verplicht: false),
                ]
            )
        case .legBesluitVast:
            let advies = dossier.toetsing?.advies.bestuurslaag
            let lagen = [Keuze(waarde: "", label: "Kies een bestuurslaag")] + Bestuurslaag.allCases.map { laag in
                Keuze(waarde: laag.rawValue, label: Formatting.hoofdletter(laag.weergave) + (laag == advies ? " (advies)" : ""))
            }
            return Form(
                id: id, titel: "Besluit vastleggen",
                uitleg: advies.map {
                    "Het advies is \($0.metLidwoord). Kiest u een andere bestuurslaag, dan wordt het besluit vastgelegd als afwijking van het advies en motiveert u waarom."
                },
                actie: actie, knop: "Besluit vastleggen",
                velden: [
                    Veld(naam: "bestuurslaag", label: "Aan welke bestuurslaag wordt de taak toegedeeld?", soort: .keuze(lagen)),
                    Veld(naam: "motivering", label: "Motivering", soort: .tekstvak, hint: "Bij een afwijking van het advies: waarom deze keuze."),
                ]
            )
        case .koppelKamerstuk:
            return Form(
                id: id, titel: "Kamerstuk koppelen", uitleg: nil, actie: actie, knop: "Kamerstuk koppelen",
                velden: [
                    Veld(naam: "nummer", label: "Kamerstuknummer", soort: .tekst(smal: true), hint: "Dossiernummer en ondernummer, bijvoorbeeld 33047-43."),
                    Veld(naam: "titel", label: "Titel", soort: .tekst()),
                    Veld(naam: "datum", label: "Datum", soort: .datum),
                ]
            )
        case .trekIn:
            return Form(
                id: id, titel: "Dossier intrekken", uitleg: "Een ingetrokken dossier kan niet meer worden gewijzigd.", actie: actie,
                knop: "Dossier intrekken", velden: [Veld(naam: "reden", label: "Reden", soort: .tekstvak)], gevaar: true
            )
        case .heropen:
            return Form(
                id: id, titel: "Besluit heropenen", uitleg: "Het besluit vervalt; het dossier valt terug op de laatste geldige mijlpaal.",
                actie: actie, knop: "Dossier heropenen",
                velden: [
                    Veld(naam: "aanleiding", label: "Aanleiding", soort: .keuze(aanleidingen)),
                    Veld(naam: "toelichting", label: "Toelichting", soort: .tekstvak),
                ]
            )
        }
    }

    /// What a file field offers to choose (the browser's hint; the server decides by the bytes).
    static let bestandstypen = ".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx,.txt,.csv,.xml,.png,.jpg,.jpeg,.eml,"
        + Bestandstype.allCases.map(\.mediatype).joined(separator: ",")

    static let documentsoorten = Documentsoort.allCases.filter { $0 != .reactie }.map { Keuze(waarde: $0.rawValue, label: Formatting.hoofdletter($0.weergave)) }
    static let vertrouwelijkheden = [
        Keuze(waarde: "openbaar", label: "Openbaar: iedereen die het dossier ziet, ook de uitgenodigde koepels"),
        Keuze(waarde: "intern", label: "Intern: alleen coördinatoren en liaisons"),
    ]

    /// The coordinator's form to add a document, or a new version of one of `documenten` (the
    /// newest versions the page shows).
    static func document(basis: String, documenten: [Document]) -> Form {
        let versies = [Keuze(waarde: "", label: "Nee, een nieuw document")] + documenten.map { document in
            Keuze(waarde: document.id.uuidString.lowercased(), label: "\(document.titel) (versie \(document.versie))")
        }
        var velden: [Veld] = [
            Veld(naam: "inhoud", label: "Bestand", soort: .bestand(accept: bestandstypen),
                 hint: "PDF, ODF, Word, Excel, PowerPoint, tekst, CSV, XML, PNG, JPEG of e-mail (.eml)."),
            Veld(naam: "titel", label: "Titel", soort: .tekst()),
            Veld(naam: "documentsoort", label: "Soort document", soort: .keuze([Keuze(waarde: "", label: "Kies een soort")] + documentsoorten)),
            Veld(naam: "vertrouwelijkheid", label: "Wie mag het zien?", soort: .radio(vertrouwelijkheden)),
        ]
        if !documenten.isEmpty {
            velden.append(Veld(naam: "vervangt", label: "Is dit een nieuwe versie van een document?", soort: .keuze(versies), verplicht: false))
        }
        return Form(
            id: "actie-documenten", titel: "Document toevoegen", uitleg: "Het bestand wordt met zijn vingerafdruk (SHA-256) in het dossier vastgelegd.",
            actie: basis + "/documenten", knop: "Document toevoegen", velden: velden
        )
    }

    /// The coordinator's form to record the selectielijst category, the default for the outcome
    /// (or the one recorded) chosen.
    static func archivering(basis: String, selectielijst: Selectielijst, gekozen: String?) -> (Form, [String: String]) {
        let keuzes = selectielijst.categorieen.map { categorie in
            Keuze(
                waarde: categorie.code,
                label: "\(categorie.code) \(categorie.omschrijving) (\(categorie.waardering.weergave)\(categorie.bewaartermijn.map { ", \($0.description)" } ?? ""))"
            )
        }
        let formulier = Form(
            id: "actie-archivering", titel: "Archivering vastleggen",
            uitleg: "Kies de categorie van de selectielijst. Daaruit volgen de archiefnominatie, de bewaartermijn en de archiefactiedatum.",
            actie: basis + "/archivering", knop: "Archivering vastleggen",
            velden: [Veld(naam: "selectielijstcategorie", label: "Selectielijstcategorie", soort: .radio(keuzes))]
        )
        return (formulier, gekozen.map { ["selectielijstcategorie": $0] } ?? [:])
    }

    /// The form to open a dossier.
    static let nieuw = Form(
        id: "nieuw-dossier", titel: nil, uitleg: nil, actie: "/dossiers/nieuw", knop: "Dossier openen", velden: voorstelVelden(wijzigen: false)
    )

    /// The values a form starts with: for changing the voorstel, what the dossier says now.
    static func begin(_ kind: DossierCommandKind, dossier: Dossier) -> [String: String] {
        guard kind == .wijzigVoorstel else { return [:] }
        var waarden = [
            "titel": dossier.titel, "omschrijving": dossier.omschrijving, "vakdepartement": dossier.vakdepartement,
            "soort": dossier.soort.rawValue, "nieuweTaak": dossier.nieuweTaak ? "ja" : "nee",
        ]
        if let aanleiding = dossier.aanleiding { waarden["aanleiding"] = aanleiding.rawValue }
        if let grondslag = dossier.wettelijkeGrondslag { waarden["wettelijkeGrondslag"] = grondslag }
        return waarden
    }
}
