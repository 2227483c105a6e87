import Crypto
import Foundation
import Logging
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Taaktoedeling
import Testing
import ToedelingTestSupport
import ToedelingWeb
import Dossiers
import ServerTestSupport

@Suite("Web application: pages, scoping and forms")
struct WebPageTests {
    /// A world with one account per role and one dossier whose open round invites VNG and IPO, in
    /// which VNG has reacted; a second dossier invites nobody.
    struct Wereld: Sendable {
        let harness: APITestHarness
        let uitgenodigd: Dossier
        let anders: Dossier
        var service: DossierService { harness.dependencies.service }
    }

    static func met(_ body: @escaping @Sendable (Wereld, any TestClientProtocol) async throws -> Void) async throws {
        try await APITestHarness.with { harness in
            for (email, hoedanigheid) in [
                ("cora@bzk.example", Hoedanigheid.coordinator), ("li@tk.example", .liaison),
                ("vera@vng.example", .koepel(.VNG)), ("ivo@ipo.example", .koepel(.IPO)), ("uma@uvw.example", .koepel(.UvW)),
            ] {
                _ = try await harness.account(email, hoedanigheid: hoedanigheid, naam: email.split(separator: "@")[0].capitalized)
            }
            let service = harness.dependencies.service
            let dossier = try await openDossier(service, titel: "Toezicht op kinderopvang")
            _ = try await service.execute(.openConsultatie(koepels: [.VNG, .IPO], termijn: termijn), on: dossier.id, context: context())
            _ = try await service.execute(
                .dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Geheim bezwaar van de VNG.", kenmerk: nil),
                on: dossier.id, context: context(koepel(.VNG))
            )
            let anders = try await openDossier(service, titel: "Waterkeringen onder rijksbeheer", vakdepartement: "IenW")
            let wereld = Wereld(harness: harness, uitgenodigd: try #require(try await service.dossier(dossier.id)), anders: anders)
            try await harness.test { client in try await body(wereld, client) }
        }
    }

    static func pad(_ dossier: Dossier, _ rest: String = "") -> String {
        "/dossiers/\(dossier.id.uuidString.lowercased())" + rest
    }

    /// A reactie shows its own kenmerk, never the dossier's (a template lookup once fell through to it).
    @Test func aReactieWithoutItsOwnKenmerkShowsNone() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            let pagina = try await cora.get(Self.pad(wereld.uitgenodigd))
            #expect(pagina.status == .ok)
            #expect(pagina.tekst.contains("Geheim bezwaar van de VNG."))
            #expect(!pagina.tekst.contains("kenmerk \(wereld.uitgenodigd.kenmerk)</span>"))
        }
    }

    @Test func aKoepelSeesNothingOfADossierItWasNotInvitedToAndNotAnothersOpenRoundReactie() async throws {
        try await Self.met { wereld, client in
            let ipo = try await wereld.harness.ingelogd(client, "ivo@ipo.example")
            let lijst = try await ipo.get("/dossiers")
            #expect(lijst.status == .ok)
            #expect(lijst.tekst.contains("Toezicht op kinderopvang"))
            #expect(!lijst.tekst.contains("Waterkeringen"))
            #expect(lijst.tekst.contains("1 dossier<"))
            #expect(!(try await ipo.get("/dossiers?tekst=Water")).tekst.contains(Self.pad(wereld.anders)))
            #expect(try await ipo.get(Self.pad(wereld.anders)).status == .notFound)
            #expect(try await ipo.get(Self.pad(wereld.anders, "/tijdlijn")).status == .notFound)
            let pagina = try await ipo.get(Self.pad(wereld.uitgenodigd))
            #expect(pagina.status == .ok)
            #expect(!pagina.tekst.contains("Geheim bezwaar"))
            #expect(pagina.tekst.contains("De reacties van de andere koepels ziet u zodra de ronde is gesloten."))
            // Its only form is its own reactie.
            #expect(pagina.tekst.contains(#"id="actie-consultaties-reacties""#))
            #expect(!pagina.tekst.contains(#"id="actie-consultaties-sluiting""#))
            #expect(!pagina.tekst.contains(#"id="actie-toetsingen""#))
            let tijdlijn = try await ipo.get(Self.pad(wereld.uitgenodigd, "/tijdlijn"))
            #expect(!tijdlijn.tekst.contains("VNG heeft"))
            let consultaties = try await ipo.get("/consultaties")
            #expect(consultaties.tekst.contains("Toezicht op kinderopvang"))
            #expect(consultaties.tekst.contains("Nog niet ingediend"))
            #expect(!consultaties.tekst.contains("Waterkeringen"))
            // UvW was not invited anywhere.
            let uvw = try await wereld.harness.ingelogd(client, "uma@uvw.example")
            #expect(try await uvw.get(Self.pad(wereld.uitgenodigd)).status == .notFound)
            #expect(try await uvw.get("/consultaties").tekst.contains("U bent nog niet uitgenodigd"))
            #expect(try await uvw.get("/dossiers").tekst.contains("0 dossiers"))
            // After closing, the other koepels' reacties are there.
            _ = try await wereld.service.execute(.sluitConsultatie(ronde: 1), on: wereld.uitgenodigd.id, context: context())
            #expect(try await ipo.get(Self.pad(wereld.uitgenodigd)).tekst.contains("Geheim bezwaar van de VNG."))
        }
    }

    @Test func aKoepelSubmitsItsReactieOnceAndGetsAReceipt() async throws {
        try await Self.met { wereld, client in
            let ipo = try await wereld.harness.ingelogd(client, "ivo@ipo.example")
            // Its view counts only what it may see: VNG's reactie moves neither the version nor the page.
            #expect(try await ipo.get(Self.pad(wereld.uitgenodigd)).tekst.contains(#"name="versie" value="2""#))
            let leeg = try await ipo.post(Self.pad(wereld.uitgenodigd, "/consultaties/1/reacties"), [("versie", "2")])
            #expect(leeg.status == .badRequest)
            #expect(leeg.tekst.contains(##"href="#actie-consultaties-reacties-standpunt""##))
            #expect(leeg.tekst.contains(##"href="#actie-consultaties-reacties-toelichting""##))
            let ingediend = try await ipo.post(
                Self.pad(wereld.uitgenodigd, "/consultaties/1/reacties"),
                [("versie", "2"), ("standpunt", "instemmendMetKanttekeningen"), ("toelichting", "Provincies kunnen dit aan."), ("kenmerk", "IPO-2026-7")]
            )
            #expect(ingediend.status == .seeOther)
            let bewijs = try await ipo.get(try #require(ingediend.locatie))
            #expect(bewijs.status == .ok)
            #expect(bewijs.tekst.contains("\(wereld.uitgenodigd.kenmerk)-R1-IPO"))
            #expect(bewijs.tekst.contains("Instemmend met kanttekeningen"))
            // The event records the account, as the API records the token.
            let metadata = try await wereld.harness.pool.withConnection { connection in
                try connection.query("SELECT metadata FROM events WHERE type = 'ReactieIngediend' ORDER BY position DESC LIMIT 1").first?.json("metadata")
            }
            let object = try JSONSerialization.jsonObject(with: try #require(metadata)) as? [String: Any]
            let ivo = try await wereld.harness.gebruikers.gebruiker(email: "ivo@ipo.example")
            #expect(object?["gebruikerId"] as? String == ivo?.id.uuidString.lowercased())
            #expect(object?["koepel"] as? String == "IPO")
            #expect(object?["tokenId"] == nil)
            // A second reactie is refused in Dutch; the form is gone and what was typed is kept.
            try await ipo.get(Self.pad(wereld.uitgenodigd))
            let tweede = try await ipo.post(
                Self.pad(wereld.uitgenodigd, "/consultaties/1/reacties"),
                [("standpunt", "bezwaar"), ("toelichting", "Toch bezwaar.")]
            )
            #expect(tweede.status == .conflict)
            #expect(tweede.tekst.contains("Toch bezwaar."))
            #expect(!tweede.tekst.contains(#"id="actie-consultaties-reacties""#))
            // VNG cannot see IPO's receipt.
            let vng = try await wereld.harness.ingelogd(client, "vera@vng.example")
            #expect(try await vng.get(Self.pad(wereld.uitgenodigd, "/consultaties/1/ontvangstbewijs")).tekst.contains("\(wereld.uitgenodigd.kenmerk)-R1-VNG"))
            #expect(!(try await vng.get(Self.pad(wereld.uitgenodigd, "/consultaties/1/ontvangstbewijs?koepel=IPO"))).tekst.contains("R1-IPO"))
        }
    }

    @Test func aCoordinatorUploadsADocumentAndAKoepelDownloadsItButNotAnInternalOne() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            let pagina = try await cora.get(Self.pad(wereld.uitgenodigd))
            #expect(pagina.tekst.contains(#"id="actie-documenten""#) && pagina.tekst.contains(#"enctype="multipart/form-data""#))
            let pdf = pdfBytes(7, size: 2_500)
            let toegevoegd = try await cora.postBestand(
                Self.pad(wereld.uitgenodigd, "/documenten"),
                [("titel", "Concept wetsvoorstel"), ("documentsoort", "voorstel"), ("vertrouwelijkheid", "openbaar")],
                bestand: ("inhoud", "wetsvoorstel.pdf", "application/pdf", pdf)
            )
            #expect(toegevoegd.status == .seeOther, "\(toegevoegd.tekst)")
            let na = try await cora.get(try #require(toegevoegd.locatie))
            #expect(na.tekst.contains("Het document is toegevoegd."))
            #expect(na.tekst.contains("Concept wetsvoorstel") && na.tekst.contains("wetsvoorstel.pdf") && na.tekst.contains("3 kB"))
            #expect(!na.tekst.contains(#"<span class="hint">versie"#), "a first version shows no version number")
            _ = try await cora.postBestand(
                Self.pad(wereld.uitgenodigd, "/documenten"),
                [("titel", "Interne nota"), ("documentsoort", "overig"), ("vertrouwelijkheid", "intern")],
                bestand: ("inhoud", "nota.txt", "text/plain", Array("Alleen voor BZK.\n".utf8))
            )
            let documenten = try await wereld.service.documenten(van: wereld.uitgenodigd.id, voor: coordinator) ?? []
            #expect(documenten.map(\.titel) == ["Concept wetsvoorstel", "Interne nota"])
            let openbaar = try #require(documenten.first)
            let intern = try #require(documenten.last)

            let ivo = try await wereld.harness.ingelogd(client, "ivo@ipo.example")
            let koepelPagina = try await ivo.get(Self.pad(wereld.uitgenodigd))
            #expect(koepelPagina.tekst.contains("Concept wetsvoorstel") && !koepelPagina.tekst.contains("Interne nota"))
            #expect(!koepelPagina.tekst.contains(#"id="actie-documenten""#))
            let download = try await ivo.get(Self.pad(wereld.uitgenodigd, "/documenten/\(openbaar.id.uuidString.lowercased())/inhoud"))
            #expect(download.status == .ok && Array(download.body.readableBytesView) == pdf)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            // The document's own sandbox is kept under the pages' policy (as the API keeps it).
            #expect(download.headers[.contentSecurityPolicy]?.hasPrefix("sandbox; default-src 'self'; frame-ancestors 'none'") == true)
            #expect(try await ivo.get(Self.pad(wereld.uitgenodigd, "/documenten/\(intern.id.uuidString.lowercased())/inhoud")).status == .notFound)
            // A koepel cannot post the coordinator's form.
            let geweigerd = try await ivo.postBestand(
                Self.pad(wereld.uitgenodigd, "/documenten"), [("titel", "X"), ("documentsoort", "overig"), ("vertrouwelijkheid", "openbaar")],
                bestand: ("inhoud", "x.pdf", "application/pdf", pdf))
            #expect(geweigerd.status == .forbidden)
        }
    }

    @Test func aRefusedUploadShowsADutchErrorSummaryKeepsWhatWasTypedAndStoresNothing() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            try await cora.get(Self.pad(wereld.uitgenodigd))
            func rijen() async throws -> Int64 {
                try await wereld.harness.documentRows().blokken + wereld.harness.documentRows().events
            }
            let zip = try await cora.postBestand(
                Self.pad(wereld.uitgenodigd, "/documenten"),
                [("titel", "Mijn titel blijft staan"), ("documentsoort", "besluit"), ("vertrouwelijkheid", "openbaar")],
                bestand: ("inhoud", "besluit.pdf", "application/pdf", [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 100))
            )
            #expect(zip.status == .unsupportedMediaType)
            #expect(zip.tekst.contains("Er is een probleem") && zip.tekst.contains("ZIP-archief"))
            #expect(zip.tekst.contains(##"href="#actie-documenten-inhoud""##))
            #expect(zip.tekst.contains(#"value="Mijn titel blijft staan""#))
            let zonderTitel = try await cora.postBestand(
                Self.pad(wereld.uitgenodigd, "/documenten"), [("titel", ""), ("documentsoort", ""), ("vertrouwelijkheid", "openbaar")],
                bestand: ("inhoud", "a.pdf", "application/pdf", pdfBytes(1))
            )
            #expect(zonderTitel.status == .badRequest)
            #expect(zonderTitel.tekst.contains("Titel: is verplicht.") && zonderTitel.tekst.contains("Soort document: is verplicht."))
            let zonderBestand = try await cora.postBestand(
                Self.pad(wereld.uitgenodigd, "/documenten"), [("titel", "T"), ("documentsoort", "overig"), ("vertrouwelijkheid", "openbaar")],
                bestand: ("inhoud", "", nil, [])
            )
            #expect(zonderBestand.status == .badRequest && zonderBestand.tekst.contains("Bestand: kies een bestand."))
            let verlopen = try await cora.postBestand(
                Self.pad(wereld.uitgenodigd, "/documenten"), [("titel", "T"), ("documentsoort", "overig"), ("vertrouwelijkheid", "openbaar")],
                bestand: ("inhoud", "a.pdf", "application/pdf", pdfBytes(2)), csrf: "fout"
            )
            #expect(verlopen.status == .forbidden)
            #expect(try await rijen() == 0)
        }
    }

    @Test func aKoepelSubmitsItsReactieWithItsLetterInOneGo() async throws {
        try await Self.met { wereld, client in
            let ivo = try await wereld.harness.ingelogd(client, "ivo@ipo.example")
            let pagina = try await ivo.get(Self.pad(wereld.uitgenodigd))
            #expect(pagina.tekst.contains(#"name="brief""#))
            // A letter of the wrong type: neither the reactie nor the letter is recorded.
            let fout = try await ivo.postBestand(
                Self.pad(wereld.uitgenodigd, "/consultaties/1/reacties"),
                [("versie", "2"), ("standpunt", "bezwaar"), ("toelichting", "Zie de brief.")],
                bestand: ("brief", "brief.exe", nil, [0x4D, 0x5A, 0x90, 0])
            )
            #expect(fout.status == .unsupportedMediaType && fout.tekst.contains("Zie de brief."))
            #expect(try await wereld.service.dossier(wereld.uitgenodigd.id)?.consultaties[0].reactie(van: .IPO) == nil)
            // Without a file the reactie form reads as before: a missing standpunt is named in the summary.
            let onvolledig = try await ivo.postBestand(
                Self.pad(wereld.uitgenodigd, "/consultaties/1/reacties"), [("versie", "2"), ("toelichting", "Zonder standpunt.")],
                bestand: ("brief", "", nil, []))
            #expect(onvolledig.status == .badRequest && onvolledig.tekst.contains(##"href="#actie-consultaties-reacties-standpunt""##))
            let brief = pdfBytes(9)
            let ingediend = try await ivo.postBestand(
                Self.pad(wereld.uitgenodigd, "/consultaties/1/reacties"),
                [("versie", "2"), ("standpunt", "bezwaar"), ("toelichting", "Zie de brief.")],
                bestand: ("brief", "brief IPO.pdf", "application/pdf", brief)
            )
            #expect(ingediend.status == .seeOther, "\(ingediend.tekst)")
            #expect(ingediend.locatie?.contains("/consultaties/1/ontvangstbewijs") == true)
            let dossier = try #require(try await wereld.service.dossier(wereld.uitgenodigd.id))
            #expect(dossier.consultaties[0].reactie(van: .IPO)?.toelichting == "Zie de brief.")
            let letter = try #require(dossier.documenten?.first)
            #expect(letter.reactie == ReactieVerwijzing(ronde: 1, koepel: .IPO) && letter.bestandsnaam == "brief IPO.pdf")
            // VNG sees the letter only once the round is closed.
            let vera = try await wereld.harness.ingelogd(client, "vera@vng.example")
            #expect(!(try await vera.get(Self.pad(wereld.uitgenodigd))).tekst.contains("brief IPO.pdf"))
            #expect(try await ivo.get(Self.pad(wereld.uitgenodigd)).tekst.contains("brief IPO.pdf"))
            _ = try await wereld.service.execute(.sluitConsultatie(ronde: 1), on: wereld.uitgenodigd.id, context: context())
            #expect(try await vera.get(Self.pad(wereld.uitgenodigd)).tekst.contains("brief IPO.pdf"))
            // Without a file the form is read as before: the round is closed, so no koepel can be named and nothing is recorded.
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            try await cora.get(Self.pad(wereld.uitgenodigd))
            let zonder = try await cora.postBestand(
                Self.pad(wereld.uitgenodigd, "/consultaties/1/reacties"), [("koepel", "IPO"), ("standpunt", "bezwaar"), ("toelichting", "Laat.")],
                bestand: ("brief", "", nil, []))
            #expect(zonder.status == .badRequest && zonder.tekst.contains("Laat."))
            #expect(try await wereld.service.dossier(wereld.uitgenodigd.id)?.versie == dossier.versie + 1, "only the closing")
        }
    }

    @Test func aCoordinatorArchivesADecidedDossierWithTheDefaultCategoryChosenAndSeesWhenItWasSealed() async throws {
        try await Self.met { wereld, client in
            let service = wereld.service
            let dossier = wereld.anders
            _ = try await service.execute(.legToetsingVast(taakkenmerken: lokaleTaak, toelichting: nil), on: dossier.id, context: context())
            _ = try await service.execute(.legBesluitVast(bestuurslaag: .rijk, motivering: "Uniform."), on: dossier.id, context: context())
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            let pagina = try await cora.get(Self.pad(dossier))
            #expect(pagina.tekst.contains(#"id="actie-archivering""#))
            #expect(pagina.tekst.contains(#"value="1.2" checked"#), "the default for a decision for the rijk")
            #expect(pagina.tekst.contains("Nog te archiveren") && pagina.tekst.contains("nog niet verzegeld"))
            let leeg = try await cora.post(Self.pad(dossier, "/archivering"), [])
            #expect(leeg.status == .badRequest && leeg.tekst.contains("Selectielijstcategorie: kies een categorie."))
            let vastgelegd = try await cora.post(Self.pad(dossier, "/archivering"), [("selectielijstcategorie", "1.2")])
            #expect(vastgelegd.status == .seeOther)
            let na = try await cora.get(try #require(vastgelegd.locatie))
            #expect(na.tekst.contains("De archivering is vastgelegd.") && na.tekst.contains("Blijvend bewaren") && na.tekst.contains("Gearchiveerd"))
            #expect(na.tekst.contains(#"id="actie-overdracht""#))
            _ = try await Zegelaar(pool: wereld.harness.pool, logger: Logger(label: "test")).maak(sleutel: .init(), map: nil)
            #expect(try await cora.get(Self.pad(dossier)).tekst.contains("laatst verzegeld op"))
            let liaison = try await wereld.harness.ingelogd(client, "li@tk.example")
            #expect(!(try await liaison.get(Self.pad(dossier))).tekst.contains(#"id="actie-archivering""#))
        }
    }

    @Test func aStaleFormShowsTheNewStateAndKeepsWhatWasTyped() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            let pagina = try await cora.get(Self.pad(wereld.anders))
            #expect(pagina.tekst.contains(#"name="versie" value="1""#))
            // Someone else changes the dossier meanwhile.
            _ = try await wereld.service.execute(.koppelKamerstuk(nummer: "36000-1", titel: "Brief", datum: termijn), on: wereld.anders.id, context: context())
            let antwoord = try await cora.post(
                Self.pad(wereld.anders, "/kamerstukken"), [("versie", "1"), ("nummer", "36000-2"), ("titel", "Mijn getypte titel"), ("datum", "01-12-2026")]
            )
            #expect(antwoord.status == .conflict)
            #expect(antwoord.tekst.contains("Iemand anders heeft dit dossier gewijzigd"))
            #expect(antwoord.tekst.contains("Kamerstuk 36000-1"))
            #expect(antwoord.tekst.contains(#"value="Mijn getypte titel""#))
            #expect(antwoord.tekst.contains(#"name="versie" value="2""#))
            #expect(try await wereld.service.dossier(wereld.anders.id)?.kamerstukken.count == 1)
            // Sent again with the new version it is recorded.
            let opnieuw = try await cora.post(
                Self.pad(wereld.anders, "/kamerstukken"), [("versie", "2"), ("nummer", "36000-2"), ("titel", "Mijn getypte titel"), ("datum", "01-12-2026")]
            )
            #expect(opnieuw.locatie == Self.pad(wereld.anders, "?vastgelegd=koppelKamerstuk"))
            #expect(try await wereld.service.dossier(wereld.anders.id)?.kamerstukken.last?.datum == Kalenderdatum(jaar: 2026, maand: 12, dag: 1))
        }
    }

    @Test func aCheckBoxGroupIsPostedAsOneListAndAFormThatIsNotOursIsUnreadableAndWritesNothing() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            let pagina = try await cora.get(Self.pad(wereld.anders))
            #expect(pagina.tekst.contains(#"id="actie-consultaties-koepels-IPO" name="koepels[]" value="IPO""#))
            func events() async throws -> Int {
                try await wereld.harness.pool.withConnection { try $0.query("SELECT count(*) AS n FROM events").first?.int("n") ?? -1 }
            }
            let voor = try await events()
            for velden in [
                [("koepels", "VNG"), ("koepels", "IPO"), ("termijn", "31-12-2030")],  // one name twice
                [("koepels[a]", "VNG"), ("termijn", "31-12-2030")],  // a structure no form of ours has
                [("koepels[]", "VNG"), ("koepels", "IPO"), ("termijn", "31-12-2030")],  // a list and a text
            ] {
                try await cora.get(Self.pad(wereld.anders))
                let antwoord = try await cora.post(Self.pad(wereld.anders, "/consultaties"), velden)
                #expect(antwoord.status == .badRequest, "\(velden)")
                #expect(antwoord.tekst.contains("Het formulier kon niet worden gelezen"), "\(velden)")
            }
            #expect(try await events() == voor)
            try await cora.get(Self.pad(wereld.anders))
            let geopend = try await cora.post(Self.pad(wereld.anders, "/consultaties"), [("koepels[]", "VNG"), ("koepels[]", "UvW"), ("termijn", "31-12-2030")])
            #expect(geopend.status == .seeOther)
            let ronde = try #require(try await wereld.service.dossier(wereld.anders.id)?.consultaties.first)
            #expect(ronde.koepels == [.VNG, .UvW])
        }
    }

    @Test func aCoordinatorTakesADossierFromVoorstelToBesluitThroughThePages() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            try await cora.get("/dossiers/nieuw")
            let fout = try await cora.post("/dossiers/nieuw", [("titel", ""), ("soort", "taak"), ("nieuweTaak", "nee")])
            #expect(fout.status == .badRequest)
            for veld in ["titel", "omschrijving", "vakdepartement", "aanleiding"] {
                #expect(fout.tekst.contains("href=\"#nieuw-dossier-\(veld)\""), "\(veld)")
            }
            #expect(fout.tekst.contains(#"value="nee" checked"#))
            let geopend = try await cora.post("/dossiers/nieuw", [
                ("titel", "Energiearmoede-aanpak"), ("omschrijving", "Gemeenten voeren de aanpak uit."), ("vakdepartement", "KGG"),
                ("soort", "taak"), ("nieuweTaak", "ja"),
            ])
            let locatie = try #require(geopend.locatie)
            let pad = String(locatie.split(separator: "?")[0])
            #expect(try await cora.get(locatie).tekst.contains("Het dossier is geopend."))
            func stap(_ rest: String, _ velden: [(String, String)]) async throws {
                try await cora.get(pad)
                let antwoord = try await cora.post(pad + rest, velden)
                #expect(antwoord.status == .seeOther, "\(rest): \(antwoord.tekst.prefix(2000))")
            }
            try await stap("/consultaties", [("koepels[]", "VNG"), ("koepels[]", "IPO"), ("termijn", "31-12-2030")])
            try await stap("/consultaties/1/reacties", [("koepel", "VNG"), ("standpunt", "instemmend"), ("toelichting", "Per brief ontvangen.")])
            try await stap("/consultaties/1/sluiting", [])
            try await stap("/toetsingen", [("taakkenmerken.schaal", "lokaal"), ("taakkenmerken.beleidsvrijheid", "veel"), ("taakkenmerken.samenwerking", "geen")])
            let getoetst = try await cora.get(pad)
            #expect(getoetst.tekst.contains("Advies: <strong>Gemeente</strong>"))
            #expect(getoetst.tekst.contains(#"<blockquote class="citaat">"#))
            try await stap("/financiele-gevolgen", [("structureleKosten", "12.000.000"), ("incidenteleKosten", "€ 500.000"), ("dekking", "Gemeentefonds"), ("toelichting", "Via het fonds.")])
            #expect(try await cora.get(pad).tekst.contains("€ 12.000.000 per jaar"))
            try await stap("/udo-aanvragen", [("toelichting", "Graag een UDO.")])
            try await stap("/udo-uitkomsten", [("uitkomst", "uitvoerbaar"), ("samenvatting", "Goed uitvoerbaar.")])
            // A decision that deviates from the advice asks for its motivering.
            try await cora.get(pad)
            let afwijking = try await cora.post(pad + "/besluiten", [("bestuurslaag", "provincie"), ("motivering", "")])
            #expect(afwijking.status == .badRequest)
            #expect(afwijking.tekst.contains("Motivering: uw keuze wijkt af van het advies (gemeente); motiveer waarom."))
            try await stap("/besluiten", [("bestuurslaag", "provincie"), ("motivering", "De schaal van de provincie past beter.")])
            let besloten = try await cora.get(pad)
            #expect(besloten.tekst.contains("Fase: <strong>Besloten</strong>"))
            #expect(besloten.tekst.contains("wijkt af van het advies (gemeente)"))
            let tijdlijn = try await cora.get(pad + "/tijdlijn")
            #expect(tijdlijn.tekst.contains("Cora"))
            #expect(tijdlijn.tekst.split(separator: "<li>").count >= 10)
        }
    }

    @Test func everyPageIsForItsRolesOnly() async throws {
        try await Self.met { wereld, client in
            let li = try await wereld.harness.ingelogd(client, "li@tk.example")
            #expect(try await li.get("/dossiers/nieuw").status == .forbidden)
            #expect(try await li.get("/consultaties").status == .forbidden)
            #expect(try await li.get("/rapportages/stand-van-zaken").status == .ok)
            let pagina = try await li.get(Self.pad(wereld.uitgenodigd))
            #expect(pagina.tekst.contains("Geheim bezwaar van de VNG."))
            #expect(pagina.tekst.contains(#"id="actie-kamerstukken""#))
            #expect(!pagina.tekst.contains(#"id="actie-consultaties-sluiting""#))
            #expect(try await li.post(Self.pad(wereld.uitgenodigd, "/consultaties/1/sluiting"), []).status == .forbidden)
            #expect(try await li.post("/dossiers/nieuw", [("titel", "x")]).status == .forbidden)
            let gekoppeld = try await li.post(Self.pad(wereld.uitgenodigd, "/kamerstukken"), [("nummer", "36000-9"), ("titel", "Motie"), ("datum", "2026-11-30")])
            #expect(gekoppeld.status == .seeOther)
            let vng = try await wereld.harness.ingelogd(client, "vera@vng.example")
            #expect(try await vng.get("/rapportages/stand-van-zaken").status == .forbidden)
            #expect(try await vng.get("/rapportages/evaluatie").status == .forbidden)
            #expect(try await vng.get("/dossiers/nieuw").status == .forbidden)
            #expect(try await vng.post(Self.pad(wereld.uitgenodigd, "/kamerstukken"), [("nummer", "1-1"), ("titel", "x"), ("datum", "2026-01-01")]).status == .forbidden)
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            #expect(try await cora.get("/consultaties").status == .forbidden)
            // Not logged in: every page but the public ones leads to the login.
            let niemand = WebBrowser(client)
            for pad in ["/dossiers", Self.pad(wereld.uitgenodigd), "/consultaties", "/rapportages/stand-van-zaken", "/rapportages/evaluatie", "/account"] {
                let antwoord = try await niemand.get(pad)
                #expect(antwoord.status == .seeOther, "\(pad)")
                #expect(antwoord.locatie?.hasPrefix("/inloggen?terug=") == true, "\(pad)")
            }
            #expect(try await niemand.get("/toegankelijkheid").status == .ok)
        }
    }

    @Test func theCoordinatorsOverviewFiltersAndPutsWhatNeedsActionFirst() async throws {
        try await Self.met { wereld, client in
            let verlopen = try await openDossier(wereld.service, titel: "Verlopen ronde")
            _ = try await wereld.service.execute(
                .openConsultatie(koepels: [.UvW], termijn: Kalenderdatum(jaar: 2020, maand: 1, dag: 1)!), on: verlopen.id, context: context())
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            let overzicht = try await cora.get("/dossiers")
            let aandacht = try #require(overzicht.tekst.components(separatedBy: "Vraagt eerst aandacht").last?.components(separatedBy: "</section>").first)
            #expect(aandacht.contains("Verlopen ronde"))
            #expect(aandacht.contains("nog geen reactie van UvW"))
            #expect(!aandacht.contains("Toezicht op kinderopvang"))
            let gefilterd = try await cora.get("/dossiers?fase=consultatie&tekst=kinder")
            #expect(gefilterd.tekst.contains("Toezicht op kinderopvang"))
            #expect(!gefilterd.tekst.contains(">Waterkeringen"))
            #expect(gefilterd.tekst.contains(#"<option value="consultatie" selected>"#))
            #expect(try await cora.get("/dossiers?vakdepartement=IenW").tekst.contains("Waterkeringen onder rijksbeheer"))
            for nummer in 1...30 { _ = try await openDossier(wereld.service, titel: "Reeks \(nummer)") }
            let eerste = try await cora.get("/dossiers")
            #expect(eerste.tekst.contains("Pagina 1 van 2"))
            #expect(eerste.tekst.contains(#"href="/dossiers?pagina=2" rel="next""#))
            #expect(try await cora.get("/dossiers?pagina=2").tekst.contains("Pagina 2 van 2"))
        }
    }

    @Test func theStandVanZakenIsOnScreenPrintableAndDownloadable() async throws {
        try await Self.met { wereld, client in
            let li = try await wereld.harness.ingelogd(client, "li@tk.example")
            let scherm = try await li.get("/rapportages/stand-van-zaken")
            #expect(scherm.tekst.contains(wereld.uitgenodigd.kenmerk.description))
            #expect(scherm.tekst.contains("(2 dossiers)"))
            let stijl = try await li.get(try #require(scherm.tekst.components(separatedBy: #"rel="stylesheet" href=""#).last?.components(separatedBy: "\"").first))
            #expect(stijl.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(stijl.tekst.contains("@media print"))
            #expect(stijl.tekst.contains("size: A4"))
            let vandaag = AmsterdamseTijd.kalenderdatum(van: Date())
            let csv = try await li.get("/rapportages/stand-van-zaken?peildatum=\(vandaag)&formaat=csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"stand-van-zaken-\(vandaag).csv\"")
            #expect(csv.tekst.contains(wereld.uitgenodigd.kenmerk.description))
            let markdown = try await li.get("/rapportages/stand-van-zaken?peildatum=\(vandaag)&formaat=markdown")
            #expect(markdown.tekst.hasPrefix("#") || markdown.tekst.contains("|"))
            // Before the dossiers existed there were none; a wrong date is explained at its field.
            #expect(try await li.get("/rapportages/stand-van-zaken?peildatum=01-01-2020").tekst.contains("Op deze peildatum waren er geen dossiers."))
            let fout = try await li.get("/rapportages/stand-van-zaken?peildatum=gisteren")
            #expect(fout.status == .badRequest)
            #expect(fout.tekst.contains(##"href="#peildatum""##))
            let evaluatie = try await li.get("/rapportages/evaluatie?van=01-01-2020")
            #expect(evaluatie.status == .ok)
            #expect(evaluatie.tekst.contains("<dt>Dossiers</dt><dd>2</dd>"))
            // UDO outcomes in the users' words, as the report's renderings give them.
            #expect(evaluatie.tekst.contains("<dt>Afgeronde UDO&#39;s</dt><dd>uitvoerbaar: 0, uitvoerbaar met voorwaarden: 0, niet uitvoerbaar: 0</dd>")
                || evaluatie.tekst.contains("<dt>Afgeronde UDO's</dt><dd>uitvoerbaar: 0, uitvoerbaar met voorwaarden: 0, niet uitvoerbaar: 0</dd>"))
            #expect(!evaluatie.tekst.contains("uitvoerbaarMetVoorwaarden"))
            #expect(try await li.get("/rapportages/evaluatie?tot=morgen").status == .badRequest)
        }
    }

    @Test func pagesCarryTheSecurityHeadersAndAnUnknownMethodIs405() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            for pad in ["/inloggen", "/dossiers", "/toegankelijkheid", "/bestaat-niet"] {
                let antwoord = try await cora.get(pad)
                #expect(antwoord.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'; frame-ancestors 'none'") == true, "\(pad)")
                #expect(antwoord.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(antwoord.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
            let onbekend = try await cora.get("/bestaat-niet")
            #expect(onbekend.status == .notFound)
            #expect(onbekend.tekst.contains("Pagina niet gevonden"))
            let json = try await client.execute(uri: "/bestaat-niet", method: .get, headers: [.accept: "application/json"])
            #expect(json.headers[.contentType] == "application/problem+json")
            let methode = try await client.execute(uri: "/dossiers", method: .delete)
            #expect(methode.status == .methodNotAllowed)
            #expect(methode.headers[.allow] == "GET, HEAD")
            let post = try await cora.post("/dossiers", [])
            #expect(post.status == .methodNotAllowed)
            #expect(try await cora.post("/nergens", []).status == .notFound)
            // A page with a path parameter, asked with a method it lacks, names what it takes.
            let dossier = try await client.execute(uri: "/dossiers/\(wereld.uitgenodigd.id.uuidString.lowercased())", method: .put)
            #expect(dossier.status == .methodNotAllowed && dossier.headers[.allow] == "GET, HEAD")
            #expect(try await client.execute(uri: "/toegankelijkheid", method: .head).status == .ok)
            // The API keeps its own answers.
            #expect(try await client.execute(uri: "/v1/dossiers", method: .get).status == .unauthorized)
        }
    }

    @Test func everyCommandFormRefusesWhatTheDomainRefusesWithAnErrorSummaryAndWritesNothing() async throws {
        try await Self.met { wereld, client in
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            func events() async throws -> Int {
                try await wereld.harness.pool.withConnection { try $0.query("SELECT count(*) AS n FROM events").first?.int("n") ?? -1 }
            }
            func weigert(_ dossier: Dossier, _ pad: String, _ formulier: String, _ veld: String, _ velden: [(String, String)] = []) async throws {
                try await cora.get(Self.pad(dossier))
                let voor = try await events()
                let antwoord = try await cora.post(Self.pad(dossier, "/" + pad), velden)
                #expect(antwoord.status == .badRequest, "\(pad)")
                #expect(antwoord.tekst.contains("href=\"#\(formulier)-\(veld)\""), "\(pad): no summary link to \(veld)")
                #expect(antwoord.tekst.contains("<details class=\"uitklap\" open>"), "\(pad): the refused form is not open")
                #expect(try await events() == voor, "\(pad) wrote an event")
            }
            let anders = wereld.anders
            try await weigert(anders, "consultaties", "actie-consultaties", "koepels", [("termijn", "31-02-2030")])
            try await weigert(anders, "toetsingen", "actie-toetsingen", "taakkenmerken-schaal")
            try await weigert(anders, "financiele-gevolgen", "actie-financiele-gevolgen", "structureleKosten", [("structureleKosten", "twaalf miljoen")])
            try await weigert(anders, "kamerstukken", "actie-kamerstukken", "datum", [("nummer", "36000-1"), ("titel", "Brief"), ("datum", "morgen")])
            try await weigert(anders, "intrekking", "actie-intrekking", "reden")
            try await weigert(anders, "voorstel", "actie-voorstel", "titel", [("titel", String(repeating: "x", count: 5000))])
            try await weigert(wereld.uitgenodigd, "consultaties/1/reacties", "actie-consultaties-reacties", "standpunt", [("koepel", "IPO")])
            _ = try await wereld.service.execute(.legToetsingVast(taakkenmerken: lokaleTaak, toelichting: nil), on: anders.id, context: context())
            try await weigert(anders, "udo-aanvragen", "actie-udo-aanvragen", "toelichting")
            try await weigert(anders, "besluiten", "actie-besluiten", "bestuurslaag")
            _ = try await wereld.service.execute(.vraagUdoAan(toelichting: "UDO", termijn: nil), on: anders.id, context: context())
            try await weigert(anders, "udo-uitkomsten", "actie-udo-uitkomsten", "uitkomst")
            _ = try await wereld.service.execute(.legUdoUitkomstVast(uitkomst: .uitvoerbaar, samenvatting: "Goed.", vindplaats: nil), on: anders.id, context: context())
            _ = try await wereld.service.execute(
                .legFinancieleGevolgenVast(structureleKosten: 1, incidenteleKosten: 0, dekking: "Fonds", toelichting: "Klein."), on: anders.id, context: context())
            _ = try await wereld.service.execute(.legBesluitVast(bestuurslaag: .gemeente, motivering: "Advies."), on: anders.id, context: context())
            try await weigert(anders, "heropening", "actie-heropening", "aanleiding")
            // A command the fase does not allow is refused by the domain in Dutch, nothing written.
            let voor = try await events()
            try await cora.get(Self.pad(wereld.uitgenodigd))
            let heropenen = try await cora.post(Self.pad(wereld.uitgenodigd, "/heropening"), [("aanleiding", "motie"), ("toelichting", "Nee.")])
            #expect(heropenen.status == .conflict)
            #expect(heropenen.tekst.contains("Alleen een besloten dossier kan worden heropend"))
            #expect(heropenen.tekst.contains("toelichting: Nee."))
            #expect(try await events() == voor)
        }
    }

    @Test func theCleanUpRemovesExpiredSessionsOldLinksAndOldFailureCounts() async throws {
        try await APITestHarness.with { harness in
            let cora = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator)
            let sessies = harness.sessies
            _ = try await harness.gebruikers.herstel(email: "cora@bzk.example")
            try await sessies.zet(sleutel: "a", waarde: Data("{}".utf8), gebruikerID: cora.id, verlooptNa: .seconds(600))
            try await sessies.zet(sleutel: "b", waarde: Data("{}".utf8), gebruikerID: nil, verlooptNa: .seconds(600))
            try await harness.pool.withConnection { connection in
                _ = try connection.execute("UPDATE web_sessies SET verloopt_op = now() - interval '1 second'")
                _ = try connection.execute("INSERT INTO inlog_pogingen VALUES ('account:oud', 9, now() - interval '2 hours'), ('account:nieuw', 2, now())")
                _ = try connection.execute("UPDATE gebruiker_activaties SET verloopt_op = now() - interval '8 days'")
            }
            try await sessies.zet(sleutel: "c", waarde: Data("{}".utf8), gebruikerID: cora.id, verlooptNa: .seconds(600))
            let weg = try await SessionCleanup(pool: harness.pool, logger: Logger(label: "test")).ruimOp()
            #expect(weg.sessies == 2)
            #expect(weg.activaties == 1)
            #expect(weg.pogingen == 1)
            #expect(try await sessies.lees(sleutel: "c") != nil)
            #expect(try await sessies.lees(sleutel: "a") == nil)
            let over = try await harness.pool.withConnection { connection in
                (try connection.query("SELECT count(*) AS n FROM web_sessies").first?.int("n"),
                 try connection.query("SELECT sleutel FROM inlog_pogingen").map { try $0.string("sleutel") })
            }
            #expect(over.0 == 1)
            #expect(over.1 == ["account:nieuw"])
        }
    }

    @Test func theCleanUpServiceKeepsCleaningUntilCancelled() async throws {
        try await APITestHarness.with { harness in
            let dienst = SessionCleanup(pool: harness.pool, interval: .milliseconds(50), logger: Logger(label: "test"))
            let taak = Task { try await dienst.run() }
            // Rows that expire after the first passes are still removed by a later one.
            try await Task.sleep(for: .milliseconds(200))
            try await harness.pool.withConnection { connection in
                _ = try connection.execute("INSERT INTO inlog_pogingen VALUES ('account:oud', 9, now() - interval '2 hours')")
            }
            var over = 1
            for _ in 0..<100 where over > 0 {
                try await Task.sleep(for: .milliseconds(50))
                over = try await harness.pool.withConnection { try $0.query("SELECT count(*) AS n FROM inlog_pogingen").first?.int("n") ?? -1 }
            }
            taak.cancel()
            _ = await taak.result
            #expect(over == 0)
        }
    }

    @Test func aKoepelsRoundsAndATimelinePaginate() async throws {
        try await Self.met { wereld, client in
            for nummer in 1...26 {
                let dossier = try await openDossier(wereld.service, titel: "Reeks \(nummer)")
                _ = try await wereld.service.execute(.openConsultatie(koepels: [.UvW], termijn: termijn), on: dossier.id, context: context())
            }
            for nummer in 1...50 {
                _ = try await wereld.service.execute(
                    .koppelKamerstuk(nummer: "36000-\(nummer)", titel: "Brief \(nummer)", datum: termijn), on: wereld.anders.id, context: context())
            }
            let uvw = try await wereld.harness.ingelogd(client, "uma@uvw.example")
            let eerste = try await uvw.get("/consultaties")
            #expect(eerste.tekst.contains("Pagina 1 van 2"))
            #expect(eerste.tekst.components(separatedBy: "<tr><td><a href=").count - 1 == 25)
            let tweede = try await uvw.get("/consultaties?pagina=2")
            #expect(tweede.tekst.components(separatedBy: "<tr><td><a href=").count - 1 == 1)
            let cora = try await wereld.harness.ingelogd(client, "cora@bzk.example")
            let tijdlijn = try await cora.get(Self.pad(wereld.anders, "/tijdlijn"))
            #expect(tijdlijn.tekst.contains("Pagina 1 van 2"))
            #expect(tijdlijn.tekst.components(separatedBy: "<li><p class=\"tijdlijn__moment\">").count - 1 == 50)
            let rest = try await cora.get(Self.pad(wereld.anders, "/tijdlijn?pagina=2"))
            #expect(rest.tekst.components(separatedBy: "<li><p class=\"tijdlijn__moment\">").count - 1 == 1)
        }
    }
}
