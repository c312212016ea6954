import type { Migration } from './migration';

/** Every Frontline table: each is distributed by `tenant` on Citus, colocated with `entities`. */
export const TENANT_TABLES = [
  'entities',
  'entity_keys',
  'entity_unique_keys',
  'collection_indexes',
  'outbox',
  'audit_log',
  'audit_head',
] as const;

/**
 * Tenants: every row of every table belongs to one tenant, and row-level security enforces it.
 *
 * - Each table gets a `tenant` column; rows stored before this migration belong to the tenant `default` (the one
 *   a single-company host never names). Writes name their tenant explicitly — no default is left on the column.
 * - Every primary key, unique constraint and hot index leads with `tenant`, so each tenant's ids, unique keys,
 *   dedupe keys and audit sequence are its own, every hot query is keyed by tenant first, and the schema can be
 *   distributed by `tenant` (Citus) without changing a query.
 * - `audit_head` holds one row per tenant: one hash chain per tenant, each starting at seq 1. A tenant's row is
 *   created by its first append.
 * - Row-level security is enabled and forced (it binds the tables' owner too): a row is visible and writable
 *   only when its tenant equals the session setting `frontline.tenant`, which the store sets on every connection
 *   it uses. A connection without the setting sees no rows at all. Superusers and `BYPASSRLS` roles skip every
 *   policy in PostgreSQL; run the store as an ordinary role.
 */
export const tenantsMigration: Migration = {
  version: 2,
  name: 'tenants',
  sql: (s) => `
${TENANT_TABLES.map(
  (t) => `ALTER TABLE ${s}.${t} ADD COLUMN tenant text COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE ${s}.${t} ALTER COLUMN tenant DROP DEFAULT;
ALTER TABLE ${s}.${t} ADD CONSTRAINT ${t}_tenant_check CHECK (tenant ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');`,
).join('\n')}

ALTER TABLE ${s}.entities DROP CONSTRAINT entities_pkey, ADD PRIMARY KEY (tenant, collection, id);

ALTER TABLE ${s}.entity_keys DROP CONSTRAINT entity_keys_pkey,
  ADD PRIMARY KEY (tenant, collection, index_name, key_kind, key_num, key_text, entity_id);
DROP INDEX ${s}.entity_keys_by_entity;
CREATE INDEX entity_keys_by_entity ON ${s}.entity_keys (tenant, collection, entity_id);

ALTER TABLE ${s}.entity_unique_keys DROP CONSTRAINT entity_unique_keys_pkey,
  ADD PRIMARY KEY (tenant, collection, index_name, key_kind, key_num, key_text);
DROP INDEX ${s}.entity_unique_keys_by_entity;
CREATE INDEX entity_unique_keys_by_entity ON ${s}.entity_unique_keys (tenant, collection, entity_id);

ALTER TABLE ${s}.collection_indexes DROP CONSTRAINT collection_indexes_pkey,
  ADD PRIMARY KEY (tenant, collection, index_name);

ALTER TABLE ${s}.outbox DROP CONSTRAINT outbox_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE ${s}.outbox DROP CONSTRAINT outbox_dedupe_key_key, ADD CONSTRAINT outbox_dedupe_key_key UNIQUE (tenant, dedupe_key);
DROP INDEX ${s}.outbox_claimable;
CREATE INDEX outbox_claimable ON ${s}.outbox (tenant, available_at, seq) WHERE status IN ('pending', 'claimed');
DROP INDEX ${s}.outbox_by_status;
CREATE INDEX outbox_by_status ON ${s}.outbox (tenant, status, lease_expires_at);

ALTER TABLE ${s}.audit_log DROP CONSTRAINT audit_log_pkey, ADD PRIMARY KEY (tenant, seq);
DROP INDEX ${s}.audit_log_by_entity;
CREATE INDEX audit_log_by_entity ON ${s}.audit_log (tenant, entity_type, entity_id, seq);

ALTER TABLE ${s}.audit_head DROP CONSTRAINT audit_head_pkey, DROP COLUMN id, ADD PRIMARY KEY (tenant);

${TENANT_TABLES.map(
  (t) => `ALTER TABLE ${s}.${t} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${s}.${t} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${s}.${t}
  USING (tenant = current_setting('frontline.tenant', true))
  WITH CHECK (tenant = current_setting('frontline.tenant', true));`,
).join('\n')}
`,
  citus: (s) => `
-- Citus: every table distributed by tenant and colocated, so each tenant's rows of every table live on one shard
-- group and every statement the adapter sends (each filters every table it touches by tenant) is routed to it.
SELECT create_distributed_table('${s}.entities', 'tenant');
${TENANT_TABLES.filter((t) => t !== 'entities')
  .map((t) => `SELECT create_distributed_table('${s}.${t}', 'tenant', colocate_with => '${s}.entities');`)
  .join('\n')}
`,
};
