import Crypto
import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Postgres
import Taaktoedeling
import Testing
import ToedelingTestSupport
@testable import ToedelingWeb
import ServerTestSupport

/// Sign-in through an OpenID Provider: what can be tested without one. The flow against a real
/// provider (authlib), with every refusal, key rotation, logout and the browser, is
/// scripts/tests/oidc.sh.
@Suite("Web application: sign-in through an OpenID Provider")
struct WebOpenIDTests {
    static let settings = OpenIDSettings(
        issuer: "https://idp.example.nl", clientID: "toedeling", clientSecret: "geheim", naam: "SSO-Rijk", publiekeURL: "https://toedeling.example.nl/"
    )

    static func web(lokaal: Bool = true) -> WebConfiguration {
        WebConfiguration(openID: settings, lokaalInloggen: lokaal)
    }

    // MARK: PKCE and the ID token's claims

    @Test func theCodeVerifierAndNonceFollowFromTheBrowserAndTheStateOnly() {
        let proof = OpenIDRelyingParty.Proof(browserSecret: "b" + String(repeating: "x", count: 42), state: "s1")
        #expect(proof.verifier.count == 43)
        #expect(proof.verifier.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(proof.challenge == Data(SHA256.hash(data: Data(proof.verifier.utf8))).base64URLEncodedString())
        #expect(proof == OpenIDRelyingParty.Proof(browserSecret: "b" + String(repeating: "x", count: 42), state: "s1"))
        #expect(proof.verifier != OpenIDRelyingParty.Proof(browserSecret: "b" + String(repeating: "x", count: 42), state: "s2").verifier)
        #expect(proof.nonce != OpenIDRelyingParty.Proof(browserSecret: "c" + String(repeating: "x", count: 42), state: "s1").nonce)
        #expect(proof.nonce != proof.verifier)
    }

    static func claims(
        iss: String = "https://idp.example.nl", aud: [String] = ["toedeling"], azp: String? = nil, exp: TimeInterval = 300, iat: TimeInterval = 0,
        nonce: String? = "n", sub: String = "sub-1", nu: Date
    ) -> IDTokenClaims {
        IDTokenClaims(
            issuer: IssuerClaim(value: iss), subject: SubjectClaim(value: sub), audience: AudienceClaim(value: aud),
            expires: ExpirationClaim(value: nu.addingTimeInterval(exp)), issuedAt: IssuedAtClaim(value: nu.addingTimeInterval(iat)),
            nonce: nonce, authorizedParty: azp, email: "a@b.example", emailVerified: true, name: "A"
        )
    }

    @Test func anIDTokenIsRefusedForItsIssuerAudienceTimesNonceAndSubject() async throws {
        let partij = OpenIDRelyingParty(settings: Self.settings, logger: .init(label: "test"))
        let nu = Date(timeIntervalSince1970: 1_800_000_000)
        try await partij.check(Self.claims(nu: nu), nonce: "n", now: nu)
        try await partij.check(Self.claims(exp: -30, nu: nu), nonce: "n", now: nu)  // within the clock skew
        try await partij.check(Self.claims(aud: ["toedeling", "ander"], azp: "toedeling", nu: nu), nonce: "n", now: nu)
        let fouten: [(IDTokenClaims, String)] = [
            (Self.claims(iss: "https://idp.example.nl/", nu: nu), "iss"),
            (Self.claims(aud: ["ander"], nu: nu), "aud"),
            (Self.claims(aud: ["toedeling", "ander"], nu: nu), "azp"),
            (Self.claims(azp: "ander", nu: nu), "azp"),
            (Self.claims(exp: -61, nu: nu), "expired"),
            (Self.claims(iat: 120, nu: nu), "future"),
            (Self.claims(nonce: nil, nu: nu), "nonce"),
            (Self.claims(nonce: "m", nu: nu), "nonce"),
            (Self.claims(sub: "", nu: nu), "sub"),
        ]
        for (claims, woord) in fouten {
            do {
                try await partij.check(claims, nonce: "n", now: nu)
                Issue.record("accepted: \(woord)")
            } catch OpenIDError.invalidIDToken(let reden) {
                #expect(reden.contains(woord), "\(reden)")
            }
        }
        #expect(IDTokenClaims.self is any JWTIdentityToken.Type)
    }

