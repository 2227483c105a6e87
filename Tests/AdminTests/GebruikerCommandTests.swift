import AdminCommands
import Dossiers
import Foundation
import Testing

@Suite("toedeling-admin gebruiker")
struct GebruikerCommandTests {
    @Test func createPrintsAnActivationLinkListShowsTheAccountAndBlockAndRestoreWork() async throws {
        try await TestDatabase.with { db in
            let store = GebruikerStore(pool: db.pool, bcryptKosten: 4)
            let created = await AdminRun.run(
                ["gebruiker", "create", "--rol", "koepel", "--koepel", "VNG", "--naam", "Vera Jansen", "--email", "Vera@VNG.example"], databaseURL: db.url)
            #expect(created.code == 0, "\(created.errors)")
            let link = created.text.trimmingCharacters(in: .newlines)
            #expect(link.hasPrefix("http://localhost:8080/activeren/"))
            let token = String(link.dropFirst("http://localhost:8080/activeren/".count))
            let waarde1 = try await store.activatie(token: token)
            #expect(waarde1?.email == "Vera@VNG.example")

            let dubbel = await AdminRun.run(
                ["gebruiker", "create", "--rol", "liaison", "--naam", "Ander", "--email", "vera@vng.EXAMPLE"], databaseURL: db.url)
            #expect(dubbel.code != 0)
            #expect(dubbel.errors.contains("Er is al een account met dit e-mailadres."))
            let zonderKoepel = await AdminRun.run(["gebruiker", "create", "--rol", "koepel", "--naam", "X", "--email", "x@vng.example"], databaseURL: db.url)
            #expect(zonderKoepel.code != 0)
            let fout = await AdminRun.run(["gebruiker", "create", "--rol", "liaison", "--naam", "X", "--email", "geen-adres"], databaseURL: db.url)
            #expect(fout.code != 0)
            #expect(fout.errors.split(separator: "\n").count == 1)

            let metWachtwoord = await AdminRun.run(
                ["gebruiker", "create", "--rol", "coordinator", "--naam", "Cora", "--email", "cora@bzk.example", "--wachtwoord-stdin"],
                databaseURL: db.url, input: ["een lange zin als wachtwoord"])
            #expect(metWachtwoord.code == 0, "\(metWachtwoord.errors)")
            #expect(!metWachtwoord.text.contains("activeren"))
            let zwak = await AdminRun.run(
                ["gebruiker", "create", "--rol", "coordinator", "--naam", "Kees", "--email", "kees@bzk.example", "--wachtwoord-stdin"],
                databaseURL: db.url, input: ["wachtwoord"])
            #expect(zwak.code != 0)
            #expect(zwak.errors.contains("12 tekens"))

            let lijst = await AdminRun.run(["gebruiker", "list"], databaseURL: db.url)
            #expect(lijst.code == 0)
            let regels = lijst.text.split(separator: "\n").map(String.init)
            #expect(regels.contains { $0.contains("Vera@VNG.example") && $0.contains("wacht op activatie") && $0.contains("VNG") })
            #expect(regels.contains { $0.contains("cora@bzk.example") && $0.contains("actief") })
            #expect(!lijst.text.contains("$2b$"))

            #expect(await AdminRun.run(["gebruiker", "blokkeer", "CORA@bzk.example"], databaseURL: db.url).code == 0)
            let waarde2 = try await store.gebruiker(email: "cora@bzk.example")
            #expect(waarde2?.geblokkeerd == true)
            let waarde3 = try await store.inloggen(email: "cora@bzk.example", wachtwoord: "een lange zin als wachtwoord", adres: nil)
            #expect(waarde3 == .mislukt)
            let onbekend = await AdminRun.run(["gebruiker", "blokkeer", "niemand@bzk.example"], databaseURL: db.url)
            #expect(onbekend.code != 0)
            #expect(onbekend.errors.contains("Er is geen account met dit e-mailadres."))

            let hersteld = await AdminRun.run(["gebruiker", "herstel", "cora@bzk.example"], databaseURL: db.url)
            #expect(hersteld.code == 0)
            let nieuw = String(hersteld.text.trimmingCharacters(in: .newlines).split(separator: "/").last ?? "")
            let waarde4 = try await store.gebruiker(email: "cora@bzk.example")
            #expect(waarde4?.geblokkeerd == false)
            let waarde5 = try await store.activatie(token: nieuw)
            #expect(waarde5?.email == "cora@bzk.example")
            // The first link of Vera still works; restoring Cora did not touch it.
            let waarde6 = try await store.activatie(token: token)
            #expect(waarde6 != nil)
        }
    }

    @Test func ontkoppelUndoesABindingToTheProviderAndListShowsIt() async throws {
        try await TestDatabase.with { db in
            let store = GebruikerStore(pool: db.pool, bcryptKosten: 4)
            _ = try await store.create(email: "ida@ipo.example", naam: "Ida", hoedanigheid: .koepel(.IPO))
            guard case .gelukt = try await store.openIDAanmelding(issuer: "https://idp.example", subject: "ida", email: "ida@ipo.example", emailBevestigd: true)
            else { Issue.record("not bound"); return }
            let lijst = await AdminRun.run(["gebruiker", "list"], databaseURL: db.url)
            #expect(lijst.text.split(separator: "\n").contains { $0.contains("ida@ipo.example") && $0.contains("actief") && $0.contains("gekoppeld") })
            let los = await AdminRun.run(["gebruiker", "ontkoppel", "IDA@ipo.example"], databaseURL: db.url)
            #expect(los.code == 0, "\(los.errors)")
            #expect(los.text.contains("unbound ida@ipo.example"))
            #expect(try await store.gebruiker(email: "ida@ipo.example")?.openID == nil)
            let daarna = await AdminRun.run(["gebruiker", "list"], databaseURL: db.url)
            #expect(daarna.text.split(separator: "\n").contains { $0.contains("ida@ipo.example") && $0.contains("wacht op activatie") })
            let onbekend = await AdminRun.run(["gebruiker", "ontkoppel", "niemand@ipo.example"], databaseURL: db.url)
            #expect(onbekend.code != 0)
            #expect(onbekend.errors.contains("Er is geen account met dit e-mailadres."))
            #expect(onbekend.errors.split(separator: "\n").count == 1)
        }
    }
}
