import Foundation
import Postgres
import Taaktoedeling

/// Bearer tokens in PostgreSQL (`api_tokens`), stored only as SHA-256 hashes. Used by the server to
/// authenticate and by the admin CLI to create, list and revoke. Without a cache a revoked token
/// stops working with the next request; the server keeps a `TokenCache`, so a token revoked
/// elsewhere (the CLI) stops working on every instance within its time to live (1 s).
public struct TokenStore: Sendable {
    private let pool: PostgresConnectionPool
    private let cache: TokenCache?

    /// A store on the given pool; `cache`, when given, remembers authentications briefly.
    public init(pool: PostgresConnectionPool, cache: TokenCache? = nil) {
        self.pool = pool
        self.cache = cache
    }

    /// Creates a token and returns its id and the token itself; the token is not kept anywhere.
    public func create(_ hoedanigheid: Hoedanigheid, naam: String) async throws -> (id: UUID, token: String) {
        guard !naam.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw TokenStoreError.emptyName }
        let id = UUID()
        let token = BearerToken.generate()
        let hash = BearerToken.hash(token)
        try await pool.withConnection { connection in
            try connection.execute(
                "INSERT INTO api_tokens (id, naam, rol, koepel, token_hash) VALUES ($1, $2, $3, $4, $5)",
                [.uuid(id), .text(naam), .text(hoedanigheid.rol.rawValue), hoedanigheid.koepel.map { .text($0.rawValue) } ?? .null, .bytea(hash)]
            )
        }
        return (id, token)
    }

    /// Every token, oldest first, revoked ones included.
    public func list() async throws -> [TokenRecord] {
        try await pool.withConnection { connection in
            try connection.query(
                "SELECT id, naam, rol, koepel, created_at, revoked_at FROM api_tokens ORDER BY created_at, id"
            ).map { row in
                TokenRecord(
                    id: try row.uuid("id"),
                    naam: try row.string("naam"),
                    hoedanigheid: try row.hoedanigheid(),
                    createdAt: try row.date("created_at"),
                    revokedAt: try row.optionalDate("revoked_at")
                )
            }
        }
    }

    /// Revokes a token at once; returns false when no unrevoked token has this id.
    @discardableResult
    public func revoke(id: UUID) async throws -> Bool {
        let revoked = try await pool.withConnection { connection in
            try connection.execute(
                "UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", [.uuid(id)]
            ) == 1
        }
        cache?.forget(tokenID: id)
        return revoked
    }

    /// The actor a presented token stands for, or nil when it is malformed, unknown or revoked.
    public func authenticate(token: String) async throws -> Actor? {
        guard BearerToken.isWellFormed(token) else { return nil }
        let hash = BearerToken.hash(token)
        if let actor = cache?.actor(forHash: hash) { return actor }
        let actor = try await pool.withConnection { connection in
            try connection.query(
                "SELECT id, naam, rol, koepel FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
                [.bytea(hash)]
            ).first.map { row in
                Actor(
                    tokenID: try row.uuid("id"),
                    naam: try row.string("naam"),
                    hoedanigheid: try row.hoedanigheid()
                )
            }
        }
        if let actor, let cache { cache.remember(actor, forHash: hash) }
        return actor
    }
}
