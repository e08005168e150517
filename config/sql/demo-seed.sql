-- A small demo data set for ./run.sh: 200 users, 2,000 pitches with skewed genres and views,
-- sessions (a third expired), views, follows, NDAs and investments. Deterministic (setseed).
SELECT setseed(0.42);

INSERT INTO users (email, username, password_hash, user_type, first_name, last_name, company_name, company_verified, bio, is_active, email_verified, created_at)
SELECT 'user' || i || '@demo.pitchey.local',
       'user' || i,
       'demo-not-a-real-hash',
       (ARRAY['creator', 'creator', 'investor', 'production', 'viewer'])[1 + (i % 5)],
       'First' || i, 'Last' || i,
       CASE WHEN i % 3 = 0 THEN 'Studio ' || i END,
       i % 6 = 0,
       'Demo user ' || i,
       i % 50 <> 0,
       true,
       now() - (random() * interval '3 years')
FROM generate_series(1, 200) AS i;

INSERT INTO pitches (user_id, title, logline, description, genre, format, production_stage, status, visibility,
                     require_nda, estimated_budget, view_count, like_count, created_at, updated_at, published_at)
SELECT 1 + (i % 200),
       initcap((ARRAY['midnight', 'last', 'silent', 'broken', 'golden', 'hidden', 'electric', 'northern'])[1 + (i % 8)]
               || ' ' || (ARRAY['harbor', 'signal', 'garden', 'frontier', 'orchard', 'protocol', 'empire', 'river'])[1 + ((i / 8) % 8)]
               || ' ' || i),
       'A demo logline for pitch ' || i,
       'A longer description of demo pitch ' || i || ' about ' || (ARRAY['love', 'war', 'space', 'family', 'money', 'crime'])[1 + (i % 6)],
       -- Skewed: Drama and Comedy dominate.
       (ARRAY['Drama', 'Drama', 'Drama', 'Comedy', 'Comedy', 'Thriller', 'Horror', 'Sci-Fi', 'Documentary', 'Romance'])[1 + (i % 10)],
       (ARRAY['Feature Film', 'Feature Film', 'TV Series', 'Short Film', 'Web Series'])[1 + (i % 5)],
       (ARRAY['concept', 'development', 'pre-production', 'production', 'post-production'])[1 + (i % 5)],
       CASE WHEN i % 10 = 0 THEN 'draft' WHEN i % 25 = 0 THEN 'archived' ELSE 'published' END,
       CASE WHEN i % 12 = 0 THEN 'investors_only' WHEN i % 30 = 0 THEN 'private' ELSE 'public' END,
       i % 7 = 0,
       round((10000 + random() * 5000000)::numeric, 2),
       floor(10000 / (1 + random() * 400))::int,   -- power-law-ish views
       floor(500 / (1 + random() * 100))::int,
       ts, ts, ts
FROM generate_series(1, 2000) AS i, LATERAL (SELECT now() - (random() * interval '3 years') AS ts) AS t;

INSERT INTO sessions (id, user_id, expires_at, created_at, ip_address, user_agent)
SELECT encode(sha256(('demo-session-' || i)::bytea), 'hex'),
       1 + (i % 200),
       CASE WHEN i % 3 = 0 THEN now() - interval '1 day' ELSE now() + interval '30 days' END,
       now() - interval '1 hour',
       '127.0.0.1',
       'demo'
FROM generate_series(1, 600) AS i;

INSERT INTO pitch_views (pitch_id, viewer_id, viewed_at)
SELECT 1 + floor(2000 * power(random(), 3))::int, 1 + (i % 200), now() - (random() * interval '1 year')
FROM generate_series(1, 20000) AS i;

INSERT INTO follows (follower_id, following_id)
SELECT DISTINCT 1 + (i % 200), 1 + ((i * 7) % 200)
FROM generate_series(1, 1000) AS i
WHERE 1 + (i % 200) <> 1 + ((i * 7) % 200)
ON CONFLICT DO NOTHING;

INSERT INTO ndas (pitch_id, signer_id, status, access_granted, signed_at)
SELECT 1 + (i * 13 % 2000), 1 + (i % 200), (ARRAY['pending', 'approved', 'signed', 'rejected'])[1 + (i % 4)], i % 4 IN (1, 2), now()
FROM generate_series(1, 500) AS i;

INSERT INTO nda_requests (pitch_id, requester_id, owner_id, status)
SELECT p.id, 1 + ((p.id * 3) % 200), p.user_id, (ARRAY['pending', 'approved', 'rejected'])[1 + (p.id % 3)]
FROM pitches AS p WHERE p.id % 5 = 0;

INSERT INTO investments (pitch_id, investor_id, amount, status)
SELECT 1 + (i * 17 % 2000), 1 + (i % 200), round((1000 + random() * 250000)::numeric, 2),
       (ARRAY['pending', 'active', 'completed'])[1 + (i % 3)]
FROM generate_series(1, 300) AS i;

ANALYZE;
