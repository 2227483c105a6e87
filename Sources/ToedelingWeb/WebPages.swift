import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Taaktoedeling

/// Every page of the web application. Pages use the same `DossierService` as the API: the domain
/// decides every rule, refusal and event; a page only shows and asks.
struct WebPages: Sendable {
    let configuratie: WebConfiguration
    let afhankelijkheden: WebDependencies
    let weergave: PageRenderer
    /// The OpenID Provider's relying party, when sign-in through it is configured.
    let openID: OpenIDRelyingParty?

    /// The prefix of the session's key in storage (before the session id).
    static let sessieSleutelPrefix = "toedeling-sessie."

    var service: DossierService { afhankelijkheden.service }
    var gebruikers: GebruikerStore { afhankelijkheden.gebruikers }

    func addRoutes(to router: WebRouter) {
        router.get("/", use: start)
        router.get("/toegankelijkheid", use: toegankelijkheid)
        router.get(weergave.stijl.path, use: stijl)
        addInlogRoutes(to: router)
        addOpenIDRoutes(to: router)
        addAccountRoutes(to: router)
        addDossierRoutes(to: router)
        addConsultatieRoutes(to: router)
        addRapportRoutes(to: router)
        addVernietigingRoutes(to: router)
    }

    // MARK: General pages

    @Sendable func start(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let gebruiker = context.gebruiker else { return PageRenderer.verder("/inloggen") }
        return PageRenderer.verder(PageRenderer.thuis(voor: gebruiker.rol))
    }

    @Sendable func toegankelijkheid(_ request: Request, context: WebRequestContext) async throws -> Response {
        weergave.pagina("toegankelijkheid", titel: "Toegankelijkheidsverklaring", model: EmptyPage(), context: context)
    }

    @Sendable func stijl(_ request: Request, context: WebRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: weergave.stijl.bytes))
        )
    }

    // MARK: Helpers

    /// The logged-in account, when its role is one of `rollen`: otherwise a redirect to the login
    /// page (not logged in) or 403.
    func vereis(_ rollen: Set<Rol>, _ request: Request, _ context: WebRequestContext) throws -> Gebruiker {
        guard let gebruiker = context.gebruiker else {
            throw InloggenNodig(terug: request.method == .get ? request.uri.path : nil)
        }
        guard rollen.contains(gebruiker.rol) else { throw WebError.geenToegang }
        return gebruiker
    }

    /// The session's CSRF token (empty without a session).
    func csrf(_ context: WebRequestContext) -> String {
        context.sessions.session?.csrf ?? ""
    }

    /// The token a form must carry: the session's when there is one, else the token that binds forms
    /// shown before login, with the cookie that sets it when new.
    func formulierToken(_ request: Request, _ context: WebRequestContext) -> (token: String, headers: HTTPFields) {
        if let sessie = context.sessions.session { return (sessie.csrf, [:]) }
        return anoniemCSRF(request)
    }

    /// The token that binds forms shown before login, and the cookie that sets it when new.
    func anoniemCSRF(_ request: Request) -> (token: String, headers: HTTPFields) {
        if let bestaand = request.cookies[configuratie.csrfCookie].map({ String($0.value) }), bestaand.utf8.count == 43 {
            return (bestaand, [:])
        }
        let token = BearerToken.randomBase64URL()
        let cookie = Cookie(
            name: configuratie.csrfCookie, value: token, path: "/", secure: configuratie.veiligeCookies, httpOnly: true, sameSite: .strict
        )
        var headers: HTTPFields = [:]
        headers[.setCookie] = cookie.description
        return (token, headers)
    }

    /// A new session for `gebruiker` at `stap`, replacing the request's: a login always gets a new
    /// session id, and the row of the one it replaces is removed.
    func nieuweSessie(
        _ gebruiker: Gebruiker, stap: WebSession.Stap, _ request: Request, _ context: WebRequestContext, geheim: String? = nil, viaOpenID: Bool = false
    ) async throws {
        if let oud = request.cookies[configuratie.sessieCookie] {
            try await afhankelijkheden.sessies.verwijder(sleutel: Self.sessieSleutelPrefix + String(oud.value))
        }
        let nu = afhankelijkheden.nu()
        var sessie = WebSession(
            gebruikerID: gebruiker.id, generatie: gebruiker.sessieGeneratie, stap: stap, csrf: BearerToken.randomBase64URL(),
            aangemaaktOp: nu, verlengdOp: nu, nieuwTotpGeheim: geheim
        )
        let duur: Duration = stap == .ingelogd ? configuratie.inactiefNa : .seconds(10 * 60)
        sessie.viaOpenID = viaOpenID ? true : nil
        context.sessions.createSession(sessie, expiresIn: duur)
    }

    /// The `{id}` path parameter as a dossier id; 404 otherwise.
    func dossierID(_ context: WebRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WebError.nietGevonden }
        return id
    }

    /// Today in Amsterdam.
    var vandaag: Kalenderdatum { AmsterdamseTijd.kalenderdatum(van: afhankelijkheden.nu()) }

    /// A page's number from `?pagina=` (1 when absent or not a number ≥ 1).
    static func paginanummer(_ request: Request) -> Int {
        request.uri.queryParameters.get("pagina").flatMap { Int($0) }.map { max(1, min($0, 100_000)) } ?? 1
    }

    /// The pagination model: page `pagina` of `totaal` items, `grootte` per page, links built by `href`.
    static func paginering(pagina: Int, totaal: Int, grootte: Int, href: (Int) -> String) -> PaginationModel? {
        let paginas = max(1, (totaal + grootte - 1) / grootte)
        guard paginas > 1 else { return nil }
        return PaginationModel(
            pagina: pagina, paginas: paginas, vorige: pagina > 1 ? href(min(pagina - 1, paginas)) : nil,
            volgende: pagina < paginas ? href(pagina + 1) : nil
        )
    }

    /// A query string from pairs, values percent-encoded.
    static func query(_ paren: [(String, String)]) -> String {
        let toegestaan = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let delen = paren.filter { !$0.1.isEmpty }.map { $0.0 + "=" + ($0.1.addingPercentEncoding(withAllowedCharacters: toegestaan) ?? "") }
        return delen.isEmpty ? "" : "?" + delen.joined(separator: "&")
    }
}
