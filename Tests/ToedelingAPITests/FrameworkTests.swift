import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Prometheus
import Testing
import ToedelingAPI
import ServerTestSupport

@Suite("HTTP framework behaviour")
struct FrameworkTests {
    static let advies = "/v1/afwegingskader/_advies"
    static let kenmerken = """
        {"taakkenmerken": {"schaal": "lokaal", "beleidsvrijheid": "veel", "sturingVakdepartement": false,
        "waterbeheer": false, "specifiekBeleidsterrein": false, "samenwerking": "geen"}}
        """

    @Test func healthAnswersOkWhenTheDatabaseAnswers() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let response = try await client.execute(uri: "/health", method: .get)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test func healthIs503ProblemWhenTheDatabaseIsUnreachable() async throws {
        let pool = PostgresConnectionPool(
            connectionString: "postgresql://postgres@127.0.0.1:1/nergens?connect_timeout=2", logger: Logger(label: "test"))
        let dependencies = APIDependencies(pool: pool, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"))
        let application = try await buildApplication(configuration: APIConfiguration(), dependencies: dependencies)
        try await application.test(.router) { client async throws in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .serviceUnavailable)
            let problem = try response.problem
            #expect(problem.status == 503)
            #expect(!(problem.detail ?? "").contains("127.0.0.1"))
            let list = try await client.send(.get, "/v1/dossiers", token: "tdl_" + String(repeating: "a", count: 43))
            #expect(list.status == .serviceUnavailable)
            #expect(try list.problem.status == 503)
        }
        await pool.close()
    }

