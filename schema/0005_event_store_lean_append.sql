-- The append with only what its guarantees need, measured part by part with pgbench (BENCHMARKS.md,
-- `scripts/bench append-parts`). Same answers and errors as 0004.
--
-- The common case, one event on an existing stream, is one statement: an UPDATE of the stream row
-- that checks the expected version, moves the head (its SET computes the new hash from the old head)
-- and so takes the row lock that serialises appends to the stream, and an INSERT of the event from
-- what the UPDATE returned. No advisory lock, no separate read of the head, no second write of the
-- row. Waiting for the row lock re-checks the version on the row as the previous appender left it
-- (READ COMMITTED), so a lost race is ES002 as before. The event's time is the caller's
-- (p_recorded_at) or the statement's, and never earlier than the stream's last event, so a
-- stream's times never go backwards.
--
-- Anything else (a new stream, several events, a wrong version, a stored event id) takes the
-- general path: the stream row locked with SELECT … FOR UPDATE (a new stream's row inserted once,
-- with its final head), the version compared, a replay looked up only when the version does not
-- match or the insert meets a stored id (ON CONFLICT on the event id, which it checks anyway).
--
-- A batch whose first event is new but a later one's id is stored is ES003 naming that id (the
-- transaction aborts, so nothing of it remains).

-- The answer to an append whose event ids are already stored: the stored events (replayed = true)
-- when every id is stored in this stream with the same type, schema version and data; otherwise
-- ES003 naming the first id that differs (or the first stored one, when only some are).
CREATE FUNCTION event_store_replay(p_stream_id text, p_event_ids uuid[], p_events jsonb)
RETURNS TABLE (
    replayed boolean, event_position bigint, event_tx xid8, event_stream_id text,
    event_stream_type text, event_version bigint, event_id uuid, event_type text,
    event_schema_version integer, event_data jsonb, event_metadata jsonb,
    event_recorded_at timestamptz, event_prev_hash bytea, event_hash bytea
)
LANGUAGE plpgsql AS $$
DECLARE
    v_mismatch uuid;
BEGIN
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
END;
$$;

-- The head before the last append, so that the one-statement append learns it from its own UPDATE
-- (an UPDATE returns the new row; a read of the previous event in the same statement would not
-- see it when it was committed while the statement waited for the row lock).
ALTER TABLE streams ADD COLUMN previous_head_hash bytea;

