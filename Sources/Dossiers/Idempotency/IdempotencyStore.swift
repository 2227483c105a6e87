import Foundation
import Postgres

/// Idempotency records in PostgreSQL (`idempotency_keys`), shared by every server instance. A key is
/// scoped to the token that used it.
public struct IdempotencyStore: Sendable {
    let pool: PostgresConnectionPool
    /// A claim older than this is taken over: its holder is presumed dead.
    let abandonedAfterSeconds: Int64
    /// A record older than this is forgotten: the key may be used afresh, and the clean-up removes it.
    public let timeToLiveSeconds: Int64

    public init(pool: PostgresConnectionPool, abandonedAfterSeconds: Int64 = 60, timeToLiveSeconds: Int64 = 86_400) {
        self.pool = pool
        self.abandonedAfterSeconds = abandonedAfterSeconds
        self.timeToLiveSeconds = max(1, timeToLiveSeconds)
    }

    /// Claims the key for a request with this hash, or says what is already there. A record past
    /// its time to live counts as absent and is claimed anew.
    public func claim(tokenID: UUID, key: String, requestHash: Data) async throws -> IdempotencyClaim {
        let abandonedAfterSeconds = abandonedAfterSeconds
        let timeToLiveSeconds = timeToLiveSeconds
        return try await pool.withConnection { connection in
            let inserted = try connection.query(
                """
                INSERT INTO idempotency_keys (token_id, key, request_hash, state) VALUES ($1, $2, $3, 'bezig')
                ON CONFLICT (token_id, key) DO UPDATE
                    SET request_hash = excluded.request_hash, state = 'bezig', claimed_at = now(), completed_at = NULL,
                        response_status = NULL, response_headers = NULL, response_body = NULL
                    WHERE idempotency_keys.claimed_at < now() - make_interval(secs => $4)
                RETURNING 1 AS claimed
                """,
                [.uuid(tokenID), .text(key), .bytea(requestHash), .int(timeToLiveSeconds)]
            )
            if !inserted.isEmpty { return .claimed }
            guard
                let row = try connection.query(
                    """
                    SELECT request_hash, state, response_status, response_headers, response_body,
                           claimed_at < now() - make_interval(secs => $3) AS abandoned
                    FROM idempotency_keys WHERE token_id = $1 AND key = $2
                    """,
                    [.uuid(tokenID), .text(key), .int(abandonedAfterSeconds)]
                ).first
            else {
                return .inProgress
            }
            guard try row.data("request_hash") == requestHash else { return .mismatch }
            if try row.string("state") == "voltooid" {
                let headers = try JSONDecoder().decode([String: String].self, from: row.json("response_headers"))
                return .completed(
                    StoredResponse(status: try row.int("response_status"), headers: headers, body: try row.data("response_body"))
                )
            }
            if try row.bool("abandoned") {
                let taken = try connection.execute(
                    """
                    UPDATE idempotency_keys SET claimed_at = now()
                    WHERE token_id = $1 AND key = $2 AND state = 'bezig' AND claimed_at < now() - make_interval(secs => $3)
                    """,
                    [.uuid(tokenID), .text(key), .int(abandonedAfterSeconds)]
                )
                if taken == 1 { return .claimed }
            }
            return .inProgress
        }
    }

    /// Stores the response of a claimed key.
    public func complete(tokenID: UUID, key: String, response: StoredResponse) async throws {
        try await pool.withConnection { connection in
            try complete(tokenID: tokenID, key: key, response: response, on: connection)
        }
    }

    /// Stores the response of a claimed key on the caller's connection (and transaction).
    public func complete(tokenID: UUID, key: String, response: StoredResponse, on connection: PostgresConnection) throws {
        let headers = try JSONEncoder().encode(response.headers)
        try connection.execute(
            """
            UPDATE idempotency_keys
            SET state = 'voltooid', completed_at = now(), response_status = $3, response_headers = $4, response_body = $5
            WHERE token_id = $1 AND key = $2 AND state = 'bezig'
            """,
            [.uuid(tokenID), .text(key), .int(Int64(response.status)), .jsonb(headers), .bytea(response.body)]
        )
    }

    /// Removes every record past its time to live; returns how many.
    @discardableResult
    public func removeExpired() async throws -> Int {
        let timeToLiveSeconds = timeToLiveSeconds
        return try await pool.withConnection { connection in
            try connection.execute(
                "DELETE FROM idempotency_keys WHERE claimed_at < now() - make_interval(secs => $1)",
                [.int(timeToLiveSeconds)]
            )
        }
    }

    /// Gives a claimed key up (the request failed on the server's side), so that a retry runs it again.
    public func release(tokenID: UUID, key: String) async throws {
        try await pool.withConnection { connection in
            try connection.execute(
                "DELETE FROM idempotency_keys WHERE token_id = $1 AND key = $2 AND state = 'bezig'",
                [.uuid(tokenID), .text(key)]
            )
        }
    }
}
