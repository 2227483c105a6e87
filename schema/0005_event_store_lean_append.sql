-- The append with only what its guarantees need (measured part by part with pgbench, see
-- BENCHMARKS.md and `scripts/bench append-parts`). Same signature, same answers, same errors:
--
-- * The stream's advisory lock stays: it serialises appends to one stream without writing.
-- * The replay probe (a separate index lookup of every event id before anything is written) goes
--   from the common path. When the expected version matches, a replay is only possible as an id
--   stored elsewhere: the insert finds that itself (ON CONFLICT on the event id, which it checks
--   anyway), and only then the stored events are compared. When the version does not match, the
--   ids are looked up as before, so a retried command is still answered with its stored events.
-- * A new stream's row is inserted once, at the end, with its head (one write, not two).
-- * The time as microseconds is computed once per append, not per event; the canonical bytes are
--   the same expression as 0001's event_store_canonical_bytes.
--
-- ES002/ES003 and the replay answer are unchanged; a batch whose first event is new but a later
-- one's id is stored is ES003 naming that id (the transaction aborts, so nothing of it remains).

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

CREATE OR REPLACE FUNCTION event_store_append(
    p_stream_id text, p_stream_type text, p_expected_version bigint, p_event_ids uuid[], p_events jsonb,
    p_recorded_at timestamptz
) RETURNS TABLE (
    replayed boolean, event_position bigint, event_tx xid8, event_stream_id text,
    event_stream_type text, event_version bigint, event_id uuid, event_type text,
    event_schema_version integer, event_data jsonb, event_metadata jsonb,
    event_recorded_at timestamptz, event_prev_hash bytea, event_hash bytea
)
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer := cardinality(p_event_ids);
    v_version bigint;
    v_head bytea;
    v_stream_type text;
    v_new_stream boolean := false;
    v_recorded_at timestamptz;
    v_micros bytea;
    v_prev bytea;
    v_hash bytea;
    v_next bigint;
    v_event jsonb;
    v_data jsonb;
    v_metadata jsonb;
    v_type text;
    v_schema integer;
    v_index integer;
    v_row record;
BEGIN
    IF v_count IS DISTINCT FROM jsonb_array_length(p_events) THEN
        RAISE EXCEPTION 'one event id per event' USING ERRCODE = '22023';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
    SELECT s.version, s.head_hash, s.stream_type INTO v_version, v_head, v_stream_type
        FROM streams s WHERE s.stream_id = p_stream_id;
    IF NOT FOUND THEN
        v_new_stream := true;
        v_version := 0;
        v_head := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
        v_stream_type := p_stream_type;
    END IF;

    IF (v_new_stream AND coalesce(p_expected_version, 0) <> 0)
        OR (NOT v_new_stream AND p_expected_version IS NOT NULL AND v_version <> p_expected_version) THEN
        -- The wrong version: a retry of an append that already happened, or a lost race.
        PERFORM FROM events x WHERE x.event_id = ANY (p_event_ids);
        IF FOUND THEN
            RETURN QUERY SELECT * FROM event_store_replay(p_stream_id, p_event_ids, p_events);
            RETURN;
        END IF;
        RAISE EXCEPTION 'wrong expected version'
            USING ERRCODE = 'ES002', DETAIL = CASE WHEN v_new_stream THEN 'none' ELSE v_version::text END;
    END IF;

    v_recorded_at := coalesce(p_recorded_at, clock_timestamp());
    v_micros := int8send((extract(epoch FROM v_recorded_at) * 1000000)::bigint);
    v_prev := v_head;
    v_next := v_version;
    FOR v_index IN 1 .. v_count LOOP
        v_event := p_events -> (v_index - 1);
        v_type := v_event ->> 'type';
        v_schema := (v_event ->> 'schema_version')::integer;
        v_data := v_event -> 'data';
        v_metadata := coalesce(v_event -> 'metadata', '{}'::jsonb);
        v_next := v_next + 1;
        v_hash := sha256(v_prev
            || event_store_field(convert_to(p_stream_id, 'UTF8'))
            || event_store_field(convert_to(v_stream_type, 'UTF8'))
            || int8send(v_next)
            || uuid_send(p_event_ids[v_index])
            || event_store_field(convert_to(v_type, 'UTF8'))
            || int4send(v_schema)
            || event_store_field(convert_to(v_data::text, 'UTF8'))
            || event_store_field(convert_to(v_metadata::text, 'UTF8'))
            || v_micros);
        INSERT INTO events AS x (stream_id, stream_type, version, event_id, type,
                schema_version, data, metadata, recorded_at, prev_hash, hash)
            VALUES (p_stream_id, v_stream_type, v_next, p_event_ids[v_index], v_type, v_schema, v_data,
                v_metadata, v_recorded_at, v_prev, v_hash)
            ON CONFLICT ON CONSTRAINT events_event_id_key DO NOTHING
            RETURNING x.position, x.tx INTO v_row;
        IF NOT FOUND THEN
            IF v_index = 1 THEN
                -- Nothing written yet: a replay with a matching version, or an id used elsewhere.
                RETURN QUERY SELECT * FROM event_store_replay(p_stream_id, p_event_ids, p_events);
                RETURN;
            END IF;
            RAISE EXCEPTION 'event id reused with other content'
                USING ERRCODE = 'ES003', DETAIL = p_event_ids[v_index]::text;
        END IF;
        replayed := false;
        event_position := v_row.position;
        event_tx := v_row.tx;
        event_stream_id := p_stream_id;
        event_stream_type := v_stream_type;
        event_version := v_next;
        event_id := p_event_ids[v_index];
        event_type := v_type;
        event_schema_version := v_schema;
        event_data := v_data;
        event_metadata := v_metadata;
        event_recorded_at := v_recorded_at;
        event_prev_hash := v_prev;
        event_hash := v_hash;
        RETURN NEXT;
        v_prev := v_hash;
    END LOOP;

    IF v_new_stream THEN
        INSERT INTO streams (stream_id, stream_type, version, head_hash, created_at, updated_at)
            VALUES (p_stream_id, v_stream_type, v_next, v_prev, v_recorded_at, v_recorded_at);
    ELSE
        UPDATE streams s SET version = v_next, head_hash = v_prev, updated_at = v_recorded_at
            WHERE s.stream_id = p_stream_id;
    END IF;
END;
$$;
