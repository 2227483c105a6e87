-- The event store: append-only streams of events, each stream a SHA-256 hash chain.
--
-- Canonical bytes of an event (what its hash covers), all integers big-endian:
--   field(utf8(stream_id)) ‖ field(utf8(stream_type)) ‖ int8(version) ‖ uuid(event_id, 16 bytes)
--   ‖ field(utf8(type)) ‖ int4(schema_version) ‖ field(utf8(data::text)) ‖ field(utf8(metadata::text))
--   ‖ int8(recorded_at as microseconds since 1970-01-01 UTC)
-- where field(b) = int4(length of b in bytes) ‖ b, and data::text / metadata::text are
-- PostgreSQL's normalised jsonb output. hash = sha256(prev_hash ‖ canonical bytes); the first
-- event of a stream has prev_hash = 32 zero bytes. EventStore.verify() recomputes this in Swift.
--
-- Custom SQLSTATEs raised here: ES001 events are append-only; ES002 wrong expected version
-- (DETAIL: the actual version or "none"); ES003 event id reused with other content (DETAIL: the id).

CREATE TABLE streams (
    stream_id   text PRIMARY KEY,
    stream_type text NOT NULL,
    version     bigint NOT NULL CHECK (version >= 0),
    head_hash   bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE events (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx             xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id      text NOT NULL,
    stream_type    text NOT NULL,
    version        bigint NOT NULL CHECK (version >= 1),
    event_id       uuid NOT NULL UNIQUE,
    type           text NOT NULL,
    schema_version integer NOT NULL CHECK (schema_version >= 1),
    data           jsonb NOT NULL,
    metadata       jsonb NOT NULL DEFAULT '{}',
    recorded_at    timestamptz NOT NULL,
    prev_hash      bytea NOT NULL,
    hash           bytea NOT NULL,
    UNIQUE (stream_id, version)
);

-- The global feed reads in (tx, position) order below the snapshot horizon.
CREATE INDEX events_feed_order ON events (tx, position);

-- Where each subscription has got to, written in the same transaction as its work.
CREATE TABLE subscription_checkpoints (
    subscription  text PRIMARY KEY,
    last_tx       xid8 NOT NULL,
    last_position bigint NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Append-only in the database itself.
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'ES001';
END;
$$;

CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_refuse_change();
CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();

-- A stream row is never removed (its events cannot be); event_store_append keeps one for every
-- stream that has events. This replaces a foreign key from events, whose row lock on the stream
-- row per insert would bring back the write that the advisory lock avoids.
CREATE FUNCTION streams_refuse_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'streams cannot be removed: % refused', TG_OP USING ERRCODE = 'ES001';
END;
$$;

CREATE TRIGGER streams_refuse_delete BEFORE DELETE ON streams
    FOR EACH ROW EXECUTE FUNCTION streams_refuse_removal();
CREATE TRIGGER streams_refuse_truncate BEFORE TRUNCATE ON streams
    FOR EACH STATEMENT EXECUTE FUNCTION streams_refuse_removal();

-- field(b): four-byte big-endian length, then the bytes.
CREATE FUNCTION event_store_field(bytes bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN int4send(length(bytes)) || bytes;

CREATE FUNCTION event_store_canonical_bytes(
    p_stream_id text, p_stream_type text, p_version bigint, p_event_id uuid, p_type text,
    p_schema_version integer, p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz
) RETURNS bytea
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN event_store_field(convert_to(p_stream_id, 'UTF8'))
        || event_store_field(convert_to(p_stream_type, 'UTF8'))
        || int8send(p_version)
        || uuid_send(p_event_id)
        || event_store_field(convert_to(p_type, 'UTF8'))
        || int4send(p_schema_version)
        || event_store_field(convert_to(p_data::text, 'UTF8'))
        || event_store_field(convert_to(p_metadata::text, 'UTF8'))
        || int8send((extract(epoch FROM p_recorded_at) * 1000000)::bigint);

-- Appends events to a stream in one statement: take the stream's advisory lock (transaction
-- scoped; it serialises appends to one stream without writing anything, unlike SELECT ... FOR
-- UPDATE), read the head from the stream row (creating the row when new), answer a replay of
-- already-stored event ids with the stored events (replayed = true, nothing written), compare the
-- expected version before any identity value is drawn, insert the hash-chained events and move
-- the stream head. Run it in READ COMMITTED (the default): each statement then sees the head
-- committed by the previous lock holder. p_expected_version: NULL = any, 0 = the stream must not
-- exist, n = exactly n. p_event_ids[i] is the id of p_events[i]; p_events:
-- [{"type", "schema_version", "data", "metadata"}, ...].
CREATE FUNCTION event_store_append(
    p_stream_id text, p_stream_type text, p_expected_version bigint, p_event_ids uuid[], p_events jsonb
) RETURNS TABLE (
    replayed boolean, event_position bigint, event_tx xid8, event_stream_id text,
    event_stream_type text, event_version bigint, event_id uuid, event_type text,
    event_schema_version integer, event_data jsonb, event_metadata jsonb,
    event_recorded_at timestamptz, event_prev_hash bytea, event_hash bytea
)
LANGUAGE plpgsql AS $$
DECLARE
    v_version bigint;
    v_head bytea;
    v_stream_type text;
    v_mismatch uuid;
    v_recorded_at timestamptz;
    v_prev bytea;
    v_hash bytea;
    v_next bigint;
    v_event jsonb;
    v_index integer;
BEGIN
    IF cardinality(p_event_ids) IS DISTINCT FROM jsonb_array_length(p_events) THEN
        RAISE EXCEPTION 'one event id per event' USING ERRCODE = '22023';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
    SELECT s.version, s.head_hash, s.stream_type INTO v_version, v_head, v_stream_type
        FROM streams s WHERE s.stream_id = p_stream_id;
    IF NOT FOUND AND (p_expected_version IS NULL OR p_expected_version = 0) THEN
        INSERT INTO streams (stream_id, stream_type, version, head_hash)
            VALUES (p_stream_id, p_stream_type, 0, decode(repeat('00', 32), 'hex'));
        v_version := 0;
        v_head := decode(repeat('00', 32), 'hex');
        v_stream_type := p_stream_type;
    END IF;

    PERFORM FROM events x WHERE x.event_id = ANY (p_event_ids);
    IF FOUND THEN
        SELECT x.event_id INTO v_mismatch
            FROM unnest(p_event_ids) WITH ORDINALITY AS n (id, i)
            JOIN events x ON x.event_id = n.id
            WHERE x.stream_id <> p_stream_id OR x.type <> p_events -> (n.i::integer - 1) ->> 'type'
                OR x.schema_version <> (p_events -> (n.i::integer - 1) ->> 'schema_version')::integer
                OR x.data <> p_events -> (n.i::integer - 1) -> 'data'
            ORDER BY n.i
            LIMIT 1;
        IF v_mismatch IS NULL AND (SELECT count(*) FROM events x WHERE x.event_id = ANY (p_event_ids)) = cardinality(p_event_ids) THEN
            RETURN QUERY SELECT true, x.position, x.tx, x.stream_id, x.stream_type, x.version, x.event_id,
                    x.type, x.schema_version, x.data, x.metadata, x.recorded_at, x.prev_hash, x.hash
                FROM events x WHERE x.event_id = ANY (p_event_ids) ORDER BY x.version;
            RETURN;
        END IF;
        IF v_mismatch IS NULL THEN
            SELECT x.event_id INTO v_mismatch
                FROM unnest(p_event_ids) WITH ORDINALITY AS n (id, i) JOIN events x ON x.event_id = n.id
                ORDER BY n.i LIMIT 1;
        END IF;
        RAISE EXCEPTION 'event id reused with other content' USING ERRCODE = 'ES003', DETAIL = v_mismatch::text;
    END IF;

    IF v_version IS NULL OR (p_expected_version IS NOT NULL AND v_version <> p_expected_version) THEN
        RAISE EXCEPTION 'wrong expected version'
            USING ERRCODE = 'ES002', DETAIL = coalesce(v_version::text, 'none');
    END IF;

    v_recorded_at := clock_timestamp();
    v_prev := v_head;
    v_next := v_version;
    FOR v_index IN 0 .. jsonb_array_length(p_events) - 1 LOOP
        v_event := p_events -> v_index;
        v_next := v_next + 1;
        v_hash := sha256(v_prev || event_store_canonical_bytes(
            p_stream_id, v_stream_type, v_next, p_event_ids[v_index + 1], v_event ->> 'type',
            (v_event ->> 'schema_version')::integer, v_event -> 'data',
            coalesce(v_event -> 'metadata', '{}'::jsonb), v_recorded_at));
        RETURN QUERY INSERT INTO events AS x (stream_id, stream_type, version, event_id, type,
                schema_version, data, metadata, recorded_at, prev_hash, hash)
            VALUES (p_stream_id, v_stream_type, v_next, p_event_ids[v_index + 1], v_event ->> 'type',
                (v_event ->> 'schema_version')::integer, v_event -> 'data',
                coalesce(v_event -> 'metadata', '{}'::jsonb), v_recorded_at, v_prev, v_hash)
            RETURNING false, x.position, x.tx, x.stream_id, x.stream_type, x.version, x.event_id,
                x.type, x.schema_version, x.data, x.metadata, x.recorded_at, x.prev_hash, x.hash;
        v_prev := v_hash;
    END LOOP;

    UPDATE streams s SET version = v_next, head_hash = v_prev, updated_at = v_recorded_at
        WHERE s.stream_id = p_stream_id;
END;
$$;
