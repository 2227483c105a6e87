import Foundation
import Logging
import Postgres
import Taaktoedeling

/// Idempotency records in PostgreSQL (`idempotency_keys`), shared by every server instance. A key is
/// scoped to the token that used it.
public struct IdempotencyStore: Sendable {
    let pool: PostgresConnectionPool
    /// A claim older than this is taken over: its holder is presumed dead. A claim whose database
    /// session is gone (see `claimIsAlive`) is taken over at once.
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
    /// `claimID` names this request's claim (for `release`).
    public func claim(tokenID: UUID, key: String, requestHash: Data, claimID: UUID = .willekeurig()) async throws -> IdempotencyClaim {
        let abandonedAfterSeconds = abandonedAfterSeconds
        let timeToLiveSeconds = timeToLiveSeconds
        return try await pool.withConnection { connection in
            let inserted = try connection.query(
                """
                INSERT INTO idempotency_keys (token_id, key, request_hash, state, claimed_pid, claim_id)
                VALUES ($1, $2, $3, 'bezig', pg_backend_pid(), $5)
                ON CONFLICT (token_id, key) DO UPDATE
                    SET request_hash = excluded.request_hash, state = 'bezig', claimed_at = now(), completed_at = NULL,
                        response_status = NULL, response_headers = NULL, response_body = NULL, claimed_pid = pg_backend_pid(),
                        claim_id = excluded.claim_id
                    WHERE idempotency_keys.claimed_at < now() - make_interval(secs => $4)
                RETURNING 1 AS claimed
                """,
                [.uuid(tokenID), .text(key), .bytea(requestHash), .int(timeToLiveSeconds), .uuid(claimID)]
            )
            if !inserted.isEmpty { return .claimed }
            guard
                let row = try connection.query(
                    """
                    SELECT request_hash, state, response_status, response_headers, response_body,
                           (claimed_at < now() - make_interval(secs => $3) OR NOT \(Self.claimIsAlive)) AS abandoned
                    FROM idempotency_keys k WHERE token_id = $1 AND key = $2
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
                    UPDATE idempotency_keys k SET claimed_at = now(), claimed_pid = pg_backend_pid(), claim_id = $4
                    WHERE token_id = $1 AND key = $2 AND state = 'bezig'
                      AND (claimed_at < now() - make_interval(secs => $3) OR NOT \(Self.claimIsAlive))
                    """,
                    [.uuid(tokenID), .text(key), .int(abandonedAfterSeconds), .uuid(claimID)]
                )
                if taken == 1 { return .claimed }
            }
            return .inProgress
        }
    }

    /// SQL (over `idempotency_keys k`): the session that claimed the key still exists. Its process id
    /// alone could be another session's after a restart, so the session must also have started
    /// before the claim.
    static let claimIsAlive = """
        EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = k.claimed_pid AND a.backend_start <= k.claimed_at)
        """

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

    /// Gives a claimed key up, now or, while the database cannot be reached, as soon as it can again
    /// (for at most the time after which a claim counts as abandoned anyway): a retry of a request
    /// that failed because the database was away is not kept waiting by a claim nobody holds.
    public func releaseEventually(tokenID: UUID, key: String, claimID: UUID, logger: Logger) async {
        do {
            try await release(tokenID: tokenID, key: key, claimID: claimID)
        } catch {
            let deadline = ContinuousClock.now + .seconds(abandonedAfterSeconds)
            Task.detached { [self] in
                while ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(500))
                    do {
                        try await release(tokenID: tokenID, key: key, claimID: claimID)
                        return
                    } catch {
                        continue
                    }
                }
                logger.warning("an Idempotency-Key claim could not be released; it expires by itself")
            }
        }
    }

    /// Gives the claim `claimID` on a key up (the request failed on the server's side), so that a
    /// retry runs it again; a claim a retry has taken over since stays.
    public func release(tokenID: UUID, key: String, claimID: UUID) async throws {
        try await pool.withConnection { connection in
            try connection.execute(
                "DELETE FROM idempotency_keys WHERE token_id = $1 AND key = $2 AND state = 'bezig' AND claim_id = $3",
                [.uuid(tokenID), .text(key), .uuid(claimID)]
            )
        }
    }
}
