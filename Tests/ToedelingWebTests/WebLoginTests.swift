import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Postgres
import Taaktoedeling
import Testing
import ToedelingTestSupport
import ToedelingWeb
import Dossiers
import ServerTestSupport

@Suite("Web application: accounts, login and sessions")
struct WebLoginTests {
    @Test func aLoginGivesAHostOnlySessionCookieWhoseIdIsStoredOnlyAsAHashAndLogoutEndsIt() async throws {
        try await APITestHarness.with { harness in
            let cora = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator, naam: "Cora")
            try await harness.test { client in
                let browser = WebBrowser(client)
                let pagina = try await browser.get("/inloggen")
                #expect(pagina.status == .ok)
                #expect(pagina.tekst.contains(#"<html lang="nl">"#))
                #expect(pagina.headers[values: .setCookie].contains { $0.hasPrefix("__Host-toedeling-csrf=") && $0.contains("Secure") && $0.contains("HttpOnly") })
                let login = try await browser.post("/inloggen", [("email", "CORA@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")])
                #expect(login.status == .seeOther)
                #expect(login.locatie == "/dossiers")
                let sessieCookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("__Host-toedeling=") })
                for attribuut in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] { #expect(sessieCookie.contains(attribuut), "\(attribuut)") }
                #expect(!sessieCookie.contains("Domain"))
                let id = try #require(browser.cookie("__Host-toedeling"))
                // Only the hash of the key (prefix + id) is stored; the id itself appears nowhere.
                let rows = try await harness.pool.withConnection { connection in
                    try connection.query("SELECT sleutel_hash, waarde, gebruiker_id FROM web_sessies").map {
                        (try $0.data("sleutel_hash"), try $0.data("waarde"), try $0.uuid("gebruiker_id"))
                    }
                }
                #expect(rows.count == 1)
                #expect(rows.first?.0 == Data(SHA256.hash(data: Data(("toedeling-sessie." + id).utf8))))
                #expect(rows.first?.2 == cora.id)
                #expect(!(String(data: rows[0].1, encoding: .utf8) ?? "").contains(id))
                let dossiers = try await browser.get("/dossiers")
                #expect(dossiers.status == .ok)
                #expect(dossiers.tekst.contains("Cora, coördinator"))
                let uit = try await browser.post("/uitloggen", [])
                #expect(uit.status == .seeOther)
                #expect(uit.locatie == "/inloggen?uitgelogd=1")
                #expect(browser.cookie("__Host-toedeling") == nil)
                #expect(try await harness.sessies.aantal(van: cora.id) == 0)
                // The old cookie no longer works either.
                browser.zetCookie("__Host-toedeling", id)
                let daarna = try await browser.get("/dossiers")
                #expect(daarna.status == .seeOther)
                #expect(daarna.locatie == "/inloggen?terug=/dossiers")
            }
        }
    }

    @Test func afterLoginOnlyAPathOfThisSiteIsFollowed() async throws {
        try await APITestHarness.with { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test { client in
                for (terug, verwacht) in [
                    ("/rapportages/evaluatie", "/rapportages/evaluatie"), ("//kwaad.example/x", "/dossiers"),
                    ("https://kwaad.example", "/dossiers"), ("/%09/kwaad.example", "/dossiers"), ("/%5C%5Ckwaad.example", "/dossiers"),
                    ("/v1/dossiers", "/dossiers"),
                ] {
                    let browser = WebBrowser(client)
                    try await browser.get("/inloggen?terug=" + terug)
                    let login = try await browser.post(
                        "/inloggen?terug=" + terug, [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")])
                    #expect(login.locatie == verwacht, "\(terug)")
                }
            }
        }
    }

    @Test func aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() async throws {
        try await APITestHarness.with { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test { client in
                let browser = WebBrowser(client)
                try await browser.get("/inloggen")
                let fout = try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "verkeerd wachtwoord!!")])
                let onbekend = try await browser.post("/inloggen", [("email", "niemand@bzk.example"), ("wachtwoord", "verkeerd wachtwoord!!")])
                #expect(fout.status == .unauthorized)
                #expect(onbekend.status == fout.status)
                #expect(fout.tekst.contains("Het e-mailadres of het wachtwoord klopt niet."))
                #expect(onbekend.tekst.replacingOccurrences(of: "niemand@bzk.example", with: "X").replacingOccurrences(of: browser.csrf ?? "-", with: "T")
                    == fout.tekst.replacingOccurrences(of: "cora@bzk.example", with: "X").replacingOccurrences(of: browser.csrf ?? "-", with: "T"))
                #expect(browser.cookie("__Host-toedeling") == nil)
                let leeg = try await browser.post("/inloggen", [("email", ""), ("wachtwoord", "")])
                #expect(leeg.status == .badRequest)
                #expect(leeg.tekst.contains(##"<a href="#inloggen-email">E-mailadres: vul uw e-mailadres in.</a>"##))
                #expect(leeg.tekst.contains(##"href="#inloggen-wachtwoord""##))
            }
        }
    }

    @Test func afterFiveFailuresEachTryWaitsAGrowingDelayWhateverThePassword() async throws {
        let clock = TestClock(Date())
        try await APITestHarness.with(clock: clock) { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test { client in
                let browser = WebBrowser(client)
                try await browser.get("/inloggen")
                for _ in 1...5 {
                    #expect(try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "fout fout fout")]).status == .unauthorized)
                }
                let geremd = try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")])
                #expect(geremd.status == .tooManyRequests)
                #expect(geremd.tekst.contains("Probeer het over 1 seconden opnieuw"))
                clock.advance(seconds: 2)
                #expect(try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "fout fout fout")]).status == .unauthorized)
                // The sixth failure doubles the delay.
                clock.advance(seconds: 1.5)
                #expect(try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")]).status == .tooManyRequests)
                clock.advance(seconds: 1)
                let gelukt = try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")])
                #expect(gelukt.status == .seeOther)
                // The brake is per typed address: an unknown one is braked just the same.
                let ander = WebBrowser(client)
                try await ander.get("/inloggen")
                for _ in 1...5 {
                    let antwoord = try await ander.post("/inloggen", [("email", "niemand@bzk.example"), ("wachtwoord", "x")])
                    #expect(antwoord.status == .unauthorized)
                }
                let onbekend = try await ander.post("/inloggen", [("email", "niemand@bzk.example"), ("wachtwoord", "x")])
                #expect(onbekend.status == .tooManyRequests, "\(onbekend.tekst)")
            }
        }
    }

    @Test func theClientAddressIsBrakedAcrossAccounts() async throws {
        let clock = TestClock(Date())
        try await APITestHarness.with(clock: clock) { harness in
            let gebruikers = harness.gebruikers
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            for nummer in 1...5 {
                #expect(try await gebruikers.inloggen(email: "gok\(nummer)@bzk.example", wachtwoord: "x", adres: "192.0.2.7", nu: clock.now) == .mislukt)
            }
            // A sixth account from the same address waits, even with the right password…
            #expect(try await gebruikers.inloggen(email: "cora@bzk.example", wachtwoord: "een lange zin als wachtwoord", adres: "192.0.2.7", nu: clock.now)
                == .wacht(seconden: 1))
            // …while another address is not braked.
            guard case .gelukt = try await gebruikers.inloggen(
                email: "cora@bzk.example", wachtwoord: "een lange zin als wachtwoord", adres: "198.51.100.1", nu: clock.now)
            else { Issue.record("another address was braked"); return }
        }
    }

    @Test func twoStepVerificationIsSetUpFromTheAccountPageAndAskedAtEveryLogin() async throws {
        // The server's clock stands still: which 30-second step a code belongs to never depends on
        // how fast the test runs.
        let clock = TestClock(Date())
        try await APITestHarness.with(clock: clock) { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test { client in
                let browser = try await harness.ingelogd(client, "cora@bzk.example")
                try await browser.get("/account")
                #expect(try await browser.post("/account/tweestap/nieuw", []).locatie == "/account/tweestap")
                let instellen = try await browser.get("/account/tweestap")
                let geheim = try #require(Self.geheim(in: instellen.tekst))
                let fout = try await browser.post("/account/tweestap", [("code", Self.andereCode(geheim, at: clock.now))])
                #expect(fout.status == .badRequest)
                #expect(fout.tekst.contains("Deze code klopt niet"))
                let aan = try await browser.post("/account/tweestap", [("code", Self.code(geheim, at: clock.now))])
                #expect(aan.locatie == "/account?tweestap=aan")
                #expect(try await harness.gebruikers.gebruiker(email: "cora@bzk.example")?.heeftTweestap == true)
                try await browser.post("/uitloggen", [])

                let tweede = WebBrowser(client)
                try await tweede.get("/inloggen")
                let wachtwoord = try await tweede.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")])
                #expect(wachtwoord.locatie == "/inloggen/code")
                // The password alone is no login.
                #expect(try await tweede.get("/dossiers").status == .seeOther)
                try await tweede.get("/inloggen/code")
                let verkeerd = try await tweede.post("/inloggen/code", [("code", Self.andereCode(geheim, at: clock.now))])
                #expect(verkeerd.status == .unauthorized)
                // The code of the set-up's time step was used there; the next step's is accepted once.
                #expect(try await tweede.post("/inloggen/code", [("code", Self.code(geheim, at: clock.now))]).status == .unauthorized)
                let volgende = Self.code(geheim, at: clock.now.addingTimeInterval(30))
                let goed = try await tweede.post("/inloggen/code", [("code", volgende)])
                #expect(goed.locatie == "/dossiers")
                #expect(try await tweede.get("/dossiers").status == .ok)
                // The same code a second time is refused, also for a new login.
                let derde = WebBrowser(client)
                try await derde.get("/inloggen")
                #expect(try await derde.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")]).locatie == "/inloggen/code")
                try await derde.get("/inloggen/code")
                let herhaald = try await derde.post("/inloggen/code", [("code", volgende)])
                #expect(herhaald.status == .unauthorized)
                #expect(herhaald.tekst.contains("al gebruikt"))
            }
        }
    }

    @Test func requiredTwoStepVerificationMustBeSetUpBeforeAnyPage() async throws {
        // The server's clock stands still: which 30-second step a code belongs to never depends on
        // how fast the test runs.
        let clock = TestClock(Date())
        try await APITestHarness.with(clock: clock) { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test(web: WebConfiguration(tweestapVerplicht: true)) { client in
                let browser = WebBrowser(client)
                try await browser.get("/inloggen")
                let login = try await browser.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")])
                #expect(login.locatie == "/account/tweestap")
                #expect(try await browser.get("/dossiers").status == .seeOther)
                let pagina = try await browser.get("/account/tweestap")
                #expect(pagina.tekst.contains("tweestapsverificatie verplicht"))
                let geheim = try #require(Self.geheim(in: pagina.tekst))
                let klaar = try await browser.post("/account/tweestap", [("code", Self.code(geheim, at: clock.now))])
                #expect(klaar.locatie == "/dossiers")
                #expect(try await browser.get("/dossiers").status == .ok)
                let account = try await browser.get("/account")
                #expect(!account.tekst.contains("/account/tweestap/uit"))
            }
        }
    }

    @Test func aSessionEndsWhenIdleAndAfterTwelveHoursWhateverItsUse() async throws {
        let clock = TestClock(Date())
        try await APITestHarness.with(clock: clock) { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test { client in
                let browser = try await harness.ingelogd(client, "cora@bzk.example")
                #expect(try await browser.get("/dossiers").status == .ok)
                // Idle: the row's own expiry (30 minutes after the last extension) has passed.
                try await harness.pool.withConnection { connection in
                    _ = try connection.execute("UPDATE web_sessies SET verloopt_op = now() - interval '1 second'")
                }
                #expect(try await browser.get("/dossiers").locatie == "/inloggen?terug=/dossiers")

                let actief = try await harness.ingelogd(client, "cora@bzk.example")
                for _ in 0..<24 {
                    clock.advance(seconds: 29 * 60)
                    guard try await actief.get("/dossiers").status == .ok else { break }
                }
                // 24 × 29 minutes is past 11 hours; used every 29 minutes it is still alive…
                clock.advance(seconds: 3600)
                // …until 12 hours after login.
                #expect(try await actief.get("/dossiers").status == .seeOther)
            }
        }
    }

    @Test func blockingAnAccountEndsItsSessionsAtOnceAndRestoringGivesANewLink() async throws {
        try await APITestHarness.with { harness in
            let cora = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test { client in
                let browser = try await harness.ingelogd(client, "cora@bzk.example")
                #expect(try await browser.get("/dossiers").status == .ok)
                try await harness.gebruikers.blokkeer(email: "Cora@BZK.example")
                #expect(try await harness.sessies.aantal(van: cora.id) == 0)
                #expect(try await browser.get("/dossiers").status == .seeOther)
                let opnieuw = WebBrowser(client)
                try await opnieuw.get("/inloggen")
                #expect(try await opnieuw.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")]).status == .unauthorized)
                let hersteld = try await harness.gebruikers.herstel(email: "cora@bzk.example")
                // The old password is gone with the restore; the new link sets one.
                #expect(try await opnieuw.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")]).status == .unauthorized)
                try await opnieuw.get("/activeren/" + hersteld.activatie)
                #expect(try await opnieuw.post("/activeren/" + hersteld.activatie, [("wachtwoord", "een nieuwe lange zin"), ("herhaling", "een nieuwe lange zin")]).status == .seeOther)
                try await opnieuw.get("/inloggen")
                #expect(try await opnieuw.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een nieuwe lange zin")]).status == .seeOther)
            }
        }
    }

    @Test func anActivationLinkSetsAPasswordOnceAndRefusesWeakOnes() async throws {
        try await APITestHarness.with { harness in
            let aangemaakt = try await harness.gebruikers.create(email: "vera@vng.example", naam: "Vera Jansen", hoedanigheid: .koepel(.VNG))
            let token = try #require(aangemaakt.activatie)
            let hash = try await harness.pool.withConnection { connection in
                try connection.query("SELECT token_hash FROM gebruiker_activaties").map { try $0.data("token_hash") }
            }
            #expect(hash == [Data(SHA256.hash(data: Data(token.utf8)))])
            try await harness.test { client in
                let browser = WebBrowser(client)
                let pagina = try await browser.get("/activeren/" + token)
                #expect(pagina.status == .ok)
                #expect(pagina.tekst.contains("vera@vng.example"))
                for (zwak, reden) in [("kort", "ten minste 12 tekens"), ("wachtwoord123", "veel gebruikt"), ("verajansen2026", "e-mailadres of naam")] {
                    let geweigerd = try await browser.post("/activeren/" + token, [("wachtwoord", zwak), ("herhaling", zwak)])
                    #expect(geweigerd.status == .badRequest, "\(zwak)")
                    #expect(geweigerd.tekst.contains(reden), "\(zwak)")
                }
                let anders = try await browser.post("/activeren/" + token, [("wachtwoord", "een lange zin als wachtwoord"), ("herhaling", "een andere zin")])
                #expect(anders.tekst.contains(##"href="#activeren-herhaling""##))
                let gezet = try await browser.post("/activeren/" + token, [("wachtwoord", "een lange zin als wachtwoord"), ("herhaling", "een lange zin als wachtwoord")])
                #expect(gezet.locatie == "/inloggen?geactiveerd=1")
                #expect(try await browser.get("/activeren/" + token).status == .notFound)
                #expect(try await browser.get("/activeren/onzin").status == .notFound)
                try await browser.get("/inloggen")
                #expect(try await browser.post("/inloggen", [("email", "vera@vng.example"), ("wachtwoord", "een lange zin als wachtwoord")]).locatie == "/consultaties")
            }
        }
    }

    @Test func anActivationTokenIsNeverLogged() {
        #expect(logbaarPad("/activeren/Mb1RYKEORn7zEPnllKKSXxiWmTfV7PJgQCkwTzYWHCc") == "/activeren/…")
        #expect(logbaarPad("/dossiers/nieuw") == "/dossiers/nieuw")
    }

    @Test func productionPasswordsAreBcryptAtCostTwelve() async throws {
        try await APITestHarness.with { harness in
            let store = GebruikerStore(pool: harness.pool)
            _ = try await store.create(email: "li@tk.example", naam: "Li", hoedanigheid: .liaison, wachtwoord: "een lange zin als wachtwoord")
            let hash = try await harness.pool.withConnection { connection in
                try connection.query("SELECT wachtwoord_hash FROM gebruikers").first?.string("wachtwoord_hash")
            }
            #expect(hash?.hasPrefix("$2b$12$") == true)
            #expect(hash?.contains("een lange zin") == false)
        }
    }

    @Test func aPostWithoutTheSessionsCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await APITestHarness.with { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            try await harness.test { client in
                let browser = try await harness.ingelogd(client, "cora@bzk.example")
                try await browser.get("/dossiers/nieuw")
                let velden = [("titel", "T"), ("omschrijving", "O"), ("vakdepartement", "V"), ("soort", "taak"), ("nieuweTaak", "ja")]
                for csrf in [String?.none, "verkeerd", String(repeating: "a", count: 43)] {
                    let geweigerd = try await browser.post("/dossiers/nieuw", velden, csrf: .some(csrf))
                    #expect(geweigerd.status == .forbidden)
                    #expect(geweigerd.tekst.contains("Er is niets opgeslagen"))
                }
                // A login form without its cookie's token, and a form that is not urlencoded.
                let vreemd = WebBrowser(client)
                #expect(try await vreemd.post("/inloggen", [("email", "cora@bzk.example"), ("wachtwoord", "een lange zin als wachtwoord")], csrf: "x").status == .forbidden)
                let json = try await client.execute(
                    uri: "/dossiers/nieuw", method: .post, headers: [.contentType: "application/json", .cookie: "__Host-toedeling=\(browser.cookie("__Host-toedeling") ?? "")"],
                    body: ByteBuffer(string: "{}"))
                #expect(json.status == .unsupportedMediaType)
                let count = try await harness.pool.withConnection { try $0.query("SELECT count(*) AS n FROM events").first?.int("n") }
                #expect(count == 0)
                #expect(try await browser.post("/dossiers/nieuw", velden).status == .seeOther)
            }
        }
    }

    // MARK: Helpers

    /// The TOTP secret behind the `otpauth://` link on the set-up page (base32 of the secret's bytes).
    static func geheim(in html: String) -> String? {
        guard let bereik = html.range(of: "secret=") else { return nil }
        let base32 = html[bereik.upperBound...].prefix { $0.isLetter || $0.isNumber }
        let alfabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, waarde = 0
        var bytes: [UInt8] = []
        for teken in base32 {
            guard let index = alfabet.firstIndex(of: teken) else { return nil }
            waarde = (waarde << 5) | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((waarde >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    static func code(_ geheim: String, at moment: Date) -> String {
        String(format: "%06d", TOTP(secret: geheim).compute(date: moment))
    }

    /// A code that is none of the accepted ones (now and a step either side).
    static func andereCode(_ geheim: String, at moment: Date) -> String {
        let totp = TOTP(secret: geheim)
        let geldig = Set([-60.0, -30, 0, 30, 60].map { totp.compute(date: moment.addingTimeInterval($0)) })
        return String(format: "%06d", (0..<1_000_000).first { !geldig.contains($0) } ?? 0)
    }
}
