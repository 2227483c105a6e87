-- Every dossier as the API answers with it, rendered when the dossier changes (in the transaction
-- that changed it) instead of on every read: one row for coordinators and liaisons (kijker
-- 'alles') and one per invited koepel (kijker its code), with the version of that view (its ETag).
-- A GET reads one row and writes its bytes. `json`, not `jsonb`: the document's bytes are kept as
-- they were rendered. Rebuildable like the other read models; a dossier without rows here (not
-- changed since this migration) is rendered from its stored state until its next change.
CREATE TABLE dossier_weergaven (
    dossier_id uuid NOT NULL,
    kijker     text NOT NULL,
    versie     bigint NOT NULL,
    document   json NOT NULL,
    PRIMARY KEY (dossier_id, kijker)
);
