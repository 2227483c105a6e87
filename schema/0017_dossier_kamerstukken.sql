-- A dossier's linked Kamerstukken as rows of their own, out of the state a command loads and
-- rewrites (issue "Performance"): with every link kept in `dossiers.staat` and in each stored view,
-- a command on a dossier with 3,000 Kamerstukken decoded, encoded and wrote 300 KB and cost nine
-- times one on a fresh dossier. Now a link is one row written once, and its rendering is appended
-- to the last part of the dossier's list (`dossier_kamerstukken_delen`). The stored state keeps an
-- empty list, and so does a stored view, with in `kamerstukken_na` the byte offset of its closing
-- bracket, where a read splices in the parts (`NULL`: the document is complete as it is, as for a
-- dossier without links or a destroyed dossier's tombstone). Rebuildable like the other read models.
CREATE TABLE dossier_kamerstukken (
    dossier_id uuid NOT NULL,
    -- The version of its KamerstukGekoppeld event (for links moved here by this migration, its
    -- place in the list): the order of linking.
    versie     bigint NOT NULL,
    nummer     text NOT NULL,
    -- The Kamerstuk as the stored state holds it (`dossiers.staat`), for readers of the whole state.
    staat      jsonb NOT NULL,
    -- The Kamerstuk as the API writes it, for the stored views.
    weergave   text NOT NULL,
    PRIMARY KEY (dossier_id, versie),
    UNIQUE (dossier_id, nummer)
);

-- The rendered Kamerstukken of each dossier joined by commas in linking order, in parts of about
-- 16 KB: a command appends its link to the last part (rewriting at most that part), a read of a
-- long list joins a few parts instead of aggregating thousands of rows.
CREATE TABLE dossier_kamerstukken_delen (
    dossier_id uuid NOT NULL,
    deel       integer NOT NULL,
    weergave   text NOT NULL,
    PRIMARY KEY (dossier_id, deel)
);

ALTER TABLE dossier_weergaven ADD COLUMN kamerstukken_na integer;

-- A Kamerstuk of the stored state as the API writes it: keys sorted, the instant in UTC to the
-- second (ISO 8601), strings escaped as JSON. Used once below, and by the test that holds it to the
-- server's own rendering.
CREATE FUNCTION dossier_kamerstuk_weergave(k jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT '{"datum":' || to_json(k ->> 'datum')::text
        || ',"gekoppeldOp":' || to_json(to_char(
               (timestamptz '2001-01-01 00:00:00+00' + (k ->> 'gekoppeldOp')::float8 * interval '1 second') AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
        || ',"nummer":' || to_json(k ->> 'nummer')::text
        || ',"titel":' || to_json(k ->> 'titel')::text || '}'
$$;

-- Existing dossiers: their links become rows; their stored views stay complete documents
-- (`kamerstukken_na` NULL) until the dossier next changes.
INSERT INTO dossier_kamerstukken (dossier_id, versie, nummer, staat, weergave)
SELECT d.id, k.n, k.kamerstuk ->> 'nummer', k.kamerstuk, dossier_kamerstuk_weergave(k.kamerstuk)
FROM dossiers d, jsonb_array_elements(d.staat -> 'kamerstukken') WITH ORDINALITY AS k(kamerstuk, n)
WHERE jsonb_typeof(d.staat -> 'kamerstukken') = 'array';

INSERT INTO dossier_kamerstukken_delen (dossier_id, deel, weergave)
SELECT dossier_id, (versie - 1) / 50 + 1, string_agg(weergave, ',' ORDER BY versie)
FROM dossier_kamerstukken GROUP BY dossier_id, (versie - 1) / 50 + 1;

UPDATE dossiers SET staat = jsonb_set(staat, '{kamerstukken}', '[]'::jsonb)
WHERE jsonb_array_length(coalesce(staat -> 'kamerstukken', '[]'::jsonb)) > 0;
