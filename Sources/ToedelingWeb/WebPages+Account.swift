import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Taaktoedeling

extension WebPages {
    static let tweestapBevestigen = Form(
        id: "tweestap", titel: nil, uitleg: nil, actie: "/account/tweestap", knop: "Tweestapsverificatie aanzetten",
        velden: [
            Form.Veld(
                naam: "code", label: "Code uit de app", soort: .tekst(autocomplete: "one-time-code", inputmode: "numeric", smal: true),
                hint: "Zes cijfers."
            ),
        ]
    )

    static let tweestapStarten = Form(
        id: "tweestap-starten", titel: nil, uitleg: nil, actie: "/account/tweestap/nieuw", knop: "Tweestapsverificatie instellen", velden: []
    )

    static let tweestapUit = Form(
        id: "tweestap-uit", titel: "Tweestapsverificatie uitzetten", uitleg: "Vul ter bevestiging een code uit de app in.",
        actie: "/account/tweestap/uit", knop: "Uitzetten",
        velden: [
            Form.Veld(naam: "code", label: "Code uit de app", soort: .tekst(autocomplete: "one-time-code", inputmode: "numeric", smal: true)),
        ],
        gevaar: true
    )

    func addAccountRoutes(to router: WebRouter) {
        router.get("/account", use: account)
        router.post("/account/tweestap/nieuw", use: tweestapNieuw)
        router.get("/account/tweestap", use: tweestapPagina)
        router.post("/account/tweestap", use: tweestapAan)
        router.post("/account/tweestap/uit", use: tweestapUitzetten)
    }

    /// The account page: who the person is, and the forms to set up or remove two-step verification.
    struct AccountPage: PageModel {
        let naam: String
        let email: String
        let rolTekst: String
        let tweestap: Bool
        let verplicht: Bool
        let aanzetten: FormModel
        let uitzetten: FormModel
        var koepel: String?
    }

    /// Setting up two-step verification: the key to enter in the app, its link, and the form for the first code.
    struct TweestapPage: PageModel {
        let sleutel: String
        let url: String
        let verplicht: Bool
        let formulier: FormModel
    }

    func accountModel(_ gebruiker: Gebruiker, _ context: WebRequestContext, uitProblemen: [FieldProblem] = []) -> AccountPage {
        AccountPage(
            naam: gebruiker.naam, email: gebruiker.email, rolTekst: PageRenderer.rolTekst(gebruiker), tweestap: gebruiker.heeftTweestap,
            verplicht: configuratie.tweestapVerplicht, aanzetten: Self.tweestapStarten.model(csrf: csrf(context)),
            uitzetten: Self.tweestapUit.model(csrf: csrf(context), waarden: uitProblemen.isEmpty ? nil : FormValues(), problemen: uitProblemen),
            koepel: gebruiker.koepel.map(Formatting.koepelNaam)
        )
    }

    @Sendable func account(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator, .koepel, .liaison], request, context)
        var melding: String?
        if request.uri.queryParameters.get("tweestap") == "aan" { melding = "Tweestapsverificatie staat aan." }
        if request.uri.queryParameters.get("tweestap") == "uit" { melding = "Tweestapsverificatie staat uit." }
        return weergave.pagina("account", titel: "Uw account", model: accountModel(gebruiker, context), context: context, melding: melding, actief: "/account")
    }

    /// The account being set up: the logged-in one, or one whose login waits for it (required).
    private func instellend(_ context: WebRequestContext) async throws -> (Gebruiker, WebSession)? {
        guard let sessie = context.sessions.session else { return nil }
        if let gebruiker = context.gebruiker { return (gebruiker, sessie) }
        guard sessie.stap == .tweestapInstellen, let gebruiker = try await gebruikers.gebruiker(id: sessie.gebruikerID) else { return nil }
        return (gebruiker, sessie)
    }

    @Sendable func tweestapNieuw(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let (_, sessie) = try await instellend(context) else { throw InloggenNodig(terug: nil) }
        var nieuw = sessie
        nieuw.nieuwTotpGeheim = Self.nieuwTotpGeheim()
        _ = context.sessions.updateSession(nieuw)
        return PageRenderer.verder("/account/tweestap")
    }

    private func tweestapPaginaResponse(
        _ gebruiker: Gebruiker, _ sessie: WebSession, _ context: WebRequestContext, problemen: [FieldProblem] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let link = Self.authenticatorLink(geheim: sessie.nieuwTotpGeheim ?? "", email: gebruiker.email)
        return weergave.pagina(
            "tweestap-instellen", titel: "Tweestapsverificatie instellen",
            model: TweestapPage(
                sleutel: link.sleutel, url: link.url, verplicht: sessie.stap == .tweestapInstellen,
                formulier: Self.tweestapBevestigen.model(csrf: sessie.csrf, waarden: problemen.isEmpty ? nil : FormValues(), problemen: problemen)
            ),
            context: context, status: status
        )
    }

    @Sendable func tweestapPagina(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let (gebruiker, sessie) = try await instellend(context) else { throw InloggenNodig(terug: request.uri.path) }
        guard sessie.nieuwTotpGeheim != nil else { return PageRenderer.verder("/account") }
        return tweestapPaginaResponse(gebruiker, sessie, context)
    }

    @Sendable func tweestapAan(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let (gebruiker, sessie) = try await instellend(context) else { throw InloggenNodig(terug: nil) }
        guard let geheim = sessie.nieuwTotpGeheim else { return PageRenderer.verder("/account") }
        // Set up: the first code of the new secret is checked (and its step taken once stored).
        guard let stap = Self.codeStap(context.formulier.tekst("code"), geheim: geheim, nu: afhankelijkheden.nu()) else {
            return tweestapPaginaResponse(
                gebruiker, sessie, context,
                problemen: [FieldProblem(name: "code", reason: "deze code klopt niet; controleer de sleutel in de app en vul de code in die de app nu toont")],
                status: .badRequest
            )
        }
        try await gebruikers.zetTweestap(id: gebruiker.id, geheim: geheim)
        _ = try await gebruikers.gebruikTotpStap(id: gebruiker.id, stap: stap)
        if sessie.stap == .tweestapInstellen {
            try await nieuweSessie(gebruiker, stap: .ingelogd, request, context)
            return PageRenderer.verder(PageRenderer.thuis(voor: gebruiker.rol))
        }
        var bijgewerkt = sessie
        bijgewerkt.nieuwTotpGeheim = nil
        _ = context.sessions.updateSession(bijgewerkt)
        return PageRenderer.verder("/account?tweestap=aan")
    }

    @Sendable func tweestapUitzetten(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator, .koepel, .liaison], request, context)
        guard !configuratie.tweestapVerplicht else { throw WebError.geenToegang }
        guard let geheim = gebruiker.totpGeheim else { return PageRenderer.verder("/account") }
        guard try await codeKlopt(context.formulier.tekst("code"), geheim: geheim, voor: gebruiker) else {
            return weergave.pagina(
                "account", titel: "Uw account",
                model: accountModel(gebruiker, context, uitProblemen: [FieldProblem(name: "code", reason: "deze code klopt niet")]),
                context: context, status: .badRequest, actief: "/account"
            )
        }
        try await gebruikers.zetTweestap(id: gebruiker.id, geheim: nil)
        return PageRenderer.verder("/account?tweestap=uit")
    }
}
