-- A TOTP code is accepted once: the last time step an account used, so the same code (valid for
-- about 90 seconds with the window of one step either side) cannot be replayed.
ALTER TABLE gebruikers ADD COLUMN totp_laatste_stap bigint;
