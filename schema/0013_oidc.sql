-- Sign-in through an OpenID Provider (WEB.md). An account is bound to the provider's (iss, sub) at
-- its first sign-in and found by that pair afterwards, never by e-mail address alone.
ALTER TABLE gebruikers
    ADD COLUMN oidc_issuer  text,
    ADD COLUMN oidc_subject text,
    ADD CONSTRAINT gebruikers_oidc_paar CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX gebruikers_oidc_idx ON gebruikers (oidc_issuer, oidc_subject) WHERE oidc_issuer IS NOT NULL;

-- Sign-ins under way: one row per authorization request, taken (deleted) by the provider's answer.
-- Only hashes are kept: of the `state` sent to the provider and of the browser's binding cookie, from
-- which (with the state) the PKCE code verifier and the nonce are derived, so neither is stored.
CREATE TABLE oidc_aanmeldingen (
    state_hash   bytea PRIMARY KEY CHECK (length(state_hash) = 32),
    browser_hash bytea NOT NULL CHECK (length(browser_hash) = 32),
    terug        text NOT NULL,
    verloopt_op  timestamptz NOT NULL
);
CREATE INDEX oidc_aanmeldingen_verloopt_idx ON oidc_aanmeldingen (verloopt_op);
