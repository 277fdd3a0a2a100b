-- Benchmark accounts user2001..user<target> as copies of the demo's user0001 (same password, no roles, no park or
-- enterprise), so that every bot signs in as a person of its own. Run with psql -v target=N; idempotent.
CREATE TEMP TABLE bench_users AS
    SELECT u.*, g AS n FROM users u CROSS JOIN generate_series(2001, :target) g
    WHERE u.normalized_email = 'USER0001@DEMO.LINGJING.LOCAL';
UPDATE bench_users SET
    id = gen_random_uuid(),
    user_name = 'user' || lpad(n::text, 4, '0') || '@demo.lingjing.local',
    normalized_user_name = upper('user' || lpad(n::text, 4, '0') || '@demo.lingjing.local'),
    email = 'user' || lpad(n::text, 4, '0') || '@demo.lingjing.local',
    normalized_email = upper('user' || lpad(n::text, 4, '0') || '@demo.lingjing.local'),
    security_stamp = upper(md5(random()::text)),
    concurrency_stamp = gen_random_uuid()::text,
    display_name = 'Bench visitor ' || lpad(n::text, 4, '0'),
    park_id = NULL, enterprise_id = NULL, access_failed_count = 0, lockout_end = NULL;
ALTER TABLE bench_users DROP COLUMN n;
INSERT INTO users SELECT * FROM bench_users b
    WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.normalized_email = b.normalized_email);
