import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Taaktoedeling

extension WebPages {
    static let paginaGrootte = 25
    static let iedereen: Set<Rol> = [.coordinator, .koepel, .liaison]

    func addDossierRoutes(to router: WebRouter) {
        router.get("/dossiers", use: dossiers)
        router.get("/dossiers/nieuw", use: nieuwPagina)
        router.post("/dossiers/nieuw", use: openen)
        router.get("/dossiers/:id", use: dossierPagina)
        router.get("/dossiers/:id/tijdlijn", use: tijdlijn)
        router.get("/dossiers/:id/consultaties/:ronde/ontvangstbewijs", use: ontvangstbewijs)
        router.post("/dossiers/:id/documenten", use: documentToevoegen)
        router.get("/dossiers/:id/documenten/:documentId/inhoud", use: documentInhoud)
        router.post("/dossiers/:id/archivering", use: archiveren)
        for kind in DossierCommandKind.allCases where ![.openen, .voegDocumentToe, .legArchiveringVast].contains(kind) {
            let pad = DossierForms.pad(kind, ronde: nil).replacingOccurrences(of: "/0/", with: "/:ronde/")
            router.post("/dossiers/:id/" + pad) { request, context in try await voerUit(kind, request, context) }
        }
    }

    // MARK: The list

    @Sendable func dossiers(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis(Self.iedereen, request, context)
        let parameters = request.uri.queryParameters
        let fase = parameters.get("fase").flatMap { Fase(rawValue: String($0)) }
        let vakdepartement = parameters.get("vakdepartement").map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let tekst = parameters.get("tekst").map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let pagina = Self.paginanummer(request)
        let query = DossierQuery(fase: fase, vakdepartement: vakdepartement, tekst: tekst, page: pagina, pageSize: Self.paginaGrootte)
        let page = try await service.zichtbareDossiers(query, voor: gebruiker.actor)
        let rijen = page.items.map { dossier in
            DossiersPage.Rij(
                href: "/dossiers/\(dossier.id.uuidString.lowercased())", kenmerk: dossier.kenmerk.description, titel: dossier.titel,
                vakdepartement: dossier.vakdepartement, fase: Formatting.fase(dossier.fase), bijgewerkt: Formatting.moment(dossier.bijgewerktOp)
            )
        }
        let filters: [(String, String)] = [("fase", fase?.rawValue ?? ""), ("vakdepartement", vakdepartement ?? ""), ("tekst", tekst ?? "")]
        var model = DossiersPage(
            kop: gebruiker.koepel.map { "Dossiers van \($0.rawValue)" } ?? "Dossiers",
            rijen: rijen, magOpenen: DossierCommandKind.openen.rollen.contains(gebruiker.rol),
            bijschrift: "\(page.total) \(page.total == 1 ? "dossier" : "dossiers")" + (fase.map { ", fase \(Formatting.fase($0).lowercased())" } ?? ""),
            filter: .init(
                tekst: tekst ?? "", vakdepartement: vakdepartement ?? "",
                fases: [.init(waarde: "", label: "Alle fases", gekozen: fase == nil)]
                    + Fase.allCases.map { .init(waarde: $0.rawValue, label: Formatting.fase($0), gekozen: $0 == fase) }
            )
        )
        model.paginering = Self.paginering(pagina: pagina, totaal: page.total, grootte: Self.paginaGrootte, href: { nummer in
            "/dossiers" + Self.query(filters + [("pagina", String(nummer))])
        })
        if gebruiker.rol == .coordinator {
            let vandaag = vandaag
            let punten: [DossiersPage.Aandachtspunt] = try await service.aandachtspunten(vandaag: vandaag).map { dossier in
                var redenen: [String] = []
                if let ronde = dossier.openConsultatie, ronde.termijn < vandaag {
                    let ontbreekt = ronde.koepels.filter { ronde.reactie(van: $0) == nil }.map(\.rawValue)
                    redenen.append("de termijn van ronde \(ronde.ronde) is verstreken (\(Formatting.datum(ronde.termijn)))"
                        + (ontbreekt.isEmpty ? "; sluit de ronde" : "; nog geen reactie van " + ontbreekt.joined(separator: ", ")))
                }
                if dossier.fase == .udo, let udo = dossier.udo {
                    redenen.append("de UDO is aangevraagd op \(Formatting.moment(udo.aangevraagdOp))" + (udo.termijn.map { " met termijn \(Formatting.datum($0))" } ?? ""))
                }
                return .init(
                    href: "/dossiers/\(dossier.id.uuidString.lowercased())", kenmerk: dossier.kenmerk.description, titel: dossier.titel,
                    reden: redenen.joined(separator: "; "))
            }
            if !punten.isEmpty { model.aandacht = .init(punten: punten) }
            let acties: [DossiersPage.Archiefactie] = try await service.archiefacties(vandaag: vandaag).map { dossier, archief in
                .init(
                    href: "/dossiers/\(dossier.id.uuidString.lowercased())", kenmerk: dossier.kenmerk.description, titel: dossier.titel,
                    actie: archief.archiefnominatie == .vernietigen ? "vernietigen" : "overdragen aan het e-Depot",
                    datum: archief.archiefactiedatum.map(Formatting.datum) ?? ""
                )
            }
            if !acties.isEmpty { model.archiefacties = .init(dossiers: acties) }
        }
        return weergave.pagina("dossiers", titel: "Dossiers", model: model, context: context, actief: "/dossiers")
    }

