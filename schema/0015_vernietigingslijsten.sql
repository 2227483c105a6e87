-- Vernietigingslijsten (RECORDS.md): proposed by one coordinator, approved or refused by another.
-- Who acted is kept by key id (`gebruiker:<id>` / `token:<id>`, the same ids as the person keys)
-- and by name; an AVG erasure replaces the name.
CREATE TABLE vernietigingslijsten (
    id                uuid PRIMARY KEY,
    status            text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'goedgekeurd', 'afgewezen')),
    voorgesteld_door  text NOT NULL,
    voorsteller_naam  text NOT NULL,
    voorgesteld_op    timestamptz NOT NULL DEFAULT now(),
    beoordeeld_door   text,
    beoordelaar_naam  text,
    beoordeeld_op     timestamptz,
    reden_afwijzing   text,
    -- the verklaring van vernietiging, rendered once at approval and kept as it was
    verklaring_html   text,
    verklaring_csv    text,
    CHECK ((status = 'voorgesteld') = (beoordeeld_op IS NULL)),
    CHECK ((status = 'goedgekeurd') = (verklaring_html IS NOT NULL))
);

-- The dossiers of a list with their tombstone: what remains of a destroyed dossier.
CREATE TABLE vernietigingslijst_dossiers (
    lijst_id          uuid NOT NULL REFERENCES vernietigingslijsten (id),
    dossier_id        uuid NOT NULL,
    kenmerk           text NOT NULL,
    titel             text NOT NULL,
    categorie         text NOT NULL,
    brondatum         date NOT NULL,
    archiefactiedatum date NOT NULL,
    vernietigd_op     timestamptz,
    PRIMARY KEY (lijst_id, dossier_id)
);
CREATE INDEX vernietigingslijst_dossiers_dossier_idx ON vernietigingslijst_dossiers (dossier_id);
