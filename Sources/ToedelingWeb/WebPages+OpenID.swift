import Crypto
import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Taaktoedeling

/// Sign-in through the organisation's OpenID Provider (WEB.md): `GET /inloggen/oidc` sends the
/// browser to the provider with PKCE (S256), `state` and `nonce`; the provider sends it back to
/// `GET /inloggen/oidc/terug`, where the code is exchanged, the ID token verified and the account
/// found by (`iss`, `sub`), or bound at its first sign-in. Anything else is a Dutch error page and
/// no session.
extension WebPages {
    func addOpenIDRoutes(to router: WebRouter) {
        guard openID != nil else { return }
        router.get("/inloggen/oidc", use: openIDBegin)
        router.get(OpenIDSettings.terugPad, use: openIDTerug)
    }

    static let openIDLogger = Logger(label: "toedeling-web.oidc")

    /// Starts a sign-in: a `state` kept (as a hash) with the browser's binding, and a redirect to the
    /// provider's authorization endpoint.
    @Sendable func openIDBegin(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let openID else { throw WebError.nietGevonden }
        if let gebruiker = context.gebruiker { return PageRenderer.verder(PageRenderer.thuis(voor: gebruiker.rol)) }
        // The browser's binding secret: kept while it is well-formed, so two tabs do not undo each other.
        let bestaand = request.cookies[configuratie.openIDCookie].map { String($0.value) }
        let browser = bestaand.flatMap { GebruikerStore.tokenHash($0) != nil ? $0 : nil } ?? BearerToken.randomBase64URL()
        let state = BearerToken.randomBase64URL()
        let proof = OpenIDRelyingParty.Proof(browserSecret: browser, state: state)
        let url: String
        do {
            url = try await openID.authorizationURL(state: state, proof: proof)
        } catch let error as OpenIDError {
            throw Self.weigering(error)
        }
        try await gebruikers.bewaarOpenIDAanmelding(
            stateHash: Self.sha256(state), browserHash: Self.sha256(browser), terug: veiligTerug(Self.terugParameter(request)) ?? ""
        )
        var headers: HTTPFields = [:]
        headers[.setCookie] = Cookie(
            name: configuratie.openIDCookie, value: browser, maxAge: Int(GebruikerStore.openIDAanmeldingGeldigheid), path: "/",
            secure: configuratie.veiligeCookies, httpOnly: true, sameSite: .lax
        ).description
        return PageRenderer.verder(url, headers: headers)
    }

    /// The provider's answer: the state is taken (it answers once), the browser must be the one that
    /// began, the code is exchanged with the code verifier, the ID token verified, and the account
    /// found or bound.
    @Sendable func openIDTerug(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let openID else { throw WebError.nietGevonden }
        let query = request.uri.queryParameters
        // The state is taken whoever brings it: it answers once.
        guard let state = query.get("state").map({ String($0) }), !state.isEmpty,
            let aanmelding = try await gebruikers.neemOpenIDAanmelding(stateHash: Self.sha256(state)),
            let browser = request.cookies[configuratie.openIDCookie].map({ String($0.value) }),
            OpenIDRelyingParty.constantTimeEqual(aanmelding.browserHash, Self.sha256(browser))
        else {
            Self.openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": "unknown, used or expired state, or another browser"])
            throw WebError.openIDOngeldigeAanmelding
        }
        if let fout = query.get("error") {
            Self.openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": "provider answered \(OpenIDRelyingParty.safe(String(fout)))"])
            throw WebError.openIDAfgebroken(naam: openID.settings.naam)
        }
        guard let code = query.get("code").map({ String($0) }), !code.isEmpty else {
            Self.openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": "answer without a code"])
            throw WebError.openIDOngeldigeAanmelding
        }
        let proof = OpenIDRelyingParty.Proof(browserSecret: browser, state: state)
        let claims: IDTokenClaims
        do {
            let idToken = try await openID.exchange(code: code, verifier: proof.verifier)
            claims = try await openID.verify(idToken: idToken, nonce: proof.nonce, now: afhankelijkheden.nu())
        } catch let error as OpenIDError {
            throw Self.weigering(error)
        }
        let uitkomst = try await gebruikers.openIDAanmelding(
            issuer: claims.issuer.value, subject: claims.subject.value, email: claims.email, emailBevestigd: claims.emailIsVerified
        )
        switch uitkomst {
        case .gelukt(let gebruiker, let nieuwGekoppeld):
            try await nieuweSessie(gebruiker, stap: .ingelogd, request, context, viaOpenID: true)
            Self.openIDLogger.info(
                "OIDC sign-in", metadata: ["gebruiker": .string(gebruiker.id.uuidString.lowercased()), "bound": .stringConvertible(nieuwGekoppeld)]
            )
            var headers: HTTPFields = [:]
            headers[.setCookie] = Cookie(
                name: configuratie.openIDCookie, value: "", maxAge: 0, path: "/", secure: configuratie.veiligeCookies, httpOnly: true, sameSite: .lax
            ).description
            return PageRenderer.verder(aanmelding.terug.isEmpty ? PageRenderer.thuis(voor: gebruiker.rol) : aanmelding.terug, headers: headers)
        case .geblokkeerd:
            Self.openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": "account blocked"])
            throw WebError.openIDGeblokkeerd
        case .onbekend:
            Self.openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": "no account bound or invited"])
            throw WebError.openIDOnbekend
        case .emailNietBevestigd:
            Self.openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": "email not verified by the provider"])
            throw WebError.openIDEmailNietBevestigd(naam: openID.settings.naam)
        case .andereKoppeling:
            Self.openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": "account bound to another subject"])
            throw WebError.openIDAndereKoppeling
        }
    }