    // MARK: Opening

    @Sendable func nieuwPagina(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try vereis(DossierCommandKind.openen.rollen, request, context)
        return weergave.pagina(
            "dossier-nieuw", titel: "Nieuw dossier", model: FormPage(formulier: DossierForms.nieuw.model(csrf: csrf(context))), context: context,
            actief: "/dossiers/nieuw"
        )
    }

    @Sendable func openen(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis(DossierCommandKind.openen.rollen, request, context)
        let formulier = DossierForms.nieuw
        func opnieuw(_ problemen: [FieldProblem], melding: String? = nil, status: HTTPResponse.Status) -> Response {
            weergave.pagina(
                "dossier-nieuw", titel: "Nieuw dossier – fout",
                model: FormPage(formulier: formulier.model(csrf: csrf(context), waarden: context.formulier, problemen: problemen, melding: melding)),
                context: context, status: status, actief: "/dossiers/nieuw"
            )
        }
        switch DossierCommand.parse(.openen, body: formulier.json(context.formulier)) {
        case .failure(let invoer):
            return opnieuw(invoer.problems, status: .badRequest)
        case .success(let command):
            do {
                let outcome = try await service.open(command, context: CommandContext(actor: gebruiker.actor, correlationID: context.requestID))
                return PageRenderer.verder("/dossiers/\(outcome.dossier.id.uuidString.lowercased())?vastgelegd=openen")
            } catch DomainError.ongeldigeInvoer(let invoer) {
                return opnieuw(invoer.problems, status: .badRequest)
            } catch DomainError.nietToegestaan(let reden) {
                return opnieuw([], melding: reden, status: .forbidden)
            } catch DomainError.conflict(let reden) {
                return opnieuw([], melding: reden, status: .conflict)
            }
        }
    }

    // MARK: One dossier

    /// What a refused form had: its command, the values typed, the problems and a message.
    struct Ingevuld {
        var kind: DossierCommandKind
        var waarden: FormValues
        var problemen: [FieldProblem]
        var melding: String?
    }

    @Sendable func dossierPagina(_ request: Request, context: WebRequestContext) async throws -> Response {
        let melding = request.uri.queryParameters.get("vastgelegd").flatMap { DossierCommandKind(rawValue: String($0)) }.map(Self.vastgelegd)
        return try await dossierResponse(try dossierID(context), request, context, melding: melding)
    }

    static func vastgelegd(_ kind: DossierCommandKind) -> String {
        switch kind {
        case .openen: "Het dossier is geopend."
        case .wijzigVoorstel: "De wijziging van het voorstel is vastgelegd."
        case .openConsultatie: "De consultatieronde is geopend. De uitgenodigde koepels zien het dossier nu."
        case .dienReactieIn: "De reactie is geregistreerd."
        case .sluitConsultatie: "De consultatieronde is gesloten."
        case .legToetsingVast: "De toetsing aan het afwegingskader is vastgelegd. Het advies staat hieronder."
        case .legFinancieleGevolgenVast: "De financiële gevolgen zijn vastgelegd."
        case .vraagUdoAan: "De UDO is aangevraagd."
        case .legUdoUitkomstVast: "De uitkomst van de UDO is vastgelegd."
        case .legBesluitVast: "Het besluit is vastgelegd."
        case .koppelKamerstuk: "Het Kamerstuk is gekoppeld."
        case .trekIn: "Het dossier is ingetrokken."
        case .heropen: "Het dossier is heropend."
        case .voegDocumentToe: "Het document is toegevoegd."
        case .legArchiveringVast: "De archivering is vastgelegd."
        case .draagOver: "De overdracht aan het e-Depot is vastgelegd. Het dossier kan niet meer worden gewijzigd."
        }
    }

