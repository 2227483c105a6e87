import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Postgres
import Testing
import ToedelingAPI
import ServerTestSupport

/// The defects of the hardening round: each test failed before its fix.
@Suite("No request crashes, probes or stalls the server")
struct HardeningTests {
    // MARK: Dates at the edge of the range

    @Test func aPeildatumAtTheEndOfTheSupportedRangeAnswersAndOneBeyondIsA400() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let end = try await client.send(.get, "/v1/dossiers/\(id)?peildatum=9999-12-31", token: harness.vng)
                #expect(end.status == .notFound, "not invited: 404, and the server lives")
                let liaison = try await client.send(.get, "/v1/dossiers/\(id)?peildatum=9999-12-31", token: harness.liaison)
                #expect(liaison.status == .ok)
                let moment = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn?peildatum=9999-12-31T23:59:60Z", token: harness.liaison)
                #expect(moment.status == .ok)
                let early = try await client.send(.get, "/v1/dossiers/\(id)?peildatum=0000-01-01T00:00:00Z", token: harness.liaison)
                #expect(early.status == .notFound, "before it was opened; and no 500 for year 0")
                for outside in ["10000-01-01", "0000-01-01", "2026-02-30", "2026-03-01T24:00:00Z", "2026-13-01", "2026-03-01T12:00:00+24:00"] {
                    let response = try await client.send(.get, "/v1/dossiers/\(id)?peildatum=\(outside)", token: harness.liaison)
                    #expect(response.status == .badRequest, "\(outside)")
                    #expect(try response.problem.invalidParams?.map(\.name) == ["peildatum"], "\(outside)")
                }
            }
        }
    }

    @Test func aRoundWithTheLastSupportedTermijnTakesReacties() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: #"{"koepels": ["VNG"], "termijn": "9999-12-31"}"#)
                let reactie = try await client.command("consultaties/1/reacties", on: id, token: harness.vng, json: Fixtures.reactie)
                let reacties = try #require((try reactie.object["consultaties"] as? [[String: Any]])?.first?["reacties"] as? [[String: Any]])
                #expect(reacties.first?["teLaat"] as? Bool == false)
                let beyond = try await client.send(
                    .post, "/v1/dossiers/\(id)/consultaties", token: harness.coordinator, json: #"{"koepels": ["IPO"], "termijn": "10000-01-01"}"#)
                #expect(beyond.status == .badRequest)
                #expect(try beyond.problem.invalidParams?.map(\.name) == ["termijn"])
            }
        }
    }

    // MARK: Control characters and lengths

    @Test func controlCharactersInTextAndQueryAreA400NamingTheField() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for (field, value) in [("titel", "a\\u0000b"), ("omschrijving", "\\u001b[31mrood"), ("vakdepartement", "VRO\\u0085")] {
                    var body = try #require(try JSONSerialization.jsonObject(with: Data(Fixtures.nieuwDossier.utf8)) as? [String: Any])
                    body[field] = "PLACEHOLDER"
                    let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
                        .replacingOccurrences(of: "PLACEHOLDER", with: value)
                    let response = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: json)
                    #expect(response.status == .badRequest, "\(field)")
                    #expect(try response.problem.invalidParams?.map(\.name) == [field])
                }
                let query = try await client.send(.get, "/v1/dossiers?vakdepartement=%00", token: harness.coordinator)
                #expect(query.status == .badRequest)
                #expect(try query.problem.invalidParams?.map(\.name) == ["vakdepartement"])
                let allowed = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator,
                    json: #"{"titel": "Tab\tin titel", "omschrijving": "Regel 1\nRegel 2\r\nRegel 3", "vakdepartement": "VRO", "soort": "taak", "nieuweTaak": true}"#)
                #expect(allowed.status == .created, "tab and line breaks are text")
                let list = try await client.send(.get, "/v1/dossiers", token: harness.coordinator)
                #expect((try list.object["resultaten"] as? [Any])?.count == 1, "nothing refused was written")
            }
        }
    }

    @Test func lengthLimitsCountUnicodeScalarsNotGraphemes() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let zalgo = "a" + String(repeating: "\u{0301}", count: 400)
                #expect(zalgo.count == 1)
                let response = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.dossier(titel: zalgo))
                #expect(response.status == .badRequest)
                #expect(try response.problem.invalidParams?.map(\.name) == ["titel"])
            }
        }
    }

    @Test func aYearWithoutKenmerkenLeftIsAClear409AndWritesNothing() async throws {
        try await APITestHarness.with { harness in
            let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Amsterdam")!, from: Date()).year!
            let connection = try harness.database.scratch.connect()
            try connection.execute("INSERT INTO kenmerk_tellers (jaar, laatste) VALUES ($1, 9999)", [.int(Int64(year))])
            try await harness.test { client async throws in
                let response = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier)
                #expect(response.status == .conflict)
                #expect(try response.problem.detail?.contains("9999") == true)
                #expect(try connection.query("SELECT count(*) AS n FROM events").first?.int("n") == 0)
            }
        }
    }

    // MARK: Koepel scoping

    @Test func aKoepelCannotProbeADossierItWasNotInvitedToWithIfMatch() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: #"{"koepels": ["VNG"], "termijn": "2030-01-31"}"#)
                let unknown = UUID().uuidString.lowercased()
                for (target, stale) in [(id, "\"0\""), (id, "\"2\""), (unknown, "\"0\"")] {
                    let response = try await client.send(
                        .post, "/v1/dossiers/\(target)/consultaties/1/reacties", token: harness.ipo, json: Fixtures.reactie,
                        headers: [.ifMatch: stale])
                    #expect(response.status == .notFound, "\(target) \(stale)")
                    #expect(response.headers[.eTag] == nil)
                }
            }
        }
    }

    @Test func aKoepelsViewDoesNotMoveWhenAnotherKoepelReactsInAnOpenRound() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                let before = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.vng)
                try await client.command("consultaties/1/reacties", on: id, token: harness.ipo, json: Fixtures.reactie)
                let after = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.vng)
                #expect(after.headers[.eTag] == before.headers[.eTag])
                #expect(try after.object["versie"] as? Int == before.object["versie"] as? Int)
                #expect(try after.object["bijgewerktOp"] as? String == before.object["bijgewerktOp"] as? String)
                #expect(String(buffer: after.body) == String(buffer: before.body))
                let tijdlijn = try #require(try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.vng).object["tijdlijn"] as? [[String: Any]])
                #expect(tijdlijn.compactMap { $0["versie"] as? Int } == [1, 2], "no gap betrays the hidden reactie")

                // Its own tag is what its If-Match is compared with.
                let tag = try #require(before.headers[.eTag])
                let own = try await client.send(
                    .post, "/v1/dossiers/\(id)/consultaties/1/reacties", token: harness.vng, json: Fixtures.reactie, headers: [.ifMatch: tag])
                #expect(own.status == .created)
                #expect(own.headers[.eTag] == "\"3\"")
                let coordinator = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator)
                #expect(coordinator.headers[.eTag] == "\"4\"")

                try await client.command("consultaties/1/sluiting", on: id, token: harness.coordinator, json: "{}")
                let closed = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.vng)
                #expect(closed.headers[.eTag] == "\"5\"", "after closing it sees every event")
            }
        }
    }

    // MARK: Bounded waits

    @Test func aLockedTableGives503InBoundedTimeHealthAnswersAndAllRecovers() async throws {
        let limits = PostgresLimits(statementTimeoutMilliseconds: 5_000, lockTimeoutMilliseconds: 500, poolWait: .milliseconds(500))
        try await APITestHarness.with(limits: limits) { harness in
            try await harness.test { client async throws in
                let locker = try harness.database.scratch.connect()
                try locker.executeScript("BEGIN; LOCK TABLE api_tokens IN ACCESS EXCLUSIVE MODE")
                let start = ContinuousClock.now
                let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for _ in 0..<14 {
                        group.addTask { try await client.send(.get, "/v1/dossiers", token: harness.coordinator).status }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .serviceUnavailable }, "\(statuses)")
                // Without bounds these requests waited as long as the lock was held (here: until the
                // test ends). The bound asserted is loose, for a loaded machine; the waits themselves
                // are half a second each.
                #expect(ContinuousClock.now - start < .seconds(60))
                let healthStart = ContinuousClock.now
                let health = try await client.execute(uri: "/health", method: .get)
                // The probe gives up after 1 s (the contract says 2 s); the bound here is loose, for a
                // loaded machine: what counts is that it answers, not how fast.
                #expect(ContinuousClock.now - healthStart < .seconds(15))
                #expect(health.status == .ok, "the database answers; only a table is locked")
                let busy = try await client.send(.get, "/v1/dossiers", token: harness.coordinator)
                #expect(busy.headers[.retryAfter] != nil)
                #expect(try busy.problem.detail?.contains("te druk") == true, "the timeout's own answer, not a failure")
                try locker.executeScript("ROLLBACK")
                let recovered = try await client.send(.get, "/v1/dossiers", token: harness.coordinator)
                #expect(recovered.status == .ok)
            }
        }
    }

    // MARK: Idempotency

    @Test func aKeptResponseCommitsWithItsEventsOrNotAtAll() async throws {
        try await APITestHarness.with { harness in
            let connection = try harness.database.scratch.connect()
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                // The kept response cannot be written: the command must not be recorded either.
                try connection.executeScript("""
                    CREATE FUNCTION weiger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'weiger'; END $$;
                    CREATE TRIGGER weiger BEFORE UPDATE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION weiger();
                    """)
                let headers: HTTPFields = [.ifMatch: "\"1\"", HTTPField.Name("Idempotency-Key")!: "kamerstuk-1"]
                let failed = try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.coordinator, json: Fixtures.kamerstuk, headers: headers)
                #expect(failed.status.kind == .serverError)
                #expect(try connection.query("SELECT count(*) AS n FROM events").first?.int("n") == 1, "nothing half-written")
                try connection.executeScript("DROP TRIGGER weiger ON idempotency_keys")
                let retried = try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.coordinator, json: Fixtures.kamerstuk, headers: headers)
                #expect(retried.status == .created)
                let replayed = try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.coordinator, json: Fixtures.kamerstuk, headers: headers)
                #expect(replayed.status == .created)
                #expect(replayed.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
                #expect(String(buffer: replayed.body) == String(buffer: retried.body))
                #expect(try connection.query("SELECT count(*) AS n FROM events").first?.int("n") == 2)
            }
        }
    }

    // MARK: HTTP semantics

    @Test func conditionalGetsHeadAcceptAndLowercaseIds() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let created = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier)
                let id = try #require(try created.object["id"] as? String)
                #expect(id == id.lowercased())
                #expect(created.headers[.location] == "/v1/dossiers/\(id)")
                let upper = try await client.send(.get, "/v1/dossiers/\(id.uppercased())", token: harness.coordinator)
                #expect(upper.status == .ok)
                let tag = try #require(upper.headers[.eTag])
                let notModified = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator, headers: [.ifNoneMatch: tag])
                #expect(notModified.status == .notModified)
                #expect(notModified.body.readableBytes == 0)
                let tijdlijn = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.coordinator)
                #expect(tijdlijn.headers[.eTag] == tag)
                let tijdlijnNotModified = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.coordinator, headers: [.ifNoneMatch: tag])
                #expect(tijdlijnNotModified.status == .notModified)
                let changed = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator, headers: [.ifNoneMatch: "\"7\""])
                #expect(changed.status == .ok)
                let head = try await client.send(.head, "/v1/dossiers/\(id)", token: harness.coordinator)
                #expect(head.status == .ok)
                #expect(head.headers[.eTag] == tag)
                #expect(head.body.readableBytes == 0)
                let csv = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator, headers: [.accept: "text/csv"])
                #expect(csv.status == .notAcceptable)
                let anything = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator, headers: [.accept: "text/html, */*;q=0.1"])
                #expect(anything.status == .ok)
                let events = try await client.send(.get, "/v1/dossiers/\(id)/gebeurtenissen", token: harness.coordinator)
                let text = String(buffer: events.body)
                #expect(text.contains("\"gebeurtenisId\""))
                #expect(text.range(of: "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}", options: .regularExpression) == nil, "no upper-case UUID in \(text)")
            }
        }
    }

    @Test func securityHeadersHstsWhenConfiguredAndCorsOnTheDocumentOnly() async throws {
        try await APITestHarness.with { harness in
            try await harness.test(strictTransportSecurity: "max-age=600; includeSubDomains") { client async throws in
                let document = try await client.execute(uri: "/v1/openapi.json", method: .get)
                #expect(document.headers[.accessControlAllowOrigin] == "*")
                #expect(document.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=600; includeSubDomains")
                let list = try await client.send(.get, "/v1/dossiers", token: harness.coordinator)
                #expect(list.headers[.accessControlAllowOrigin] == nil)
                #expect(list.headers[.cacheControl] == "no-store")
            }
        }
    }

    // MARK: Missing parts of the contract

    @Test func aMergePatchChangesTheVoorstelAndOnlyWhatChanged() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let patch: HTTPFields = [.contentType: "application/merge-patch+json"]
                let changed = try await client.send(
                    .patch, "/v1/dossiers/\(id)", token: harness.coordinator, json: #"{"titel": "Nieuwe titel", "wettelijkeGrondslag": null}"#,
                    headers: patch.merging([.ifMatch: "\"1\""]))
                #expect(changed.status == .ok)
                #expect(try changed.object["titel"] as? String == "Nieuwe titel")
                #expect(try changed.object["wettelijkeGrondslag"] is NSNull)
                #expect(changed.headers[.eTag] == "\"2\"")
                let same = try await client.send(.patch, "/v1/dossiers/\(id)", token: harness.coordinator, json: #"{"titel": "Nieuwe titel"}"#, headers: patch)
                #expect(same.status == .ok)
                #expect(same.headers[.eTag] == "\"2\"", "a change to what it already says records nothing")
                let tijdlijn = try #require(try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.coordinator).object["tijdlijn"] as? [[String: Any]])
                #expect(tijdlijn.last?["type"] as? String == "VoorstelGewijzigd")
                #expect((tijdlijn.last?["omschrijving"] as? String)?.contains("wettelijkeGrondslag") == true)

                let plainJSON = try await client.send(.patch, "/v1/dossiers/\(id)", token: harness.coordinator, json: #"{"titel": "X"}"#)
                #expect(plainJSON.status == .unsupportedMediaType)
                let removeRequired = try await client.send(.patch, "/v1/dossiers/\(id)", token: harness.coordinator, json: #"{"titel": null}"#, headers: patch)
                #expect(removeRequired.status == .badRequest)
                #expect(try removeRequired.problem.invalidParams?.map(\.name).contains("titel") == true)
                let stale = try await client.send(
                    .patch, "/v1/dossiers/\(id)", token: harness.coordinator, json: #"{"titel": "Y"}"#, headers: patch.merging([.ifMatch: "\"1\""]))
                #expect(stale.status == .preconditionFailed)
                let koepel = try await client.send(.patch, "/v1/dossiers/\(id)", token: harness.liaison, json: #"{"titel": "Y"}"#, headers: patch)
                #expect(koepel.status == .forbidden)
            }
        }
    }

    @Test func theEvaluationOverviewInEveryFormat() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                _ = try await client.openDossier(token: harness.coordinator)
                _ = try await client.openDossier(
                    token: harness.coordinator,
                    body: #"{"titel": "Bestaand", "omschrijving": "O.", "vakdepartement": "VWS", "soort": "taak", "nieuweTaak": false, "aanleiding": "motie"}"#)
                let json = try await client.send(.get, "/v1/rapportages/evaluatie", token: harness.liaison)
                #expect(json.status == .ok)
                #expect(try json.object["aantalDossiers"] as? Int == 2)
                #expect(try json.object["bestaandeTaken"] as? Int == 1)
                let csv = try await client.send(.get, "/v1/rapportages/evaluatie", token: harness.coordinator, headers: [.accept: "text/csv"])
                #expect(String(buffer: csv.body).contains("dossiers,nieuweTaken,1\r\n"))
                let markdown = try await client.send(.get, "/v1/rapportages/evaluatie", token: harness.coordinator, headers: [.accept: "text/markdown"])
                #expect(String(buffer: markdown.body).contains("| Bestaande taken | 1 |"))
                let html = try await client.send(.get, "/v1/rapportages/evaluatie", token: harness.coordinator, headers: [.accept: "text/html"])
                #expect(String(buffer: html.body).hasPrefix("<!DOCTYPE html>"))
                let past = try await client.send(.get, "/v1/rapportages/evaluatie?tot=2020-01-01", token: harness.liaison)
                #expect(try past.object["aantalDossiers"] as? Int == 0)
                let backwards = try await client.send(.get, "/v1/rapportages/evaluatie?van=2026-02-01&tot=2026-01-01", token: harness.liaison)
                #expect(backwards.status == .badRequest)
                #expect(try await client.send(.get, "/v1/rapportages/evaluatie", token: harness.vng).status == .forbidden)
            }
        }
    }

    @Test func theTijdlijnAndTheEventsPage() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                for nummer in 1...4 {
                    try await client.command("kamerstukken", on: id, token: harness.coordinator, json: #"{"nummer": "33047-\#(nummer)", "titel": "Brief", "datum": "2026-03-01"}"#)
                }
                let page = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn?page=2&pageSize=2", token: harness.liaison)
                #expect(try (page.object["tijdlijn"] as? [[String: Any]])?.compactMap { $0["versie"] as? Int } == [3, 4])
                #expect(page.headers[HTTPField.Name("X-Total-Count")!] == "5")
                #expect(page.headers[HTTPField.Name("Link")!]?.contains("</v1/dossiers/\(id)/tijdlijn?page=3&pageSize=2>; rel=\"next\"") == true)
                let events = try await client.send(.get, "/v1/dossiers/\(id)/gebeurtenissen?page=3&pageSize=2", token: harness.coordinator)
                #expect(try (events.object["gebeurtenissen"] as? [[String: Any]])?.compactMap { $0["versie"] as? Int } == [5])
                #expect(events.headers[HTTPField.Name("X-Total-Count")!] == "5")
                let tooLarge = try await client.send(.get, "/v1/dossiers/\(id)/gebeurtenissen?pageSize=5000", token: harness.coordinator)
                #expect(tooLarge.status == .badRequest)
            }
        }
    }
}

extension HTTPFields {
    fileprivate func merging(_ other: HTTPFields) -> HTTPFields {
        var merged = self
        for field in other { merged[field.name] = field.value }
        return merged
    }
}
