import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Rapportage
import Taaktoedeling

/// Vernietigingslijsten in the browser (coordinators): the dossiers that may be destroyed today
/// with a form to propose a list, every list with its state, and per list the forms to approve or
/// refuse it (for another coordinator than its proposer) and the kept verklaring van vernietiging.
extension WebPages {
    func addVernietigingRoutes(to router: WebRouter) {
        router.get("/vernietigingslijsten", use: vernietigingslijsten)
        router.post("/vernietigingslijsten", use: stelLijstVoor)
        router.get("/vernietigingslijsten/:id", use: vernietigingslijst)
        router.post("/vernietigingslijsten/:id/goedkeuring", use: keurLijstGoed)
        router.post("/vernietigingslijsten/:id/afwijzing", use: wijsLijstAf)
        router.get("/vernietigingslijsten/:id/verklaring", use: verklaring)
    }

    func voorstelFormulier(_ kandidaten: [Dossier]) -> Form {
        Form(
            id: "vernietigingslijst", titel: "Vernietigingslijst voorstellen",
            uitleg: "Kies de dossiers die vernietigd mogen worden. Een andere coördinator keurt de lijst goed of wijst haar af; pas na goedkeuring wordt vernietigd.",
            actie: "/vernietigingslijsten", knop: "Lijst voorstellen",
            velden: [Form.Veld(
                naam: "dossiers", label: "Dossiers",
                soort: .vinkjes(kandidaten.map { dossier in
                    Form.Keuze(
                        waarde: dossier.id.uuidString.lowercased(),
                        label: "\(dossier.kenmerk) \(dossier.titel) (archiefactiedatum \(dossier.archiefgegevens?.archiefactiedatum.map(Formatting.datum) ?? "–"))"
                    )
                })
            )]
        )
    }

    static let afwijsFormulier = Form(
        id: "afwijzing", titel: "Lijst afwijzen", uitleg: "Er wordt niets vernietigd.", actie: "", knop: "Lijst afwijzen",
        velden: [Form.Veld(naam: "reden", label: "Reden", soort: .tekstvak)]
    )

    static let goedkeurFormulier = Form(
        id: "goedkeuring", titel: "Lijst goedkeuren",
        uitleg: "Na goedkeuring worden de dossiers op deze lijst vernietigd: hun teksten worden onleesbaar, hun documenten verwijderd. Dat kan niet ongedaan worden gemaakt.",
        actie: "", knop: "Goedkeuren en vernietigen", velden: [], gevaar: true
    )

    static func statusTekst(_ status: Vernietigingslijst.Status) -> String {
        switch status {
        case .voorgesteld: "Wacht op beoordeling"
        case .goedgekeurd: "Goedgekeurd, vernietigd"
        case .afgewezen: "Afgewezen"
        }
    }

