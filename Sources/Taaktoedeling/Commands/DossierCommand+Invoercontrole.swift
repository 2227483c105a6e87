import Foundation

extension DossierCommand {
    /// The longest title accepted, in Unicode scalars.
    public static let maximaleTitellengte = 300
    /// The longest other text accepted, in Unicode scalars.
    public static let maximaleTekstlengte = 20_000
    /// The amounts (whole euros) financial consequences may name.
    public static let bedragen = 0...999_999_999_999_999

    /// Every problem with the command's own values, independent of any dossier: empty or too long
    /// texts, an empty or repeated koepel list, a missing `aanleiding` for an existing task, a
    /// malformed Kamerstuk number, a round number below 1.
    public var invoerproblemen: [FieldProblem] {
        var problemen: [FieldProblem] = []
        func tekst(_ naam: String, _ waarde: String?, maximum: Int = DossierCommand.maximaleTekstlengte) {
            guard let waarde else { return }
            if let probleem = Tekstregels.probleem(in: waarde) {
                problemen.append(FieldProblem(name: naam, reason: probleem))
            } else if Tekstregels.isLeeg(waarde) {
                problemen.append(FieldProblem(name: naam, reason: "mag niet leeg zijn"))
            } else if Tekstregels.lengte(waarde) > maximum {
                problemen.append(FieldProblem(name: naam, reason: "is te lang (maximaal \(maximum) tekens)"))
            }
        }
        func ronde(_ waarde: Int) {
            if waarde < 1 { problemen.append(FieldProblem(name: "ronde", reason: "moet 1 of hoger zijn")) }
        }
        switch self {
        case .openen(_, let voorstel):
            tekst("titel", voorstel.titel, maximum: Self.maximaleTitellengte)
            tekst("omschrijving", voorstel.omschrijving)
            tekst("vakdepartement", voorstel.vakdepartement, maximum: Self.maximaleTitellengte)
            tekst("wettelijkeGrondslag", voorstel.wettelijkeGrondslag)
            if !voorstel.nieuweTaak && voorstel.aanleiding == nil {
                problemen.append(FieldProblem(name: "aanleiding", reason: "is verplicht voor een bestaande taak (wetsevaluatie, politiekeAfspraak of motie)"))
            }
        case .wijzigVoorstel(let wijziging):
            tekst("titel", wijziging.titel, maximum: Self.maximaleTitellengte)
            tekst("omschrijving", wijziging.omschrijving)
            tekst("vakdepartement", wijziging.vakdepartement, maximum: Self.maximaleTitellengte)
            tekst("wettelijkeGrondslag", wijziging.wettelijkeGrondslag)
            if wijziging.gewijzigdeVelden.isEmpty {
                problemen.append(FieldProblem(name: "body", reason: "bevat geen enkel veld om te wijzigen"))
            }
        case .openConsultatie(let koepels, _):
            if koepels.isEmpty {
                problemen.append(FieldProblem(name: "koepels", reason: "mag niet leeg zijn"))
            } else if Set(koepels).count != koepels.count {
                problemen.append(FieldProblem(name: "koepels", reason: "noemt een koepel meer dan eens"))
            }
        case .dienReactieIn(let nummer, _, _, let toelichting, let kenmerk):
            ronde(nummer)
            tekst("toelichting", toelichting)
            tekst("kenmerk", kenmerk, maximum: Self.maximaleTitellengte)
        case .sluitConsultatie(let nummer):
            ronde(nummer)
        case .legToetsingVast(let kenmerken, let toelichting):
            if kenmerken.congruenteRegioIndeling != nil && kenmerken.schaal != .regionaal {
                problemen.append(FieldProblem(name: "taakkenmerken.congruenteRegioIndeling", reason: "geldt alleen bij schaal regionaal"))
            }
            tekst("toelichting", toelichting)
        case .legFinancieleGevolgenVast(let structureel, let incidenteel, let dekking, let toelichting):
            for (naam, bedrag) in [("structureleKosten", structureel), ("incidenteleKosten", incidenteel)] where !Self.bedragen.contains(bedrag) {
                problemen.append(FieldProblem(name: naam, reason: "moet een bedrag in hele euro's van 0 tot en met 999.999.999.999.999 zijn"))
            }
            tekst("dekking", dekking)
            tekst("toelichting", toelichting)
        case .vraagUdoAan(let toelichting, _):
            tekst("toelichting", toelichting)
        case .legUdoUitkomstVast(_, let samenvatting, let vindplaats):
            tekst("samenvatting", samenvatting)
            tekst("vindplaats", vindplaats)
        case .legBesluitVast(_, let motivering):
            tekst("motivering", motivering)
        case .koppelKamerstuk(let nummer, let titel, _):
            if !Self.isKamerstuknummer(nummer) {
                problemen.append(FieldProblem(name: "nummer", reason: "is geen Kamerstuknummer (bijvoorbeeld 33047-43 of 35925-VII-136)"))
            }
            tekst("titel", titel, maximum: Self.maximaleTekstlengte)
        case .trekIn(let reden):
            tekst("reden", reden)
        case .heropen(_, let toelichting):
            tekst("toelichting", toelichting)
        case .legArchiveringVast:
            break
        case .draagOver(let ontvangstbevestiging):
            tekst("ontvangstbevestiging", ontvangstbevestiging, maximum: Self.maximaleTitellengte)
        case .voegDocumentToe(let document):
            tekst("titel", document.metadata.titel, maximum: Self.maximaleTitellengte)
            if let probleem = Bestandsnaam.probleem(document.bestandsnaam) {
                problemen.append(FieldProblem(name: "inhoud.bestandsnaam", reason: probleem))
            }
            if document.omvang <= 0 { problemen.append(FieldProblem(name: "inhoud", reason: "is leeg")) }
            if let reactie = document.metadata.reactie {
                ronde(reactie.ronde)
                if document.metadata.documentsoort != .reactie {
                    problemen.append(FieldProblem(name: "documentsoort", reason: "moet reactie zijn voor de brief bij een reactie"))
                }
            }
        }
        return problemen
    }

    /// True for a dossier number followed by one or more parts of letters or digits, joined by `-`:
    /// a number of at most 8 digits, then one to three parts of at most 10 ASCII letters or digits.
    /// Read over the UTF-8 bytes (every command linking a Kamerstuk checks one): any byte outside
    /// ASCII letters, digits and `-` refuses it, so no character is made of more than one byte.
    static func isKamerstuknummer(_ nummer: String) -> Bool {
        var scheidingen = 0
        var lengte = 0
        for byte in nummer.utf8 {
            if byte == UInt8(ascii: "-") {
                guard lengte > 0, scheidingen < 3 else { return false }
                scheidingen += 1
                lengte = 0
                continue
            }
            lengte += 1
            let cijfer = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let klein = byte | 0x20
            let letter = klein >= UInt8(ascii: "a") && klein <= UInt8(ascii: "z")
            if scheidingen == 0 {
                guard cijfer, lengte <= 8 else { return false }
            } else {
                guard cijfer || letter, lengte <= 10 else { return false }
            }
        }
        return scheidingen > 0 && lengte > 0
    }
}
