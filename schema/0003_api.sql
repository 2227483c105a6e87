-- The HTTP API's own state: bearer tokens and idempotency records. Both live in PostgreSQL so that
-- several server instances behind one load balancer agree on them.

-- Bearer tokens. Only the SHA-256 of a token is stored; the token itself is shown once, at creation.
CREATE TABLE api_tokens (
    id          uuid PRIMARY KEY,
    naam        text NOT NULL CHECK (btrim(naam) <> ''),
    rol         text NOT NULL CHECK (rol IN ('coordinator', 'koepel', 'liaison')),
    koepel      text CHECK (koepel IN ('VNG', 'IPO', 'UvW')),
    token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    -- a koepel token names its koepel; no other token does
    CHECK ((rol = 'koepel') = (koepel IS NOT NULL))
);

-- One row per (token, Idempotency-Key): claimed 'bezig' by the first request (INSERT … ON CONFLICT
-- DO NOTHING), then 'voltooid' with the response to replay. request_hash is SHA-256 over method,
-- path, token id and body, so the same key with another request is recognised.
CREATE TABLE idempotency_keys (
    token_id        uuid NOT NULL REFERENCES api_tokens (id),
    key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash    bytea NOT NULL,
    state           text NOT NULL CHECK (state IN ('bezig', 'voltooid')),
    claimed_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    response_status integer,
    response_headers jsonb,
    response_body   bytea,
    PRIMARY KEY (token_id, key),
    CHECK ((state = 'voltooid') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_claimed_at_idx ON idempotency_keys (claimed_at);
