import Dossiers
import Foundation
import Hummingbird
import Logging
import Taaktoedeling
import ToedelingHTTP

/// The request context of every Toedeling API request: the request id and, once authenticated, the acting token.
public struct APIRequestContext: IdentifiedRequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The request id (from a sane `X-Request-ID` or generated), also used as the correlation id of events.
    public var requestID: String
    /// The holder of the bearer token, once authenticated (always set under `/v1` except the OpenAPI document).
    public var actor: Actor?
    /// The id of the command this request carries: derived from the token and the `Idempotency-Key`
    /// when one is sent, so a retry of the same request is the same command; nil otherwise.
    public var commandID: UUID?
    /// The claim on the request's `Idempotency-Key`, when it carries one: a command keeps its
    /// response through it in its own transaction.
    var idempotency: IdempotencyTicket?
    /// The client's address without port, when known (the web application throttles logins by it).
    public var clientAdres: String?
    /// Creates the context for one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.requestID = ""
        self.actor = nil
        self.commandID = nil
        self.idempotency = nil
        self.clientAdres = source.channel.remoteAddress?.ipAddress
    }

    /// Request bodies above this size are refused with 413.
    public var maxUploadSize: Int { APIVersion.maximumBodySize }
}
