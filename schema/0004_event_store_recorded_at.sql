-- One clock: a command is decided at the moment its events are recorded with. The append takes
-- that moment (p_recorded_at; NULL: the database clock, as before), so that a reactie is late
-- exactly when its recorded time says it is, and the kenmerk year is the year it was recorded in.
-- The five-argument append of 0001 becomes a call of this one.

CREATE FUNCTION event_store_append(
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

    v_recorded_at := coalesce(p_recorded_at, clock_timestamp());
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

CREATE OR REPLACE FUNCTION event_store_append(
    p_stream_id text, p_stream_type text, p_expected_version bigint, p_event_ids uuid[], p_events jsonb
) RETURNS TABLE (
    replayed boolean, event_position bigint, event_tx xid8, event_stream_id text,
    event_stream_type text, event_version bigint, event_id uuid, event_type text,
    event_schema_version integer, event_data jsonb, event_metadata jsonb,
    event_recorded_at timestamptz, event_prev_hash bytea, event_hash bytea
)
LANGUAGE sql AS $$
    SELECT * FROM event_store_append(p_stream_id, p_stream_type, p_expected_version, p_event_ids, p_events, NULL::timestamptz)
$$;
