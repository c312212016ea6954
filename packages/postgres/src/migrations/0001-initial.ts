import type { Migration } from './migration';

/**
 * The first schema: generic entity rows with their index keys, the outbox and the audit chain.
 *
 * - `entities` holds every aggregate of every collection (hosts define collections at runtime) as jsonb with
 *   its `version` for optimistic concurrency.
 * - `entity_keys` holds one row per index key of an entity. `key_kind` orders numbers (0) before strings (1);
 *   a number key has `key_text = ''` and a string key `key_num = 0`, so the primary key orders rows exactly as
 *   the memory adapter orders keys (numbers numerically, strings by code point in the "C" collation), then by
 *   entity id.
 * - `entity_unique_keys` enforces unique indexes: one row per (collection, index, key), naming its holder.
 * - `collection_indexes` records which indexes have been built, so an index added to a collection definition
 *   is filled from the stored rows on first use.
 * - `outbox` rows are claimed with `FOR UPDATE SKIP LOCKED` through the partial index on the claimable ones.
 * - `audit_log` is the hash chain; `audit_head` is its one-row head, locked by every append so that
 *   concurrent appends never fork the chain.
 */
export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  sql: (s) => `
CREATE TABLE ${s}.entities (
  collection text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (collection, id)
);

CREATE TABLE ${s}.entity_keys (
  collection text COLLATE "C" NOT NULL,
  index_name text COLLATE "C" NOT NULL,
  key_kind smallint NOT NULL CHECK (key_kind IN (0, 1)),
  key_num double precision NOT NULL,
  key_text text COLLATE "C" NOT NULL,
  entity_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (collection, index_name, key_kind, key_num, key_text, entity_id)
);
CREATE INDEX entity_keys_by_entity ON ${s}.entity_keys (collection, entity_id);

CREATE TABLE ${s}.entity_unique_keys (
  collection text COLLATE "C" NOT NULL,
  index_name text COLLATE "C" NOT NULL,
  key_kind smallint NOT NULL CHECK (key_kind IN (0, 1)),
  key_num double precision NOT NULL,
  key_text text COLLATE "C" NOT NULL,
  entity_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (collection, index_name, key_kind, key_num, key_text)
);
CREATE INDEX entity_unique_keys_by_entity ON ${s}.entity_unique_keys (collection, entity_id);

CREATE TABLE ${s}.collection_indexes (
  collection text COLLATE "C" NOT NULL,
  index_name text COLLATE "C" NOT NULL,
  is_unique boolean NOT NULL,
  built_at timestamptz NOT NULL,
  PRIMARY KEY (collection, index_name)
);

CREATE TABLE ${s}.outbox (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text COLLATE "C" PRIMARY KEY,
  topic text NOT NULL,
  payload jsonb,
  dedupe_key text UNIQUE,
  status text NOT NULL CHECK (status IN ('pending', 'claimed', 'done', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  lease_token text,
  lease_owner text,
  lease_expires_at timestamptz,
  last_error text
);
CREATE INDEX outbox_claimable ON ${s}.outbox (available_at, seq) WHERE status IN ('pending', 'claimed');
CREATE INDEX outbox_by_status ON ${s}.outbox (status, lease_expires_at);

CREATE TABLE ${s}.audit_log (
  seq bigint PRIMARY KEY CHECK (seq >= 1),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  type text NOT NULL,
  payload jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_by_entity ON ${s}.audit_log (entity_type, entity_id, seq);

CREATE TABLE ${s}.audit_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO ${s}.audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
`,
};
