-- The keys that stored events are sealed with (RECORDS.md, "Destruction and erasure"): one per
-- dossier for its texts, one per person (web account or token holder) for their name. Keys live
-- here and nowhere else: never in events, logs or exports (unless an operator exports them for a
-- backup). Destroying a key empties `sleutel` and keeps the row, so the destruction is on record and
-- nothing seals under that id again; every event stays and every chain still verifies.
CREATE TABLE sleutels (
    id            text PRIMARY KEY CHECK (id ~ '^(dossier|gebruiker|token):[0-9a-f-]{36}$'),
    sleutel       bytea CHECK (length(sleutel) = 32),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    vernietigd_op timestamptz,
    CHECK ((sleutel IS NULL) = (vernietigd_op IS NOT NULL))
);