    func dossierResponse(
        _ id: UUID, _ request: Request, _ context: WebRequestContext, status: HTTPResponse.Status = .ok, melding: String? = nil,
        ingevuld: Ingevuld? = nil, conflict: String? = nil
    ) async throws -> Response {
        let gebruiker = try vereis(Self.iedereen, request, context)
        let actor = gebruiker.actor
        guard let volledig = try await service.dossier(id), let dossier = volledig.zichtbaar(voor: actor) else { throw WebError.nietGevonden }
        let basis = "/dossiers/\(id.uuidString.lowercased())"
        let toegestaan = Beslissing.toegestaneCommandos(op: volledig, voor: actor, at: afhankelijkheden.nu())
        let acties: [FormModel] = toegestaan.compactMap { kind in
            guard let formulier = DossierForms.formulier(kind, dossier: volledig, voor: actor, basis: basis) else { return nil }
            let eigen = ingevuld?.kind == kind ? ingevuld : nil
            return formulier.model(
                csrf: csrf(context), waarden: eigen?.waarden, begin: DossierForms.begin(kind, dossier: volledig),
                problemen: eigen?.problemen ?? [], melding: eigen?.melding, versie: dossier.versie
            )
        }
        var conflictTekst = conflict
        if let ingevuld, ![.voegDocumentToe, .legArchiveringVast].contains(ingevuld.kind), !toegestaan.contains(ingevuld.kind) {
            // The form is no longer offered (someone else was quicker): say so, and keep what was typed.
            let getypt = ingevuld.waarden.velden.filter { $0.naam != "csrf" && $0.naam != "versie" && !$0.waarde.isEmpty }
                .map { "\($0.naam): \($0.waarde)" }.joined(separator: "; ")
            conflictTekst = (ingevuld.melding ?? conflict ?? "Dit kan in de huidige fase niet meer.") + (getypt.isEmpty ? "" : " Wat u had ingevuld: " + getypt)
        }
        var model = dossierModel(dossier, voor: gebruiker)
        model.acties = acties
        model.archief = Self.archiefModel(dossier, selectielijst: service.selectielijst)
        if let vernietiging = volledig.vernietiging {
            model.vernietigd = "Dit dossier is vernietigd op \(Formatting.moment(vernietiging.vernietigdOp)). Bewaard zijn alleen het kenmerk, de titel, de selectielijstcategorie en de datums; teksten lezen [vernietigd] en de documenten bestaan niet meer."
        }
        if let verzegeld = try await service.zegelaar.laatsteMoment(), verzegeld >= volledig.geopendOp {
            model.verzegeld = "De geschiedenis van dit dossier is laatst verzegeld op \(Formatting.moment(verzegeld))"
                + (volledig.bijgewerktOp > verzegeld ? "; wat daarna is vastgelegd, komt in het volgende zegel." : ".")
        } else {
            model.verzegeld = "De geschiedenis van dit dossier is nog niet verzegeld."
        }
        if Beslissing.magArchiveren(op: volledig, voor: actor), let selectielijst = service.selectielijst {
            let eigen = ingevuld?.kind == .legArchiveringVast ? ingevuld : nil
            let gekozen = volledig.archiefcategorie?.categorie.code ?? selectielijst.standaard(voor: volledig)?.code
            let (formulier, begin) = DossierForms.archivering(basis: basis, selectielijst: selectielijst, gekozen: gekozen)
            model.archiveringFormulier = formulier.model(
                csrf: csrf(context), waarden: eigen?.waarden, begin: begin, problemen: eigen?.problemen ?? [], melding: eigen?.melding,
                versie: dossier.versie
            )
        }
        let documenten = volledig.vernietiging == nil ? volledig.documenten(voor: actor) : []
        model.documenten = documenten.map { Self.documentModel($0, basis: basis) }
        model.heeftDocumenten = !documenten.isEmpty
        if Beslissing.magDocumentToevoegen(op: volledig, voor: actor) {
            let eigen = ingevuld?.kind == .voegDocumentToe ? ingevuld : nil
            model.documentFormulier = DossierForms.document(basis: basis, documenten: documenten).model(
                csrf: csrf(context), waarden: eigen?.waarden, problemen: eigen?.problemen ?? [], melding: eigen?.melding, versie: dossier.versie
            )
        }
        model.terug = gebruiker.rol == .koepel ? "/consultaties" : "/dossiers"
        model.terugTekst = gebruiker.rol == .koepel ? "Terug naar uw consultaties" : "Terug naar alle dossiers"
        model.tijdlijnHref = basis + "/tijdlijn"
        model.conflict = conflictTekst
        return weergave.pagina(
            "dossier", titel: (status == .ok ? "" : "Fout – ") + "\(dossier.kenmerk) \(dossier.titel)", model: model, context: context,
            status: status, melding: melding, actief: "/dossiers"
        )
    }

