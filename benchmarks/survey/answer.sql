-- One anonymous answer to a survey of four questions, as ActionService writes it: the
-- participation (unique per member), the action without actor or time, and the tally UPSERTs.
\set m random(1, 1000000000)
\set c random(1, 3)
\set r random(1, 5)
\set s random(0, 15)
BEGIN;
INSERT INTO module_participation (id, tenant_id, target_id, action_type, member, taken_on)
  VALUES (gen_random_uuid(), 'gd-sz-ft', :target::uuid, 'answer', 'm' || :m || '-' || txid_current(), current_date)
  ON CONFLICT DO NOTHING;
INSERT INTO module_action (id, tenant_id, module, target_id, action_type, actor, acted_on, acted_at, payload)
  VALUES (gen_random_uuid(), 'gd-sz-ft', 'survey', :target::uuid, 'answer', NULL, current_date, NULL,
          jsonb_build_object('canteen', 'c' || :c, 'wishes', 'w1,w2', 'score', :r::text, 'remarks', '多些蔬菜'));
INSERT INTO tally_cell (target_id, tally, cell_key, tenant_id, cell_count, cell_sum, stripe) VALUES
  (:target::uuid, 'results', 'canteen=c' || :c, 'gd-sz-ft', 1, 0, :s),
  (:target::uuid, 'results', 'count', 'gd-sz-ft', 1, 0, :s),
  (:target::uuid, 'results', 'remarks', 'gd-sz-ft', 1, 0, :s),
  (:target::uuid, 'results', 'score', 'gd-sz-ft', 1, :r, :s),
  (:target::uuid, 'results', 'wishes=w1', 'gd-sz-ft', 1, 0, :s),
  (:target::uuid, 'results', 'wishes=w2', 'gd-sz-ft', 1, 0, :s)
  ON CONFLICT (target_id, tally, cell_key, stripe) DO UPDATE
  SET cell_count = tally_cell.cell_count + excluded.cell_count, cell_sum = tally_cell.cell_sum + excluded.cell_sum;
COMMIT;
