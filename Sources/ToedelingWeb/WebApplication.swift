import Dossiers
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import Metrics
import Taaktoedeling
import ToedelingHTTP

/// Builds the web application's router: every page with its middleware (request id and metrics,
/// security headers, error pages, sessions in PostgreSQL, the account, forms and their CSRF check).
/// The server mounts it beside the API, for every path the API does not claim.
public func buildWebRouter(
    configuratie: WebConfiguration, afhankelijkheden: WebDependencies, bestanden: WebResources, metricsFactory: any MetricsFactory
) -> Router<WebRequestContext> {
    let router = Router(context: WebRequestContext.self, options: [.autoGenerateHeadEndpoints])
    let weergave = PageRenderer(bestanden: bestanden)
    let routes = RouteRegistry()
    router.addMiddleware {
        RequestIDMiddleware<WebRequestContext>()
        // A page is labelled by the template its router matched.
        RequestTelemetryMiddleware<WebRequestContext>(
            metricsFactory: metricsFactory,
            route: { _, context in context.endpointPath.flatMap { $0 == "NotFound" ? nil : "web " + $0 } },
            loggablePath: logbaarPad
        )
        // A strict policy for every page; logging out may send the browser on to the OpenID
        // Provider's end-session endpoint, which `form-action` must then allow.
        SecurityHeadersMiddleware<WebRequestContext>(
            contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'; form-action "
                + (configuratie.openID?.origin.map { "'self' " + $0 } ?? "'self'") + "; base-uri 'none'",
            strictTransportSecurity: configuratie.strictTransportSecurity
        )
        WebErrorMiddleware(weergave: weergave, routes: routes)
        SessionMiddleware<WebRequestContext>(
            storage: PostgresSessionDriver(opslag: afhankelijkheden.sessies),
            configuration: SessionMiddlewareConfiguration(
                sessionCookieParameters: SessionCookieParameters(
                    name: configuratie.sessieCookie, path: "/", secure: configuratie.veiligeCookies, sameSite: .lax
                ),
                keyPrefix: WebPages.sessieSleutelPrefix,
                defaultSessionExpiration: configuratie.inactiefNa
            )
        )
        WebSessionMiddleware(gebruikers: afhankelijkheden.gebruikers, configuratie: configuratie, nu: afhankelijkheden.nu)
        // Again inside the session, so an error page shows the logged-in header (the outer one
        // catches what fails before: the session's own storage).
        WebErrorMiddleware(weergave: weergave, routes: routes)
        FormMiddleware(configuratie: configuratie)
    }
    let openID = configuratie.openID.map { OpenIDRelyingParty(settings: $0, logger: Logger(label: "toedeling-web")) }
    let paginas = WebPages(configuratie: configuratie, afhankelijkheden: afhankelijkheden, weergave: weergave, openID: openID)
    paginas.addRoutes(to: WebRouter(router: router, routes: routes))
    return router
}

/// The path as it may be logged: the token of an activation link (`/activeren/<token>`) is a secret
/// and is left out.
public func logbaarPad(_ path: String) -> String {
    path.hasPrefix("/activeren/") ? "/activeren/…" : path
}
