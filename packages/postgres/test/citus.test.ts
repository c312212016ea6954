import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citusMigrations, createPgliteStore, frontlineMigrations, migrate } from '../src/index';
import { uniqueSchema } from './helpers';

const TABLES = [
  'audit_head',
  'audit_log',
  'collection_indexes',
  'entities',
  'entity_keys',
  'entity_unique_keys',
  'knowledge_search',
  'outbox',
];

/**
 * The Citus variant of the migrations, checked without Citus (it is not packaged for this machine): Citus's
 * `create_distributed_table` is stood in for by a function that records its calls, so the test proves what the
 * variant asks Citus to do and that the schema meets the rules Citus enforces on distributed tables — every
 * primary key and unique constraint includes the distribution column, and the distribution column is never null.
 */
describe('migrations for Citus', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec(`
      CREATE TABLE public.citus_calls (relation text, column_name text, colocate_with text);
      CREATE FUNCTION public.create_distributed_table(relation regclass, distribution_column text,
          colocate_with text DEFAULT 'default') RETURNS void LANGUAGE sql AS $$
        INSERT INTO public.citus_calls VALUES (relation::text, distribution_column, colocate_with) $$;`);
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps the plain migrations’ versions, names and SQL, adding only the distribution DDL', () => {
    expect(citusMigrations.map((m) => [m.version, m.name])).toEqual(
      frontlineMigrations.map((m) => [m.version, m.name]),
    );
    for (const [i, migration] of citusMigrations.entries()) {
      const plain = frontlineMigrations[i]!;
      expect(migration.sql('"s"').startsWith(plain.sql('"s"'))).toBe(true);
      if (!plain.citus) expect(migration).toBe(plain);
    }
  });

  it('distributes every Frontline table by tenant, colocated with entities, on a schema whose keys all lead with tenant', async () => {
    const schema = uniqueSchema('citus');
    await db.exec('DELETE FROM public.citus_calls');
    const report = await migrate({ pglite: db }, { schema, migrations: citusMigrations });
    expect(report.version).toBe(frontlineMigrations.at(-1)!.version);
    const calls = await db.query<{ relation: string; column_name: string; colocate_with: string }>(
      'SELECT relation, column_name, colocate_with FROM public.citus_calls ORDER BY relation',
    );
    expect(calls.rows.map((c) => c.relation.replace(/^.*\./, ''))).toEqual(TABLES);
    for (const call of calls.rows) {
      expect(call.column_name).toBe('tenant');
      expect(call.colocate_with).toBe(
        call.relation.endsWith('.entities') ? 'default' : `"${schema}".entities`,
      );
    }
    // Citus refuses a unique constraint without the distribution column: every unique index includes tenant
    const uniques = await db.query<{ table_name: string; index_name: string; has_tenant: boolean }>(
      `SELECT t.relname AS table_name, i.relname AS index_name,
              EXISTS (SELECT 1 FROM unnest(x.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k
                      WHERE a.attname = 'tenant') AS has_tenant
       FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND x.indisunique AND t.relname <> 'schema_migrations'`,
      [schema],
    );
    expect(uniques.rows.length).toBeGreaterThanOrEqual(TABLES.length);
    expect(uniques.rows.filter((u) => !u.has_tenant)).toEqual([]);
    const nullable = await db.query(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = $1 AND column_name = 'tenant' AND is_nullable = 'YES'`,
      [schema],
    );
    expect(nullable.rows).toEqual([]);
    // and the store runs on the distributed schema as on a plain one
    const store = await createPgliteStore({ db, schema, migrations: citusMigrations });
    await store.forTenant('acme').outbox.enqueue([{ topic: 't', payload: 1 }]);
    expect(await store.forTenant('acme').outbox.stats()).toMatchObject({ pending: 1 });
    await store.close();
  });
});
