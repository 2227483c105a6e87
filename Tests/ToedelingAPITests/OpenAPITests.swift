import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Prometheus
import Testing
import ToedelingAPI
import ToedelingHTTP
import ServerTestSupport

@Suite("The OpenAPI document")
struct OpenAPITests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Runs `body` with the dependencies of an application that never reaches its database (the pool
    /// connects lazily), closing the pool afterwards.
    static func withOfflineDependencies<T>(_ body: (APIDependencies) async throws -> T) async throws -> T {
        let pool = PostgresConnectionPool(connectionString: "", maximumConnections: 1, logger: Logger(label: "test"))
        do {
            let value = try await body(APIDependencies(pool: pool, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test")))
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }

    /// The routes the router registers.
    static func registeredRoutes() async throws -> Set<String> {
        let registry = RouteRegistry()
        try await withOfflineDependencies { dependencies in
            _ = buildRouter(configuration: APIConfiguration(), dependencies: dependencies, routes: registry)
        }
        return Set(registry.routes.map { "\($0.method.rawValue) \($0.openAPIPath)" })
    }

    /// The document as served at `/v1/openapi.json`, without a token.
    static func served() async throws -> (text: String, document: [String: Any]) {
        try await withOfflineDependencies { dependencies in try await served(dependencies) }
    }

    private static func served(_ dependencies: APIDependencies) async throws -> (text: String, document: [String: Any]) {
        let application = try await buildApplication(configuration: APIConfiguration(), dependencies: dependencies)
        return try await application.test(.router) { client async throws in
            let response = try await client.execute(uri: "/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let text = String(buffer: response.body)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return (text, document)
        }
    }

    @Test func everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() async throws {
        let (_, document) = try await Self.served()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where Self.methods.contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let everyRoute = try await Self.registeredRoutes()
        // Every GET answers HEAD too (RFC 9110), which the document says once, in its description.
        let heads = everyRoute.filter { $0.hasPrefix("HEAD ") }
        #expect(Set(heads.map { "GET " + $0.dropFirst(5) }) == Set(everyRoute.filter { $0.hasPrefix("GET ") }))
        let registered = everyRoute.subtracting(heads)
        #expect(registered.count > 20)
        #expect(documented.subtracting(registered).isEmpty, "documented, not registered: \(documented.subtracting(registered))")
        #expect(registered.subtracting(documented).isEmpty, "registered, not documented: \(registered.subtracting(documented))")
    }

    @Test func everyReferenceResolvesAndEveryProtectedOperationDescribesItsErrors() async throws {
        let (text, document) = try await Self.served()
        let references = Set(text.matches(of: /"\$ref": "#\/([^"]+)"/).map { String($0.output.1) })
        #expect(!references.isEmpty)
        for reference in references {
            var node: Any? = document
            for part in reference.split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
            #expect(node != nil, "unresolved $ref #/\(reference)")
        }
        let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: Any]]
        #expect(schemes?["bearer"]?["scheme"] as? String == "bearer")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for (path, item) in paths where path.hasPrefix("/v1/") && path != "/v1/openapi.json" {
            for (method, operation) in item {
                let responses = try #require((operation as? [String: Any])?["responses"] as? [String: Any])
                #expect(responses["401"] != nil, "\(method) \(path) lacks 401")
                #expect(responses["503"] != nil, "\(method) \(path) lacks 503")
                if method == "post" {
                    #expect(responses["415"] != nil && responses["413"] != nil && responses["422"] != nil, "\(method) \(path)")
                }
            }
        }
    }

    @Test func everyResponseOfALifecycleMatchesItsDocumentedSchema() async throws {
        let validator = try SchemaValidator(documentText: try await Self.served().text)
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                func check(_ response: TestResponse, _ schema: String, _ label: String) throws {
                    let problems = try validator.problems(Data(buffer: response.body), against: schema)
                    #expect(problems.isEmpty, "\(label) vs \(schema): \(problems)")
                }
                let opened = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier)
                try check(opened, "Dossier", "open")
                #expect(!(try validator.problems(Data(buffer: opened.body), against: "Advies")).isEmpty, "the validator can fail")
                #expect(!(try validator.problems(Data(#"{"id": 1}"#.utf8), against: "Dossier")).isEmpty, "the validator can fail")
                let id = try #require(try opened.object["id"] as? String)
                let steps: [(String, String, String)] = [
                    ("consultaties", Fixtures.consultatie, harness.coordinator),
                    ("consultaties/1/reacties", Fixtures.reactie, harness.vng),
                    ("consultaties/1/reacties", #"{"koepel": "IPO", "standpunt": "bezwaar", "toelichting": "Per brief.", "kenmerk": "IPO-7"}"#, harness.coordinator),
                    ("consultaties/1/sluiting", "{}", harness.coordinator),
                    ("toetsingen", Fixtures.toetsingProvincie, harness.coordinator),
                    ("financiele-gevolgen", Fixtures.financieleGevolgen, harness.coordinator),
                    ("udo-aanvragen", Fixtures.udoAanvraag, harness.coordinator),
                    ("udo-uitkomsten", #"{"uitkomst": "uitvoerbaarMetVoorwaarden", "samenvatting": "Ja, mits.", "vindplaats": "Bijlage"}"#, harness.coordinator),
                    ("besluiten", #"{"bestuurslaag": "gemeente", "motivering": "Bewust afgeweken."}"#, harness.coordinator),
                    ("kamerstukken", Fixtures.kamerstuk, harness.liaison),
                    ("heropening", Fixtures.heropening, harness.coordinator),
                    ("intrekking", Fixtures.intrekking, harness.coordinator),
                ]
                for (path, body, token) in steps {
                    let response = try await client.send(.post, "/v1/dossiers/\(id)/\(path)", token: token, json: body)
                    #expect(response.status == .created, "\(path): \(response.status)")
                    try check(response, "DossierNaCommando", path)
                }
                // A refusal is a documented problem too: nothing is accepted after withdrawal.
                let refused = try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.coordinator, json: Fixtures.kamerstuk)
                #expect(refused.status == .conflict)
                try check(refused, "Problem", "refused")
                for token in [harness.coordinator, harness.vng] {
                    try check(try await client.send(.get, "/v1/dossiers/\(id)", token: token), "Dossier", "dossier")
                    try check(try await client.send(.get, "/v1/dossiers", token: token), "DossierLijst", "list")
                    try check(try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: token), "Tijdlijn", "tijdlijn")
                }
                try check(try await client.send(.get, "/v1/dossiers/\(id)/gebeurtenissen", token: harness.liaison), "Gebeurtenissen", "events")
                try check(try await client.send(.get, "/v1/gebeurtenissen", token: harness.coordinator), "Feed", "feed")
                try check(try await client.send(.get, "/v1/rapportages/stand-van-zaken", token: harness.liaison), "StandVanZaken", "report")
                try check(
                    try await client.send(.post, "/v1/afwegingskader/_advies", token: harness.vng,
                        json: #"{"taakkenmerken": {"schaal": "regionaal", "beleidsvrijheid": "weinig", "sturingVakdepartement": false, "waterbeheer": false, "specifiekBeleidsterrein": true, "samenwerking": "semiVerplicht"}}"#),
                    "Advies", "advies")
                try check(try await client.execute(uri: "/health", method: .get), "Gezondheid", "health")
                for response in [
                    try await client.send(.get, "/v1/dossiers?page=0", token: harness.coordinator),
                    try await client.send(.get, "/v1/dossiers/\(UUID())", token: harness.coordinator),
                    try await client.send(.get, "/v1/dossiers", token: nil),
                    try await client.send(.delete, "/v1/dossiers", token: harness.coordinator),
                ] {
                    try check(response, "Problem", "problem \(response.status)")
                }
            }
        }
    }
}