    /// The dossier as the page shows it (already the actor's view).
    func dossierModel(_ dossier: Dossier, voor gebruiker: Gebruiker) -> DossierPage {
        let vandaag = vandaag
        var gegevens: [TermWaarde] = [
            .init("Vakdepartement", dossier.vakdepartement),
            .init("Soort", Formatting.soort(dossier.soort)),
            .init("Nieuwe taak", dossier.nieuweTaak ? "Ja" : "Nee, een bestaande taak"),
        ]
        if let aanleiding = dossier.aanleiding { gegevens.append(.init("Aanleiding", Formatting.hoofdletter(aanleiding.weergave))) }
        if let grondslag = dossier.wettelijkeGrondslag { gegevens.append(.init("Wettelijke grondslag", grondslag)) }
        gegevens.append(.init("Geopend", Formatting.moment(dossier.geopendOp)))
        let consultaties: [DossierPage.Ronde] = dossier.consultaties.reversed().map { ronde in
            DossierPage.Ronde(
                ronde: ronde.ronde, status: ronde.status == .open ? "open" : "gesloten",
                koepels: ronde.koepels.map(\.rawValue).joined(separator: ", "), termijn: Formatting.datum(ronde.termijn),
                reacties: ronde.reacties.map { reactie in
                    DossierPage.Reactie(
                        koepel: reactie.koepel.rawValue, standpunt: Formatting.hoofdletter(reactie.standpunt.weergave), teLaat: reactie.teLaat,
                        ingediend: Formatting.moment(reactie.ingediendOp), toelichting: reactie.toelichting, reactieKenmerk: reactie.kenmerk,
                        door: reactie.geregistreerdDoor != reactie.koepel.rawValue ? reactie.geregistreerdDoor : nil
                    )
                },
                dagen: ronde.status == .open ? Formatting.dagenTot(ronde.termijn, vandaag: vandaag) : nil,
                verborgen: ronde.status == .open && gebruiker.rol == .koepel ? "De reacties van de andere koepels ziet u zodra de ronde is gesloten." : nil
            )
        }
        var model = DossierPage(
            kenmerk: dossier.kenmerk.description, titel: dossier.titel, fase: Formatting.fase(dossier.fase), versie: dossier.versie,
            bijgewerkt: Formatting.moment(dossier.bijgewerktOp), omschrijving: dossier.omschrijving, gegevens: gegevens,
            consultaties: consultaties,
            kamerstukken: dossier.kamerstukken.map { .init(nummer: $0.nummer, titel: $0.titel, datum: Formatting.datum($0.datum)) },
            heeftKamerstukken: !dossier.kamerstukken.isEmpty,
            heropeningen: dossier.heropeningen.map { "\(Formatting.moment($0.heropendOp)): \(Formatting.hoofdletter($0.aanleiding.weergave)). \($0.toelichting)" },
            heeftHeropeningen: !dossier.heropeningen.isEmpty
        )
        if let toetsing = dossier.toetsing {
            let k = toetsing.taakkenmerken
            var kenmerken: [TermWaarde] = [
                .init("Schaal", Formatting.hoofdletter(k.schaal.rawValue)),
                .init("Beleidsvrijheid", Formatting.hoofdletter(k.beleidsvrijheid.rawValue)),
                .init("Samenwerking", DossierForms.samenwerkingen.first { $0.waarde == k.samenwerking.rawValue }?.label ?? k.samenwerking.rawValue),
                .init("Sturing door het vakdepartement", k.sturingVakdepartement ? "Ja" : "Nee"),
                .init("Waterbeheer", k.waterbeheer ? "Ja" : "Nee"),
                .init("Specifiek beleidsterrein", k.specifiekBeleidsterrein ? "Ja" : "Nee"),
            ]
            if let congruent = k.congruenteRegioIndeling { kenmerken.append(.init("Congruente regio-indeling", congruent ? "Ja" : "Nee")) }
            model.toetsing = .init(
                advies: Formatting.hoofdletter(toetsing.advies.bestuurslaag.weergave), udoVereist: toetsing.advies.udoVereist, kenmerken: kenmerken,
                regels: toetsing.advies.regels.map { .init(id: $0.id, citaat: $0.citaat, toelichting: $0.toelichting) },
                waarschuwingen: toetsing.advies.waarschuwingen,
                alternatieven: toetsing.advies.alternatieven.isEmpty ? nil : toetsing.advies.alternatieven.map(\.weergave).joined(separator: ", "),
                toelichting: toetsing.toelichting
            )
        }
        if let financieel = dossier.financieleGevolgen {
            model.financieel = .init(
                structureel: Tijdlijn.bedrag(financieel.structureleKosten), incidenteel: Tijdlijn.bedrag(financieel.incidenteleKosten),
                dekking: financieel.dekking, toelichting: financieel.toelichting
            )
        }
        if let udo = dossier.udo {
            model.udo = .init(
                status: udo.status == .aangevraagd ? "Aangevraagd" : "Afgerond", aangevraagd: Formatting.moment(udo.aangevraagdOp), toelichting: udo.toelichting,
                termijn: udo.termijn.map(Formatting.datum), uitkomst: udo.uitkomst.map { Formatting.hoofdletter($0.weergave) }, samenvatting: udo.samenvatting,
                vindplaats: udo.vindplaats
            )
        }
        if let besluit = dossier.besluit {
            model.besluit = .init(
                bestuurslaag: Formatting.hoofdletter(besluit.bestuurslaag.weergave), motivering: besluit.motivering,
                afwijking: besluit.afwijkingVanAdvies, geadviseerd: besluit.geadviseerdeBestuurslaag.weergave
            )
        }
        if let intrekking = dossier.intrekking {
            model.intrekking = "Ingetrokken op \(Formatting.moment(intrekking.ingetrokkenOp)): \(intrekking.reden)"
        }
        return model
    }

