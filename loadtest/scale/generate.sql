-- Data at scale (loadtest/scale.sh, docs/adr/0027): 10,000 tenants in five levels, requests with
-- their history and timers, and members, generated inside PostgreSQL as the schema owner on a
-- database migrated by UnionHub's own changelog. Every row is a copy of a row the application
-- wrote itself through its API a minute earlier (the templates: worker1's approved request,
-- worker2's rejected one, worker3's open one and worker2's escalated one, worker1's membership),
-- with the columns that differ per row replaced; personal data comes from gen_person, sealed and
-- hashed by the application's own classes (PersonData). Variables: requests, members.
\set ON_ERROR_STOP on
\timing on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';

-- ---------------------------------------------------------------- the tenant tree (10,000)
-- Levels: acftu (national) → 31 provinces → cities → districts → grassroots unions. The demo
-- tenants stay where they are: gd-sz (Shenzhen) becomes a city of 2,000 unions (10 districts,
-- gd-sz-ft among them), zj (Zhejiang) a province of 1,000 descendants; the rest fills 29 more
-- provinces and the rest of gd.
CREATE TEMP TABLE new_tenant (code varchar(64), name varchar(200), level varchar(20), parent varchar(64), ord serial);
INSERT INTO new_tenant (code, name, level, parent)
SELECT 'p' || lpad(i::text, 2, '0'), '第' || i || '省总工会', 'PROVINCIAL', 'acftu' FROM generate_series(3, 31) i;
INSERT INTO new_tenant (code, name, level, parent)
SELECT 'gd-sz-d' || lpad(i::text, 2, '0'), '深圳市第' || i || '区总工会', 'DISTRICT', 'gd-sz' FROM generate_series(3, 10) i;
INSERT INTO new_tenant (code, name, level, parent)
SELECT 'zj-c' || i, '浙江省第' || i || '市总工会', 'MUNICIPAL', 'zj' FROM generate_series(2, 5) i;
INSERT INTO new_tenant (code, name, level, parent)
SELECT c.code || '-d' || d, c.name || '第' || d || '区总工会', 'DISTRICT', c.code
FROM (SELECT 'zj-hz' AS code, '杭州市' AS name UNION ALL SELECT 'zj-c' || i, '浙江省第' || i || '市' FROM generate_series(2, 5) i) c,
     generate_series(1, 5) d;
-- three cities of three districts in every other province (and gd beside gd-sz)
INSERT INTO new_tenant (code, name, level, parent)
SELECT p || '-c' || c, p || '第' || c || '市总工会', 'MUNICIPAL', p
FROM (SELECT 'gd' AS p UNION ALL SELECT 'p' || lpad(i::text, 2, '0') FROM generate_series(3, 31) i) ps, generate_series(1, 3) c;
INSERT INTO new_tenant (code, name, level, parent)
SELECT m.code || '-d' || d, m.name || '第' || d || '区', 'DISTRICT', m.code
FROM new_tenant m, generate_series(1, 3) d WHERE m.level = 'MUNICIPAL' AND m.code ~ '-c[123]$' AND m.code !~ '^zj';
-- grassroots: 1,987 under gd-sz's ten districts (2,000 with the city, its districts and the two
-- demo unions), 969 under zj's 25 districts (1,000 descendants with zj-hz-001), the rest spread
-- over the other districts so that the whole tree holds exactly 10,000.
CREATE TEMP TABLE district AS
SELECT code, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS n,
       CASE WHEN code LIKE 'gd-sz-%' THEN 'sz' WHEN code LIKE 'zj-%' THEN 'zj' ELSE 'other' END AS grp
FROM (SELECT code FROM new_tenant WHERE level = 'DISTRICT' UNION ALL SELECT code FROM tenant WHERE level = 'DISTRICT') d;
CREATE TEMP TABLE district_grp AS
SELECT code, grp, row_number() OVER (PARTITION BY grp ORDER BY code) - 1 AS k, count(*) OVER (PARTITION BY grp) AS n FROM district;
INSERT INTO new_tenant (code, name, level, parent)
SELECT d.code || '-g' || lpad(g::text, 4, '0'), '第' || g || '号企业工会', 'GRASSROOTS', d.code
FROM (VALUES ('sz', 1987), ('zj', 969)) want (grp, cnt)
     CROSS JOIN LATERAL generate_series(1, want.cnt) g
     JOIN district_grp d ON d.grp = want.grp AND d.k = g % d.n;
