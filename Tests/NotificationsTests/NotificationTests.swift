import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
import Dossiers
import Notifications
import Taaktoedeling
import ToedelingTestSupport
import ServerTestSupport

/// Webhooks against a real receiver the test starts (a Hummingbird server on a free port that
/// checks every signature and records what it got), with the webhook channel and the deliverer
/// running as the server runs them.
@Suite("Webhook subscriptions and deliveries")
struct NotificationTests {
    /// What the receiver does and what it got, per path.
    final class Receiver: Sendable {
        struct Ontvangen: Sendable {
            let pad: String
            let id: String
            let event: [String: String]
            let data: [String: String]
            let geldig: Bool
        }

        let gedrag = Mutex<[String: (status: Int, wacht: Duration)]>([:])
        let ontvangen = Mutex<[Ontvangen]>([])
        let geheimen = Mutex<[String: Data]>([:])

        func zet(_ pad: String, status: Int, wacht: Duration = .zero) { gedrag.withLock { $0[pad] = (status, wacht) } }

        func router() -> Router<BasicRequestContext> {
            let router = Router()
            router.post("/:pad") { request, context -> Response in
                let pad = context.parameters.get("pad") ?? ""
                var request = request
                let body = Data(buffer: try await request.collectBody(upTo: 1 << 20))
                let (status, wacht) = self.gedrag.withLock { $0[pad] } ?? (204, .zero)
                if wacht > .zero { try await Task.sleep(for: wacht) }
                let id = request.headers[HTTPField.Name("webhook-id")!] ?? ""
                let timestamp = request.headers[HTTPField.Name("webhook-timestamp")!] ?? ""
                let handtekening = request.headers[HTTPField.Name("webhook-signature")!] ?? ""
                var geldig = false
                if let sleutel = self.geheimen.withLock({ $0[pad] }) {
                    let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).".utf8) + body, using: SymmetricKey(data: sleutel))
                    geldig = handtekening == "v1," + Data(mac).base64EncodedString()
                }
                let object = (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
                let event = object.compactMapValues { $0 as? String }
                let data = ((object["data"] as? [String: Any]) ?? [:]).mapValues { "\($0)" }
                if (200..<300).contains(status) {
                    self.ontvangen.withLock { $0.append(Ontvangen(pad: pad, id: id, event: event, data: data, geldig: geldig)) }
                }
                var headers: HTTPFields = [:]
                if (300..<400).contains(status) { headers[.location] = "/omgeleid" }
                return Response(status: .init(code: status), headers: headers)
            }
            return router
        }

        func van(_ pad: String) -> [Ontvangen] { ontvangen.withLock { $0.filter { $0.pad == pad } } }

        func wacht(op pad: String, aantal: Int, binnen seconden: Double = 20) async throws -> [Ontvangen] {
            let einde = Date().addingTimeInterval(seconden)
            while van(pad).count < aantal {
                guard Date() < einde else { throw Uitgebleven(pad: pad, aantal: van(pad).count) }
                try await Task.sleep(for: .milliseconds(20))
            }
            return van(pad)
        }

        struct Uitgebleven: Error { let pad: String; let aantal: Int }
    }