    // MARK: Commands

    func voerUit(_ kind: DossierCommandKind, _ request: Request, _ context: WebRequestContext) async throws -> Response {
        if kind == .dienReactieIn, Self.isMultipart(request) {
            return try await reactieMetBrief(request, context)
        }
        return try await voerUit(kind, waarden: context.formulier, request, context)
    }

    func voerUit(_ kind: DossierCommandKind, waarden: FormValues, _ request: Request, _ context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis(Self.iedereen, request, context)
        let id = try dossierID(context)
        guard kind.rollen.contains(gebruiker.rol) else { throw WebError.geenToegang }
        let actor = gebruiker.actor
        guard let volledig = try await service.dossier(id), volledig.zichtbaar(voor: actor) != nil else { throw WebError.nietGevonden }
        guard let formulier = DossierForms.formulier(kind, dossier: volledig, voor: actor, basis: "/dossiers/\(id.uuidString.lowercased())") else {
            throw WebError.nietGevonden
        }
        var pad: [String: String] = [:]
        if let ronde = context.parameters.get("ronde") { pad["ronde"] = ronde }
        func geweigerd(_ problemen: [FieldProblem], melding: String? = nil, status: HTTPResponse.Status) async throws -> Response {
            try await dossierResponse(id, request, context, status: status, ingevuld: Ingevuld(kind: kind, waarden: waarden, problemen: problemen, melding: melding))
        }
        switch DossierCommand.parse(kind, body: formulier.json(waarden), pad: pad) {
        case .failure(let invoer):
            return try await geweigerd(Self.metAfwijking(invoer.problems, kind: kind, waarden: waarden, dossier: volledig), status: .badRequest)
        case .success(let command):
            let versie = waarden["versie"].flatMap { Int64($0) }
            do {
                let outcome = try await service.execute(
                    command, on: id, context: CommandContext(actor: actor, correlationID: context.requestID, expectedVersion: versie)
                )
                if kind == .dienReactieIn, case .dienReactieIn(let ronde, let koepel, _, _, _) = command {
                    let wie = koepel ?? gebruiker.koepel
                    return PageRenderer.verder(
                        "/dossiers/\(id.uuidString.lowercased())/consultaties/\(ronde)/ontvangstbewijs" + Self.query([("koepel", wie?.rawValue ?? "")])
                    )
                }
                _ = outcome
                return PageRenderer.verder("/dossiers/\(id.uuidString.lowercased())?vastgelegd=\(kind.rawValue)")
            } catch ServiceError.staleVersion {
                return try await dossierResponse(
                    id, request, context, status: .conflict,
                    ingevuld: Ingevuld(kind: kind, waarden: waarden, problemen: [], melding: nil),
                    conflict: "Iemand anders heeft dit dossier gewijzigd terwijl u het formulier invulde. Hieronder staat de nieuwe stand; wat u typte staat nog in het formulier. Controleer het en verstuur opnieuw."
                )
            } catch DomainError.ongeldigeInvoer(let invoer) {
                return try await geweigerd(invoer.problems, status: .badRequest)
            } catch DomainError.nietToegestaan(let reden) {
                return try await geweigerd([], melding: reden, status: .forbidden)
            } catch DomainError.conflict(let reden) {
                return try await geweigerd([], melding: reden, status: .conflict)
            } catch DomainError.nietGevonden {
                throw WebError.nietGevonden
            }
        }
    }