    @Test func onlyAsymmetricSignaturesAreAccepted() {
        #expect(!OpenIDRelyingParty.algorithms.contains("none"))
        #expect(!OpenIDRelyingParty.algorithms.contains("HS256"))
        let header = Data(#"{"alg":"none"}"#.utf8).base64URLEncodedString()
        #expect(OpenIDRelyingParty.header(of: header + ".e30.")?["alg"] as? String == "none")
        #expect(OpenIDRelyingParty.header(of: "geen-jwt") == nil)
        #expect(OpenIDRelyingParty.safe("a\nb\u{1b}[31m c") == "ab[31mc")
    }

    // MARK: Pages

    @Test func theLoginPageOffersTheProviderBesideOrInsteadOfThePassword() async throws {
        try await APITestHarness.with { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test(web: Self.web()) { client in
                let pagina = try await WebBrowser(client).get("/inloggen?terug=/rapportages/evaluatie")
                #expect(pagina.tekst.contains(#"href="/inloggen/oidc?terug=%2Frapportages%2Fevaluatie">Inloggen met SSO-Rijk</a>"#))
                #expect(pagina.tekst.contains(#"name="wachtwoord""#))
                #expect(pagina.headers[.contentSecurityPolicy]?.contains("form-action 'self' https://idp.example.nl;") == true)
            }
            try await harness.test(web: Self.web(lokaal: false)) { client in
                let browser = WebBrowser(client)
                let pagina = try await browser.get("/inloggen")
                #expect(pagina.tekst.contains("Inloggen met SSO-Rijk"))
                #expect(!pagina.tekst.contains(#"name="wachtwoord""#))
                let csrf = try #require(browser.cookie("__Host-toedeling-csrf"))
                let poging = try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")], csrf: csrf)
                #expect(poging.status == .forbidden)
                #expect(poging.tekst.contains("Inloggen met een wachtwoord staat uit"))
                #expect(browser.cookie("__Host-toedeling") == nil)
            }
            try await harness.test { client in
                let pagina = try await WebBrowser(client).get("/inloggen")
                #expect(!pagina.tekst.contains("Inloggen met"))
                #expect(try await WebBrowser(client).get("/inloggen/oidc").status == .notFound)
                #expect(try await WebBrowser(client).get("/inloggen/oidc/terug?state=x&code=y").status == .notFound)
            }
        }
    }

    @Test func anInvitationNeedsNoPasswordWhenOnlyTheProviderSignsIn() async throws {
        try await APITestHarness.with { harness in
            let (_, activatie) = try await harness.gebruikers.create(email: "nina@bzk.example", naam: "Nina", hoedanigheid: .coordinator)
            let token = try #require(activatie)
            try await harness.test(web: Self.web(lokaal: false)) { client in
                let browser = WebBrowser(client)
                try await browser.get("/inloggen")
                let pagina = try await browser.get("/activeren/" + token)
                #expect(pagina.status == .ok)
                #expect(pagina.tekst.contains("U hoeft geen wachtwoord in te stellen"))
                #expect(pagina.tekst.contains("SSO-Rijk"))
                let csrf = try #require(browser.cookie("__Host-toedeling-csrf"))
                let zetten = try await browser.post("/activeren/" + token, [("wachtwoord", "een lange zin als wachtwoord"), ("herhaling", "een lange zin als wachtwoord")], csrf: csrf)
                #expect(zetten.status == .forbidden)
                #expect(try await harness.gebruikers.gebruiker(email: "nina@bzk.example")?.heeftWachtwoord == false)
            }
        }
    }

    @Test func anAnswerWithAnUnknownMissingOrForeignStateIsADutchPageAndNoSession() async throws {
        try await APITestHarness.with { harness in
            let store = harness.gebruikers
            try await harness.test(web: Self.web()) { client in
                let browser = WebBrowser(client)
                for uri in ["/inloggen/oidc/terug", "/inloggen/oidc/terug?code=abc", "/inloggen/oidc/terug?state=onbekend&code=abc"] {
                    let antwoord = try await browser.get(uri)
                    #expect(antwoord.status == .badRequest, "\(uri)")
                    #expect(antwoord.tekst.contains("Inloggen is niet gelukt"))
                    #expect(antwoord.tekst.contains(#"<html lang="nl">"#))
                    #expect(browser.cookie("__Host-toedeling") == nil)
                }
                // A known state brought by a browser without (or with another) binding cookie: refused, and used up.
                let state = "s" + String(repeating: "t", count: 42), eigen = "b" + String(repeating: "c", count: 42)
                try await store.bewaarOpenIDAanmelding(
                    stateHash: WebPages.sha256(state), browserHash: WebPages.sha256(eigen), terug: "/dossiers"
                )
                browser.zetCookie("__Host-toedeling-oidc", "b" + String(repeating: "d", count: 42))
                #expect(try await browser.get("/inloggen/oidc/terug?code=abc&state=" + state).status == .badRequest)
                #expect(try await store.neemOpenIDAanmelding(stateHash: WebPages.sha256(state)) == nil)
                // The provider's own refusal (error=access_denied) with the right browser and state.
                try await store.bewaarOpenIDAanmelding(stateHash: WebPages.sha256(state), browserHash: WebPages.sha256(eigen), terug: "")
                browser.zetCookie("__Host-toedeling-oidc", eigen)
                let geweigerd = try await browser.get("/inloggen/oidc/terug?error=access_denied&state=" + state)
                #expect(geweigerd.status == .unauthorized)
                #expect(geweigerd.tekst.contains("Het inloggen bij SSO-Rijk is afgebroken of geweigerd."))
                #expect(browser.cookie("__Host-toedeling") == nil)
            }
        }
    }

    // MARK: Binding

    @Test func anInvitedAccountIsBoundOnceAndFoundBySubjectNeverByAddressAlone() async throws {
        try await APITestHarness.with { harness in
            let store = harness.gebruikers
            let cora = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            _ = try await harness.account("bo@bzk.example", hoedanigheid: .coordinator)
            try await store.blokkeer(email: "bo@bzk.example")
            let iss = "https://idp.example.nl"
            #expect(try await store.openIDAanmelding(issuer: iss, subject: "x", email: "niemand@bzk.example", emailBevestigd: true) == .onbekend)
            #expect(try await store.openIDAanmelding(issuer: iss, subject: "x", email: nil, emailBevestigd: true) == .onbekend)
            #expect(try await store.openIDAanmelding(issuer: iss, subject: "c", email: "CORA@bzk.example", emailBevestigd: false) == .emailNietBevestigd)
            #expect(try await store.gebruiker(id: cora.id)?.openID == nil)
            #expect(try await store.openIDAanmelding(issuer: iss, subject: "b", email: "bo@bzk.example", emailBevestigd: true) == .geblokkeerd)
            #expect(try await store.gebruiker(email: "bo@bzk.example")?.openID == nil)
            guard case .gelukt(let gebonden, nieuwGekoppeld: true) = try await store.openIDAanmelding(
                issuer: iss, subject: "c", email: "CORA@bzk.example", emailBevestigd: true
            ) else { Issue.record("not bound"); return }
            #expect(gebonden.id == cora.id)
            #expect(gebonden.openID == OpenIDKoppeling(issuer: iss, subject: "c"))
            // Later: by (iss, sub), whatever the address says now.
            guard case .gelukt(let weer, nieuwGekoppeld: false) = try await store.openIDAanmelding(
                issuer: iss, subject: "c", email: "andere@elders.example", emailBevestigd: false
            ) else { Issue.record("not found by subject"); return }
            #expect(weer.id == cora.id)
            // Another person with Cora's address, or the same subject at another issuer: not Cora.
            #expect(try await store.openIDAanmelding(issuer: iss, subject: "d", email: "cora@bzk.example", emailBevestigd: true) == .andereKoppeling)
            #expect(try await store.openIDAanmelding(issuer: "https://ander.example", subject: "c", email: "cora@bzk.example", emailBevestigd: true) == .andereKoppeling)
            // Blocking stops a bound account too; ontkoppel lets the next sign-in bind again.
            try await store.blokkeer(email: "cora@bzk.example")
            #expect(try await store.openIDAanmelding(issuer: iss, subject: "c", email: nil, emailBevestigd: false) == .geblokkeerd)
            _ = try await store.herstel(email: "cora@bzk.example")
            let los = try await store.ontkoppel(email: "cora@bzk.example")
            #expect(los.openID == nil)
            guard case .gelukt(_, nieuwGekoppeld: true) = try await store.openIDAanmelding(
                issuer: iss, subject: "d", email: "cora@bzk.example", emailBevestigd: true
            ) else { Issue.record("not bound again"); return }
            await #expect(throws: GebruikerError.onbekend) { try await store.ontkoppel(email: "niemand@bzk.example") }
        }
    }
}
