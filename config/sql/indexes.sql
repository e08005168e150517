-- The index strategy of the tuned queries (src/Pitchey.Database/Queries). Every index names the
-- query it serves; an index no tuned query uses does not belong here. One statement per index,
-- CREATE INDEX CONCURRENTLY IF NOT EXISTS, so the file runs with psql outside a transaction
-- (psql -f indexes.sql) on a live database without blocking writes.
--
-- Browse and search only ever show published, public pitches, so their indexes are partial on
-- exactly that predicate (the queries spell it with literals so the planner can match it):
-- smaller indexes, and drafts/private pitches never cost a read.

-- browse (sort=date|newest, both orders; also the keyset cursor and platform-stats' newPitchesThisWeek):
-- an ordered walk of (created_at, id) that stops after limit+1 rows at any cursor depth.
-- browse's exact count of a small filtered set: the INCLUDEd filter columns let it run as an
-- index-only scan of this (partial, narrow) index instead of reading the wide heap rows.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_browse_date_idx
    ON pitches (created_at, id) INCLUDE (genre, format, production_stage, estimated_budget)
    WHERE status = 'published' AND visibility = 'public';

-- browse (sort=views, both orders, keyset cursor).
CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_browse_views_idx
    ON pitches (view_count, id)
    WHERE status = 'published' AND visibility = 'public';

-- browse (sort=likes, both orders, keyset cursor).
CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_browse_likes_idx
    ON pitches (like_count, id)
    WHERE status = 'published' AND visibility = 'public';

-- browse (sort=budget, both orders, keyset cursor): a pitch without a budget sorts as 0, so the
-- sort key is never NULL and the keyset comparison stays a plain row comparison.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_browse_budget_idx
    ON pitches ((coalesce(estimated_budget, 0)), id)
    WHERE status = 'published' AND visibility = 'public';

-- search, FullText mode (websearch_to_tsquery @@ search_vector): the candidate rows before ranking.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_search_vector_idx
    ON pitches USING gin (search_vector)
    WHERE status = 'published' AND visibility = 'public';

-- search, Substring mode (the default): title ILIKE '%text%' OR logline ILIKE ... OR description
-- ILIKE ..., newest first. The planner chooses per term: a common term walks pitches_browse_date_idx
-- backwards and stops after a page of matches; a rare one ORs the bitmaps of these three trigram
-- indexes and sorts the few candidates. One index per column, not one on their concatenation: the
-- query stays the API's own, and the planner's estimate of each ILIKE comes from that column's
-- statistics (a partial expression index would give the expression none, and every term would look
-- alike to the planner). The schema creates pg_trgm; it is repeated here so this file runs alone.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_search_title_trgm_idx
    ON pitches USING gin (title gin_trgm_ops)
    WHERE status = 'published' AND visibility = 'public';

CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_search_logline_trgm_idx
    ON pitches USING gin (logline gin_trgm_ops)
    WHERE status = 'published' AND visibility = 'public';

CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_search_description_trgm_idx
    ON pitches USING gin (description gin_trgm_ops)
    WHERE status = 'published' AND visibility = 'public';

-- creator-dashboard (the creator's pitch count and views, and the five newest pitches); view_count
-- is included so the totals are an index-only scan even for a creator with thousands of pitches.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pitches_user_created_idx
    ON pitches (user_id, created_at DESC, id DESC) INCLUDE (view_count);

-- creator-dashboard (totalFollowers: follows WHERE following_id = creator; the primary key
-- leads with follower_id and cannot serve it).
CREATE INDEX CONCURRENTLY IF NOT EXISTS follows_following_idx
    ON follows (following_id);

-- creator-dashboard (totalInvestments, activeDeals: investments of the creator's pitches).
CREATE INDEX CONCURRENTLY IF NOT EXISTS investments_pitch_idx
    ON investments (pitch_id) INCLUDE (status);

-- creator-dashboard (totalNDAs: NDAs on the creator's pitches).
CREATE INDEX CONCURRENTLY IF NOT EXISTS ndas_pitch_idx
    ON ndas (pitch_id);

-- creator-dashboard (pendingActions: owner_id = creator AND status = 'pending'; ndaRequests of
-- each recent pitch: owner_id = creator AND pitch_id = p), index-only with status included.
CREATE INDEX CONCURRENTLY IF NOT EXISTS nda_requests_owner_pitch_idx
    ON nda_requests (owner_id, pitch_id) INCLUDE (status);

-- session: served by the primary key of sessions (id = token or its SHA-256) and of users;
-- no extra index. platform-stats: aggregates in the background once per interval, not per request.
