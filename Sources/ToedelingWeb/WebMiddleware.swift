import Dossiers
import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Logging
import Postgres
import Taaktoedeling
import ToedelingHTTP

/// Thrown where a page needs a login: answered with a redirect to `/inloggen`, with the page asked
/// for as the way back.
struct InloggenNodig: HTTPResponseError {
    let terug: String?

    var status: HTTPResponse.Status { .seeOther }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let terug = terug.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-"))) }
        return PageRenderer.verder("/inloggen" + (terug.map { "?terug=" + $0 } ?? ""))
    }
}

/// Gives every page the renderer its errors are shown with, and turns every error into one that
/// answers for itself (`HTTPResponseError`): a `WebError` or `InloggenNodig` as thrown, Hummingbird's
/// and the application's errors as the `WebError` that says them in Dutch. The details of
/// unexpected errors are logged here and never shown.
struct WebErrorMiddleware: RouterMiddleware {
    let weergave: PageRenderer
    let routes: RouteRegistry

    func handle(_ request: Request, context: WebRequestContext, next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.weergave = weergave
        do {
            return try await next(request, context)
        } catch {
            let fout = Self.fout(error, request: request, routes: routes)
            if fout.status == .internalServerError {
                context.logger.error("web request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))", "error.description": "\(error)"])
            }
            return try fout.response(from: request, context: context)
        }
    }

    static func fout(_ error: any Error, request: Request, routes: RouteRegistry) -> any HTTPResponseError {
        switch error {
        case let fout as WebError:
            return fout
        case let nodig as InloggenNodig:
            return nodig
        case let fout as HTTPError where fout.status == .notFound:
            if let allow = routes.allowedMethods(path: request.uri.path) { return WebError.methodeNietToegestaan(allow) }
            return WebError.nietGevonden
        case let fout as HTTPError where fout.status == .contentTooLarge:
            return WebError.teGroot
        case let fout as HTTPError where fout.status.code < 500:
            return WebError(status: fout.status, kop: "Dit verzoek kan niet worden verwerkt", tekst: "Er is niets opgeslagen.")
        case ServiceError.tooMuchContention:
            return WebError.drukte
        case DocumentenVernietigd.vernietigd:
            return WebError(status: .gone, kop: "Dit document bestaat niet meer", tekst: "Het dossier is vernietigd op een vernietigingslijst; zijn documenten zijn verwijderd.")
        default:
            switch StorageCondition(error) {
            case .unavailable: return WebError.nietBeschikbaar
            case .busy: return WebError.drukte
            case .kenmerkenUitgeput(let jaar):
                return WebError(status: .conflict, kop: "De kenmerken zijn op", tekst: "Er kunnen in \(jaar) niet meer dan 9999 dossiers worden geopend. Er is niets opgeslagen.")
            case .commandAlreadyProcessed:
                return WebError(status: .conflict, kop: "Al verwerkt", tekst: "Dit formulier was al verwerkt. Bekijk de actuele stand van het dossier.")
            case nil: return WebError.interneFout
            }
        }
    }
}

/// Reads the session's account: a session of a blocked account, of an older generation (blocked,
/// restored, new password) or older than the absolute limit ends here. A session in use is extended
/// (idle timeout), but never past its absolute end.
struct WebSessionMiddleware: RouterMiddleware {
    let gebruikers: GebruikerStore
    let configuratie: WebConfiguration
    let nu: @Sendable () -> Date

    func handle(_ request: Request, context: WebRequestContext, next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if let sessie = context.sessions.session {
            let moment = nu()
            let einde = sessie.aangemaaktOp.addingTimeInterval(Self.seconden(configuratie.hoogstens))
            let gebruiker = moment < einde ? try await gebruikers.gebruiker(id: sessie.gebruikerID) : nil
            if let gebruiker, !gebruiker.geblokkeerd, gebruiker.sessieGeneratie == sessie.generatie {
                if sessie.stap == .ingelogd { context.gebruiker = gebruiker }
                context.logger[metadataKey: "actor.gebruiker"] = .string(gebruiker.id.uuidString.lowercased())
                if moment.timeIntervalSince(sessie.verlengdOp) >= 60 {
                    var verlengd = sessie
                    verlengd.verlengdOp = moment
                    let over = min(Self.seconden(configuratie.inactiefNa), einde.timeIntervalSince(moment))
                    _ = context.sessions.updateSession(verlengd, expiresIn: .milliseconds(Int64(max(1, over) * 1000)))
                }
            } else {
                context.sessions.clearSession()
            }
        }
        return try await next(request, context)
    }

    static func seconden(_ duur: Duration) -> TimeInterval {
        TimeInterval(duur.components.seconds) + TimeInterval(duur.components.attoseconds) / 1e18
    }
}

/// Reads every posted form once (urlencoded only, at most 1 MiB, by `URLEncodedFormDecoder`) and refuses it with 403, before
/// anything is done, unless its `csrf` field is the session's token (or, before login, the token
/// in the form cookie). A form with a file (`multipart/form-data`, to the pages in `bestandsroutes`)
/// is streamed by its page, which checks the token before anything is committed.
struct FormMiddleware: RouterMiddleware {
    let configuratie: WebConfiguration

    /// The pages that take a file.
    static let bestandsroutes: Set<String> = ["/dossiers/{id}/documenten", "/dossiers/{id}/consultaties/{ronde}/reacties"]

    func handle(_ request: Request, context: WebRequestContext, next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        // Only a form posted to a page that takes one: any other request goes on to its 404 or 405.
        guard request.method == .post, let route = context.endpointPath, route != "NotFound" else { return try await next(request, context) }
        let soort = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if soort == "multipart/form-data", Self.bestandsroutes.contains(route) {
            return try await next(request, context)
        }
        guard soort == "application/x-www-form-urlencoded" else {
            // A form from elsewhere or a broken client; nothing is read or done.
            throw WebError(status: .unsupportedMediaType, kop: "Dit formulier kan niet worden gelezen", tekst: "Er is niets opgeslagen.")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard let waarden = try? URLEncodedFormDecoder().decode(FormValues.self, from: String(buffer: buffer)) else {
            throw WebError.onleesbaarFormulier
        }
        guard Self.geldig(waarden["csrf"], request, context, configuratie) else { throw WebError.verlopenFormulier }
        var context = context
        context.formulier = waarden
        return try await next(request, context)
    }

    /// Whether `gegeven` is the CSRF token this request must carry.
    static func geldig(_ gegeven: String?, _ request: Request, _ context: WebRequestContext, _ configuratie: WebConfiguration) -> Bool {
        let verwacht = context.sessions.session?.csrf ?? request.cookies[configuratie.csrfCookie].map { String($0.value) }
        guard let verwacht, !verwacht.isEmpty, let gegeven else { return false }
        return gelijk(gegeven, verwacht)
    }

    /// Compares in constant time.
    static func gelijk(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var verschil: UInt8 = 0
        for index in x.indices { verschil |= x[index] ^ y[index] }
        return verschil == 0
    }
}