INSERT INTO new_tenant (code, name, level, parent)
SELECT d.code || '-g' || lpad(g::text, 4, '0'), '第' || g || '号企业工会', 'GRASSROOTS', d.code
FROM generate_series(1, 10000 - (SELECT count(*) FROM tenant) - (SELECT count(*) FROM new_tenant)) g
     JOIN district_grp d ON d.grp = 'other' AND d.k = g % d.n;
INSERT INTO tenant (code, name, level, parent_code, active)
SELECT code, name, level, parent, true FROM new_tenant
ORDER BY CASE level WHEN 'PROVINCIAL' THEN 1 WHEN 'MUNICIPAL' THEN 2 WHEN 'DISTRICT' THEN 3 ELSE 4 END, ord;
-- Every node reloads its tree when the version moves (JpaTenantDirectory).
UPDATE tenant_tree_version SET version = version + 1;
-- As if the group sync (ADR 7) had mirrored them: no outbox rows left to send to Keycloak.

DO $$ BEGIN
  IF (SELECT count(*) FROM tenant) <> 10000 THEN RAISE EXCEPTION 'tenant count %', (SELECT count(*) FROM tenant); END IF;
END $$;

-- ---------------------------------------------------------------- templates
CREATE TEMP TABLE tpl_request AS
SELECT CASE WHEN r.state = 'approved' THEN 'approved' WHEN r.state = 'rejected' THEN 'rejected'
            WHEN r.escalated_to IS NOT NULL THEN 'escalated' ELSE 'open' END AS kind, r.*
FROM service_request r WHERE r.module = 'enrollment' AND r.submitted_by IN ('worker1', 'worker2', 'worker3');
SELECT kind, state, submitted_by, escalated_to FROM tpl_request ORDER BY kind;
DO $$ BEGIN
  IF (SELECT count(DISTINCT kind) FROM tpl_request) <> 4 THEN RAISE EXCEPTION 'templates missing'; END IF;
END $$;
CREATE TEMP TABLE tpl_transition AS
SELECT t.kind, x.*, x.occurred_at - t.submitted_at AS after_submit
FROM tpl_request t JOIN request_transition x ON x.request_id = t.id;
CREATE TEMP TABLE tpl_timer AS
SELECT t.kind AS tpl, x.*, x.fire_at - t.due_date::timestamp AT TIME ZONE 'Asia/Shanghai' AS after_due,
       x.fired_at - x.fire_at AS fired_after
FROM tpl_request t JOIN request_timer x ON x.request_id = t.id;
-- The escalated template's timers were made due at once; generated ones fall where an open
-- request's timers fall (reminder before the due date, escalation the day after), each fired
-- as long after that as the template's was, with its history entry at that moment.
UPDATE tpl_timer e SET after_due = o.after_due FROM tpl_timer o
WHERE e.tpl = 'escalated' AND o.tpl = 'open' AND o.kind = e.kind;
ALTER TABLE tpl_transition ADD COLUMN after_due interval;
UPDATE tpl_transition x SET after_due = t.after_due + t.fired_after FROM tpl_timer t
WHERE x.kind = 'escalated' AND t.tpl = 'escalated' AND lower(t.kind) = x.action;
SELECT kind, action, from_state, to_state, actor, after_submit, after_due FROM tpl_transition ORDER BY kind, occurred_at;
SELECT tpl, kind AS timer, after_due, fired_after, fired_by FROM tpl_timer ORDER BY 1, 2;

-- ---------------------------------------------------------------- requests
-- Request n (1 = newest) of person n at grassroots union (n * 7919) mod G, one every 30 s back
-- from now (a year for 1,000,000). The newest 5 % are still open (awaiting review, reminder and
-- escalation timers pending); further back, 1 in 100 is open, overdue and escalated to the
-- parent union (both timers fired), 6 in 100 were rejected and the rest approved.
CREATE TEMP TABLE grassroots AS
SELECT code, parent_code, row_number() OVER (ORDER BY code) - 1 AS k FROM tenant WHERE level = 'GRASSROOTS';
CREATE UNIQUE INDEX ON grassroots (k);
ANALYZE grassroots;
CREATE TEMP TABLE gen_request AS
SELECT n, id, tenant, parent, submitted_at, kind,
       CASE WHEN kind = 'approved' THEN rank ELSE :members + rank END AS person,
       (submitted_at AT TIME ZONE 'Asia/Shanghai')::date
         + CASE extract(isodow FROM submitted_at AT TIME ZONE 'Asia/Shanghai')::int WHEN 6 THEN 6 WHEN 7 THEN 5 ELSE 7 END AS due
