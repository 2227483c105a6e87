import Foundation

extension DossierCommand {
    /// Reads a command from a raw JSON request body and the path parameters, reporting every field
    /// problem at once: missing, wrong type, empty text, unknown enum value, invalid date, unknown
    /// extra field, and the checks of `invoerproblemen`.
    ///
    /// - Parameters:
    ///   - kind: which command the route stands for.
    ///   - body: the decoded body.
    ///   - pad: path parameters: `ronde` for reacties and sluiting; optionally `id` (a UUID) for
    ///     `openen`, otherwise a fresh UUID is drawn.
    public static func parse(_ kind: DossierCommandKind, body: JSONValue, pad: [String: String] = [:]) -> Result<DossierCommand, InvalidInput> {
        var lezer = FieldReader(body)
        guard lezer.isObject else { return .failure(InvalidInput(problems: lezer.problemen)) }
        var padProblemen: [FieldProblem] = []
        func ronde() -> Int? {
            guard let tekst = pad["ronde"], let nummer = Int(tekst), nummer >= 1 else {
                padProblemen.append(FieldProblem(name: "ronde", reason: "moet een rondenummer zijn (1 of hoger)"))
                return nil
            }
            return nummer
        }
        let command: DossierCommand?
        switch kind {
        case .openen:
            var id = UUID.willekeurig()
            if let tekst = pad["id"] {
                if let gegeven = UUID(uuidString: tekst) { id = gegeven } else {
                    padProblemen.append(FieldProblem(name: "id", reason: "is geen UUID"))
                }
            }
            let titel = lezer.tekst("titel")
            let omschrijving = lezer.tekst("omschrijving")
            let vakdepartement = lezer.tekst("vakdepartement")
            let soort = lezer.keuze("soort", Soort.self)
            let nieuweTaak = lezer.boolean("nieuweTaak")
            let aanleiding = lezer.keuze("aanleiding", Aanleiding.self, verplicht: nieuweTaak == false)
            let grondslag = lezer.tekst("wettelijkeGrondslag", verplicht: false)
            if let titel, let omschrijving, let vakdepartement, let soort, let nieuweTaak {
                command = .openen(id: id, voorstel: Voorstel(
                    titel: titel, omschrijving: omschrijving, vakdepartement: vakdepartement, soort: soort,
                    nieuweTaak: nieuweTaak, aanleiding: aanleiding, wettelijkeGrondslag: grondslag
                ))
            } else { command = nil }
        case .wijzigVoorstel:
            // A JSON Merge Patch (RFC 7396): `null` removes a field, which only the optional ones allow.
            var verwijderd: [String] = []
            if case .object(let velden) = body {
                for (naam, waarde) in velden where waarde == .null {
                    if VoorstelWijziging.verwijderbareVelden.contains(naam) {
                        verwijderd.append(naam)
                    } else if VoorstelWijziging.velden.contains(naam) {
                        padProblemen.append(FieldProblem(name: naam, reason: "kan niet worden verwijderd (null); geef een nieuwe waarde"))
                    }
                }
            }
            command = .wijzigVoorstel(VoorstelWijziging(
                verwijderd: verwijderd.isEmpty ? nil : verwijderd.sorted(),
                titel: lezer.tekst("titel", verplicht: false),
                omschrijving: lezer.tekst("omschrijving", verplicht: false),
                vakdepartement: lezer.tekst("vakdepartement", verplicht: false),
                soort: lezer.keuze("soort", Soort.self, verplicht: false),
                nieuweTaak: lezer.boolean("nieuweTaak", verplicht: false),
                aanleiding: lezer.keuze("aanleiding", Aanleiding.self, verplicht: false),
                wettelijkeGrondslag: lezer.tekst("wettelijkeGrondslag", verplicht: false)
            ))
        case .openConsultatie:
            let koepels = lezer.lijst("koepels", Koepel.self)
            let termijn = lezer.datum("termijn")
            if let koepels, let termijn { command = .openConsultatie(koepels: koepels, termijn: termijn) } else { command = nil }
        case .dienReactieIn:
            let nummer = ronde()
            let koepel = lezer.keuze("koepel", Koepel.self, verplicht: false)
            let standpunt = lezer.keuze("standpunt", Standpunt.self)
            let toelichting = lezer.tekst("toelichting")
            let kenmerk = lezer.tekst("kenmerk", verplicht: false)
            if let nummer, let standpunt, let toelichting {
                command = .dienReactieIn(ronde: nummer, koepel: koepel, standpunt: standpunt, toelichting: toelichting, kenmerk: kenmerk)
            } else { command = nil }
        case .sluitConsultatie:
            let nummer = ronde()
            command = nummer.map { .sluitConsultatie(ronde: $0) }
        case .legToetsingVast:
            var kenmerken: Taakkenmerken?
            if let waarde = lezer.waarde("taakkenmerken", verplicht: true) {
                switch Taakkenmerken.parse(waarde) {
                case .success(let gelezen): kenmerken = gelezen
                case .failure(let fout): fout.problems.forEach { lezer.meldVolledig($0) }
                }
            }
            let toelichting = lezer.tekst("toelichting", verplicht: false)
            command = kenmerken.map { .legToetsingVast(taakkenmerken: $0, toelichting: toelichting) }
        case .legFinancieleGevolgenVast:
            let structureel = lezer.geheelGetal("structureleKosten")
            let incidenteel = lezer.geheelGetal("incidenteleKosten")
            let dekking = lezer.tekst("dekking")
            let toelichting = lezer.tekst("toelichting")
            if let structureel, let incidenteel, let dekking, let toelichting {
                command = .legFinancieleGevolgenVast(structureleKosten: structureel, incidenteleKosten: incidenteel, dekking: dekking, toelichting: toelichting)
            } else { command = nil }
        case .vraagUdoAan:
            let toelichting = lezer.tekst("toelichting")
            let termijn = lezer.datum("termijn", verplicht: false)
            command = toelichting.map { .vraagUdoAan(toelichting: $0, termijn: termijn) }
        case .legUdoUitkomstVast:
            let uitkomst = lezer.keuze("uitkomst", UdoUitkomst.self)
            let samenvatting = lezer.tekst("samenvatting")
            let vindplaats = lezer.tekst("vindplaats", verplicht: false)
            if let uitkomst, let samenvatting {
                command = .legUdoUitkomstVast(uitkomst: uitkomst, samenvatting: samenvatting, vindplaats: vindplaats)
            } else { command = nil }
        case .legBesluitVast:
            let laag = lezer.keuze("bestuurslaag", Bestuurslaag.self)
            let motivering = lezer.tekst("motivering")
            if let laag, let motivering { command = .legBesluitVast(bestuurslaag: laag, motivering: motivering) } else { command = nil }
        case .koppelKamerstuk:
            let nummer = lezer.tekst("nummer")
            let titel = lezer.tekst("titel")
            let datum = lezer.datum("datum")
            if let nummer, let titel, let datum { command = .koppelKamerstuk(nummer: nummer, titel: titel, datum: datum) } else { command = nil }
        case .trekIn:
            command = lezer.tekst("reden").map { .trekIn(reden: $0) }
        case .heropen:
            let aanleiding = lezer.keuze("aanleiding", Aanleiding.self)
            let toelichting = lezer.tekst("toelichting")
            if let aanleiding, let toelichting { command = .heropen(aanleiding: aanleiding, toelichting: toelichting) } else { command = nil }
        case .legArchiveringVast:
            // The category's code is looked up in the configured selectielijst by the application.
            padProblemen.append(FieldProblem(name: "selectielijstcategorie", reason: "wordt opgezocht in de selectielijst"))
            command = nil
        case .draagOver:
            command = lezer.tekst("ontvangstbevestiging").map { .draagOver(ontvangstbevestiging: $0) }
        case .voegDocumentToe:
            // A document is read from a multipart upload with its bytes, never from a JSON body.
            padProblemen.append(FieldProblem(name: "body", reason: "een document wordt toegevoegd als multipart/form-data met de delen metadata en inhoud"))
            command = nil
        }
        lezer.sluitAf()
        var problemen = padProblemen + lezer.problemen
        if let command {
            for probleem in command.invoerproblemen where !problemen.contains(where: { $0.name == probleem.name }) {
                problemen.append(probleem)
            }
        }
        if let command, problemen.isEmpty { return .success(command) }
        return .failure(InvalidInput(problems: problemen))
    }
}
