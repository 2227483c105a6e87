import Dossiers
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import Taaktoedeling

/// Builds the web application's router: every page with its middleware (security headers, error
/// pages, sessions in PostgreSQL, the account, forms and their CSRF check). The API's router hands
/// it every request outside `/v1`, `/health` and `/metrics`.
public func buildWebRouter(configuratie: WebConfiguratie, afhankelijkheden: WebAfhankelijkheden) -> Router<WebRequestContext> {
    let router = Router(context: WebRequestContext.self, options: [.autoGenerateHeadEndpoints])
    let weergave = Weergave()
    let routes = WebRoutes()
    router.addMiddleware {
        WebKopMiddleware(strictTransportSecurity: configuratie.strictTransportSecurity, openIDOrigin: configuratie.openID?.origin)
        WebFoutMiddleware(weergave: weergave, routes: routes)
        SessionMiddleware<WebRequestContext>(
            storage: PostgresSessieDriver(opslag: afhankelijkheden.sessies),
            configuration: SessionMiddlewareConfiguration(
                sessionCookieParameters: SessionCookieParameters(
                    name: configuratie.sessieCookie, path: "/", secure: configuratie.veiligeCookies, sameSite: .lax
                ),
                keyPrefix: WebPaginas.sessieSleutelPrefix,
                defaultSessionExpiration: configuratie.inactiefNa
            )
        )
        WebSessieMiddleware(gebruikers: afhankelijkheden.gebruikers, configuratie: configuratie, nu: afhankelijkheden.nu)
        // Again inside the session, so an error page shows the logged-in header (the outer one
        // catches what fails before: the session's own storage).
        WebFoutMiddleware(weergave: weergave, routes: routes)
        FormulierMiddleware(configuratie: configuratie)
    }
    let openID = configuratie.openID.map { OpenIDRelyingParty(settings: $0, logger: Logger(label: "toedeling-web")) }
    let paginas = WebPaginas(configuratie: configuratie, afhankelijkheden: afhankelijkheden, weergave: weergave, openID: openID)
    paginas.addRoutes(to: WebRouter(router: router, routes: routes))
    return router
}

/// The paths the API serves (`/v1…`, `/health…`, `/metrics…`, so that a near miss such as
/// `/health/` is answered by the API with problem+json); every other path is the web application's.
public func isWebPad(_ path: String) -> Bool {
    !(path.hasPrefix("/v1") || path.hasPrefix("/health") || path.hasPrefix("/metrics"))
}

/// The path as it may be logged: the token of an activation link (`/activeren/<token>`) is a secret
/// and is left out.
public func logbaarPad(_ path: String) -> String {
    path.hasPrefix("/activeren/") ? "/activeren/…" : path
}
