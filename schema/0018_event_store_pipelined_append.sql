-- An append sent ahead of the statements that depend on it, in one round trip (issue
-- "Performance": a command's append, its projection and its COMMIT pipelined). Where the usual
-- single-event append answers with no row and lets `event_store_append` decide (a replayed event
-- id, another version, a head moment later than the one sent), the pipelined one must fail instead,
-- so that PostgreSQL skips everything queued after it and nothing is projected for an event that
-- was not recorded; the caller then rolls back and appends the usual way.
CREATE FUNCTION event_store_expect_appended(p_appended bigint) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF p_appended = 0 THEN
        RAISE EXCEPTION 'not appended as sent' USING ERRCODE = 'ES004';
    END IF;
    RETURN p_appended;
END $$;
