-- RAW for the delivery lag: one INSERT per commit as raw.sql, and a NOTIFY in the same transaction
-- carrying the clock read just before COMMIT. A LISTENing client (bench.py's PgListener) measures
-- how long after that a committed row is heard of by another process: PostgreSQL's own floor.
\set s random(1, 10000)
\set v :v + 1
\set ver :base + :v * 64 + :client_id
BEGIN;
INSERT INTO events(stream_id, version, event_id, type, data, metadata)
VALUES (md5('dossier-' || :s::text)::uuid, :ver, gen_random_uuid(), 'Event', '{"a":1}', '{}');
SELECT pg_notify('raw_lag', extract(epoch FROM clock_timestamp())::text);
COMMIT;
