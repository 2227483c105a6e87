-- The web application's accounts, their activation links, sessions and failed logins. Like the API
-- tokens they live in PostgreSQL so that any instance serves any person. Secrets are stored only as
-- hashes: passwords as bcrypt, activation tokens and session ids as SHA-256.

CREATE TABLE gebruikers (
    id               uuid PRIMARY KEY,
    email            text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    naam             text NOT NULL CHECK (btrim(naam) <> ''),
    rol              text NOT NULL CHECK (rol IN ('coordinator', 'koepel', 'liaison')),
    koepel           text CHECK (koepel IN ('VNG', 'IPO', 'UvW')),
    wachtwoord_hash  text,
    -- the TOTP secret (RFC 6238) once two-step verification is set up; it must be read to check a code
    totp_geheim      text,
    geblokkeerd      boolean NOT NULL DEFAULT false,
    -- raised by blocking, restoring and a new password: every session of an older generation is over
    sessie_generatie integer NOT NULL DEFAULT 0,
    aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
    CHECK ((rol = 'koepel') = (koepel IS NOT NULL))
);
-- one account per address, whatever its case
CREATE UNIQUE INDEX gebruikers_email_idx ON gebruikers (lower(email));

-- One-time activation links (`/activeren/<token>`), valid 72 hours; only the SHA-256 is kept.
CREATE TABLE gebruiker_activaties (
    token_hash   bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    gebruiker_id uuid NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    verloopt_op  timestamptz NOT NULL,
    gebruikt_op  timestamptz
);
CREATE INDEX gebruiker_activaties_gebruiker_idx ON gebruiker_activaties (gebruiker_id);

-- Sessions of the web application (hummingbird-auth's session storage): the key is the SHA-256 of
-- the session id in the cookie, the value the session's JSON; expired rows are never read.
CREATE TABLE web_sessies (
    sleutel_hash bytea PRIMARY KEY CHECK (length(sleutel_hash) = 32),
    waarde       bytea NOT NULL,
    gebruiker_id uuid REFERENCES gebruikers (id) ON DELETE CASCADE,
    verloopt_op  timestamptz
);
CREATE INDEX web_sessies_gebruiker_idx ON web_sessies (gebruiker_id);
CREATE INDEX web_sessies_verloopt_idx ON web_sessies (verloopt_op);

-- Failed logins per account (`account:<email in lower case>`) and per client address
-- (`adres:<address>`): after five failures each further try waits a growing delay.
CREATE TABLE inlog_pogingen (
    sleutel    text PRIMARY KEY,
    mislukt    integer NOT NULL CHECK (mislukt >= 0),
    laatste_op timestamptz NOT NULL
);
