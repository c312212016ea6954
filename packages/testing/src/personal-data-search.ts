import type { CollectionDefinition, Store } from '@frontline/core';

/**
 * One place a searched string was found: a collection row (`collection`, `id`), an audit entry (`audit`, seq),
 * an outbox message (`outbox`, id) or, on SQL stores, a table row (`table:<name>`, the row's key text).
 */
export interface TextHit {
  readonly where: string;
  readonly id: string;
  readonly needle: string;
}

const found = (text: string, needles: readonly string[]) => {
  const lower = text.toLowerCase();
  return needles.filter((n) => lower.includes(n.toLowerCase()));
};

/**
 * Searches what a store holds through its ports: every row of `collections` (scanned — a test's own check, not
 * a hot path), every audit entry, and the outbox messages with the given ids (the outbox has no listing; the
 * test collects the ids of every message it claimed).
 */
export async function searchThroughPorts(
  store: Store,
  collections: readonly CollectionDefinition<{ id: string }>[],
  outboxIds: Iterable<string>,
  needles: readonly string[],
): Promise<TextHit[]> {
  const hits: TextHit[] = [];
  for (const collection of collections) {
    for await (const row of store.repository(collection).scan()) {
      for (const needle of found(JSON.stringify(row.data), needles)) {
        hits.push({ where: collection.name, id: row.data.id, needle });
      }
    }
  }
  for await (const entry of store.audit.read()) {
    for (const needle of found(JSON.stringify(entry), needles)) {
      hits.push({ where: 'audit', id: String(entry.seq), needle });
    }
  }
  for (const id of new Set(outboxIds)) {
    const message = await store.outbox.get(id);
    for (const needle of found(JSON.stringify(message ?? null), needles)) {
      hits.push({ where: 'outbox', id, needle });
    }
  }
  return hits;
}

type Query = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** The SQL inspector and schema of a PostgreSQL or PGlite store, when `store` is one (duck-typed). */
export function sqlAccess(store: Store, raw: unknown): { query: Query; schema: string } | undefined {
  const schema: unknown = Reflect.get(store, 'schema');
  const query: unknown = raw !== null && typeof raw === 'object' ? Reflect.get(raw, 'query') : undefined;
  if (typeof schema !== 'string' || typeof query !== 'function') return undefined;
  return {
    schema,
    query: (sql, params = []) => Promise.resolve(Reflect.apply(query, raw, [sql, params])),
  };
}

/**
 * Searches every table of the store's schema in SQL: each row cast to text (`t::text`, jsonb included) and
 * matched with `strpos` on lower-cased text. Entity rows are reported as their collection and id, the outbox by
 * message id, the audit log by seq; any other table by its name and the row's text.
 */
export async function searchEveryTable(
  sql: { query: Query; schema: string },
  needles: readonly string[],
): Promise<TextHit[]> {
  const tables = await sql.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'
     ORDER BY table_name`,
    [sql.schema],
  );
  const hits: TextHit[] = [];
  for (const { table_name: table } of tables) {
    const name = String(table);
    const rows = await sql.query(
      `SELECT t::text AS row_text FROM "${sql.schema}"."${name.replace(/"/g, '""')}" t
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text($1::jsonb) n WHERE strpos(lower(t::text), lower(n)) > 0)`,
      [JSON.stringify(needles)],
    );
    for (const { row_text: text } of rows) {
      const rowText = String(text);
      for (const needle of found(rowText, needles))
        hits.push({ where: `table:${name}`, id: rowText, needle });
    }
  }
  return hits;
}
