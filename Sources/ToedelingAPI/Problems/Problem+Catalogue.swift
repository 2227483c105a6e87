import HTTPTypes

// MARK: The problems the API answers with

extension Problem {
    /// 400: the request's input is invalid; every field problem is listed.
    public static func invalidInput(_ invalidParams: [InvalidParam], detail: String = "De invoer is ongeldig.") -> Problem {
        Problem(
            type: "urn:toedeling:probleem:ongeldige-invoer",
            title: "Ongeldige invoer",
            status: .badRequest,
            detail: detail,
            invalidParams: invalidParams
        )
    }

    /// 400: the body is not a readable JSON document.
    public static func undecodableBody(_ detail: String = "De body is geen geldig JSON-document.") -> Problem {
        Problem(
            type: "urn:toedeling:probleem:onleesbare-body",
            title: "Onleesbare body",
            status: .badRequest,
            detail: detail,
            invalidParams: [InvalidParam(name: "body", reason: detail)]
        )
    }

    /// 401: no, a malformed, unknown or revoked bearer token.
    public static var unauthenticated: Problem {
        Problem(
            title: "Unauthorized",
            status: .unauthorized,
            detail: "Een geldig bearer-token is vereist.",
            headers: [.wwwAuthenticate: "Bearer realm=\"toedeling\""]
        )
    }

    /// 403: the role of the token may not do this.
    public static func forbidden(_ detail: String = "Deze rol mag dit niet doen.") -> Problem {
        Problem(
            type: "urn:toedeling:probleem:niet-toegestaan",
            title: "Niet toegestaan",
            status: .forbidden,
            detail: detail
        )
    }

    /// 404: unknown, or not visible to this token.
    public static func notFound(_ detail: String = "De gevraagde bron bestaat niet.") -> Problem {
        Problem(title: "Not Found", status: .notFound, detail: detail)
    }

    /// 405: the path exists, the method does not; `Allow` lists the methods that do.
    public static func methodNotAllowed(allowed: [HTTPRequest.Method]) -> Problem {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        return Problem(
            title: "Method Not Allowed",
            status: .methodNotAllowed,
            detail: "Deze methode wordt op dit pad niet ondersteund; toegestaan: \(allow).",
            headers: [.allow: allow]
        )
    }

    /// 406: none of the accepted media types can be produced.
    public static func notAcceptable(offered: [String]) -> Problem {
        Problem(
            title: "Not Acceptable",
            status: .notAcceptable,
            detail: "Beschikbare formaten: \(offered.joined(separator: ", "))."
        )
    }

    /// 409: the fase of the dossier does not allow this command (the Dutch reason is the detail).
    public static func conflict(_ reason: String) -> Problem {
        Problem(
            type: "urn:toedeling:probleem:conflict",
            title: "Conflict met de fase van het dossier",
            status: .conflict,
            detail: reason
        )
    }

    /// 409: a request with the same `Idempotency-Key` is still being processed.
    public static var idempotencyInProgress: Problem {
        Problem(
            type: "urn:toedeling:probleem:idempotentie-bezig",
            title: "Verzoek nog in behandeling",
            status: .conflict,
            detail: "Een verzoek met dezelfde Idempotency-Key is nog in behandeling; probeer het later opnieuw."
        )
    }

    /// 412: the `If-Match` version is no longer the current one.
    public static func staleVersion(current: Int64) -> Problem {
        Problem(
            type: "urn:toedeling:probleem:verouderde-versie",
            title: "Precondition Failed",
            status: .preconditionFailed,
            detail: "If-Match komt niet overeen met de huidige versie \(current) van het dossier.",
            headers: [.eTag: "\"\(current)\""]
        )
    }

    /// 413: the body is larger than 1 MiB.
    public static var contentTooLarge: Problem {
        Problem(
            title: "Content Too Large",
            status: .contentTooLarge,
            detail: "De body is groter dan \(APIVersion.maximumBodySize) bytes."
        )
    }

    /// 415: a body that is not `application/json`.
    public static var unsupportedMediaType: Problem {
        Problem(
            title: "Unsupported Media Type",
            status: .unsupportedMediaType,
            detail: "De body moet application/json zijn."
        )
    }

    /// 413: a document over `TOEDELING_DOCUMENT_MAX_BYTES`.
    public static func documentTooLarge(maximum: Int64) -> Problem {
        Problem(
            title: "Content Too Large",
            status: .contentTooLarge,
            detail: "Het bestand is groter dan het maximum van \(maximum) bytes. Er is niets opgeslagen."
        )
    }

    /// 415: an upload that is not `multipart/form-data`.
    public static var unsupportedUpload: Problem {
        Problem(
            title: "Unsupported Media Type",
            status: .unsupportedMediaType,
            detail: "Een document wordt toegevoegd als multipart/form-data met de delen metadata en inhoud."
        )
    }

    /// 415: a file whose type is not accepted or not the declared one.
    public static func unsupportedDocumentType(_ reason: String) -> Problem {
        Problem(title: "Unsupported Media Type", status: .unsupportedMediaType, detail: reason + " Er is niets opgeslagen.")
    }

    /// 415: a PATCH body that is not a JSON Merge Patch.
    public static var unsupportedMergePatch: Problem {
        Problem(
            title: "Unsupported Media Type",
            status: .unsupportedMediaType,
            detail: "De body moet application/merge-patch+json zijn (RFC 7396).",
            headers: [.acceptPatch: MediaTypes.mergePatchJSON]
        )
    }

    /// 422: the `Idempotency-Key` was used before with another request.
    public static var idempotencyKeyReused: Problem {
        Problem(
            type: "urn:toedeling:probleem:idempotentie-sleutel-hergebruikt",
            title: "Idempotency-Key hergebruikt",
            status: .unprocessableContent,
            detail: "Deze Idempotency-Key is eerder gebruikt voor een ander verzoek."
        )
    }

    /// 500: something failed on the server; nothing internal is told.
    public static var internalError: Problem {
        Problem(
            title: "Internal Server Error",
            status: .internalServerError,
            detail: "Er ging iets mis op de server; het verzoek-id staat in X-Request-ID."
        )
    }

    /// 503: the database is reachable but did not answer within the server's bounds (a pool, lock
    /// or statement timeout).
    public static var busy: Problem {
        Problem(
            title: "Service Unavailable",
            status: .serviceUnavailable,
            detail: "De database is nu te druk of een gegeven is tijdelijk vergrendeld; probeer het over enkele seconden opnieuw.",
            headers: [.retryAfter: "2"]
        )
    }

    /// 503: the database is unavailable.
    public static var unavailable: Problem {
        Problem(
            title: "Service Unavailable",
            status: .serviceUnavailable,
            detail: "De database is niet bereikbaar; probeer het later opnieuw.",
            headers: [.retryAfter: "5"]
        )
    }
}
