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
public struct APITestHarness: Sendable {
    public let database: TestDatabase
    public let pool: PostgresConnectionPool
    public let dependencies: APIDependencies
    /// The web application's accounts (bcrypt at cost 4 keeps the login tests fast; the production
    /// cost is tested on its own).
    public let gebruikers: GebruikerStore
    /// The web application's session rows.
    public var sessies: SessionStore { SessionStore(pool: pool) }
    public let coordinator: String
    public let liaison: String
    public let vng: String
    public let ipo: String
    public let uvw: String

    /// Runs `body` with a fresh harness and cleans everything up afterwards.
    public static func with<T>(
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
                    coordinator: try await tokens.create(.coordinator, naam: "Coördinator BZK").token,
                    liaison: try await tokens.create(.liaison, naam: "Liaison TK").token,
                    vng: try await tokens.create(.koepel(.VNG), naam: "VNG").token,
                    ipo: try await tokens.create(.koepel(.IPO), naam: "IPO").token,
                    uvw: try await tokens.create(.koepel(.UvW), naam: "UvW").token
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
    public func application(
        corsOrigins: [String] = [], strictTransportSecurity: String? = nil, web: WebConfiguration = WebConfiguration()
    ) async throws -> some ApplicationProtocol {
        try await buildApplication(
            configuration: APIConfiguration(corsOrigins: corsOrigins, strictTransportSecurity: strictTransportSecurity), web: web,
            dependencies: dependencies, gebruikers: gebruikers
        )
    }

    /// Runs `body` with a client of the application (in-process router testing).
    public func test<T: Sendable>(
        corsOrigins: [String] = [], strictTransportSecurity: String? = nil, web: WebConfiguration = WebConfiguration(),
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
    public func send(
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
    public var object: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                throw NotAnObject(text: String(buffer: body))
            }
            return object
        }
    }

    /// The body as a problem document, checking the media type.
    public var problem: ProblemDocument {
        get throws {
            guard headers[.contentType] == "application/problem+json" else { throw NotAProblem(text: String(buffer: body)) }
            return try JSONDecoder().decode(ProblemDocument.self, from: Data(buffer: body))
        }
    }

    public struct NotAnObject: Error { let text: String }
    public struct NotAProblem: Error { let text: String }
}

extension APITestHarness {
    /// Rows in the document tables: nothing may be left by a refused upload.
    public func documentRows() async throws -> (blokken: Int64, inhoud: Int64, events: Int64) {
        try await pool.withConnection { connection in
            let row = try connection.query(
                """
                SELECT (SELECT count(*) FROM document_blokken) AS blokken, (SELECT count(*) FROM document_inhoud) AS inhoud,
                       (SELECT count(*) FROM events WHERE type = 'DocumentToegevoegd') AS events
                """
            )[0]
            return (try row.int64("blokken"), try row.int64("inhoud"), try row.int64("events"))
        }
    }
}
