-- One enrollment submission's rows as RequestSubmission writes them: the request and its first
-- transition (the timer row is left out, so the comparison favours enrollment).
\set m random(1, 1000000000)
BEGIN;
INSERT INTO service_request (id, tenant_id, module, state, data, submitted_by, submitted_at, updated_at, due_date, idempotency_key, config_version, version)
  VALUES (gen_random_uuid(), 'gd-sz-ft-001', 'enrollment', 'submitted',
          '{"name":"张三","gender":"male","idNumber":"11010519491231002X","mobile":"13800138000","employerName":"深圳市福田区星河科技有限公司","employerCreditCode":"91440300192185379H","employmentType":"employee"}',
          'w' || :m, now(), now(), current_date + 7, 'k' || :m || '-' || txid_current(), 0, 0);
INSERT INTO request_transition (id, request_id, tenant_id, from_state, to_state, action, actor, occurred_at, config_version)
  SELECT gen_random_uuid(), id, tenant_id, NULL, 'submitted', 'submit', submitted_by, now(), 0
  FROM service_request WHERE submitted_by = 'w' || :m ORDER BY submitted_at DESC LIMIT 1;
COMMIT;
