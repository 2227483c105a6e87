import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import Taaktoedeling

extension WebPages {
    static let inlogFormulier = Form(
        id: "inloggen", titel: nil, uitleg: nil, actie: "/inloggen", knop: "Inloggen",
        velden: [
            Form.Veld(naam: "email", label: "E-mailadres", soort: .tekst(invoertype: "email", autocomplete: "username")),
            Form.Veld(naam: "wachtwoord", label: "Wachtwoord", soort: .tekst(invoertype: "password", autocomplete: "current-password")),
        ]
    )

    static let codeFormulier = Form(
        id: "code", titel: nil, uitleg: nil, actie: "/inloggen/code", knop: "Doorgaan",
        velden: [
            Form.Veld(
                naam: "code", label: "Code", soort: .tekst(autocomplete: "one-time-code", inputmode: "numeric", smal: true),
                hint: "Zes cijfers, bijvoorbeeld 123456."
            ),
        ]
    )

    static func activatieFormulier(_ token: String) -> Form {
        Form(
            id: "activeren", titel: nil, uitleg: nil, actie: "/activeren/" + token, knop: "Wachtwoord instellen",
            velden: [
                Form.Veld(
                    naam: "wachtwoord", label: "Nieuw wachtwoord", soort: .tekst(invoertype: "password", autocomplete: "new-password"),
                    hint: "Ten minste \(Wachtwoordregels.minimumLengte) tekens. Een zin van een paar woorden is goed te onthouden en moeilijk te raden."
                ),
                Form.Veld(naam: "herhaling", label: "Herhaal het wachtwoord", soort: .tekst(invoertype: "password", autocomplete: "new-password")),
            ]
        )
    }

    func addInlogRoutes(to router: WebRouter) {
        router.get("/inloggen", use: inlogPagina)
        router.post("/inloggen", use: inloggen)
        router.get("/inloggen/code", use: codePagina)
        router.post("/inloggen/code", use: code)
        router.post("/uitloggen", use: uitloggen)
        router.get("/activeren/:token", use: activatiePagina)
        router.post("/activeren/:token", use: activeren)
    }

    /// Where to go after login: a path of this site from `?terug=`, else the role's home page.
    func terug(_ request: Request, rol: Rol) -> String {
        veiligTerug(Self.terugParameter(request)) ?? PageRenderer.thuis(voor: rol)
    }

