import { type CollectionDefinition, FrontlineError, parseInput, StorageError } from '@frontline/core';
import { atomically, type Ctx, run } from './context';
import { encodeKeys } from './keys';
import { ADVISORY_NAMESPACE } from './migrate-runner';

const BACKFILL_BATCH = 1000;

/** A stable description of a collection's indexes: which exist and which are unique. */
export function collectionSignature(definition: CollectionDefinition<{ id: string }>): string {
  const indexes = Object.entries(definition.indexes ?? {})
    .map(([name, index]) => `${name}${index.unique === true ? '!' : ''}`)
    .sort();
  return `${definition.name}(${indexes.join(',')})`;
}

/** Parses a stored row with the collection's schema; anything but a Frontline error becomes a StorageError. */
export function parseStored<T extends { id: string }>(definition: CollectionDefinition<T>, data: unknown): T {
  try {
    return parseInput(definition.schema, data, `stored ${definition.name}`);
  } catch (error) {
    if (FrontlineError.is(error)) throw error;
    throw new StorageError(`Stored ${definition.name} could not be read.`, { cause: error });
  }
}

/**
 * Makes sure the stored index keys match the collection's definition before a write or an index query:
 * an index the definition adds is built from the stored rows (back-filled), one whose uniqueness changed is
 * rebuilt. An index the definition does not name is never dropped: it may belong to a module another process
 * registers (see `Store.registerCollections`). Checked once per store and definition (one query); the rebuild runs under an advisory
 * lock per collection, in the caller's transaction if there is one.
 *
 * Every process must use the same definition of a collection. To change what an index's key function
 * computes, give the index a new name: keys are not recomputed for an index whose name and uniqueness stay.
 */
export async function ensureCollection<T extends { id: string }>(
  ctx: Ctx,
  definition: CollectionDefinition<T>,
): Promise<void> {
  const def = definition as unknown as CollectionDefinition<{ id: string }>;
  // index state is per tenant: each tenant's rows are built (back-filled) by that tenant's store
  const signature = `${ctx.tenant}\u0000${collectionSignature(def)}`;
  if (ctx.shared.ensured.has(signature) || ctx.tx?.ensured.has(signature)) return;
  const { tables } = ctx.shared;
  const wanted = new Map(
    Object.entries(def.indexes ?? {}).map(([name, index]) => [name, index.unique === true] as const),
  );
  const readRegistry = (c: Ctx) =>
    run<{ index_name: string; is_unique: boolean }>(
      c,
      `read the indexes of ${def.name}`,
      `SELECT index_name, is_unique FROM ${tables.indexes} WHERE tenant = $1 AND collection = $2`,
      [c.tenant, def.name],
    );
  const matches = (rows: { index_name: string; is_unique: boolean }[]) =>
    [...wanted].every(([name, unique]) =>
      rows.some((row) => row.index_name === name && row.is_unique === unique),
    );

  if (!matches(await readRegistry(ctx))) {
    await atomically(ctx, async (c) => {
      await run(
        c,
        `lock the indexes of ${def.name}`,
        'SELECT pg_advisory_xact_lock($1::int, hashtext($2::text)) AS locked',
        [ADVISORY_NAMESPACE + 1, `${tables.schema}.${c.tenant}.${def.name}`],
      );
      const registered = await readRegistry(c);
      const stale = registered.filter(
        (row) => wanted.has(row.index_name) && wanted.get(row.index_name) !== row.is_unique,
      );
      const staleNames = stale.map((row) => row.index_name);
      if (staleNames.length > 0) {
        const params = [def.name, JSON.stringify(staleNames), c.tenant];
        const names = 'SELECT jsonb_array_elements_text($2::jsonb)';
        const where = `tenant = $3 AND collection = $1 AND index_name IN (${names})`;
        await run(
          c,
          `drop stale indexes of ${def.name}`,
          `WITH a AS (DELETE FROM ${tables.keys} WHERE ${where}),
                b AS (DELETE FROM ${tables.uniqueKeys} WHERE ${where})
           DELETE FROM ${tables.indexes} WHERE ${where}`,
          params,
        );
      }
      const kept = new Set(
        registered.filter((row) => !staleNames.includes(row.index_name)).map((r) => r.index_name),
      );
      const build = new Set([...wanted.keys()].filter((name) => !kept.has(name)));
      if (build.size === 0) return;
      await backfill(c, def, build);
      await run(
        c,
        `register the indexes of ${def.name}`,
        `INSERT INTO ${tables.indexes} (tenant, collection, index_name, is_unique, built_at)
         SELECT $4, $1, r.name, r.is_unique, $3::timestamptz
         FROM jsonb_to_recordset($2::jsonb) AS r(name text, is_unique boolean)`,
        [
          def.name,
          JSON.stringify([...build].map((name) => ({ name, is_unique: wanted.get(name) }))),
          ctx.shared.clock.now().toISOString(),
          c.tenant,
        ],
      );
    });
  }
  (ctx.tx ? ctx.tx.ensured : ctx.shared.ensured).add(signature);
}

async function backfill(
  ctx: Ctx,
  definition: CollectionDefinition<{ id: string }>,
  indexes: ReadonlySet<string>,
): Promise<void> {
  const { tables } = ctx.shared;
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; data: unknown }[] = await run<{ id: string; data: unknown }>(
      ctx,
      `read ${definition.name} to build its indexes`,
      `SELECT id, data FROM ${tables.entities}
       WHERE tenant = $3 AND collection = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT ${BACKFILL_BATCH}`,
      [definition.name, after, ctx.tenant],
    );
    if (rows.length === 0) return;
    const keys = rows.flatMap((row) =>
      encodeKeys(definition, parseStored(definition, row.data), indexes).map((key) => ({
        ...key,
        e: row.id,
      })),
    );
    if (keys.length > 0) {
      await run(
        ctx,
        `build the indexes of ${definition.name}`,
        `WITH k AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS k(i text, k smallint, n float8, t text, u boolean, e text)),
              u AS (INSERT INTO ${tables.uniqueKeys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
                    SELECT $3, $1, k.i, k.k, k.n, k.t, k.e FROM k WHERE k.u)
         INSERT INTO ${tables.keys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
         SELECT $3, $1, k.i, k.k, k.n, k.t, k.e FROM k ON CONFLICT DO NOTHING`,
        [definition.name, JSON.stringify(keys), ctx.tenant],
      );
    }
    after = rows[rows.length - 1]!.id;
    if (rows.length < BACKFILL_BATCH) return;
  }
}
