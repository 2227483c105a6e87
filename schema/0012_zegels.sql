-- Seals over the history (toedeling-admin zegel, and the server every TOEDELING_SEAL_INTERVAL): the
-- Merkle root over every stream's (id, version, head hash), signed with an Ed25519 key. `document`
-- is the seal file's exact bytes (zegel.json, with every sealed head), also written to
-- TOEDELING_SEAL_DIR, which is where it counts: a copy the database's owner cannot change.
CREATE TABLE zegels (
    id              bigserial PRIMARY KEY,
    gemaakt_op      timestamptz NOT NULL,
    merkle_root     bytea NOT NULL CHECK (octet_length(merkle_root) = 32),
    aantal_stromen  integer NOT NULL,
    publieke_sleutel bytea NOT NULL,
    document        bytea NOT NULL
);
CREATE INDEX zegels_gemaakt_op ON zegels (gemaakt_op);