-- The five-argument form of 0001 becomes the default of the sixth: one function, no wrapper
-- around it (the wrapper's extra call and copy of the rows cost about a tenth of an append).
DROP FUNCTION event_store_append(text, text, bigint, uuid[], jsonb);

CREATE OR REPLACE FUNCTION event_store_append(
    p_stream_id text, p_stream_type text, p_expected_version bigint, p_event_ids uuid[], p_events jsonb,
    p_recorded_at timestamptz DEFAULT NULL
) RETURNS TABLE (
    replayed boolean, event_position bigint, event_tx xid8, event_stream_id text,
    event_stream_type text, event_version bigint, event_id uuid, event_type text,
    event_schema_version integer, event_data jsonb, event_metadata jsonb,
    event_recorded_at timestamptz, event_prev_hash bytea, event_hash bytea
)
LANGUAGE plpgsql AS $$
DECLARE
    c_zero constant bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
    v_count integer := cardinality(p_event_ids);
    v_version bigint;
    v_head bytea;
    v_stream_type text;
    v_new_stream boolean := false;
    v_last_at timestamptz;
    v_recorded_at timestamptz;
    v_prev bytea;
    v_next bigint;
    v_event jsonb;
    v_types text[];
    v_schemas integer[];
    v_data jsonb[];
    v_metadata jsonb[];
    v_hashes bytea[];
    v_index integer;
    v_row record;
BEGIN
    IF v_count IS DISTINCT FROM jsonb_array_length(p_events) THEN
        RAISE EXCEPTION 'one event id per event' USING ERRCODE = '22023';
    END IF;
    FOR v_index IN 1 .. v_count LOOP
        v_event := p_events -> (v_index - 1);
        v_types[v_index] := v_event ->> 'type';
        v_schemas[v_index] := (v_event ->> 'schema_version')::integer;
        v_data[v_index] := v_event -> 'data';
        v_metadata[v_index] := coalesce(v_event -> 'metadata', '{}'::jsonb);
    END LOOP;

    IF v_count = 1 THEN
        RETURN QUERY
        WITH head AS (
            UPDATE streams s SET
                version = s.version + 1,
                previous_head_hash = s.head_hash,
                updated_at = greatest(coalesce(p_recorded_at, statement_timestamp()), s.updated_at),
                head_hash = sha256(s.head_hash || event_store_canonical_bytes(
                    s.stream_id, s.stream_type, s.version + 1, p_event_ids[1], v_types[1], v_schemas[1], v_data[1],
                    v_metadata[1], greatest(coalesce(p_recorded_at, statement_timestamp()), s.updated_at)))
            WHERE s.stream_id = p_stream_id AND s.version > 0
              AND (p_expected_version IS NULL OR s.version = p_expected_version)
              AND NOT EXISTS (SELECT FROM events x WHERE x.event_id = p_event_ids[1])
            RETURNING s.stream_type, s.version, s.previous_head_hash, s.head_hash, s.updated_at
        ), recorded AS (
            INSERT INTO events AS x (stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
                    recorded_at, prev_hash, hash)
            SELECT p_stream_id, head.stream_type, head.version, p_event_ids[1], v_types[1], v_schemas[1], v_data[1],
                   v_metadata[1], head.updated_at, head.previous_head_hash, head.head_hash
            FROM head
            RETURNING x.position, x.tx, x.stream_type, x.version, x.recorded_at, x.prev_hash, x.hash
        )
        SELECT false, r.position, r.tx, p_stream_id, r.stream_type, r.version, p_event_ids[1], v_types[1], v_schemas[1],
               v_data[1], v_metadata[1], r.recorded_at, r.prev_hash, r.hash
        FROM recorded r;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;

    -- The general path.
    SELECT s.version, s.head_hash, s.stream_type, s.updated_at INTO v_version, v_head, v_stream_type, v_last_at
        FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
    IF NOT FOUND AND coalesce(p_expected_version, 0) = 0 THEN
        -- A new stream: its row is written once, with its final head; whoever inserts it first owns
        -- the stream, anyone else waits for that and then finds it locked below.
        v_recorded_at := coalesce(p_recorded_at, clock_timestamp());
        v_prev := c_zero;
        FOR v_index IN 1 .. v_count LOOP
            v_prev := sha256(v_prev || event_store_canonical_bytes(
                p_stream_id, p_stream_type, v_index, p_event_ids[v_index], v_types[v_index], v_schemas[v_index],
                v_data[v_index], v_metadata[v_index], v_recorded_at));
        END LOOP;
        INSERT INTO streams AS s (stream_id, stream_type, version, head_hash, created_at, updated_at)
            VALUES (p_stream_id, p_stream_type, v_count, v_prev, v_recorded_at, v_recorded_at)
            ON CONFLICT (stream_id) DO NOTHING;
        IF FOUND THEN
            v_new_stream := true;
            v_version := 0;
            v_head := c_zero;
            v_stream_type := p_stream_type;
        ELSE
            SELECT s.version, s.head_hash, s.stream_type, s.updated_at INTO v_version, v_head, v_stream_type, v_last_at
                FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
        END IF;
    END IF;

    IF NOT v_new_stream THEN
        IF v_version IS NULL OR (p_expected_version IS NOT NULL AND v_version <> p_expected_version) THEN
            -- The wrong version: a retry of an append that already happened, or a lost race.
            PERFORM FROM events x WHERE x.event_id = ANY (p_event_ids);
            IF FOUND THEN
                RETURN QUERY SELECT * FROM event_store_replay(p_stream_id, p_event_ids, p_events);
                RETURN;
            END IF;
            RAISE EXCEPTION 'wrong expected version'
                USING ERRCODE = 'ES002', DETAIL = coalesce(v_version::text, 'none');
        END IF;
        v_recorded_at := coalesce(p_recorded_at, clock_timestamp());
        IF v_version > 0 THEN
            v_recorded_at := greatest(v_recorded_at, v_last_at);
        END IF;
    END IF;

    v_prev := v_head;
    v_next := v_version;
    FOR v_index IN 1 .. v_count LOOP
        v_next := v_next + 1;
        v_hashes[v_index] := sha256(v_prev || event_store_canonical_bytes(
            p_stream_id, v_stream_type, v_next, p_event_ids[v_index], v_types[v_index], v_schemas[v_index],
            v_data[v_index], v_metadata[v_index], v_recorded_at));
        INSERT INTO events AS x (stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
                recorded_at, prev_hash, hash)
            VALUES (p_stream_id, v_stream_type, v_next, p_event_ids[v_index], v_types[v_index], v_schemas[v_index],
                v_data[v_index], v_metadata[v_index], v_recorded_at, v_prev, v_hashes[v_index])
            ON CONFLICT ON CONSTRAINT events_event_id_key DO NOTHING
            RETURNING x.position, x.tx INTO v_row;
        IF NOT FOUND THEN
            IF v_index = 1 THEN
                -- Nothing of the events written yet: a replay with a matching version, or an id used
                -- elsewhere (for a new stream always that, ES003, which also undoes its row).
                RETURN QUERY SELECT * FROM event_store_replay(p_stream_id, p_event_ids, p_events);
                RETURN;
            END IF;
            RAISE EXCEPTION 'event id reused with other content'
                USING ERRCODE = 'ES003', DETAIL = p_event_ids[v_index]::text;
        END IF;
        replayed := false; event_position := v_row.position; event_tx := v_row.tx;
        event_stream_id := p_stream_id; event_stream_type := v_stream_type; event_version := v_next;
        event_id := p_event_ids[v_index]; event_type := v_types[v_index]; event_schema_version := v_schemas[v_index];
        event_data := v_data[v_index]; event_metadata := v_metadata[v_index]; event_recorded_at := v_recorded_at;
        event_prev_hash := v_prev; event_hash := v_hashes[v_index];
        RETURN NEXT;
        v_prev := v_hashes[v_index];
    END LOOP;

    IF NOT v_new_stream AND v_count > 0 THEN
        UPDATE streams s SET version = v_next, head_hash = v_prev, updated_at = v_recorded_at
            WHERE s.stream_id = p_stream_id;
    END IF;
END;
$$;
