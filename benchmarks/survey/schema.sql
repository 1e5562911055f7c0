-- The tables of changelogs 0002 and 0020 that an answer and an enrollment submission write, with
-- their keys, unique constraints and indexes (no row-level security: the harness measures storage).
CREATE TABLE service_request (id uuid PRIMARY KEY, tenant_id varchar(64) NOT NULL, module varchar(40) NOT NULL,
  state varchar(40) NOT NULL, data jsonb NOT NULL, submitted_by varchar(100) NOT NULL,
  submitted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, due_date date,
  idempotency_key varchar(100), config_version int NOT NULL DEFAULT 0, flagged_reason varchar(1000),
  version int NOT NULL DEFAULT 0, CONSTRAINT uq_request_idempotency UNIQUE (submitted_by, idempotency_key));
CREATE INDEX ix_request_worklist ON service_request (tenant_id, module, submitted_at, id);
CREATE TABLE request_transition (id uuid PRIMARY KEY, request_id uuid NOT NULL REFERENCES service_request(id),
  tenant_id varchar(64) NOT NULL, from_state varchar(40), to_state varchar(40) NOT NULL, action varchar(40) NOT NULL,
  actor varchar(100) NOT NULL, comment_text varchar(2000), occurred_at timestamptz NOT NULL, config_version int NOT NULL);
CREATE INDEX ix_transition_request ON request_transition (tenant_id, request_id);
CREATE TABLE module_action (id uuid PRIMARY KEY, tenant_id varchar(64) NOT NULL, module varchar(40) NOT NULL,
  target_id uuid NOT NULL, action_type varchar(40) NOT NULL, actor varchar(100), acted_on date NOT NULL,
  acted_at timestamptz, payload jsonb NOT NULL);
CREATE INDEX ix_action_target ON module_action (tenant_id, target_id, action_type);
CREATE TABLE module_participation (id uuid PRIMARY KEY, tenant_id varchar(64) NOT NULL, target_id uuid NOT NULL,
  action_type varchar(40) NOT NULL, member varchar(100) NOT NULL, taken_on date NOT NULL,
  CONSTRAINT uq_participation_once UNIQUE (target_id, action_type, member));
CREATE INDEX ix_participation_member ON module_participation (tenant_id, member);
CREATE TABLE tally_cell (target_id uuid NOT NULL, tally varchar(40) NOT NULL, cell_key varchar(200) NOT NULL,
  tenant_id varchar(64) NOT NULL, cell_count bigint NOT NULL, cell_sum numeric(30,6) NOT NULL,
  stripe smallint NOT NULL DEFAULT 0,
  CONSTRAINT pk_tally_cell PRIMARY KEY (target_id, tally, cell_key, stripe));
CREATE INDEX ix_tally_cell_tenant ON tally_cell (tenant_id, target_id);
