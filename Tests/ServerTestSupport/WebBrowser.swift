import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Taaktoedeling
import Dossiers

/// A browser for route tests: keeps the cookies the application sets (and drops expired ones),
/// sends forms urlencoded, and reads the CSRF token of the last page it got.
public final class WebBrowser: Sendable {
    public let client: any TestClientProtocol
    private let cookies = Mutex<[String: String]>([:])
    private let laatsteCSRF = Mutex<String?>(nil)

    public init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// The value of a cookie now held.
    public func cookie(_ naam: String) -> String? { cookies.withLock { $0[naam] } }

    /// Replaces or removes a held cookie.
    public func zetCookie(_ naam: String, _ waarde: String?) { cookies.withLock { $0[naam] = waarde } }

    /// The CSRF token of the last page that had a form.
    public var csrf: String? { laatsteCSRF.withLock { $0 } }

    @discardableResult
    public func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(.get, uri, headers: headers, body: nil)
    }

    /// Posts `velden` as a form, with the last page's CSRF token unless `csrf` says otherwise.
    @discardableResult
    public func post(_ uri: String, _ velden: [(String, String)], csrf: String?? = .none) async throws -> TestResponse {
        var alle = velden
        let token: String? = switch csrf {
        case .none: self.csrf
        case .some(let gegeven): gegeven
        }
        if let token { alle.insert(("csrf", token), at: 0) }
        let toegestaan = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = alle.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: toegestaan)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: toegestaan)!)" }
            .joined(separator: "&")
        return try await send(.post, uri, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// Posts `velden` and one file as `multipart/form-data`, with the last page's CSRF token unless
    /// `csrf` says otherwise (the token first, as a browser sends the form's hidden field).
    @discardableResult
    public func postBestand(
        _ uri: String, _ velden: [(String, String)], bestand: (veld: String, naam: String, type: String?, inhoud: [UInt8]), csrf: String?? = .none
    ) async throws -> TestResponse {
        let grens = "----WebKitFormBoundaryToedelingTest"
        let token: String? = switch csrf {
        case .none: self.csrf
        case .some(let gegeven): gegeven
        }
        var bytes: [UInt8] = []
        for (naam, waarde) in (token.map { [("csrf", $0)] } ?? []) + velden {
            bytes += Array("--\(grens)\r\nContent-Disposition: form-data; name=\"\(naam)\"\r\n\r\n\(waarde)\r\n".utf8)
        }
        bytes += Array("--\(grens)\r\nContent-Disposition: form-data; name=\"\(bestand.veld)\"; filename=\"\(bestand.naam)\"\r\n".utf8)
        bytes += Array("Content-Type: \(bestand.type ?? "application/octet-stream")\r\n\r\n".utf8) + bestand.inhoud + Array("\r\n--\(grens)--\r\n".utf8)
        return try await send(.post, uri, headers: [.contentType: "multipart/form-data; boundary=\(grens)"], body: ByteBuffer(bytes: bytes))
    }

    public func send(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        let jar = cookies.withLock { $0 }
        if !jar.isEmpty { headers[.cookie] = jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] { bewaar(header) }
        let html = String(buffer: response.body)
        if let token = Self.csrf(in: html) { laatsteCSRF.withLock { $0 = token } }
        return response
    }

    private func bewaar(_ header: String) {
        let delen = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let eerste = delen.first, let gelijk = eerste.firstIndex(of: "=") else { return }
        let naam = String(eerste[..<gelijk]), waarde = String(eerste[eerste.index(after: gelijk)...])
        var verlopen = false
        for deel in delen.dropFirst() where deel.lowercased().hasPrefix("expires=") {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let moment = formatter.date(from: String(deel.dropFirst(8))), moment <= Date().addingTimeInterval(1) { verlopen = true }
        }
        cookies.withLock { $0[naam] = verlopen ? nil : waarde }
    }

    public static func csrf(in html: String) -> String? {
        guard let bereik = html.range(of: #"name="csrf" value=""#) else { return nil }
        let rest = html[bereik.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

extension TestResponse {
    /// The body as text.
    public var tekst: String { String(buffer: body) }
    /// The `Location` of a redirect.
    public var locatie: String? { headers[.location] }
}

extension APITestHarness {
    /// An account with a password (cost-4 bcrypt in tests).
    public func account(
        _ email: String, hoedanigheid: Hoedanigheid, naam: String? = nil, wachtwoord: String = "een lange zin als wachtwoord"
    ) async throws -> Gebruiker {
        try await gebruikers.create(email: email, naam: naam ?? email, hoedanigheid: hoedanigheid, wachtwoord: wachtwoord).gebruiker
    }

    /// A browser logged in as the account (password only).
    public func ingelogd(_ client: any TestClientProtocol, _ email: String, wachtwoord: String = "een lange zin als wachtwoord") async throws -> WebBrowser {
        let browser = WebBrowser(client)
        try await browser.get("/inloggen")
        let response = try await browser.post("/inloggen", [("email", email), ("wachtwoord", wachtwoord)])
        guard response.status == .seeOther else { throw LoginFailed(status: response.status.code, body: response.tekst) }
        return browser
    }

    public struct LoginFailed: Error { let status: Int; let body: String }
}