    /// The API, a receiver and the webhook channel with its deliverer, for one test.
    static func met(
        beleid: WebhookQueue.Beleid = .init(eersteWacht: .milliseconds(20), langsteWacht: .milliseconds(100), opgevenNa: .seconds(3600)),
        timeout: Duration = .seconds(10),
        _ body: @escaping @Sendable (APITestHarness, any TestClientProtocol, Receiver, Int) async throws -> Void
    ) async throws {
        try await APITestHarness.with { harness in
            let instellingen = NotificationSettings(oin: "00000001001234567000", publiekeURL: "https://toedeling.example", privaatToegestaan: true)
            var dependencies = harness.dependencies
            dependencies.abonnementen = AbonnementStore(pool: harness.pool, instellingen: instellingen)
            let receiver = Receiver()
            let logger = Logger(label: "test")
            let gebouwd = dependencies
            let kanaal = WebhookChannel.abonnement(store: dependencies.service.store, instellingen: instellingen, pollInterval: .milliseconds(200), logger: logger)
            let bezorger = WebhookDelivery(pool: harness.pool, instellingen: instellingen, beleid: beleid, timeout: timeout, pollInterval: .milliseconds(100), logger: logger)
            try await Application(router: receiver.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { ontvanger in
                let port = try #require(ontvanger.port)
                try await buildApplication(dependencies: gebouwd).test(.router) { client in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await kanaal.run() }
                        group.addTask { try await bezorger.run() }
                        defer { group.cancelAll() }
                        try await body(harness, client, receiver, port)
                    }
                }
            }
        }
    }

    /// Creates a subscription for `pad` on the receiver and registers its secret there.
    static func abonneer(_ client: any TestClientProtocol, _ harness: APITestHarness, _ receiver: Receiver, port: Int, pad: String, extra: String = "") async throws -> String {
        let response = try await client.send(
            .post, "/v1/abonnementen", token: harness.coordinator, json: #"{"callbackUrl": "http://127.0.0.1:\#(port)/\#(pad)"\#(extra)}"#
        )
        try #require(response.status == .created, "\(String(buffer: response.body))")
        let object = try response.object
        let geheim = try #require(object["secret"] as? String)
        receiver.geheimen.withLock { $0[pad] = WebhookSignature.sleutel(uit: geheim) }
        return try #require(object["id"] as? String)
    }

    @Test func aRoundReachesTheReceiverAsASignedCloudEventInFeedOrder() async throws {
        try await Self.met { harness, client, receiver, port in
            _ = try await Self.abonneer(client, harness, receiver, port: port, pad: "alles")
            let id = try await client.openDossier(token: harness.coordinator)
            try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
            let ontvangen = try await receiver.wacht(op: "alles", aantal: 2)
            #expect(ontvangen.allSatisfy { $0.geldig })
            #expect(ontvangen.map { $0.event["type"] } == ["nl.overheid.bzk.toedeling.dossier-geopend", "nl.overheid.bzk.toedeling.consultatie-geopend"])
            let ronde = ontvangen[1]
            #expect(ronde.id == ronde.event["id"])
            #expect(ronde.event["specversion"] == "1.0")
            #expect(ronde.event["source"] == "urn:nld:oin:00000001001234567000:systeem:toedeling")
            #expect(ronde.event["subject"] == id)
            #expect(ronde.event["dataref"] == "https://toedeling.example/v1/dossiers/\(id)")
            #expect(ronde.event["datacontenttype"] == "application/json")
            #expect(ronde.data["fase"] == "consultatie" && ronde.data["ronde"] == "1" && ronde.data["dossierId"] == id)
            let sequences = ontvangen.compactMap { $0.event["sequence"] }
            #expect(sequences.count == 2 && sequences == sequences.sorted() && sequences[0] < sequences[1])
        }
    }

    @Test func moreThanOneBatchArrivesOnceEachInFeedOrderAndEveryAttemptIsLogged() async throws {
        try await Self.met { harness, client, receiver, port in
            let abonnement = try await Self.abonneer(client, harness, receiver, port: port, pad: "veel")
            let id = try await client.openDossier(token: harness.coordinator)
            // 1 + 130 events: more than the deliverer takes from the queue (100) and records at once.
            for n in 0..<130 {
                try await client.command("kamerstukken", on: id, token: harness.coordinator, json: #"{"nummer": "36000-\#(n)", "titel": "Brief", "datum": "2026-03-01"}"#)
            }
            let ontvangen = try await receiver.wacht(op: "veel", aantal: 131, binnen: 60)
            #expect(ontvangen.count == 131 && Set(ontvangen.map(\.id)).count == 131 && ontvangen.allSatisfy { $0.geldig })
            let sequences = ontvangen.compactMap { $0.event["sequence"] }
            #expect(sequences.count == 131 && sequences == sequences.sorted())
            // Every accepted attempt is in the log once, in feed order, and nothing waits.
            var staat: [String: Any] = [:]
            var log: [[String: Any]] = []
            let einde = Date().addingTimeInterval(10)
            repeat {
                try await Task.sleep(for: .milliseconds(100))
                staat = try #require(try await client.send(.get, "/v1/abonnementen/\(abonnement)", token: harness.coordinator).object["staat"] as? [String: Any])
                log = try #require(try await client.send(.get, "/v1/abonnementen/\(abonnement)/afleveringen?pageSize=200", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
            } while (log.count < 131 || staat["wachtend"] as? Int != 0) && Date() < einde
            #expect(staat["wachtend"] as? Int == 0 && staat["mislukkingen"] as? Int == 0 && staat["laatsteSucces"] != nil)
            #expect(log.count == 131 && log.allSatisfy { $0["httpStatus"] as? Int == 204 && $0["fout"] == nil })
            #expect(log.compactMap { $0["sequence"] as? String } == sequences.reversed())
            #expect(log.compactMap { $0["eventId"] as? String }.reversed() == ontvangen.map(\.id))
        }
    }

    @Test func deliveriesThatKeepFailingAreDeadLetteredShownAndDeliveredByAResend() async throws {
        // Retried for 3 s: long enough for several attempts also on a loaded machine, where one may take a second.
        let beleid = WebhookQueue.Beleid(eersteWacht: .milliseconds(20), langsteWacht: .milliseconds(50), opgevenNa: .seconds(3))
        try await Self.met(beleid: beleid) { harness, client, receiver, port in
            receiver.zet("stuk", status: 500)
            let abonnement = try await Self.abonneer(client, harness, receiver, port: port, pad: "stuk")
            let id = try await client.openDossier(token: harness.coordinator)
            try await client.command("kamerstukken", on: id, token: harness.coordinator, json: Fixtures.kamerstuk)
            var staat: [String: Any] = [:]
            let einde = Date().addingTimeInterval(20)
            repeat {
                try await Task.sleep(for: .milliseconds(50))
                staat = try #require(try await client.send(.get, "/v1/abonnementen/\(abonnement)", token: harness.coordinator).object["staat"] as? [String: Any])
            } while (staat["doodgelegd"] as? Int) != 2 && Date() < einde
            #expect(staat["doodgelegd"] as? Int == 2 && staat["wachtend"] as? Int == 0)
            let metrics = String(buffer: try await client.send(.get, "/metrics", token: nil).body)
            #expect(metrics.contains(#"toedeling_webhook_doodgelegd{abonnement="\#(abonnement)"} 2"#))
            for naam in ["mislukkingen", "wachtend", "laatste_succes_seconds", "volgende_poging_seconds"] {
                #expect(metrics.contains(#"toedeling_webhook_\#(naam){abonnement="\#(abonnement)"} "#), "\(naam)")
            }
            let log = try #require(try await client.send(.get, "/v1/abonnementen/\(abonnement)/afleveringen", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
            #expect(log.count >= 2 && log.allSatisfy { $0["httpStatus"] as? Int == 500 && $0["geslaagd"] as? Bool == false })

            receiver.zet("stuk", status: 200)
            let opnieuw = try await client.send(.post, "/v1/abonnementen/\(abonnement)/opnieuw", token: harness.coordinator, json: "{}")
            #expect(opnieuw.status == .accepted)
            #expect(try opnieuw.object["opnieuwGepland"] as? Int == 2)
            let ontvangen = try await receiver.wacht(op: "stuk", aantal: 2)
            #expect(ontvangen.map { $0.event["type"] } == ["nl.overheid.bzk.toedeling.dossier-geopend", "nl.overheid.bzk.toedeling.kamerstuk-gekoppeld"])
            // A resend from a cursor sends again every event after it, also delivered ones.
            let feed = try await client.send(.get, "/v1/gebeurtenissen?limit=1", token: harness.coordinator).object
            let cursor = try #require(feed["volgende"] as? String)
            let vanaf = try await client.send(.post, "/v1/abonnementen/\(abonnement)/opnieuw", token: harness.coordinator, json: #"{"na": "\#(cursor)"}"#)
            #expect(try vanaf.object["opnieuwGepland"] as? Int == 1)
            let daarna = try await receiver.wacht(op: "stuk", aantal: 3)
            #expect(daarna[2].id == daarna[1].id)
            let na = try #require(try await client.send(.get, "/v1/abonnementen/\(abonnement)", token: harness.coordinator).object["staat"] as? [String: Any])
            #expect(na["doodgelegd"] as? Int == 0 && na["mislukkingen"] as? Int == 0 && na["laatsteSucces"] != nil)
        }
    }

    @Test func aSlowReceiverDoesNotHoldUpAnotherSubscription() async throws {
        try await Self.met(timeout: .seconds(1)) { harness, client, receiver, port in
            receiver.zet("traag", status: 204, wacht: .seconds(5))
            let traag = try await Self.abonneer(client, harness, receiver, port: port, pad: "traag")
            _ = try await Self.abonneer(client, harness, receiver, port: port, pad: "snel")
            let id = try await client.openDossier(token: harness.coordinator)
            for n in 0..<3 {
                try await client.command("kamerstukken", on: id, token: harness.coordinator, json: #"{"nummer": "33047-\#(n)", "titel": "Brief", "datum": "2026-03-01"}"#)
            }
            // Within 15 s even on a loaded machine; the slow one never succeeds (5 s answers, 1 s timeout), so a
            // queue held up behind it would never deliver these at all.
            _ = try await receiver.wacht(op: "snel", aantal: 4, binnen: 15)
            let staat = try #require(try await client.send(.get, "/v1/abonnementen/\(traag)", token: harness.coordinator).object["staat"] as? [String: Any])
            #expect(staat["laatsteSucces"] == nil && (staat["wachtend"] as? Int ?? 0) == 4)
            // Its attempt ran into the timeout and is in the log as such.
            try await Task.sleep(for: .milliseconds(1500))
            let log = try #require(try await client.send(.get, "/v1/abonnementen/\(traag)/afleveringen", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
            #expect(log.contains { ($0["fout"] as? String)?.contains("geen antwoord binnen 1 s") == true })
        }
    }

    @Test func aRedirectIsNotFollowedButCountsAsAFailedAttempt() async throws {
        try await Self.met { harness, client, receiver, port in
            receiver.zet("verhuisd", status: 307)
            let abonnement = try await Self.abonneer(client, harness, receiver, port: port, pad: "verhuisd")
            _ = try await client.openDossier(token: harness.coordinator)
            var log: [[String: Any]] = []
            let einde = Date().addingTimeInterval(20)
            while log.isEmpty && Date() < einde {
                try await Task.sleep(for: .milliseconds(50))
                log = try #require(try await client.send(.get, "/v1/abonnementen/\(abonnement)/afleveringen", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
            }
            #expect(log.first?["httpStatus"] as? Int == 307 && log.first?["geslaagd"] as? Bool == false)
            #expect(receiver.van("omgeleid").isEmpty)
            let staat = try #require(try await client.send(.get, "/v1/abonnementen/\(abonnement)", token: harness.coordinator).object["staat"] as? [String: Any])
            #expect((staat["mislukkingen"] as? Int ?? 0) >= 1 && staat["wachtend"] as? Int == 1 && staat["volgendePoging"] != nil)
        }
    }

    @Test func aKoepelSubscriptionCarriesOnlyWhatThatKoepelMaySee() async throws {
        try await Self.met { harness, client, receiver, port in
            _ = try await Self.abonneer(client, harness, receiver, port: port, pad: "vng", extra: #", "koepel": "VNG""#)
            let alleenIPO = try await client.openDossier(token: harness.coordinator)
            try await client.command("consultaties", on: alleenIPO, token: harness.coordinator, json: #"{"koepels": ["IPO"], "termijn": "2030-01-31"}"#)
            let beide = try await client.openDossier(token: harness.coordinator, body: Fixtures.dossier(titel: "Beide"))
            try await client.command("consultaties", on: beide, token: harness.coordinator, json: Fixtures.consultatie)
            try await client.command("consultaties/1/reacties", on: beide, token: harness.ipo, json: Fixtures.reactie)
            try await client.command("consultaties/1/reacties", on: alleenIPO, token: harness.ipo, json: Fixtures.reactie)
            try await client.command("consultaties/1/reacties", on: beide, token: harness.vng, json: Fixtures.reactie)
            try await client.command("consultaties/1/sluiting", on: beide, token: harness.coordinator, json: "{}")
            let ontvangen = try await receiver.wacht(op: "vng", aantal: 3)
            try await Task.sleep(for: .milliseconds(500))
            let alles = receiver.van("vng")
            #expect(alles.allSatisfy { $0.event["subject"] == beide && $0.geldig })
            #expect(alles.map { $0.event["type"] ?? "" } == [
                "nl.overheid.bzk.toedeling.consultatie-geopend", "nl.overheid.bzk.toedeling.reactie-ingediend", "nl.overheid.bzk.toedeling.consultatie-gesloten",
            ])
            #expect(ontvangen[1].data["koepel"] == "VNG")
        }
    }

    @Test func aDocumentArrivesWithItsIdAndHashAndTheBytesAsDataref() async throws {
        try await Self.met { harness, client, receiver, port in
            _ = try await Self.abonneer(client, harness, receiver, port: port, pad: "alles")
            _ = try await Self.abonneer(client, harness, receiver, port: port, pad: "vng", extra: #", "koepel": "VNG""#)
            let id = try await client.openDossier(token: harness.coordinator)
            try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
            let intern = try await client.upload(
                Upload(metadata: #"{"titel": "Intern", "documentsoort": "overig", "vertrouwelijkheid": "intern"}"#), to: id, token: harness.coordinator)
            #expect(intern.status == .created)
            let document = try await client.upload(Upload(), to: id, token: harness.coordinator).object
            let documentID = try #require(document["id"] as? String)
            let ontvangen = try await receiver.wacht(op: "alles", aantal: 4)
            let laatste = try #require(ontvangen.last)
            #expect(laatste.event["type"] == "nl.overheid.bzk.toedeling.document-toegevoegd" && laatste.geldig)
            #expect(laatste.event["dataref"] == "https://toedeling.example/v1/dossiers/\(id)/documenten/\(documentID)/inhoud")
            #expect(laatste.data["documentId"] == documentID && laatste.data["sha256"] == document["sha256"] as? String)
            // The koepel hears of the openbaar document, not of the internal one.
            _ = try await receiver.wacht(op: "vng", aantal: 2)
            try await Task.sleep(for: .milliseconds(500))
            #expect(receiver.van("vng").map { $0.data["documentId"] } == [nil, documentID])
        }
    }

    @Test func aSubscriptionIsCheckedShownWithoutItsSecretAndRemoved() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client in
                func invalid(_ json: String) async throws -> [String] {
                    let response = try await client.send(.post, "/v1/abonnementen", token: harness.coordinator, json: json)
                    #expect(response.status == .badRequest, "\(json)")
                    return try response.problem.invalidParams?.map(\.name) ?? []
                }
                #expect(try await invalid(#"{"callbackUrl": "ftp://ontvanger.example/x"}"#) == ["callbackUrl"])
                #expect(try await invalid(#"{"callbackUrl": "http://127.0.0.1:9/x"}"#) == ["callbackUrl"])
                #expect(try await invalid(#"{"callbackUrl": "https://localhost/x"}"#) == ["callbackUrl"])
                #expect(try await invalid(#"{"callbackUrl": "https://10.1.2.3/x"}"#) == ["callbackUrl"])
                #expect(try await invalid(#"{"callbackUrl": "https://[::1]/x"}"#) == ["callbackUrl"])
                #expect(try await invalid(#"{"callbackUrl": "https://a.example/x", "filters": {"types": ["Onzin"], "dossiers": ["x"]}, "koepel": "KNVB", "extra": 1}"#)
                    == ["filters.types[0]", "filters.dossiers[0]", "koepel", "extra"])
                let koepel = try await client.send(.post, "/v1/abonnementen", token: harness.vng, json: #"{"callbackUrl": "https://a.example/x"}"#)
                #expect(koepel.status == .forbidden)
                #expect(try await client.send(.get, "/v1/abonnementen", token: harness.liaison).status == .forbidden)
                let onbekend = UUID().uuidString.lowercased()
                #expect(try await client.send(.get, "/v1/abonnementen/\(onbekend)", token: harness.coordinator).status == .notFound)
                #expect(try await client.send(.post, "/v1/abonnementen/\(onbekend)/opnieuw", token: harness.coordinator, json: "{}").status == .notFound)
                #expect(try await client.send(.get, "/v1/abonnementen/\(onbekend)/afleveringen", token: harness.coordinator).status == .notFound)
                // Nothing was stored by any refusal.
                #expect(try await harness.dependencies.abonnementen.list().isEmpty)
            }
            // With private targets allowed (tests, closed networks) one is made, and shown without its secret.
            var dependencies = harness.dependencies
            dependencies.abonnementen = AbonnementStore(pool: harness.pool, instellingen: NotificationSettings(privaatToegestaan: true))
            let gebouwd = dependencies
            try await buildApplication(dependencies: gebouwd).test(.router) { client in
                let made = try await client.send(
                    .post, "/v1/abonnementen", token: harness.coordinator,
                    json: #"{"callbackUrl": "http://127.0.0.1:9/x", "auth": "Bearer geheim", "filters": {"types": ["nl.overheid.bzk.toedeling.consultatie-geopend", "ReactieIngediend"]}}"#
                )
                #expect(made.status == .created)
                let object = try made.object
                let id = try #require(object["id"] as? String)
                let secret = try #require(object["secret"] as? String)
                #expect(secret.hasPrefix("whsec_") && WebhookSignature.sleutel(uit: secret)?.count == 32)
                let shown = try await client.send(.get, "/v1/abonnementen/\(id)", token: harness.coordinator)
                let text = String(buffer: shown.body)
                #expect(!text.contains(secret) && !text.contains("Bearer geheim") && !text.contains("secret"))
                #expect(try (shown.object["filters"] as? [String: Any])?["types"] as? [String] == ["ConsultatieGeopend", "ReactieIngediend"])
                #expect(try shown.object["metAuth"] as? Bool == true)
                let cursor = try await client.send(.post, "/v1/abonnementen/\(id)/opnieuw", token: harness.coordinator, json: #"{"na": "f2.x"}"#)
                #expect(cursor.status == .badRequest)
                #expect(try await client.send(.delete, "/v1/abonnementen/\(id)", token: harness.coordinator).status == .noContent)
                #expect(try await client.send(.get, "/v1/abonnementen/\(id)", token: harness.coordinator).status == .notFound)
            }
        }
    }

    @Test func aKoepelWithoutReactieIsRemindedOnceAndCoordinatorsHearOfAPassedTermijn() async throws {
        try await APITestHarness.with { harness in
            let gebruikers = harness.gebruikers
            _ = try await gebruikers.create(email: "vng@gemeenten.example", naam: "Vera", hoedanigheid: .koepel(.VNG))
            _ = try await gebruikers.create(email: "ipo@provincies.example", naam: "Ivo", hoedanigheid: .koepel(.IPO))
            _ = try await gebruikers.create(email: "uvw@waterschappen.example", naam: "Uma", hoedanigheid: .koepel(.UvW))
            _ = try await gebruikers.create(email: "coordinator@bzk.example", naam: "Coby", hoedanigheid: .coordinator)
            let id = try await harness.test { client in
                let id = try await client.openDossier(token: harness.coordinator)
                // Termijn Thursday 31 January 2030: five working days before is Thursday 24 January.
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                try await client.command("consultaties/1/reacties", on: id, token: harness.ipo, json: Fixtures.reactie)
                return id
            }
            let instellingen = NotificationSettings(publiekeURL: "https://toedeling.example")
            func bewaking(_ dag: Int, _ maand: Int = 1) -> TermijnReminders {
                TermijnReminders(pool: harness.pool, instellingen: instellingen, logger: Logger(label: "test")) {
                    Kalenderdatum(jaar: 2030, maand: maand, dag: dag)!
                }
            }
            func berichten() async throws -> [(String, String, String)] {
                try await harness.pool.withConnection { connection in
                    try connection.query("SELECT ontvanger, onderwerp, tekst FROM email_berichten ORDER BY aangemaakt_op, ontvanger").map {
                        (try $0.string("ontvanger"), try $0.string("onderwerp"), try $0.string("tekst"))
                    }
                }
            }
            #expect(try await bewaking(23).controleer() == 0)
            #expect(try await bewaking(24).controleer() == 1)
            #expect(try await bewaking(30).controleer() == 0)
            let herinnering = try await berichten()
            #expect(herinnering.map(\.0) == ["vng@gemeenten.example"])
            #expect(herinnering[0].1.hasPrefix("Herinnering") && herinnering[0].2.contains("31 januari 2030") && herinnering[0].2.contains("/dossiers/\(id)"))
            #expect(try await bewaking(1, 2).controleer() == 1)
            #expect(try await bewaking(2, 2).controleer() == 0)
            let verstreken = try await berichten().dropFirst()
            #expect(verstreken.map(\.0) == ["coordinator@bzk.example"])
            #expect(verstreken.first?.1.hasPrefix("Termijn verstreken") == true && verstreken.first?.2.contains("Nog geen reactie van: VNG.") == true)
        }
    }
}
