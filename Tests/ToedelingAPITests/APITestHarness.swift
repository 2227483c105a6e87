import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Prometheus
import Taaktoedeling
import ToedelingAPI
import ToedelingWeb
import Dossiers
import ToedelingTestSupport
@testable import toedeling_server

/// One test's world: its own migrated database, a pool, the application over it, and a token per role.
struct APITestHarness: Sendable {
    let database: TestDatabase
    let pool: PostgresConnectionPool
    let dependencies: APIDependencies
    /// The web application's accounts (bcrypt at cost 4 keeps the login tests fast; the production
    /// cost is tested on its own).
    let gebruikers: GebruikerStore
    /// The web application's session rows.
    var sessies: SessieOpslag { SessieOpslag(pool: pool) }
    let coordinator: String
    let liaison: String
    let vng: String
    let ipo: String
    let uvw: String

    /// Runs `body` with a fresh harness and cleans everything up afterwards.
    static func with<T>(
        corsOrigins: [String] = [],
        limits: PostgresLimits? = nil,
        clock: TestClock? = nil,
        _ body: (APITestHarness) async throws -> T
    ) async throws -> T {
        try await TestDatabase.with { database in
            let pool = PostgresConnectionPool(
                connectionString: database.url, maximumConnections: 6, limits: limits, logger: Logger(label: "test"))
            do {
                var dependencies = APIDependencies(
                    pool: pool, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"), clock: clock?.reading)
                if let clock { dependencies.nu = clock.reading }
                let tokens = dependencies.tokens
                let harness = APITestHarness(
                    database: database,
                    pool: pool,
                    dependencies: dependencies,
                    gebruikers: GebruikerStore(pool: pool, bcryptKosten: 4),
                    coordinator: try await tokens.create(rol: .coordinator, naam: "Coördinator BZK").token,
                    liaison: try await tokens.create(rol: .liaison, naam: "Liaison TK").token,
                    vng: try await tokens.create(rol: .koepel, naam: "VNG", koepel: .VNG).token,
                    ipo: try await tokens.create(rol: .koepel, naam: "IPO", koepel: .IPO).token,
                    uvw: try await tokens.create(rol: .koepel, naam: "UvW", koepel: .UvW).token
                )
                let value = try await body(harness)
                await pool.close()
                return value
            } catch {
                await pool.close()
                throw error
            }
        }
    }

    /// The application under test.
    func application(
        corsOrigins: [String] = [], strictTransportSecurity: String? = nil, web: WebConfiguratie = WebConfiguratie()
    ) async throws -> some ApplicationProtocol {
        buildApplication(
            configuration: APIConfiguration(corsOrigins: corsOrigins, strictTransportSecurity: strictTransportSecurity), web: web,
            dependencies: dependencies, gebruikers: gebruikers
        )
    }

    /// Runs `body` with a client of the application (in-process router testing).
    func test<T: Sendable>(
        corsOrigins: [String] = [], strictTransportSecurity: String? = nil, web: WebConfiguratie = WebConfiguratie(),
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        try await application(corsOrigins: corsOrigins, strictTransportSecurity: strictTransportSecurity, web: web).test(.router) { client in
            try await body(client)
        }
    }
}

// MARK: Requests

extension TestClientProtocol {
    /// A request with a bearer token and, when given, a JSON body.
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        token: String?,
        json: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                throw NotAnObject(text: String(buffer: body))
            }
            return object
        }
    }

    /// The body as a problem document, checking the media type.
    var problem: ProblemDocument {
        get throws {
            guard headers[.contentType] == "application/problem+json" else { throw NotAProblem(text: String(buffer: body)) }
            return try JSONDecoder().decode(ProblemDocument.self, from: Data(buffer: body))
        }
    }

    struct NotAnObject: Error { let text: String }
    struct NotAProblem: Error { let text: String }
}
