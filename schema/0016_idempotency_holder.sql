-- The database session that claimed an Idempotency-Key ('bezig'). A claim whose session no longer
-- exists (its server instance died, or PostgreSQL failed over or restarted since) is taken over at
-- once by a retry instead of after the 60 s that otherwise mark a claim abandoned. Taking a claim
-- over never writes twice: a command's events have ids derived from the key, and the event store
-- appends the same events only once.
ALTER TABLE idempotency_keys ADD COLUMN claimed_pid integer;
-- Which request holds the claim, so that a request gives up only its own claim, never the one a
-- retry took over.
ALTER TABLE idempotency_keys ADD COLUMN claim_id uuid;
