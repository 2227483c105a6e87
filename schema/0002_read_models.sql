-- Read models of the dossier domain, written inline in the append transaction (read-your-writes)
-- and rebuildable from the events at any time (`toedeling-admin projections rebuild`).

-- Human dossier numbers: TT-<jaar>-<volgnummer>, one counter per year.
CREATE TABLE kenmerk_tellers (
    jaar       integer PRIMARY KEY,
    laatste    integer NOT NULL CHECK (laatste > 0)
);

-- Current state of every dossier: the columns the lists filter on, and the whole state as JSON.
CREATE TABLE dossiers (
    id              uuid PRIMARY KEY,
    kenmerk         text NOT NULL UNIQUE,
    titel           text NOT NULL,
    vakdepartement  text NOT NULL,
    fase            text NOT NULL,
    versie          bigint NOT NULL,
    koepels         text[] NOT NULL DEFAULT '{}',
    geopend_op      timestamptz NOT NULL,
    bijgewerkt_op   timestamptz NOT NULL,
    staat           jsonb NOT NULL
);
CREATE INDEX dossiers_fase_idx ON dossiers (fase);
CREATE INDEX dossiers_vakdepartement_idx ON dossiers (vakdepartement);
CREATE INDEX dossiers_koepels_idx ON dossiers USING gin (koepels);

-- One Dutch sentence per event, in stream order.
CREATE TABLE dossier_tijdlijn (
    dossier_id       uuid NOT NULL,
    versie           bigint NOT NULL,
    type             text NOT NULL,
    geregistreerd_op timestamptz NOT NULL,
    omschrijving     text NOT NULL,
    door             text NOT NULL,
    -- for a reactie: its round and koepel, so another koepel does not see it while the round is open
    ronde            integer,
    koepel           text,
    PRIMARY KEY (dossier_id, versie)
);
