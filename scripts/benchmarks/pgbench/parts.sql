-- The parts of an append, added one at a time (scripts/bench append-parts): each function does what
-- the one before it did and one part more, on the project's own events table, one call per commit.
-- The differences between neighbours are what each part costs; the last two are the store's own
-- function before (0004) and now.

-- 1. The insert alone, in plpgsql (the version from a sequence: no head, no lock).
CREATE SEQUENCE part_version;
CREATE FUNCTION part_1_insert(p_stream_id text, p_events jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v_event jsonb := p_events -> 0; v_position bigint;
BEGIN
    INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    VALUES (p_stream_id, 'dossier', nextval('part_version'), gen_random_uuid(), v_event ->> 'type', 1, v_event -> 'data',
            v_event -> 'metadata', clock_timestamp(), '\x00', '\x00')
    RETURNING position INTO v_position;
    RETURN v_position;
END $$;

-- 2. + the stream's advisory lock.
CREATE FUNCTION part_2_lock(p_stream_id text, p_events jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v_event jsonb := p_events -> 0; v_position bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
    INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    VALUES (p_stream_id, 'dossier', nextval('part_version'), gen_random_uuid(), v_event ->> 'type', 1, v_event -> 'data',
            v_event -> 'metadata', clock_timestamp(), '\x00', '\x00')
    RETURNING position INTO v_position;
    RETURN v_position;
END $$;

-- 3. + the head: read the stream row, version from it, move it (insert it for a new stream).
CREATE FUNCTION part_3_head(p_stream_id text, p_events jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v_event jsonb := p_events -> 0; v_position bigint; v_version bigint; v_head bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
    SELECT version, head_hash INTO v_version, v_head FROM streams WHERE stream_id = p_stream_id;
    INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    VALUES (p_stream_id, 'dossier', coalesce(v_version, 0) + 1, gen_random_uuid(), v_event ->> 'type', 1, v_event -> 'data',
            v_event -> 'metadata', clock_timestamp(), coalesce(v_head, '\x00'), '\x00')
    RETURNING position INTO v_position;
    IF v_version IS NULL THEN
        INSERT INTO streams (stream_id, stream_type, version, head_hash) VALUES (p_stream_id, 'dossier', 1, '\x00');
    ELSE
        UPDATE streams SET version = v_version + 1, head_hash = '\x00', updated_at = clock_timestamp() WHERE stream_id = p_stream_id;
    END IF;
    RETURN v_position;
END $$;

-- 4. + the hash chain over the canonical bytes.
CREATE FUNCTION part_4_hash(p_stream_id text, p_events jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v_event jsonb := p_events -> 0; v_position bigint; v_version bigint; v_head bytea; v_hash bytea; v_id uuid := gen_random_uuid();
    v_at timestamptz := clock_timestamp();
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
    SELECT version, head_hash INTO v_version, v_head FROM streams WHERE stream_id = p_stream_id;
    v_version := coalesce(v_version, 0);
    v_head := coalesce(v_head, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    v_hash := sha256(v_head || event_store_canonical_bytes(p_stream_id, 'dossier', v_version + 1, v_id, v_event ->> 'type', 1,
                     v_event -> 'data', v_event -> 'metadata', v_at));
    INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    VALUES (p_stream_id, 'dossier', v_version + 1, v_id, v_event ->> 'type', 1, v_event -> 'data', v_event -> 'metadata', v_at, v_head, v_hash)
    RETURNING position INTO v_position;
    IF v_version = 0 THEN
        INSERT INTO streams (stream_id, stream_type, version, head_hash) VALUES (p_stream_id, 'dossier', 1, v_hash);
    ELSE
        UPDATE streams SET version = v_version + 1, head_hash = v_hash, updated_at = v_at WHERE stream_id = p_stream_id;
    END IF;
    RETURN v_position;
END $$;

-- 5. + the replay probe before writing (0004 looked every id up first).
CREATE FUNCTION part_5_probe(p_stream_id text, p_events jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v_event jsonb := p_events -> 0; v_position bigint; v_version bigint; v_head bytea; v_hash bytea; v_id uuid := gen_random_uuid();
    v_at timestamptz := clock_timestamp();
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
    SELECT version, head_hash INTO v_version, v_head FROM streams WHERE stream_id = p_stream_id;
    PERFORM FROM events x WHERE x.event_id = ANY (ARRAY[v_id]);
    IF FOUND THEN RAISE EXCEPTION 'replay'; END IF;
    v_version := coalesce(v_version, 0);
    v_head := coalesce(v_head, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    v_hash := sha256(v_head || event_store_canonical_bytes(p_stream_id, 'dossier', v_version + 1, v_id, v_event ->> 'type', 1,
                     v_event -> 'data', v_event -> 'metadata', v_at));
    INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    VALUES (p_stream_id, 'dossier', v_version + 1, v_id, v_event ->> 'type', 1, v_event -> 'data', v_event -> 'metadata', v_at, v_head, v_hash)
    RETURNING position INTO v_position;
    IF v_version = 0 THEN
        INSERT INTO streams (stream_id, stream_type, version, head_hash) VALUES (p_stream_id, 'dossier', 1, v_hash);
    ELSE
        UPDATE streams SET version = v_version + 1, head_hash = v_hash, updated_at = v_at WHERE stream_id = p_stream_id;
    END IF;
    RETURN v_position;
END $$;
