import { PGlite } from '@electric-sql/pglite';
import { createFixedClock, defineCollection, FrontlineError } from '@frontline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runMigrateCli } from '../src/cli-main';
import {
  createPgliteStore,
  createPostgresStore,
  frontlineMigrations,
  type Migration,
  migrate,
} from '../src/index';
import { describeWithServer, uniqueSchema } from './helpers';

const Note = z.object({ id: z.string(), text: z.string() });
const Notes = defineCollection({ name: 'notes', schema: Note });

const broken: Migration = {
  version: 4,
  name: 'broken',
  sql: (s) => `
    CREATE TABLE ${s}.half_done (id integer);
    INSERT INTO ${s}.half_done VALUES (1);
    ALTER TABLE ${s}.entities ADD COLUMN region text;
    SELECT 1 / 0;`,
};

async function expectFrontlineError(promise: Promise<unknown>, code: string): Promise<FrontlineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(FrontlineError.is(error, code as FrontlineError['code']), String(error)).toBe(true);
  return error as FrontlineError;
}

describe('migrations on PGlite', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });
  const tables = async (schema: string) =>
    (
      await db.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      )
    ).rows.map((r) => r.table_name);

  it('applies the shipped migrations once, records them with a checksum, and re-running is a no-op', async () => {
    const schema = uniqueSchema('mig');
    const clock = createFixedClock('2026-02-01T10:00:00Z');
    expect(await migrate({ pglite: db }, { schema, clock })).toEqual({
      schema,
      applied: [
        { version: 1, name: 'initial' },
        { version: 2, name: 'tenants' },
        { version: 3, name: 'knowledge-search' },
      ],
      version: 3,
    });
    const recorded = await db.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
      `SELECT version, name, checksum, applied_at FROM "${schema}".schema_migrations`,
    );
    expect(recorded.rows).toHaveLength(3);
    expect(recorded.rows[0]).toMatchObject({ version: 1, name: 'initial' });
    expect(recorded.rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(recorded.rows[0]!.applied_at.toISOString()).toBe('2026-02-01T10:00:00.000Z');
    expect(await migrate({ pglite: db }, { schema })).toEqual({ schema, applied: [], version: 3 });
    expect(await tables(schema)).toEqual([
      'audit_head',
      'audit_log',
      'collection_indexes',
      'entities',
      'entity_keys',
      'entity_unique_keys',
      'knowledge_search',
      'outbox',
      'schema_migrations',
    ]);
  });

  it('rolls a failing migration back completely and surfaces a StorageError with the cause', async () => {
    const schema = uniqueSchema('mig');
    const store = await createPgliteStore({ db, schema });
    await store.repository(Notes).insert({ id: 'n1', text: 'kept' });
    const error = await expectFrontlineError(
      migrate({ pglite: db }, { schema, migrations: [...frontlineMigrations, broken] }),
      'STORAGE',
    );
    expect(error.message).toContain('Migration 4 "broken" failed');
    expect(error.details).toMatchObject({ version: 4, name: 'broken', sqlState: '22012', schema });
    expect((error.cause as { code?: string }).code).toBe('22012');
    // nothing of migration 4 is left: no table, no column, no record; migrations 1–3 and the data stay
    expect(await tables(schema)).not.toContain('half_done');
    const columns = await db.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'entities' AND column_name = 'region'`,
      [schema],
    );
    expect(columns.rows).toHaveLength(0);
    const versions = await db.query<{ version: number }>(
      `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
    );
    expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    expect((await store.repository(Notes).get('n1')).data.text).toBe('kept');
    // a store opened with the failing list fails to open, the same way
    await expectFrontlineError(
      createPgliteStore({ db, schema, migrations: [...frontlineMigrations, broken] }),
      'STORAGE',
    );
    await store.close();
  });

  it('refuses to run when an applied migration was changed afterwards', async () => {
    const schema = uniqueSchema('mig');
    await migrate({ pglite: db }, { schema });
    const edited: Migration = {
      ...frontlineMigrations[0]!,
      sql: (s) => `${frontlineMigrations[0]!.sql(s)}\n-- edited`,
    };
    const error = await expectFrontlineError(
      migrate({ pglite: db }, { schema, migrations: [edited] }),
      'STORAGE',
    );
    expect(error.message).toContain('was changed after it was applied');
  });

  it('keeps each schema’s tables apart, so a host CRM’s own tables are untouched', async () => {
    await db.exec('CREATE TABLE public.crm_customers (id text PRIMARY KEY)');
    const a = await createPgliteStore({ db, schema: uniqueSchema('tenant_a') });
    const b = await createPgliteStore({ db, schema: uniqueSchema('tenant_b') });
    await a.repository(Notes).insert({ id: 'same-id', text: 'from a' });
    await b.repository(Notes).insert({ id: 'same-id', text: 'from b' });
    await a.outbox.enqueue([{ topic: 'a.only', payload: null }]);
    expect((await a.repository(Notes).get('same-id')).data.text).toBe('from a');
    expect((await b.repository(Notes).get('same-id')).data.text).toBe('from b');
    expect(await b.outbox.stats()).toEqual({ pending: 0, claimed: 0, done: 0, dead: 0 });
    expect(await tables('public')).toEqual(['crm_customers']);
    expect(await tables(a.schema)).toContain('entities');
    await a.close();
    await b.close();
    expect(db.closed).toBe(false); // a store given an instance leaves it open
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    for (const schema of ['Frontline', 'a-b', 'x"; DROP SCHEMA public; --', 'pg_frontline', '']) {
      await expectFrontlineError(createPgliteStore({ db, schema }), 'VALIDATION');
    }
    // an object whose toString is not a function is described, never stringified (a TypeError before)
    await expectFrontlineError(createPgliteStore({ db, schema: { toString: 0 } as never }), 'VALIDATION');
  });

  it('tells a store opened with migrate: false on an empty schema to run the migrations', async () => {
    const store = await createPgliteStore({ db, schema: uniqueSchema('nomig'), migrate: false });
    const error = await expectFrontlineError(store.repository(Notes).get('x'), 'STORAGE');
    expect(error.message).toContain('migrations');
    expect(['42P01', '3F000']).toContain(error.details.sqlState); // undefined table / schema
    const report = await store.migrate();
    expect(report.applied).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'tenants' },
      { version: 3, name: 'knowledge-search' },
    ]);
    expect(await store.repository(Notes).find('x')).toBeUndefined();
    await store.close();
  });
});