    /// A decision that deviates from the advice without its motivering: the problem says so.
    static func metAfwijking(_ problemen: [FieldProblem], kind: DossierCommandKind, waarden: FormValues, dossier: Dossier) -> [FieldProblem] {
        guard kind == .legBesluitVast, let advies = dossier.toetsing?.advies.bestuurslaag, let gekozen = waarden.tekst("bestuurslaag"),
            gekozen != advies.rawValue
        else { return problemen }
        return problemen.map { probleem in
            guard probleem.name == "motivering" else { return probleem }
            return FieldProblem(name: "motivering", reason: "uw keuze wijkt af van het advies (\(advies.weergave)); motiveer waarom")
        }
    }

    // MARK: Timeline and receipt

    @Sendable func tijdlijn(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis(Self.iedereen, request, context)
        let id = try dossierID(context)
        guard let dossier = try await service.dossier(id)?.zichtbaar(voor: gebruiker.actor),
            let regels = try await service.tijdlijn(id, voor: gebruiker.actor)
        else { throw WebError.nietGevonden }
        let pagina = Self.paginanummer(request)
        let grootte = 50
        let stuk = regels.dropFirst((pagina - 1) * grootte).prefix(grootte)
        let model = TijdlijnPage(
            kenmerk: dossier.kenmerk.description, titel: dossier.titel, dossierHref: "/dossiers/\(id.uuidString.lowercased())",
            regels: stuk.map { .init(moment: Formatting.moment($0.geregistreerdOp), door: $0.door, omschrijving: $0.omschrijving) },
            paginering: Self.paginering(pagina: pagina, totaal: regels.count, grootte: grootte, href: { "?pagina=\($0)" })
        )
        return weergave.pagina("tijdlijn", titel: "Tijdlijn van \(dossier.kenmerk)", model: model, context: context, actief: "/dossiers")
    }

    @Sendable func ontvangstbewijs(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis(DossierCommandKind.dienReactieIn.rollen, request, context)
        let id = try dossierID(context)
        guard let nummer = context.parameters.get("ronde").flatMap({ Int($0) }),
            let dossier = try await service.dossier(id)?.zichtbaar(voor: gebruiker.actor),
            let ronde = dossier.consultaties.first(where: { $0.ronde == nummer })
        else { throw WebError.nietGevonden }
        let koepel = gebruiker.koepel ?? request.uri.queryParameters.get("koepel").flatMap { Koepel(rawValue: String($0)) }
        guard let koepel, let reactie = ronde.reactie(van: koepel) else { throw WebError.nietGevonden }
        let model = OntvangstbewijsPage(
            referentie: "\(dossier.kenmerk)-R\(ronde.ronde)-\(koepel.rawValue)", kenmerk: dossier.kenmerk.description, titel: dossier.titel,
            ronde: ronde.ronde, koepel: Formatting.koepelNaam(koepel), standpunt: Formatting.hoofdletter(reactie.standpunt.weergave),
            ontvangen: Formatting.moment(reactie.ingediendOp), teLaat: reactie.teLaat, door: reactie.geregistreerdDoor,
            dossierHref: "/dossiers/\(id.uuidString.lowercased())"
        )
        return weergave.pagina("ontvangstbewijs", titel: "Reactie ontvangen", model: model, context: context)
    }
}
