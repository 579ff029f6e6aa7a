-- The moderation log is append-only (as SQLite's migration 0003 makes it with triggers).
CREATE FUNCTION moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'moderation_log is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_log FOR EACH ROW EXECUTE FUNCTION moderation_log_append_only();--> statement-breakpoint
CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_log FOR EACH ROW EXECUTE FUNCTION moderation_log_append_only();--> statement-breakpoint
-- Rate-limit counters, shaped as rate-limiter-flexible's PostgreSQL store reads them.
CREATE TABLE rate_limits (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint);
