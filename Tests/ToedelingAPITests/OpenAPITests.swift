import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Prometheus
import Testing
import ToedelingAPI

@Suite("The OpenAPI document")
struct OpenAPITests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The dependencies of an application that never reaches its database (the pool connects lazily).
    static func offlineDependencies() -> APIDependencies {
        let pool = PostgresConnectionPool(connectionString: "", logger: Logger(label: "test"))
        return APIDependencies(pool: pool, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"))
    }

    /// The routes the router registers.
    static func registeredRoutes() -> Set<String> {
        let registry = RouteRegistry()
        _ = buildRouter(configuration: APIConfiguration(), dependencies: offlineDependencies(), routes: registry)
        return Set(registry.routes.map { "\($0.method.rawValue) \($0.openAPIPath)" })
    }

    /// The document as served at `/v1/openapi.json`, without a token.
    static func served() async throws -> (text: String, document: [String: Any]) {
        let application = try await buildApplication(configuration: APIConfiguration(), dependencies: offlineDependencies())
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
        let registered = Self.registeredRoutes()
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
}
