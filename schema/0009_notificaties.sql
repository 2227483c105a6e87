-- Notifications: webhook subscriptions with their outbox and delivery log, and e-mail messages to
-- the web application's accounts. Every row is made by a channel's feed subscription in the same
-- transaction as its checkpoint (see EventSubscription), so nothing is made twice or lost.

CREATE TABLE abonnementen (
    id               uuid PRIMARY KEY,
    callback_url     text NOT NULL,
    -- the Authorization value sent with each delivery; it must be read to be sent
    auth             text,
    -- the HMAC-SHA256 key of the Standard Webhooks signature (the 32 bytes behind whsec_…); it
    -- must be read to sign, so it is kept as it is, like auth, and never shown again
    geheim           bytea NOT NULL CHECK (length(geheim) = 32),
    types            text[] NOT NULL DEFAULT '{}',
    dossiers         uuid[] NOT NULL DEFAULT '{}',
    koepel           text CHECK (koepel IN ('VNG', 'IPO', 'UvW')),
    aangemaakt_door  text NOT NULL,
    aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
    -- events of transactions from here on are delivered (the feed's horizon at creation)
    vanaf_tx         xid8 NOT NULL,
    -- the delivery state: the subscription's queue is worked in feed order, one delivery at a time
    laatste_succes   timestamptz,
    mislukkingen     integer NOT NULL DEFAULT 0,
    storing_sinds    timestamptz,
    volgende_poging  timestamptz,
    laatste_fout     text,
    -- the instance working the queue now, until its lease runs out
    lease_houder     uuid,
    lease_tot        timestamptz
);

-- The outbox: one row per subscription and event, with the CloudEvent to send as its bytes.
CREATE TABLE webhook_afleveringen (
    abonnement_id  uuid NOT NULL REFERENCES abonnementen (id) ON DELETE CASCADE,
    feed_tx        xid8 NOT NULL,
    feed_positie   bigint NOT NULL,
    event_id       uuid NOT NULL,
    event_type     text NOT NULL,
    inhoud         bytea NOT NULL,
    status         text NOT NULL DEFAULT 'wachtend' CHECK (status IN ('wachtend', 'afgeleverd', 'doodgelegd')),
    pogingen       integer NOT NULL DEFAULT 0,
    aangemaakt_op  timestamptz NOT NULL DEFAULT now(),
    afgehandeld_op timestamptz,
    PRIMARY KEY (abonnement_id, feed_tx, feed_positie)
);
CREATE INDEX webhook_afleveringen_wachtend_idx ON webhook_afleveringen (abonnement_id, feed_tx, feed_positie) WHERE status = 'wachtend';
CREATE INDEX webhook_afleveringen_doodgelegd_idx ON webhook_afleveringen (abonnement_id) WHERE status = 'doodgelegd';

-- The delivery log: every attempt, with its answer or error and how long it took.
CREATE TABLE webhook_pogingen (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    abonnement_id  uuid NOT NULL REFERENCES abonnementen (id) ON DELETE CASCADE,
    event_id       uuid NOT NULL,
    feed_tx        xid8 NOT NULL,
    feed_positie   bigint NOT NULL,
    tijdstip       timestamptz NOT NULL,
    http_status    integer,
    fout           text,
    duur_ms        integer NOT NULL
);
CREATE INDEX webhook_pogingen_abonnement_idx ON webhook_pogingen (abonnement_id, id);
CREATE INDEX webhook_pogingen_tijdstip_idx ON webhook_pogingen (tijdstip);

-- E-mail to accounts: one row per notification and recipient (sleutel), sent once.
CREATE TABLE email_berichten (
    id               uuid PRIMARY KEY,
    sleutel          text NOT NULL UNIQUE,
    gebruiker_id     uuid REFERENCES gebruikers (id) ON DELETE SET NULL,
    ontvanger        text NOT NULL,
    message_id       text NOT NULL,
    onderwerp        text NOT NULL,
    tekst            text NOT NULL,
    html             text NOT NULL,
    status           text NOT NULL DEFAULT 'wachtend' CHECK (status IN ('wachtend', 'verzonden', 'mislukt')),
    pogingen         integer NOT NULL DEFAULT 0,
    volgende_poging  timestamptz NOT NULL DEFAULT now(),
    laatste_fout     text,
    aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
    verzonden_op     timestamptz
);
CREATE INDEX email_berichten_wachtend_idx ON email_berichten (volgende_poging) WHERE status = 'wachtend';

-- Leases of work that one instance at a time does (sending e-mail).
CREATE TABLE notificatie_leases (
    naam   text PRIMARY KEY,
    houder uuid NOT NULL,
    tot    timestamptz NOT NULL
);
