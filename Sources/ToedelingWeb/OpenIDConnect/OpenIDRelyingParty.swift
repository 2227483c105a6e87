import AsyncHTTPClient
import Crypto
import Foundation
import JWTKit
import Logging
import NIOCore
import Taaktoedeling

/// Toedeling as an OpenID Connect relying party of one provider: the authorization code flow with
/// PKCE (S256), `state` and `nonce`. It reads the provider's discovery document and key set and
/// keeps them for a while (the key set is read again when a token names a key it does not know, so
/// a provider may rotate its keys), exchanges a code for an ID token, and verifies that token.
actor OpenIDRelyingParty {
    let settings: OpenIDSettings
    private let logger: Logger
    private let timeout: TimeAmount
    private var metadata: (value: OpenIDProviderMetadata, read: Date)?
    private var keys: (collection: JWTKeyCollection, kids: Set<String>, read: Date)?

    /// How long the discovery document is kept before it is read again.
    static let metadataLifetime: TimeInterval = 3600
    /// How long the key set is kept; a token naming an unknown key reads it sooner, at most once per
    /// `keysMinimumAge`.
    static let keysLifetime: TimeInterval = 3600
    static let keysMinimumAge: TimeInterval = 10
    /// The signature algorithms an ID token may use (never `none`, never a shared secret).
    static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]

    init(settings: OpenIDSettings, logger: Logger, timeout: TimeAmount = .seconds(10)) {
        self.settings = settings
        self.logger = logger
        self.timeout = timeout
    }

    // MARK: The flow

    /// The values of one sign-in, derived from the browser's binding secret and the `state`: the
    /// code verifier and the nonce are never stored, only recomputed when the browser comes back
    /// with the same cookie and state.
    struct Proof: Equatable {
        var verifier: String
        var challenge: String
        var nonce: String

        init(browserSecret: String, state: String) {
            func afgeleid(_ doel: String) -> String {
                Data(SHA256.hash(data: Data("toedeling-oidc|\(doel)|\(browserSecret)|\(state)".utf8))).base64URLEncodedString()
            }
            verifier = afgeleid("pkce")
            nonce = afgeleid("nonce")
            challenge = Data(SHA256.hash(data: Data(verifier.utf8))).base64URLEncodedString()
        }
    }

    /// The provider's authorization endpoint with this sign-in's parameters.
    func authorizationURL(state: String, proof: Proof) async throws -> String {
        let metadata = try await providerMetadata()
        let query = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", settings.redirectURI),
            ("scope", "openid email profile"), ("state", state), ("nonce", proof.nonce),
            ("code_challenge", proof.challenge), ("code_challenge_method", "S256"),
        ]
        let separator = metadata.authorizationEndpoint.contains("?") ? "&" : "?"
        return metadata.authorizationEndpoint + separator + Self.formEncoded(query)
    }

    /// Exchanges the code for the ID token (the token endpoint checks the code verifier).
    func exchange(code: String, verifier: String) async throws -> String {
        let metadata = try await providerMetadata()
        var form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURI), ("code_verifier", verifier),
        ]
        var request = HTTPClientRequest(url: metadata.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        if let secret = settings.clientSecret {
            if metadata.usesPostedSecret {
                form += [("client_id", settings.clientID), ("client_secret", secret)]
            } else {
                // RFC 6749 §2.3.1: both form-encoded before they are joined.
                let paar = Self.formComponent(settings.clientID) + ":" + Self.formComponent(secret)
                request.headers.add(name: "Authorization", value: "Basic " + Data(paar.utf8).base64EncodedString())
            }
        } else {
            form.append(("client_id", settings.clientID))
        }
        request.body = .bytes(ByteBuffer(string: Self.formEncoded(form)))
        let (status, body) = try await send(request, what: "token endpoint")
        if status == 400 || status == 401 {
            let error = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? String
            throw OpenIDError.codeRefused(reason: "token endpoint answered \(status) \(Self.safe(error ?? "without an error code"))")
        }
        guard status == 200 else { throw OpenIDError.providerUnavailable(reason: "token endpoint answered \(status)") }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let idToken = object["id_token"] as? String,
            !idToken.isEmpty
        else { throw OpenIDError.providerUnavailable(reason: "token endpoint's answer holds no id_token") }
        return idToken
    }

    /// The verified claims of `idToken`: its signature by a key of the provider's key set, `iss`,
    /// `aud` (and `azp` when there are several audiences), `exp` and `iat` with a small clock skew,
    /// and the sign-in's `nonce`.
    func verify(idToken: String, nonce: String, now: Date) async throws -> IDTokenClaims {
        guard let header = Self.header(of: idToken) else { throw OpenIDError.invalidIDToken(reason: "not a signed JWT") }
        guard let alg = header["alg"] as? String, Self.algorithms.contains(alg) else {
            throw OpenIDError.invalidIDToken(reason: "signature algorithm \(Self.safe(header["alg"] as? String ?? "missing")) is not accepted")
        }
        let kid = header["kid"] as? String
        var keys = try await keySet(refreshingFor: kid)
        let claims: IDTokenClaims
        do {
            claims = try await keys.collection.verify(idToken, as: IDTokenClaims.self, expectedAudience: settings.clientID)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            // A key replaced under the same id: read the set once more before refusing.
            guard now.timeIntervalSince(keys.read) >= Self.keysMinimumAge else {
                throw OpenIDError.invalidIDToken(reason: "signature does not verify")
            }
            keys = try await keySet(refreshingFor: kid, force: true)
            do {
                claims = try await keys.collection.verify(idToken, as: IDTokenClaims.self, expectedAudience: settings.clientID)
            } catch {
                throw OpenIDError.invalidIDToken(reason: Self.describe(error))
            }
        } catch {
            throw OpenIDError.invalidIDToken(reason: Self.describe(error))
        }
        try check(claims, nonce: nonce, now: now)
        return claims
    }

    /// The checks of OpenID Connect Core §3.1.3.7 that jwt-kit leaves to the relying party.
    func check(_ claims: IDTokenClaims, nonce: String, now: Date) throws {
        guard claims.issuer.value == settings.issuer else { throw OpenIDError.invalidIDToken(reason: "iss is not the configured issuer") }
        guard claims.audience.value.contains(settings.clientID) else { throw OpenIDError.invalidIDToken(reason: "aud does not name this client") }
        if claims.audience.value.count > 1 || claims.authorizedParty != nil {
            guard claims.authorizedParty == settings.clientID else { throw OpenIDError.invalidIDToken(reason: "azp does not name this client") }
        }
        guard claims.expires.value.timeIntervalSince(now) > -settings.clockSkew else { throw OpenIDError.invalidIDToken(reason: "expired") }
        guard claims.issuedAt.value.timeIntervalSince(now) < settings.clockSkew else { throw OpenIDError.invalidIDToken(reason: "issued in the future") }
        guard let tokenNonce = claims.nonce, Self.constantTimeEqual(tokenNonce.utf8, nonce.utf8) else {
            throw OpenIDError.invalidIDToken(reason: "nonce does not match the sign-in")
        }
        guard !claims.subject.value.isEmpty else { throw OpenIDError.invalidIDToken(reason: "sub is empty") }
    }

    /// Where to send the browser to log out at the provider too (RP-initiated logout), when it offers
    /// that; nil otherwise, or when the provider cannot be reached now.
    func endSessionURL() async -> String? {
        // Only at the issuer's origin: the pages' Content-Security-Policy lets a form lead there alone.
        guard let endpoint = try? await providerMetadata().endSessionEndpoint, OpenIDSettings.isToegestaneURL(endpoint),
            OpenIDSettings.origin(of: endpoint) == settings.origin
        else { return nil }
        let query = [("client_id", settings.clientID), ("post_logout_redirect_uri", settings.postLogoutRedirectURI)]
        return endpoint + (endpoint.contains("?") ? "&" : "?") + Self.formEncoded(query)
    }

    // MARK: Discovery and keys

    func providerMetadata() async throws -> OpenIDProviderMetadata {
        if let metadata, Date().timeIntervalSince(metadata.read) < Self.metadataLifetime { return metadata.value }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let (status, body) = try await send(HTTPClientRequest(url: base + "/.well-known/openid-configuration"), what: "discovery document")
        guard status == 200 else { throw OpenIDError.providerUnavailable(reason: "discovery document answered \(status)") }
        guard let value = try? JSONDecoder().decode(OpenIDProviderMetadata.self, from: body) else {
            throw OpenIDError.providerUnavailable(reason: "discovery document is not an OpenID Provider's")
        }
        guard value.issuer == settings.issuer else {
            throw OpenIDError.providerUnavailable(reason: "discovery document names another issuer")
        }
        for endpoint in [value.authorizationEndpoint, value.tokenEndpoint, value.jwksURI] where !OpenIDSettings.isToegestaneURL(endpoint) {
            throw OpenIDError.providerUnavailable(reason: "discovery document names an endpoint that is not https")
        }
        if let methods = value.codeChallengeMethodsSupported, !methods.contains("S256") {
            throw OpenIDError.providerUnavailable(reason: "provider does not support PKCE with S256")
        }
        metadata = (value, Date())
        return value
    }

    /// The key set, read again when older than its lifetime, or when `kid` is not in it and the set
    /// is older than `keysMinimumAge` (or `force`).
    private func keySet(refreshingFor kid: String?, force: Bool = false) async throws -> (collection: JWTKeyCollection, kids: Set<String>, read: Date) {
        let now = Date()
        if let keys, !force {
            let fresh = now.timeIntervalSince(keys.read) < Self.keysLifetime
            let known = kid.map { keys.kids.contains($0) } ?? true
            if fresh && (known || now.timeIntervalSince(keys.read) < Self.keysMinimumAge) { return keys }
        }
        let metadata = try await providerMetadata()
        let (status, body) = try await send(HTTPClientRequest(url: metadata.jwksURI), what: "key set")
        guard status == 200 else { throw OpenIDError.providerUnavailable(reason: "key set answered \(status)") }
        let collection = JWTKeyCollection()
        var kids: Set<String> = []
        do {
            let jwks = try JSONDecoder().decode(JWKS.self, from: body)
            for jwk in jwks.keys where jwk.keyIdentifier != nil && (jwk.algorithm.map { Self.algorithms.contains($0.rawValue) } ?? true) {
                // A key this library cannot use (another type, an encryption key) is left out, not fatal.
                if (try? await collection.add(jwk: jwk)) != nil, let id = jwk.keyIdentifier?.string { kids.insert(id) }
            }
        } catch {
            throw OpenIDError.providerUnavailable(reason: "key set is not a JWK set")
        }
        guard !kids.isEmpty else { throw OpenIDError.providerUnavailable(reason: "key set holds no usable signing key") }
        if let kid, !kids.contains(kid) { logger.notice("OpenID Provider's key set does not hold the ID token's key") }
        let keys = (collection, kids, now)
        self.keys = keys
        return keys
    }

    private func send(_ request: HTTPClientRequest, what: String) async throws -> (status: UInt, body: Data) {
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: 1 << 20)
            return (response.status.code, Data(buffer: buffer))
        } catch {
            throw OpenIDError.providerUnavailable(reason: "\(what) could not be read (\(String(describing: type(of: error))))")
        }
    }

    // MARK: Helpers

    /// The JOSE header of a compact JWS, or nil when it is not one.
    static func header(of token: String) -> [String: Any]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Data(base64URLEncoded: String(parts[0])) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    static func formComponent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func formEncoded(_ pairs: [(String, String)]) -> String {
        pairs.map { formComponent($0.0) + "=" + formComponent($0.1) }.joined(separator: "&")
    }

    /// True when both hold the same bytes, in a time that does not depend on where they differ.
    static func constantTimeEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        a.count == b.count && zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A provider's word, cut short and limited to printable ASCII, fit for a log line.
    static func safe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }.prefix(64).map(Character.init))
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? JWTError else { return "not a valid JWT" }
        switch error.errorType {
        case .signatureVerificationFailed: return "signature does not verify"
        case .claimVerificationFailure: return "aud does not name this client"
        case .malformedToken: return "malformed"
        default: return "not verifiable (\(error.errorType))"
        }
    }
}
