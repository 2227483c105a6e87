import HTTPTypes
import Hummingbird
import EventStore

/// A refusal the web application answers with a Dutch error page (or, for a client that asks for
/// JSON, problem+json).
struct WebError: HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var kop: String
    var tekst: String
    var allow: [HTTPRequest.Method] = []

    static let nietGevonden = WebError(
        status: .notFound, kop: "Pagina niet gevonden",
        tekst: "Deze pagina bestaat niet, of u hebt er geen toegang toe. Controleer het adres of ga terug naar de vorige pagina."
    )
    static let geenToegang = WebError(
        status: .forbidden, kop: "Geen toegang", tekst: "Met uw rol kunt u deze pagina niet gebruiken."
    )
    static let verlopenFormulier = WebError(
        status: .forbidden, kop: "Het formulier is verlopen",
        tekst: "Uw sessie is verlopen of het formulier kwam niet van deze pagina. Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens."
    )
    static let onleesbaarFormulier = WebError(
        status: .badRequest, kop: "Het formulier kon niet worden gelezen", tekst: "Er is niets opgeslagen. Laad de pagina opnieuw en probeer het nog eens."
    )
    static let teGroot = WebError(
        status: .contentTooLarge, kop: "Te veel tekst", tekst: "Het formulier is groter dan 1 MiB. Er is niets opgeslagen."
    )
    static let nietBeschikbaar = WebError(
        status: .serviceUnavailable, kop: "Toedeling is even niet beschikbaar",
        tekst: "De database is nu niet bereikbaar. Er is niets opgeslagen. Probeer het over een paar minuten opnieuw."
    )
    static let interneFout = WebError(
        status: .internalServerError, kop: "Er ging iets mis", tekst: "Er ging aan onze kant iets mis. Er is niets opgeslagen. Probeer het later opnieuw."
    )
    static let drukte = WebError(
        status: .serviceUnavailable, kop: "Het is te druk", tekst: "Dit dossier wordt nu door veel mensen tegelijk gewijzigd. Er is niets opgeslagen. Probeer het zo opnieuw."
    )

    static func methodeNietToegestaan(_ allow: [HTTPRequest.Method]) -> WebError {
        WebError(status: .methodNotAllowed, kop: "Dit kan hier niet", tekst: "Deze pagina kan zo niet worden gebruikt.", allow: allow)
    }
}

extension WebError {
    /// The error page inside the layout of the request's account (problem+json when the client's
    /// `Accept` names JSON and not HTML), with `Allow` for a 405; a HEAD that finds nothing gets no
    /// text.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.vary: "Accept"]
        if !allow.isEmpty { headers[.allow] = allow.map(\.rawValue).joined(separator: ", ") }
        let tekst = status == .notFound && request.method == .head ? "" : self.tekst
        if Self.wilJSON(request) {
            headers[.contentType] = "application/problem+json"
            let body = "{\"type\":\"about:blank\",\"title\":\(JSONLiteral.string(kop)),\"status\":\(status.code),\"detail\":\(JSONLiteral.string(tekst))}"
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        guard let context = context as? WebRequestContext, let weergave = context.weergave else {
            // Not a page of the web application's router (which always gives its renderer): the words alone.
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: kop + "\n" + tekst + "\n")))
        }
        let terug = context.gebruiker.map { PageRenderer.thuis(voor: $0.rol) } ?? "/inloggen"
        return weergave.pagina(
            "fout", titel: kop,
            model: ErrorPage(kop: kop, tekst: tekst, terug: terug, terugTekst: context.gebruiker == nil ? "Naar inloggen" : "Naar uw startpagina"),
            context: context, status: status, headers: headers
        )
    }

    /// True when the client's `Accept` names JSON and not HTML.
    static func wilJSON(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept]?.lowercased() else { return false }
        return accept.contains("json") && !accept.contains("html")
    }
}
