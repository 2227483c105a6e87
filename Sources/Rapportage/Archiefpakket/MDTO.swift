import Dossiers
import Foundation
import Taaktoedeling

/// MDTO 1.0.1 sidecars (`https://www.nationaalarchief.nl/mdto`), written by hand in the element
/// order of `MDTO-XML1.0.1.xsd`.
public enum MDTO {
    /// Who made the records: the ministry, by its OIN.
    public struct Archiefvormer: Sendable {
        public var naam: String
        public var oin: String

        public init(naam: String = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", oin: String) {
            self.naam = naam
            self.oin = oin
        }
    }

    static let bron = "Toedeling"

    /// An element with escaped text.
    static func e(_ naam: String, _ tekst: String) -> String {
        "<\(naam)>\(HTMLEscaping.escape(tekst))</\(naam)>"
    }

    static func identificatie(_ kenmerk: String, element: String = "identificatie") -> String {
        "<\(element)>\(e("identificatieKenmerk", kenmerk))\(e("identificatieBron", bron))</\(element)>"
    }

    static func verwijzing(_ element: String, naam: String, kenmerk: String? = nil, bron: String = MDTO.bron) -> String {
        let id = kenmerk.map { "<verwijzingIdentificatie>\(e("identificatieKenmerk", $0))\(e("identificatieBron", bron))</verwijzingIdentificatie>" } ?? ""
        return "<\(element)>\(e("verwijzingNaam", naam))\(id)</\(element)>"
    }

    static func begrip(_ element: String, label: String, code: String? = nil, lijst: String) -> String {
        "<\(element)>\(e("begripLabel", label))\(code.map { e("begripCode", $0) } ?? "")<begripBegrippenlijst>\(e("verwijzingNaam", lijst))</begripBegrippenlijst></\(element)>"
    }

    static func moment(_ datum: Date) -> String {
        datum.ISO8601Format(.iso8601(timeZone: .gmt))
    }

    static func event(_ type: String, op moment: Date, door: String?) -> String {
        var xml = "<event>" + begrip("eventType", label: type, lijst: "Begrippenlijst EventTypeLijst MDTO") + e("eventTijd", Self.moment(moment))
        if let door { xml += verwijzing("eventVerantwoordelijkeActor", naam: door) }
        return xml + "</event>"
    }