    /// `terug` when it is a page of this site to return to after login, else nil.
    func veiligTerug(_ terug: String) -> String? {
        // Only a path of this site: no scheme or host, no backslash, and no control character or
        // space (browsers drop tabs and newlines, which would turn "/\t/x" into "//x").
        guard terug.hasPrefix("/"), !terug.hasPrefix("//"), !terug.contains("\\"),
            terug.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }), !terug.hasPrefix("/inloggen"),
            !configuratie.andermansPaden.contains(where: { terug.hasPrefix($0) })
        else { return nil }
        return terug
    }

    static func terugParameter(_ request: Request) -> String {
        request.uri.queryParameters.get("terug").map { String($0) } ?? ""
    }

    private static func inlogActie(_ request: Request) -> String {
        guard let terug = request.uri.queryParameters.get("terug") else { return "/inloggen" }
        return "/inloggen" + query([("terug", String(terug))])
    }

    @Sendable func inlogPagina(_ request: Request, context: WebRequestContext) async throws -> Response {
        if let gebruiker = context.gebruiker { return PageRenderer.verder(PageRenderer.thuis(voor: gebruiker.rol)) }
        let (token, headers) = formulierToken(request, context)
        var formulier = Self.inlogFormulier
        formulier.actie = Self.inlogActie(request)
        var melding: String?
        if request.uri.queryParameters.get("uitgelogd") != nil { melding = "U bent uitgelogd." }
        if request.uri.queryParameters.get("geactiveerd") != nil { melding = "Uw wachtwoord is ingesteld. U kunt nu inloggen." }
        return weergave.pagina(
            "inloggen", titel: "Inloggen", model: inlogModel(request, formulier: formulier.model(csrf: token)), context: context, melding: melding,
            headers: headers
        )
    }

    /// The login page's model: the provider's button when one is configured, and the password form
    /// unless `TOEDELING_LOKAAL_INLOGGEN=uit`.
    func inlogModel(_ request: Request, formulier: FormModel) -> InlogPage {
        var model = InlogPage()
        if configuratie.lokaalInloggen { model.formulier = formulier }
        if let openID = configuratie.openID {
            let terug = veiligTerug(Self.terugParameter(request))
            model.inlogprovider = .init(
                providerNaam: openID.naam, providerHref: "/inloggen/oidc" + (terug.map { Self.query([("terug", $0)]) } ?? ""),
                alleenProvider: !configuratie.lokaalInloggen
            )
        }
        return model
    }

    /// The login page: the provider's button and the password form, either or both.
    struct InlogPage: PageModel {
        struct Provider: Encodable, Sendable {
            let providerNaam: String
            let providerHref: String
            let alleenProvider: Bool
        }
        var formulier: FormModel?
        var inlogprovider: Provider?
    }

    /// Setting a password through an activation link: whose account, and the form.
    struct ActivatiePage: PageModel {
        let naam: String
        let email: String
        let formulier: FormModel
    }

    /// An activation link of an account that signs in through the organisation's provider.
    struct ProviderActivatiePage: PageModel {
        let accountNaam: String
        let accountEmail: String
        let providerNaam: String
    }

    @Sendable func inloggen(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard configuratie.lokaalInloggen else { throw WebError.lokaalInloggenUit(naam: configuratie.openID?.naam ?? OpenIDSettings.standaardNaam) }
        let waarden = context.formulier
        var formulier = Self.inlogFormulier
        formulier.actie = Self.inlogActie(request)
        let token = formulierToken(request, context).token
        func opnieuw(_ status: HTTPResponse.Status, problemen: [FieldProblem] = [], melding: String? = nil) -> Response {
            weergave.pagina(
                "inloggen", titel: "Inloggen",
                model: inlogModel(request, formulier: formulier.model(csrf: token, waarden: waarden, problemen: problemen, melding: melding)),
                context: context, status: status
            )
        }
        var problemen: [FieldProblem] = []
        if waarden.tekst("email") == nil { problemen.append(FieldProblem(name: "email", reason: "vul uw e-mailadres in")) }
        if (waarden["wachtwoord"] ?? "").isEmpty { problemen.append(FieldProblem(name: "wachtwoord", reason: "vul uw wachtwoord in")) }
        guard problemen.isEmpty, let email = waarden.tekst("email"), let wachtwoord = waarden["wachtwoord"] else {
            return opnieuw(.badRequest, problemen: problemen)
        }
        switch try await gebruikers.inloggen(email: email, wachtwoord: wachtwoord, adres: context.clientAdres, nu: afhankelijkheden.nu()) {
        case .wacht(let seconden):
            return opnieuw(.tooManyRequests, melding: Self.wachtMelding(seconden))
        case .mislukt:
            return opnieuw(.unauthorized, melding: "Het e-mailadres of het wachtwoord klopt niet.")
        case .gelukt(let gebruiker):
            if gebruiker.heeftTweestap {
                try await nieuweSessie(gebruiker, stap: .code, request, context)
                return PageRenderer.verder("/inloggen/code" + Self.query([("terug", Self.terugParameter(request))]))
            }
            if configuratie.tweestapVerplicht {
                try await nieuweSessie(gebruiker, stap: .tweestapInstellen, request, context, geheim: Self.nieuwTotpGeheim())
                return PageRenderer.verder("/account/tweestap")
            }
            try await nieuweSessie(gebruiker, stap: .ingelogd, request, context)
            return PageRenderer.verder(terug(request, rol: gebruiker.rol))
        }
    }

    static func wachtMelding(_ seconden: Int) -> String {
        let tijd = seconden < 60 ? "\(seconden) seconden" : "\((seconden + 59) / 60) minuten"
        return "Er is te vaak een verkeerd wachtwoord of een verkeerde code ingevuld. Probeer het over \(tijd) opnieuw."
    }

    @Sendable func codePagina(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let sessie = context.sessions.session, sessie.stap == .code else { return PageRenderer.verder("/inloggen") }
        var formulier = Self.codeFormulier
        formulier.actie = "/inloggen/code" + Self.query([("terug", Self.terugParameter(request))])
        return weergave.pagina("code", titel: "Tweestapsverificatie", model: FormPage(formulier: formulier.model(csrf: sessie.csrf)), context: context)
    }

    @Sendable func code(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let sessie = context.sessions.session, sessie.stap == .code,
            let gebruiker = try await gebruikers.gebruiker(id: sessie.gebruikerID), let geheim = gebruiker.totpGeheim
        else { return PageRenderer.verder("/inloggen") }
        var formulier = Self.codeFormulier
        formulier.actie = "/inloggen/code" + Self.query([("terug", Self.terugParameter(request))])
        func opnieuw(_ status: HTTPResponse.Status, melding: String?, problemen: [FieldProblem] = []) -> Response {
            weergave.pagina(
                "code", titel: "Tweestapsverificatie",
                model: FormPage(formulier: formulier.model(csrf: sessie.csrf, waarden: FormValues(), problemen: problemen, melding: melding)),
                context: context, status: status
            )
        }
        if let wacht = try await gebruikers.wachttijd(email: gebruiker.email, adres: context.clientAdres, nu: afhankelijkheden.nu()) {
            return opnieuw(.tooManyRequests, melding: Self.wachtMelding(wacht))
        }
        guard try await codeKlopt(context.formulier.tekst("code"), geheim: geheim, voor: gebruiker) else {
            try await gebruikers.tweedeStapMislukt(email: gebruiker.email, adres: context.clientAdres, nu: afhankelijkheden.nu())
            return opnieuw(.unauthorized, melding: nil, problemen: [FieldProblem(name: "code", reason: "deze code klopt niet of is al gebruikt; vul de code in die de app nu toont")])
        }
        try await nieuweSessie(gebruiker, stap: .ingelogd, request, context)
        return PageRenderer.verder(terug(request, rol: gebruiker.rol))
    }

    @Sendable func uitloggen(_ request: Request, context: WebRequestContext) async throws -> Response {
        let viaOpenID = context.sessions.session?.viaOpenID == true
        context.sessions.clearSession()
        // After a sign-in through the provider, its session ends too (RP-initiated logout), where the
        // provider offers that; it sends the browser back to the login page.
        if viaOpenID, let openID, let eind = await openID.endSessionURL() { return PageRenderer.verder(eind) }
        return PageRenderer.verder("/inloggen?uitgelogd=1")
    }

    @Sendable func activatiePagina(_ request: Request, context: WebRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let gebruiker = try await gebruikers.activatie(token: token) else {
            return weergave.pagina("activatie-ongeldig", titel: "Deze link werkt niet meer", model: EmptyPage(), context: context, status: .notFound)
        }
        if !configuratie.lokaalInloggen, let openID = configuratie.openID {
            return weergave.pagina(
                "activeren-provider", titel: "Uw account is klaar",
                model: ProviderActivatiePage(accountNaam: gebruiker.naam, accountEmail: gebruiker.email, providerNaam: openID.naam), context: context
            )
        }
        let (csrf, headers) = formulierToken(request, context)
        return weergave.pagina(
            "activeren", titel: "Wachtwoord instellen",
            model: ActivatiePage(naam: gebruiker.naam, email: gebruiker.email, formulier: Self.activatieFormulier(token).model(csrf: csrf)),
            context: context, headers: headers
        )
    }

    @Sendable func activeren(_ request: Request, context: WebRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let gebruiker = try await gebruikers.activatie(token: token) else {
            return weergave.pagina("activatie-ongeldig", titel: "Deze link werkt niet meer", model: EmptyPage(), context: context, status: .notFound)
        }
        guard configuratie.lokaalInloggen else { throw WebError.lokaalInloggenUit(naam: configuratie.openID?.naam ?? OpenIDSettings.standaardNaam) }
        let waarden = context.formulier
        let wachtwoord = waarden["wachtwoord"] ?? ""
        var problemen: [FieldProblem] = []
        if let bezwaar = Wachtwoordregels.bezwaar(tegen: wachtwoord, email: gebruiker.email, naam: gebruiker.naam) {
            problemen.append(FieldProblem(name: "wachtwoord", reason: bezwaar))
        } else if waarden["herhaling"] != wachtwoord {
            problemen.append(FieldProblem(name: "herhaling", reason: "dit is niet hetzelfde wachtwoord; typ het nog eens"))
        }
        if problemen.isEmpty {
            do {
                _ = try await gebruikers.activeer(token: token, wachtwoord: wachtwoord)
                return PageRenderer.verder("/inloggen?geactiveerd=1")
            } catch GebruikerError.ongeldigeActivatie {
                return weergave.pagina("activatie-ongeldig", titel: "Deze link werkt niet meer", model: EmptyPage(), context: context, status: .notFound)
            } catch GebruikerError.zwakWachtwoord(let reden) {
                problemen.append(FieldProblem(name: "wachtwoord", reason: reden))
            }
        }
        let csrf = formulierToken(request, context).token
        return weergave.pagina(
            "activeren", titel: "Wachtwoord instellen",
            model: ActivatiePage(
                naam: gebruiker.naam, email: gebruiker.email, formulier: Self.activatieFormulier(token).model(csrf: csrf, waarden: waarden, problemen: problemen)
            ),
            context: context, status: .badRequest
        )
    }

    // MARK: TOTP

    /// A new TOTP secret: 20 random characters, whose bytes are the key (HummingbirdOTP's secret).
    static func nieuwTotpGeheim() -> String {
        let alfabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alfabet[Int(generator.next(upperBound: UInt32(alfabet.count)))] })
    }

    /// The 30-second time step whose TOTP code `code` is, now or one step before or after (clocks of
    /// phones drift); nil when it is none of them.
    static func codeStap(_ code: String?, geheim: String, nu: Date) -> Int64? {
        guard let code, code.count == 6, code.allSatisfy(\.isASCII), let getal = Int(code), getal >= 0 else { return nil }
        let totp = TOTP(secret: geheim)
        let stap = Int64(floor(nu.timeIntervalSince1970 / 30))
        return [stap - 1, stap, stap + 1].first { totp.compute(date: Date(timeIntervalSince1970: TimeInterval($0) * 30 + 1)) == getal }
    }

    /// True when `code` is a valid code of the account's secret whose time step was not used before
    /// (it is taken as used now).
    func codeKlopt(_ code: String?, geheim: String, voor gebruiker: Gebruiker) async throws -> Bool {
        guard let stap = Self.codeStap(code, geheim: geheim, nu: afhankelijkheden.nu()) else { return false }
        return try await gebruikers.gebruikTotpStap(id: gebruiker.id, stap: stap)
    }

    /// The `otpauth://` link for an authenticator app, and the key as the app wants it typed (base32).
    static func authenticatorLink(geheim: String, email: String) -> (url: String, sleutel: String) {
        let url = TOTP(secret: geheim).createAuthenticatorURL(label: "Toedeling:" + email, issuer: "Toedeling")
        let sleutel = url.split(separator: "?").last?.split(separator: "&").first { $0.hasPrefix("secret=") }.map { String($0.dropFirst(7)) } ?? ""
        return (url, sleutel)
    }
}
