-- Documents of a dossier. The metadata of every version is in the dossier's events
-- (DocumentToegevoegd, with the SHA-256 of the bytes), so the hash chain covers the content; the
-- bytes live here, content-addressed: the same bytes uploaded twice are stored once.
--
-- document_inhoud: one row per distinct content, by its SHA-256; `blokken` names the blocks.
-- document_blokken: the bytes in blocks of at most 1 MiB (the upload's block size), numbered from
-- 0, stored uncompressed out of line (most accepted types are compressed already).
--
-- An upload writes its blocks and its content row in the transaction that appends its event, so an
-- upload that fails half-way leaves nothing behind.
CREATE TABLE document_blokken (
    blokken    uuid NOT NULL,
    volgnummer integer NOT NULL CHECK (volgnummer >= 0),
    data       bytea NOT NULL,
    PRIMARY KEY (blokken, volgnummer)
);
ALTER TABLE document_blokken ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE document_inhoud (
    sha256       bytea PRIMARY KEY CHECK (octet_length(sha256) = 32),
    omvang       bigint NOT NULL CHECK (omvang > 0),
    blokgrootte  bigint NOT NULL CHECK (blokgrootte > 0),
    blokken      uuid NOT NULL UNIQUE,
    opgeslagen_op timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- A timeline entry a koepel never sees (an internal document).
ALTER TABLE dossier_tijdlijn ADD COLUMN intern boolean NOT NULL DEFAULT false;