FROM (
  SELECT n, id, tenant, parent, submitted_at, kind,
         row_number() OVER (PARTITION BY kind = 'approved' ORDER BY n) AS rank
  FROM (
    SELECT n, gen_random_uuid() AS id, g.code AS tenant, g.parent_code AS parent,
           now() - make_interval(secs => n * 30 + (n * 7) % 29) AS submitted_at,
           CASE WHEN n <= :requests / 20 THEN 'open' WHEN n % 100 = 0 THEN 'escalated'
                WHEN n % 100 <= 6 THEN 'rejected' ELSE 'approved' END AS kind
    FROM generate_series(1, :requests) n
    JOIN grassroots g ON g.k = (n::bigint * 7919) % (SELECT count(*) FROM grassroots)
  ) x
) y;
-- (Due dates: five working days, taken as a week later, or the Friday after next for weekend
-- submissions; the application computes them on the stored working calendar.)
-- The person behind each request: approved requests' applicants are members 1…A; the others are
-- people who are not members (numbers above the member count).
CREATE UNIQUE INDEX ON gen_request (n);
ANALYZE gen_request;

INSERT INTO service_request
SELECT (jsonb_populate_record(NULL::service_request, to_jsonb(t) - 'kind' || jsonb_build_object(
  'id', r.id, 'tenant_id', r.tenant, 'submitted_at', r.submitted_at,
  'updated_at', CASE WHEN r.kind = 'escalated' THEN r.due::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '1 day 2 seconds'
                     ELSE r.submitted_at + (t.updated_at - t.submitted_at) END,
  'due_date', CASE WHEN t.due_date IS NULL THEN NULL ELSE r.due END,
  'finished_at', CASE WHEN t.finished_at IS NULL THEN NULL ELSE r.submitted_at + (t.finished_at - t.submitted_at) END,
  'submitted_by', 'u' || lpad(r.person::text, 7, '0'),
  'idempotency_key', 'scale-' || r.n,
  'escalated_to', CASE WHEN t.escalated_to IS NULL THEN NULL ELSE r.parent END,
  'data', t.data || jsonb_build_object('name', p.name, 'idNumber', p.id_sealed, 'mobile', p.mobile_sealed,
                                       'district', r.parent)))).*
FROM gen_request r JOIN tpl_request t USING (kind) JOIN gen_person p ON p.n = r.person;

INSERT INTO request_transition
SELECT (jsonb_populate_record(NULL::request_transition, to_jsonb(x) - 'kind' - 'after_submit' - 'after_due' || jsonb_build_object(
  'id', gen_random_uuid(), 'request_id', r.id, 'tenant_id', r.tenant,
  'occurred_at', CASE WHEN x.after_due IS NULL THEN r.submitted_at + x.after_submit
                      ELSE r.due::timestamp AT TIME ZONE 'Asia/Shanghai' + x.after_due END,
  'actor', CASE WHEN x.actor LIKE 'worker%' THEN 'u' || lpad(r.person::text, 7, '0')
                 WHEN x.actor LIKE 'ft-%' THEN 'staff-' || r.parent ELSE x.actor END))).*
FROM gen_request r JOIN tpl_transition x USING (kind);

INSERT INTO request_timer
SELECT (jsonb_populate_record(NULL::request_timer, to_jsonb(x) - 'tpl' - 'after_due' - 'fired_after' || jsonb_build_object(
  'id', gen_random_uuid(), 'request_id', r.id, 'tenant_id', r.tenant,
  'fire_at', r.due::timestamp AT TIME ZONE 'Asia/Shanghai' + x.after_due,
  'fired_at', CASE WHEN x.fired_at IS NULL THEN NULL ELSE r.due::timestamp AT TIME ZONE 'Asia/Shanghai' + x.after_due + x.fired_after END))).*
FROM gen_request r JOIN tpl_timer x ON x.tpl = r.kind
-- an open request's timers are pending only while they are in the future
WHERE r.kind <> 'open' OR r.due::timestamp AT TIME ZONE 'Asia/Shanghai' + x.after_due > now();