    @Sendable func vernietigingslijsten(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator], request, context)
        return try await overzicht(gebruiker, context: context)
    }

    private func overzicht(
        _ gebruiker: Gebruiker, context: WebRequestContext, status: HTTPResponse.Status = .ok, waarden: FormValues? = nil,
        problemen: [FieldProblem] = [], melding: String? = nil
    ) async throws -> Response {
        let kandidaten = try await service.vernietigbareDossiers(vandaag: vandaag)
        let lijsten = try await service.vernietigingslijsten()
        var model = VernietigingslijstenPage(
            heeftLijsten: !lijsten.isEmpty,
            lijsten: lijsten.map { lijst in
                .init(
                    href: "/vernietigingslijsten/\(lijst.id.uuidString.lowercased())", lijstNummer: String(lijst.id.uuidString.lowercased().prefix(8)),
                    statusTekst: Self.statusTekst(lijst.status), aantal: lijst.dossiers.count, voorsteller: lijst.voorstellerNaam,
                    voorgesteldOp: Formatting.moment(lijst.voorgesteldOp)
                )
            }
        )
        if !kandidaten.isEmpty {
            model.voorstel = voorstelFormulier(kandidaten).model(csrf: csrf(context), waarden: waarden, problemen: problemen, melding: melding)
        }
        return weergave.pagina("vernietigingslijsten", titel: "Vernietigingslijsten", model: model, context: context, status: status)
    }

    @Sendable func stelLijstVoor(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator], request, context)
        let waarden = context.formulier
        let ids = waarden.alle("dossiers").compactMap(UUID.init(uuidString:))
        guard !ids.isEmpty else {
            return try await overzicht(gebruiker, context: context, status: .badRequest, waarden: waarden,
                                       problemen: [FieldProblem(name: "dossiers", reason: "kies ten minste één dossier")])
        }
        do {
            let lijst = try await service.stelVernietigingslijstVoor(dossiers: ids, door: gebruiker.actor, vandaag: vandaag)
            return PageRenderer.verder("/vernietigingslijsten/\(lijst.id.uuidString.lowercased())?vastgelegd=voorgesteld")
        } catch let fout as VernietigingError {
            return try await overzicht(gebruiker, context: context, status: .conflict, waarden: waarden, melding: fout.description)
        } catch DomainError.conflict(let reden) {
            return try await overzicht(gebruiker, context: context, status: .conflict, waarden: waarden, melding: reden)
        } catch DomainError.nietGevonden {
            return try await overzicht(gebruiker, context: context, status: .conflict, waarden: waarden, melding: "Een gekozen dossier bestaat niet meer.")
        }
    }

    private func lijstID(_ context: WebRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WebError.nietGevonden }
        return id
    }

    @Sendable func vernietigingslijst(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator], request, context)
        var melding: String?
        switch request.uri.queryParameters.get("vastgelegd") {
        case "voorgesteld"?: melding = "De vernietigingslijst is voorgesteld. Een andere coördinator keurt haar goed of wijst haar af."
        case "goedgekeurd"?: melding = "De vernietigingslijst is goedgekeurd; de dossiers zijn vernietigd."
        case "afgewezen"?: melding = "De vernietigingslijst is afgewezen; er is niets vernietigd."
        default: break
        }
        return try await lijstPagina(try lijstID(context), gebruiker, context: context, melding: melding)
    }

    private func lijstPagina(
        _ id: UUID, _ gebruiker: Gebruiker, context: WebRequestContext, status: HTTPResponse.Status = .ok, waarden: FormValues? = nil,
        problemen: [FieldProblem] = [], fout: String? = nil, melding: String? = nil
    ) async throws -> Response {
        guard let lijst = try await service.vernietigingslijst(id) else { throw WebError.nietGevonden }
        let pad = "/vernietigingslijsten/\(id.uuidString.lowercased())"
        var model = VernietigingslijstPage(
            lijstNummer: String(id.uuidString.lowercased().prefix(8)), statusTekst: Self.statusTekst(lijst.status),
            voorsteller: lijst.voorstellerNaam, voorgesteldOp: Formatting.moment(lijst.voorgesteldOp),
            regels: lijst.dossiers.map { regel in
                .init(
                    href: "/dossiers/\(regel.dossierId.uuidString.lowercased())", kenmerk: regel.kenmerk, titelDossier: regel.titel,
                    categorie: regel.categorie, archiefactiedatum: Formatting.datum(regel.archiefactiedatum),
                    vernietigdOp: regel.vernietigdOp.map(Formatting.moment) ?? "–"
                )
            }
        )
        if let naam = lijst.beoordelaarNaam, let op = lijst.beoordeeldOp {
            model.beoordeling = .init(beoordelaar: naam, beoordeeldOp: Formatting.moment(op), reden: lijst.redenAfwijzing ?? "")
        }
        if lijst.status == .goedgekeurd {
            model.verklaring = .init(htmlHref: pad + "/verklaring", csvHref: pad + "/verklaring?formaat=csv")
        }
        if lijst.status == .voorgesteld {
            let eigen = DossierService.beoordelaarID(gebruiker.actor) == lijst.voorgesteldDoor
            if eigen {
                model.eigenLijst = true
            } else {
                var goedkeuren = Self.goedkeurFormulier
                goedkeuren.actie = pad + "/goedkeuring"
                var afwijzen = Self.afwijsFormulier
                afwijzen.actie = pad + "/afwijzing"
                model.goedkeuren = goedkeuren.model(csrf: csrf(context), melding: fout)
                model.afwijzen = afwijzen.model(csrf: csrf(context), waarden: waarden, problemen: problemen)
            }
        }
        return weergave.pagina("vernietigingslijst", titel: "Vernietigingslijst \(model.lijstNummer)", model: model, context: context,
                               status: status, melding: melding)
    }

    @Sendable func keurLijstGoed(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator], request, context)
        let id = try lijstID(context)
        do {
            _ = try await service.keurVernietigingslijstGoed(
                id, door: gebruiker.actor, context: CommandContext(actor: gebruiker.actor, correlationID: context.requestID), vandaag: vandaag,
                verklaring: VerklaringVanVernietiging.render
            )
            return PageRenderer.verder("/vernietigingslijsten/\(id.uuidString.lowercased())?vastgelegd=goedgekeurd")
        } catch VernietigingError.onbekend {
            throw WebError.nietGevonden
        } catch let fout as VernietigingError {
            return try await lijstPagina(id, gebruiker, context: context, status: fout == .eigenLijst ? .forbidden : .conflict, fout: fout.description)
        } catch DomainError.conflict(let reden) {
            return try await lijstPagina(id, gebruiker, context: context, status: .conflict, fout: reden)
        }
    }

    @Sendable func wijsLijstAf(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator], request, context)
        let id = try lijstID(context)
        let waarden = context.formulier
        guard let reden = waarden.tekst("reden") else {
            return try await lijstPagina(id, gebruiker, context: context, status: .badRequest, waarden: waarden,
                                         problemen: [FieldProblem(name: "reden", reason: "vul een reden in")])
        }
        do {
            _ = try await service.wijsVernietigingslijstAf(id, door: gebruiker.actor, reden: reden)
            return PageRenderer.verder("/vernietigingslijsten/\(id.uuidString.lowercased())?vastgelegd=afgewezen")
        } catch VernietigingError.onbekend {
            throw WebError.nietGevonden
        } catch let fout as VernietigingError {
            return try await lijstPagina(id, gebruiker, context: context, status: fout == .eigenLijst ? .forbidden : .conflict, waarden: waarden, fout: fout.description)
        } catch DomainError.ongeldigeInvoer(let invoer) {
            return try await lijstPagina(id, gebruiker, context: context, status: .badRequest, waarden: waarden, problemen: invoer.problems)
        }
    }

    @Sendable func verklaring(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try vereis([.coordinator], request, context)
        let id = try lijstID(context)
        guard let verklaring = try await service.verklaringVanVernietiging(id) else { throw WebError.nietGevonden }
        if request.uri.queryParameters.get("formaat") == "csv" {
            var headers: HTTPFields = [.contentType: "text/csv; charset=utf-8"]
            headers[.contentDisposition] = "attachment; filename=\"verklaring-van-vernietiging-\(id.uuidString.lowercased().prefix(8)).csv\""
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: verklaring.csv)))
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: verklaring.html)))
    }

    /// `/vernietigingslijsten`: the lists so far and the form to propose one of the dossiers that may go.
    struct VernietigingslijstenPage: PageModel {
        struct Lijst: Encodable, Sendable {
            let href: String
            let lijstNummer: String
            let statusTekst: String
            let aantal: Int
            let voorsteller: String
            let voorgesteldOp: String
        }
        let heeftLijsten: Bool
        let lijsten: [Lijst]
        var voorstel: FormModel?
    }

    /// One destruction list: its dossiers, who proposed and judged it, its verklaring, and the forms
    /// of another coordinator.
    struct VernietigingslijstPage: PageModel {
        struct Regel: Encodable, Sendable {
            let href: String
            let kenmerk: String
            let titelDossier: String
            let categorie: String
            let archiefactiedatum: String
            let vernietigdOp: String
        }
        struct Beoordeling: Encodable, Sendable {
            let beoordelaar: String
            let beoordeeldOp: String
            let reden: String
        }
        struct Verklaring: Encodable, Sendable {
            let htmlHref: String
            let csvHref: String
        }
        let lijstNummer: String
        let statusTekst: String
        let voorsteller: String
        let voorgesteldOp: String
        let regels: [Regel]
        var beoordeling: Beoordeling?
        var verklaring: Verklaring?
        var eigenLijst = false
        var goedkeuren: FormModel?
        var afwijzen: FormModel?
    }
}
