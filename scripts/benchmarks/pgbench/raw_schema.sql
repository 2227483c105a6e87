-- RAW: the limit on this machine. An events-shaped table without anything of the store's logic,
-- one INSERT per commit (the shape of ../shared/bench/pgbench, so figures compare with the issue's).
CREATE TABLE events (
    position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id   uuid NOT NULL,
    version     int  NOT NULL,
    event_id    uuid NOT NULL UNIQUE,
    type        text NOT NULL,
    data        jsonb NOT NULL,
    metadata    jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    prev_hash   bytea,
    hash        bytea,
    UNIQUE (stream_id, version)
);