describeWithServer('migrations on a PostgreSQL server', (url) => {
  it('lets concurrent runs queue on the advisory lock: one applies, the others find nothing to do', async () => {
    const schema = uniqueSchema('mig');
    const reports = await Promise.all(
      Array.from({ length: 4 }, () => migrate({ connectionString: url }, { schema })),
    );
    // each migration is applied once, by whichever run holds the lock when it comes up
    expect(reports.flatMap((r) => r.applied.map((m) => m.version)).sort()).toEqual([1, 2, 3]);
    const store = await createPostgresStore({ connectionString: url, schema });
    const rows = await store.raw.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    await store.raw.query(`DROP SCHEMA "${schema}" CASCADE`);
    await store.close();
  });

  it('rolls a failing migration back on the server too', async () => {
    const schema = uniqueSchema('mig');
    const error = await expectFrontlineError(
      migrate({ connectionString: url }, { schema, migrations: [...frontlineMigrations, broken] }),
      'STORAGE',
    );
    expect(error.details).toMatchObject({ version: 4, sqlState: '22012' });
    const store = await createPostgresStore({ connectionString: url, schema });
    expect(await store.raw.query(`SELECT to_regclass('"${schema}".half_done') AS t`)).toEqual([{ t: null }]);
    expect(
      await store.raw.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`),
    ).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    await store.raw.query(`DROP SCHEMA "${schema}" CASCADE`);
    await store.close();
  });

  it('migrates from the frontline-migrate command line', async () => {
    const schema = uniqueSchema('cli');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {} };
    expect(await runMigrateCli(['--url', url, '--schema', schema], io)).toBe(0);
    expect(out[0]).toBe('applied 0001 initial');
    expect(out[1]).toBe('applied 0002 tenants');
    expect(out[2]).toBe('applied 0003 knowledge-search');
    expect(out[3]).toContain(`schema "${schema}"`);
    expect(out.join('\n')).not.toContain(':frontline@'); // the password is not printed
    out.length = 0;
    expect(await runMigrateCli(['--schema', schema], { ...io, env: { FRONTLINE_PG_URL: url } })).toBe(0);
    expect(out).toEqual([expect.stringContaining('is up to date (version 3)')]);
    expect(err).toEqual([]);
    const store = await createPostgresStore({ connectionString: url, schema, migrate: false });
    await store.raw.query(`DROP SCHEMA "${schema}" CASCADE`);
    await store.close();
  });
});

describe('frontline-migrate arguments', () => {
  const io = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return {
      lines,
      io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l), env: {} },
    };
  };

  it('prints its usage for --help and refuses unknown or missing targets with exit code 2', async () => {
    const help = io();
    expect(await runMigrateCli(['--help'], help.io)).toBe(0);
    expect(help.lines.out.join('\n')).toContain('--data-dir');
    const none = io();
    expect(await runMigrateCli([], none.io)).toBe(2);
    expect(none.lines.err[0]).toContain('exactly one of --url and --data-dir');
    const both = io();
    expect(await runMigrateCli(['--url', 'postgres://x@127.0.0.1/x', '--data-dir', '/tmp/x'], both.io)).toBe(
      2,
    );
    const unknown = io();
    expect(await runMigrateCli(['--frobnicate'], unknown.io)).toBe(2);
  });
});
