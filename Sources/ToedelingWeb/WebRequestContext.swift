import Dossiers
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore
import Taaktoedeling
import ToedelingHTTP

/// The request context of every page of the web application: the session (hummingbird-auth), the
/// logged-in account once known, the client's address and the request's form.
public struct WebRequestContext: IdentifiedRequestContext, SessionRequestContext {
    public typealias Session = WebSession

    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The session of this request, loaded and saved by `SessionMiddleware`.
    public let sessions: SessionContext<WebSession>
    /// The account of a completed login (password and, when set up, code).
    public var gebruiker: Gebruiker?
    /// The client's address without port (for throttling logins), when known.
    public var clientAdres: String?
    /// The request id (from `X-Request-ID` or generated), the correlation id of the events caused.
    public var requestID: String
    /// The fields of a posted form, read once by `FormMiddleware`.
    public var formulier: FormValues
    /// What a `WebError` renders its page with, given by `WebErrorMiddleware`.
    var weergave: PageRenderer?

    /// Creates the context for one request (Hummingbird's initialiser).
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.sessions = SessionContext()
        self.gebruiker = nil
        self.clientAdres = Self.adres(source.channel.remoteAddress)
        self.requestID = ""
        self.formulier = FormValues()
        self.weergave = nil
    }

    /// Forms above this size are refused with 413.
    public var maxUploadSize: Int { 1024 * 1024 }

    /// The address of a socket without port.
    public static func adres(_ address: SocketAddress?) -> String? {
        address?.ipAddress
    }

    /// The logged-in account as the domain sees who acts.
    var actor: Actor? { gebruiker?.actor }
}