    static func omhul(_ binnen: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <MDTO xmlns="https://www.nationaalarchief.nl/mdto" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="https://www.nationaalarchief.nl/mdto https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd">\(binnen)</MDTO>

        """
    }

    /// The waardering, bewaartermijn and informatiecategorie of a dossier's recorded category.
    static func archiefelementen(_ categorie: SelectielijstCategorie, brondatum: Kalenderdatum, actiedatum: Kalenderdatum?) -> (waardering: String, rest: String) {
        let waardering = begrip(
            "waardering", label: categorie.waardering == .blijvendBewaren ? "Blijvend te bewaren" : "Tijdelijk te bewaren",
            code: categorie.waardering.mdtoCode, lijst: "Begrippenlijst Waarderingen MDTO"
        )
        var rest = ""
        if let termijn = categorie.bewaartermijn {
            rest += "<bewaartermijn>" + begrip("termijnTriggerStartLooptijd", label: "Besluit of intrekking", lijst: "Toedeling begrippenlijst")
            rest += e("termijnStartdatumLooptijd", brondatum.description) + e("termijnLooptijd", termijn.description)
            rest += (actiedatum.map { e("termijnEinddatum", $0.description) } ?? "") + "</bewaartermijn>"
        }
        rest += begrip("informatiecategorie", label: categorie.omschrijving, code: categorie.code, lijst: "Selectielijst Toedeling")
        return (waardering, rest)
    }

    static func beperking(_ vertrouwelijkheid: Vertrouwelijkheid) -> String {
        let (label, code) = vertrouwelijkheid == .openbaar ? ("Openbaar", "Openbaar") : ("Beperkt openbaar", "BeperktOpenbaar")
        return "<beperkingGebruik>" + begrip("beperkingGebruikType", label: label, code: code, lijst: "Toedeling begrippenlijst openbaarheid") + "</beperkingGebruik>"
    }

    /// The dossier as an informatieobject of aggregatieniveau Dossier.
    public static func dossier(
        _ dossier: Dossier, categorie: SelectielijstCategorie, archiefvormer: Archiefvormer, onderdelen: [(naam: String, kenmerk: String)],
        opgenomenIn: String
    ) -> String {
        let archief = dossier.archiefgegevens
        let brondatum = archief?.brondatum ?? AmsterdamseTijd.kalenderdatum(van: dossier.bijgewerktOp)
        var xml = "<informatieobject>" + identificatie(dossier.kenmerk.description) + e("naam", dossier.titel)
        xml += begrip("aggregatieniveau", label: "Dossier", lijst: "Begrippenlijst Aggregatieniveaus MDTO")
        xml += e("trefwoord", dossier.vakdepartement) + e("omschrijving", dossier.omschrijving)
        xml += "<dekkingInTijd>" + begrip("dekkingInTijdType", label: "Looptijd van een dossier", lijst: "Toedeling begrippenlijst")
        xml += e("dekkingInTijdBegindatum", AmsterdamseTijd.kalenderdatum(van: dossier.geopendOp).description)
        xml += e("dekkingInTijdEinddatum", brondatum.description) + "</dekkingInTijd>"
        xml += e("taal", "nl")
        xml += event("Creatie", op: dossier.geopendOp, door: nil)
        if let besluit = dossier.besluit { xml += event("Besluit", op: besluit.vastgelegdOp, door: nil) }
        if let intrekking = dossier.intrekking { xml += event("Intrekking", op: intrekking.ingetrokkenOp, door: nil) }
        let (waardering, rest) = archiefelementen(categorie, brondatum: brondatum, actiedatum: archief?.archiefactiedatum)
        xml += waardering + rest
        xml += verwijzing("isOnderdeelVan", naam: opgenomenIn)
        for onderdeel in onderdelen { xml += verwijzing("bevatOnderdeel", naam: onderdeel.naam, kenmerk: onderdeel.kenmerk) }
        xml += verwijzing("archiefvormer", naam: archiefvormer.naam, kenmerk: archiefvormer.oin, bron: "Organisatie-identificatienummer (OIN)")
        xml += beperking(.openbaar)
        return omhul(xml + "</informatieobject>")
    }

    /// A document version as an informatieobject of aggregatieniveau Archiefstuk.
    public static func archiefstuk(
        _ document: Document, in dossier: Dossier, categorie: SelectielijstCategorie, archiefvormer: Archiefvormer, bestandsnaam: String
    ) -> String {
        let archief = dossier.archiefgegevens
        let brondatum = archief?.brondatum ?? AmsterdamseTijd.kalenderdatum(van: dossier.bijgewerktOp)
        var xml = "<informatieobject>" + identificatie(document.id.uuidString.lowercased()) + e("naam", document.titel)
        xml += begrip("aggregatieniveau", label: "Archiefstuk", lijst: "Begrippenlijst Aggregatieniveaus MDTO")
        xml += begrip("classificatie", label: document.documentsoort.weergave, code: document.documentsoort.rawValue, lijst: "Toedeling documentsoorten")
        xml += e("omschrijving", "Versie \(document.versie)" + (document.reactie.map { ", brief van \($0.koepel.rawValue) bij de reactie in consultatieronde \($0.ronde)" } ?? ""))
        xml += e("taal", "nl")
        xml += event("Ontvangst", op: document.toegevoegdOp, door: document.toegevoegdDoor)
        let (waardering, rest) = archiefelementen(categorie, brondatum: brondatum, actiedatum: archief?.archiefactiedatum)
        xml += waardering + rest
        xml += verwijzing("isOnderdeelVan", naam: dossier.titel, kenmerk: dossier.kenmerk.description)
        xml += verwijzing("heeftRepresentatie", naam: bestandsnaam, kenmerk: document.id.uuidString.lowercased() + "-bestand")
        if let vorige = document.vervangt {
            xml += "<gerelateerdInformatieobject>" + verwijzing("gerelateerdInformatieobjectVerwijzing", naam: "Vorige versie", kenmerk: vorige.uuidString.lowercased())
            xml += begrip("gerelateerdInformatieobjectTypeRelatie", label: "Vervangt", lijst: "Toedeling begrippenlijst") + "</gerelateerdInformatieobject>"
        }
        xml += verwijzing("archiefvormer", naam: archiefvormer.naam, kenmerk: archiefvormer.oin, bron: "Organisatie-identificatienummer (OIN)")
        xml += beperking(document.vertrouwelijkheid)
        return omhul(xml + "</informatieobject>")
    }

    /// The event stream as an informatieobject of aggregatieniveau Archiefstuk.
    public static func gebeurtenissen(_ dossier: Dossier, categorie: SelectielijstCategorie, archiefvormer: Archiefvormer, bestandsnaam: String) -> String {
        let archief = dossier.archiefgegevens
        let brondatum = archief?.brondatum ?? AmsterdamseTijd.kalenderdatum(van: dossier.bijgewerktOp)
        var xml = "<informatieobject>" + identificatie(dossier.kenmerk.description + "-gebeurtenissen")
        xml += e("naam", "Gebeurtenissen van \(dossier.kenmerk): de hash-geketende eventstroom")
        xml += begrip("aggregatieniveau", label: "Archiefstuk", lijst: "Begrippenlijst Aggregatieniveaus MDTO")
        xml += e("omschrijving", "Alle \(dossier.versie) gebeurtenissen van het dossier in volgorde, één JSON-object per regel, met hun SHA-256-hashketen (hash = sha256(vorige hash ‖ canonieke bytes)).")
        xml += e("taal", "nl")
        let (waardering, rest) = archiefelementen(categorie, brondatum: brondatum, actiedatum: archief?.archiefactiedatum)
        xml += waardering + rest
        xml += verwijzing("isOnderdeelVan", naam: dossier.titel, kenmerk: dossier.kenmerk.description)
        xml += verwijzing("heeftRepresentatie", naam: bestandsnaam, kenmerk: dossier.kenmerk.description + "-gebeurtenissen-bestand")
        xml += verwijzing("archiefvormer", naam: archiefvormer.naam, kenmerk: archiefvormer.oin, bron: "Organisatie-identificatienummer (OIN)")
        xml += beperking(.openbaar)
        return omhul(xml + "</informatieobject>")
    }

    /// A file (`bestand`) that represents an informatieobject.
    public static func bestand(
        kenmerk: String, naam: String, omvang: Int64, formaat: (label: String, pronom: String), sha256: String, op moment: Date,
        representeert: (naam: String, kenmerk: String)
    ) -> String {
        var xml = "<bestand>" + identificatie(kenmerk) + e("naam", naam) + e("omvang", String(omvang))
        xml += begrip("bestandsformaat", label: formaat.label, code: formaat.pronom, lijst: "PRONOM-register")
        xml += "<checksum>" + begrip("checksumAlgoritme", label: "SHA256", lijst: "Begrippenlijst ChecksumAlgoritme MDTO")
        xml += e("checksumWaarde", sha256) + e("checksumDatum", Self.moment(moment)) + "</checksum>"
        xml += verwijzing("isRepresentatieVan", naam: representeert.naam, kenmerk: representeert.kenmerk)
        return omhul(xml + "</bestand>")
    }
}
