-- A strategy with one fault per statement, for LintCatalogTests (checked against a live database).
-- phase: 1 critical
CREATE INDEX idx_pitches_status ON pitches (status);
BEGIN;
CREATE INDEX CONCURRENTLY idx_pitches_title ON pitches (title);
COMMIT;
CREATE INDEX CONCURRENTLY idx_pitches_recent ON pitches (created_at) WHERE created_at > now() - interval '30 days';
CREATE INDEX CONCURRENTLY idx_sessions_live ON sessions (user_id) WHERE expires_at > clock_timestamp();
CREATE INDEX CONCURRENTLY idx_users_random ON users ((id + random()));
SET max_connections = 500;
SET shared_buffers = '4GB';
SET maintenance_work_mem = '512MB';
CREATE INDEX CONCURRENTLY idx_pitches_budget ON pitches (budget);
CREATE INDEX CONCURRENTLY idx_ghost ON pitchez (id);
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
CREATE INDEX CONCURRENTLY idx_follows_follower ON follows (follower_id);
-- phase: 2 reporting
SELECT query, calls, total_time, mean_time FROM pg_stat_statements ORDER BY total_time DESC;
CLUSTER pitches USING pitches_pkey;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_pitches_user ON pitches (user_id);
CREATE INDEX CONCURRENTLY idx_pitches_day ON pitches (to_char(created_at, 'YYYY-MM-DD'));
SET no_such_setting = 1;
