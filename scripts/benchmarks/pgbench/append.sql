\set s random(1, 10000)
SELECT count(*) FROM event_store_append('dossier-' || :s, 'dossier', NULL, ARRAY[gen_random_uuid()], '[{"type":"Event","schema_version":1,"data":{"a":1},"metadata":{}}]'::jsonb);
