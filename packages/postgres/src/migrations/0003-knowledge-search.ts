import type { Migration } from './migration';

/** Latin letters with diacritics (Hungarian first) and their base letters, for the fallback without `unaccent`. */
const ACCENTED = [
  ...'áéíóöőúüűÁÉÍÓÖŐÚÜŰàâäãåāăąçćčďèêëēėęěìîïīįłñńňòôõøōřśšşťùûūůųýÿžźż',
  ...'ÀÂÄÃÅĀĂĄÇĆČĎÈÊËĒĖĘĚÌÎÏĪĮŁÑŃŇÒÔÕØŌŘŚŠŞŤÙÛŪŮŲÝŸŽŹŻ',
].join('');
const PLAIN = [...ACCENTED]
  .map((c) => ({ ł: 'l', Ł: 'L', ø: 'o', Ø: 'O' })[c] ?? c.normalize('NFD').replace(/\p{M}/gu, ''))
  .join('');

/**
 * The knowledge base's full-text index in the database (the `postgresKnowledgeSearch()` engine):
 *
 * - `knowledge_search` holds one row per published article per tenant — the `tsvector` of its text in weighted
 *   groups (`document`: title A, product and tags B, problem C, solution D), a small one of its title, product
 *   and tags alone (`head`), the keys filters compare, the helpfulness boost and the summary a hit shows — keyed
 *   `(tenant, article_id)`, written in the article's own unit of work;
 * - a GIN index on each `tsvector` finds the matching rows (`head` lets a query rank the title matches, which
 *   weigh most, without reading every long document a common word matches); every statement also filters by
 *   tenant, and the same row-level security policy as the other tables binds it;
 * - the text search configuration `knowledge_search` is `simple` (no stemming and no stop words: articles mix
 *   Hungarian and English, and the in-memory engine does not stem either) with the `unaccent` dictionary in front
 *   of it for words with non-ASCII letters, so `Számla` and `szamla` index alike. `unaccent` is a trusted
 *   extension (PostgreSQL 13+): the migration creates it (in the schema `frontline_extensions`) when the role may,
 *   or uses it where a DBA installed it. Where it is missing or may not be created (PGlite without the contrib
 *   extension loaded, a locked-down server), the configuration is plain `simple` and the text goes through
 *   `knowledge_search_fold()` first — an IMMUTABLE `translate()` of the Latin accented letters (Hungarian ones
 *   included) to their base letters. The query side folds in JavaScript either way. Which of the two a schema
 *   got is fixed when it migrates (installing `unaccent` later changes nothing; the fallback covers Hungarian).
 */
export const knowledgeSearchMigration: Migration = {
  version: 3,
  name: 'knowledge-search',
  sql: (s) => `
DO $knowledge$
DECLARE
  ext text;
BEGIN
  -- one migration at a time creates the extension, whatever schema it migrates
  PERFORM pg_advisory_xact_lock(1181904750, hashtext('frontline:unaccent'));
  SELECT n.nspname INTO ext FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent';
  IF ext IS NULL THEN
    BEGIN
      CREATE SCHEMA IF NOT EXISTS frontline_extensions;
      CREATE EXTENSION unaccent SCHEMA frontline_extensions;
      ext := 'frontline_extensions';
    EXCEPTION WHEN OTHERS THEN
      ext := NULL;
    END;
  END IF;
  EXECUTE 'CREATE TEXT SEARCH CONFIGURATION ${s}.knowledge_search (COPY = pg_catalog.simple)';
  IF ext IS NOT NULL THEN
    EXECUTE format(
      'ALTER TEXT SEARCH CONFIGURATION ${s}.knowledge_search ALTER MAPPING FOR word, hword, hword_part WITH %I.unaccent, pg_catalog.simple',
      ext);
    EXECUTE 'CREATE FUNCTION ${s}.knowledge_search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fold$ SELECT $1 $fold$';
  ELSE
    EXECUTE 'CREATE FUNCTION ${s}.knowledge_search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fold$ SELECT translate($1, ''${ACCENTED}'', ''${PLAIN}'') $fold$';
  END IF;
END
$knowledge$;

CREATE TABLE ${s}.knowledge_search (
  tenant text COLLATE "C" NOT NULL CONSTRAINT knowledge_search_tenant_check CHECK (tenant ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  article_id text COLLATE "C" NOT NULL,
  locale text COLLATE "C" NOT NULL,
  product_key text COLLATE "C" NOT NULL,
  category_key text COLLATE "C" NOT NULL,
  boost real NOT NULL,
  summary jsonb NOT NULL,
  head tsvector NOT NULL,
  document tsvector NOT NULL,
  PRIMARY KEY (tenant, article_id)
);
CREATE INDEX knowledge_search_head ON ${s}.knowledge_search USING gin (head);
CREATE INDEX knowledge_search_document ON ${s}.knowledge_search USING gin (document);

ALTER TABLE ${s}.knowledge_search ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${s}.knowledge_search FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${s}.knowledge_search
  USING (tenant = current_setting('frontline.tenant', true))
  WITH CHECK (tenant = current_setting('frontline.tenant', true));
`,
  // On Citus the table is distributed by tenant beside the articles; `unaccent` must be installed on every node.
  citus: (s) => `
SELECT create_distributed_table('${s}.knowledge_search', 'tenant', colocate_with => '${s}.entities');
`,
};