    /// The page for a failure of the provider or of its answer; the reason goes to the log.
    static func weigering(_ error: OpenIDError) -> WebError {
        switch error {
        case .providerUnavailable(let reason):
            openIDLogger.warning("OIDC provider unavailable", metadata: ["reason": .string(reason)])
            return .openIDNietBereikbaar
        case .codeRefused(let reason):
            openIDLogger.notice("OIDC sign-in refused", metadata: ["reason": .string(reason)])
            return .openIDCodeGeweigerd
        case .invalidIDToken(let reason):
            openIDLogger.warning("OIDC ID token refused", metadata: ["reason": .string(reason)])
            return .openIDOngeldigBewijs
        }
    }

    static func sha256(_ text: String) -> Data {
        Data(SHA256.hash(data: Data(text.utf8)))
    }
}

extension WebError {
    static let openIDOngeldigeAanmelding = WebError(
        status: .badRequest, kop: "Inloggen is niet gelukt",
        tekst: "Deze inlogpoging is verlopen, al gebruikt of in een andere browser begonnen. U bent niet ingelogd. Begin opnieuw bij Inloggen."
    )
    static func openIDAfgebroken(naam: String) -> WebError {
        WebError(
            status: .unauthorized, kop: "Inloggen is niet gelukt",
            tekst: "Het inloggen bij \(naam) is afgebroken of geweigerd. U bent niet ingelogd. Begin opnieuw bij Inloggen."
        )
    }
    static let openIDCodeGeweigerd = WebError(
        status: .unauthorized, kop: "Inloggen is niet gelukt",
        tekst: "De identiteitsprovider heeft deze inlogpoging niet bevestigd. U bent niet ingelogd. Begin opnieuw bij Inloggen."
    )
    static let openIDOngeldigBewijs = WebError(
        status: .unauthorized, kop: "Inloggen is niet gelukt",
        tekst: "Het bewijs van uw identiteit dat de identiteitsprovider stuurde, klopt niet of is verlopen. U bent niet ingelogd. Begin opnieuw bij Inloggen; lukt het dan weer niet, neem contact op met de beheerder van Toedeling."
    )
    static let openIDNietBereikbaar = WebError(
        status: .serviceUnavailable, kop: "Inloggen kan nu niet",
        tekst: "De identiteitsprovider van uw organisatie is nu niet bereikbaar. U bent niet ingelogd. Probeer het over een paar minuten opnieuw."
    )
    static let openIDOnbekend = WebError(
        status: .forbidden, kop: "U hebt geen account bij Toedeling",
        tekst: "U bent bij de identiteitsprovider bekend, maar er is voor u geen account in Toedeling. Een coördinator van BZK maakt accounts aan: vraag hem of haar om u uit te nodigen met uw e-mailadres."
    )
    static func openIDEmailNietBevestigd(naam: String) -> WebError {
        WebError(
            status: .forbidden, kop: "Uw e-mailadres is niet bevestigd",
            tekst: "\(naam) heeft niet bevestigd dat het e-mailadres van uw uitnodiging van u is. U bent niet ingelogd. Vraag de beheerder van uw account bij \(naam) om uw e-mailadres te bevestigen."
        )
    }
    static let openIDAndereKoppeling = WebError(
        status: .forbidden, kop: "Dit account hoort bij iemand anders",
        tekst: "Het Toedeling-account met uw e-mailadres is al gekoppeld aan een ander account bij de identiteitsprovider. U bent niet ingelogd. Vraag de beheerder van Toedeling om de koppeling na te gaan."
    )
    static let openIDGeblokkeerd = WebError(
        status: .forbidden, kop: "Uw account is geblokkeerd", tekst: "U kunt niet inloggen bij Toedeling. Neem contact op met de beheerder van Toedeling."
    )
    static func lokaalInloggenUit(naam: String) -> WebError {
        WebError(
            status: .forbidden, kop: "Inloggen met een wachtwoord staat uit",
            tekst: "Bij Toedeling logt u in met het account van uw organisatie. Kies op de pagina Inloggen voor Inloggen met \(naam)."
        )
    }
}