    @Test func everyResponseCarriesApiVersionAndSecurityHeaders() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let responses = [
                    try await client.execute(uri: "/health", method: .get),
                    try await client.execute(uri: "/v1/does-not-exist", method: .get),
                    try await client.execute(uri: "/v1/dossiers", method: .get),
                    try await client.send(.get, "/v1/dossiers", token: harness.coordinator),
                ]
                for response in responses {
                    #expect(response.headers[HTTPField.Name("API-Version")!] == "1.0.0")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                    #expect(response.headers[.contentSecurityPolicy] == "frame-ancestors 'none'")
                    // Plain HTTP unless configured: no Strict-Transport-Security.
                    #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                }
            }
        }
    }

    @Test func unknownRouteIsProblem404() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let response = try await client.send(.get, "/v1/bestaat-niet", token: harness.coordinator)
                #expect(response.status == .notFound)
                let problem = try response.problem
                #expect(problem.status == 404)
                #expect(problem.title == "Not Found")
                #expect(problem.type == "about:blank")
                #expect(problem.instance == "/v1/bestaat-niet")
            }
        }
    }

    @Test func trailingSlashIs404() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for uri in ["/health/", "/v1/dossiers/", "/v1//dossiers"] {
                    let response = try await client.send(.get, uri, token: harness.coordinator)
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(try response.problem.status == 404)
                }
            }
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let health = try await client.execute(uri: "/health", method: .delete)
                #expect(health.status == .methodNotAllowed)
                #expect(health.headers[.allow] == "GET, HEAD")
                #expect(try health.problem.status == 405)
                let dossiers = try await client.send(.put, "/v1/dossiers", token: harness.coordinator)
                #expect(dossiers.status == .methodNotAllowed)
                #expect(dossiers.headers[.allow] == "POST, GET, HEAD")
                let dossier = try await client.send(.delete, "/v1/dossiers/\(UUID())", token: harness.coordinator)
                #expect(dossier.status == .methodNotAllowed)
                #expect(dossier.headers[.allow] == "GET, HEAD, PATCH")
            }
        }
    }

    @Test func bodyOverOneMebibyteIs413AndExactlyOneIsRead() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let tooLarge = String(repeating: " ", count: 1 << 20) + "{}"
                let refused = try await client.send(.post, Self.advies, token: harness.coordinator, json: tooLarge)
                #expect(refused.status == .contentTooLarge)
                #expect(try refused.problem.status == 413)
                let padded = String(repeating: " ", count: (1 << 20) - Self.kenmerken.utf8.count) + Self.kenmerken
                let accepted = try await client.send(.post, Self.advies, token: harness.coordinator, json: padded)
                #expect(accepted.status == .ok)
            }
        }
    }

    @Test func postWithoutJsonContentTypeIs415() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for contentType in [nil, "text/plain", "application/xml", "application/x-www-form-urlencoded"] {
                    var headers: HTTPFields = [.authorization: "Bearer \(harness.coordinator)"]
                    if let contentType { headers[.contentType] = contentType }
                    let response = try await client.execute(
                        uri: Self.advies, method: .post, headers: headers, body: ByteBuffer(string: Self.kenmerken))
                    #expect(response.status == .unsupportedMediaType, "\(contentType ?? "none")")
                    #expect(try response.problem.status == 415)
                }
                let withCharset = try await client.send(
                    .post, Self.advies, token: harness.coordinator, json: Self.kenmerken,
                    headers: [.contentType: "application/json; charset=utf-8"])
                #expect(withCharset.status == .ok)
            }
        }
    }

    @Test func malformedJsonIs400Problem() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for body in ["{", "{\"taakkenmerken\": }", "nul", "\u{FF}\u{FE}"] {
                    let response = try await client.send(.post, Self.advies, token: harness.coordinator, json: body)
                    #expect(response.status == .badRequest, "\(body)")
                    let problem = try response.problem
                    #expect(problem.status == 400)
                    #expect(problem.invalidParams?.isEmpty == false)
                }
            }
        }
    }

    /// A body is read by the API's own JSON reader; what that refuses and Foundation reads (a
    /// trailing comma) is read as before, and what both refuse stays a 400.
    @Test func aBodyIsReadAsBeforeAlsoWhereTheOwnReaderRefusesIt() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let plain = try await client.send(.post, Self.advies, token: harness.coordinator, json: Self.kenmerken)
                #expect(plain.status == .ok)
                let trailingComma = Self.kenmerken.replacingOccurrences(of: #""geen"}}"#, with: #""geen",}}"#)
                #expect(trailingComma != Self.kenmerken)
                let lenient = try await client.send(.post, Self.advies, token: harness.coordinator, json: trailingComma)
                #expect(lenient.status == .ok, "read by Foundation as before")
                #expect(lenient.body == plain.body)
                let loneSurrogate = Self.kenmerken.replacingOccurrences(of: #""geen""#, with: #""ge\ud800en""#)
                #expect(loneSurrogate != Self.kenmerken)
                let refused = try await client.send(.post, Self.advies, token: harness.coordinator, json: loneSurrogate)
                #expect(refused.status == .badRequest)
                #expect(try refused.problem.type == "urn:toedeling:probleem:onleesbare-body", "refused as JSON, not as a value")
            }
        }
    }

    @Test func saneRequestIdIsEchoedAndOtherwiseGenerated() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let requestID = HTTPField.Name("X-Request-ID")!
                let echoed = try await client.execute(uri: "/health", method: .get, headers: [requestID: "abc-123"])
                #expect(echoed.headers[requestID] == "abc-123")
                let insane = try await client.execute(uri: "/health", method: .get, headers: [requestID: "bad id<script>"])
                #expect(UUID(uuidString: insane.headers[requestID] ?? "") != nil)
                let long = try await client.execute(
                    uri: "/health", method: .get, headers: [requestID: String(repeating: "a", count: 200)])
                #expect(UUID(uuidString: long.headers[requestID] ?? "") != nil)
                let missing = try await client.execute(uri: "/does-not-exist", method: .get)
                #expect(UUID(uuidString: missing.headers[requestID] ?? "") != nil)
            }
        }
    }

    @Test func corsIsGrantedOnlyToConfiguredOrigins() async throws {
        try await APITestHarness.with { harness in
            try await harness.test(corsOrigins: ["https://portaal.example"]) { client async throws in
                let preflight = try await client.execute(
                    uri: "/v1/dossiers", method: .options,
                    headers: [.origin: "https://portaal.example", .accessControlRequestMethod: "POST"])
                #expect(preflight.status == .noContent)
                #expect(preflight.headers[.accessControlAllowOrigin] == "https://portaal.example")
                #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
                let allowed = try await client.execute(uri: "/health", method: .get, headers: [.origin: "https://portaal.example"])
                #expect(allowed.headers[.accessControlAllowOrigin] == "https://portaal.example")

                let refusedPreflight = try await client.execute(
                    uri: "/v1/dossiers", method: .options,
                    headers: [.origin: "https://kwaadwillend.example", .accessControlRequestMethod: "POST"])
                #expect(refusedPreflight.status == .forbidden)
                #expect(refusedPreflight.headers[.accessControlAllowOrigin] == nil)
                let refused = try await client.execute(
                    uri: "/health", method: .get, headers: [.origin: "https://kwaadwillend.example"])
                #expect(refused.status == .ok)
                #expect(refused.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func metricsCountRequestsByRouteTemplateAndStatus() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                _ = try await client.execute(uri: "/health", method: .get)
                _ = try await client.send(.get, "/v1/dossiers/\(UUID())", token: harness.coordinator)
                // A second time: counted by the handles kept from the first.
                _ = try await client.send(.get, "/v1/dossiers/\(UUID())", token: harness.coordinator)
                _ = try await client.execute(uri: "/nergens", method: .get)
                let response = try await client.execute(uri: "/metrics", method: .get)
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"http_requests_total{method="GET",route="/health",status="200"} 1"#))
                #expect(text.contains(#"http_requests_total{method="GET",route="/v1/dossiers/:id",status="404"} 2"#))
                #expect(text.contains(#"route="unmatched",status="404""#))
                #expect(text.contains("http_request_duration_seconds_bucket"))
                #expect(text.contains("toedeling_pool_connections_in_use"))
            }
        }
    }
}