-- ---------------------------------------------------------------- members
-- Members 1…A joined through their approved request; A+1…members were registered without one
-- (imported), at grassroots union (m * 104729) mod G. Member numbers: year of joining, the shared
-- sequence, ISO 7064 MOD 11-2 check character (MemberNumbers).
CREATE TEMP TABLE tpl_member AS SELECT * FROM membership WHERE username = 'worker1';
CREATE TEMP TABLE tpl_member_event AS SELECT e.* FROM membership_event e JOIN tpl_member m ON e.membership_id = m.id;
CREATE TEMP TABLE tpl_member_sync AS SELECT * FROM member_sync WHERE username = 'worker1';
DO $$ BEGIN
  IF (SELECT count(*) FROM tpl_member) <> 1 THEN RAISE EXCEPTION 'member template missing'; END IF;
END $$;
CREATE FUNCTION pg_temp.member_number(yr int, seq bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT b || substr('10X98765432', (SELECT sum(substr(b, i, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9])[i]) FROM generate_series(1, 12) i)::int % 11 + 1, 1)
  FROM (SELECT lpad(yr::text, 4, '0') || lpad(seq::text, 8, '0') AS b) x
$f$;
CREATE TEMP TABLE gen_member AS
SELECT m AS person, gen_random_uuid() AS id, gen_random_uuid() AS card,
       coalesce(r.tenant, g.code) AS tenant, r.id AS request_id,
       coalesce((r.submitted_at + interval '1 day')::date, current_date - (m % 3650)::int) AS joined
FROM generate_series(1, :members) m
LEFT JOIN (SELECT person, id, tenant, submitted_at FROM gen_request WHERE kind = 'approved') r ON r.person = m
JOIN grassroots g ON g.k = (m::bigint * 104729) % (SELECT count(*) FROM grassroots);
ALTER TABLE gen_member ADD COLUMN seq bigint;
UPDATE gen_member x SET seq = o.rank + (SELECT coalesce(max(substr(member_number, 5, 8)::bigint), 0) FROM membership)
FROM (SELECT id, row_number() OVER (ORDER BY joined, person) AS rank FROM gen_member) o WHERE o.id = x.id;

INSERT INTO member_card (card_id) SELECT card FROM gen_member;
INSERT INTO member_registry (id_index) SELECT p.id_index FROM gen_member m JOIN gen_person p ON p.n = m.person;
INSERT INTO membership
SELECT (jsonb_populate_record(NULL::membership, to_jsonb(t) || jsonb_build_object(
  'id', m.id, 'tenant_id', m.tenant, 'member_number', pg_temp.member_number(extract(year FROM m.joined)::int, m.seq),
  'username', 'u' || lpad(m.person::text, 7, '0'), 'request_id', m.request_id, 'name', p.name,
  'id_number_sealed', p.id_sealed, 'id_index', p.id_index, 'id_last4', p.id_last4,
  'mobile_sealed', p.mobile_sealed, 'joined_on', m.joined, 'card_id', m.card))).*
FROM gen_member m JOIN gen_person p ON p.n = m.person, tpl_member t;
INSERT INTO membership_event
SELECT (jsonb_populate_record(NULL::membership_event, to_jsonb(e) || jsonb_build_object(
  'id', gen_random_uuid(), 'membership_id', m.id, 'tenant_id', m.tenant,
  'username', 'u' || lpad(m.person::text, 7, '0'),
  'occurred_at', m.joined::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours'))).*
FROM gen_member m, tpl_member_event e;
-- As if the Keycloak outbox had delivered every one (synced_seq = change_seq).
INSERT INTO member_sync
SELECT (jsonb_populate_record(NULL::member_sync, to_jsonb(s) || jsonb_build_object(
  'username', 'u' || lpad(m.person::text, 7, '0'), 'synced_seq', s.change_seq, 'attempts', 0, 'last_error', NULL))).*
FROM gen_member m, tpl_member_sync s;
SELECT setval('member_number_seq', (SELECT max(seq) FROM gen_member) + 1000);

ANALYZE;
SELECT (SELECT count(*) FROM tenant) AS tenants, (SELECT count(*) FROM service_request) AS requests,
       (SELECT count(*) FROM request_transition) AS transitions, (SELECT count(*) FROM request_timer) AS timers,
       (SELECT count(*) FROM membership) AS members, pg_size_pretty(pg_database_size(current_database())) AS size;
