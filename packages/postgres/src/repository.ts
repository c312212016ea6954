import {
  type CollectionDefinition,
  ConflictError,
  checkPayloadSize,
  IdInput,
  MAX_INSERT_MANY,
  NotFoundError,
  parseInput,
  type Query,
  QueryInput,
  type Repository,
  StorageError,
  type Stored,
  VersionInput,
} from '@frontline/core';
import { z } from 'zod';
import { ensureCollection, parseStored } from './collection-registry';
import { type Ctx, run, toNumber } from './context';
import { type EncodedKey, encodeKeys, type KeyColumns, keyColumns, keyValue } from './keys';
import { toStorableJson } from './storable';

const InsertManyInput = z.array(z.unknown()).max(MAX_INSERT_MANY);

/** Rows per round trip when streaming a query or a scan. */
export const STREAM_BATCH = 1000;

interface EntityRow {
  [column: string]: unknown;
  version: number;
  data: unknown;
}

interface KeyedRow extends EntityRow {
  key_kind: number;
  key_num: number;
  key_text: string;
  entity_id: string;
}

function versionConflict(collection: string, id: string, expected: number, actual: number): ConflictError {
  return new ConflictError(
    `${collection} "${id}" was changed by someone else (expected version ${expected}, found ${actual}).`,
    { details: { collection, id, expectedVersion: expected, actualVersion: actual } },
  );
}

const KEYS_INPUT = `k AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS k(i text, k smallint, n float8, t text, u boolean))`;

/**
 * The repository of one collection on the generic `entities` / `entity_keys` tables. Each write is one
 * statement (data-modifying CTEs) so it is atomic without a transaction of its own, and it checks versions
 * and unique keys inside the statement so that an expected conflict does not abort a surrounding transaction.
 */
export function createSqlRepository<T extends { id: string }>(
  definition: CollectionDefinition<T>,
  ctx: Ctx,
): Repository<T> {
  const { tables, clock } = ctx.shared;
  const { tenant } = ctx;
  const name = definition.name;
  const indexes = definition.indexes ?? {};

  const read = (row: EntityRow): Stored<T> => ({
    data: parseStored(definition, row.data),
    version: toNumber(row.version),
  });

  const prepareAt = (entity: T, what: string) => {
    const parsed = parseInput(definition.schema, entity, what);
    const json = toStorableJson(parsed, what);
    checkPayloadSize(json, ctx.shared.maxPayloadBytes, what);
    const stored = parseStored(definition, JSON.parse(json));
    parseInput(IdInput, stored.id, 'id');
    return { id: stored.id, json, stored };
  };
  const prepare = (entity: T) => {
    const w = prepareAt(entity, name);
    return { ...w, keys: JSON.stringify(encodeKeys(definition, w.stored)) };
  };

  const takenKey = (t: string) => `taken AS (
      SELECT x.index_name, x.key_kind, x.key_num, x.key_text
      FROM k JOIN ${tables.uniqueKeys} x
        ON x.tenant = ${t} AND x.collection = $1 AND x.index_name = k.i AND x.key_kind = k.k AND x.key_num = k.n AND x.key_text = k.t
      WHERE k.u AND x.entity_id <> $2
      LIMIT 1)`;
  const takenColumns = `(SELECT json_build_object('index', index_name, 'kind', key_kind, 'num', key_num, 'text', key_text) FROM taken) AS taken`;

  const insertSql = `WITH ${KEYS_INPUT}, ${takenKey('$6')},
    ins AS (
      INSERT INTO ${tables.entities} (tenant, collection, id, version, data, created_at, updated_at)
      SELECT $6, $1, $2, 1, $4::jsonb, $5::timestamptz, $5::timestamptz WHERE NOT EXISTS (SELECT 1 FROM taken)
      ON CONFLICT (tenant, collection, id) DO NOTHING
      RETURNING id),
    ik AS (
      INSERT INTO ${tables.keys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
      SELECT $6, $1, k.i, k.k, k.n, k.t, $2 FROM k, ins ON CONFLICT DO NOTHING),
    iu AS (
      INSERT INTO ${tables.uniqueKeys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
      SELECT $6, $1, k.i, k.k, k.n, k.t, $2 FROM k, ins WHERE k.u)
    SELECT (SELECT count(*) FROM ins)::int AS inserted,
      EXISTS (SELECT 1 FROM ${tables.entities} WHERE tenant = $6 AND collection = $1 AND id = $2) AS existed,
      ${takenColumns}`;

  const sameKey = (alias: string) =>
    `k.i = ${alias}.index_name AND k.k = ${alias}.key_kind AND k.n = ${alias}.key_num AND k.t = ${alias}.key_text`;
  const updateSql = `WITH ${KEYS_INPUT}, ${takenKey('$7')},
    cur AS (SELECT version FROM ${tables.entities} WHERE tenant = $7 AND collection = $1 AND id = $2),
    upd AS (
      UPDATE ${tables.entities} SET version = version + 1, data = $4::jsonb, updated_at = $6::timestamptz
      WHERE tenant = $7 AND collection = $1 AND id = $2 AND version = $5 AND NOT EXISTS (SELECT 1 FROM taken)
      RETURNING version),
    dk AS (
      DELETE FROM ${tables.keys} e
      WHERE e.tenant = $7 AND e.collection = $1 AND e.entity_id = $2 AND EXISTS (SELECT 1 FROM upd)
        AND NOT EXISTS (SELECT 1 FROM k WHERE ${sameKey('e')})),
    du AS (
      DELETE FROM ${tables.uniqueKeys} e
      WHERE e.tenant = $7 AND e.collection = $1 AND e.entity_id = $2 AND EXISTS (SELECT 1 FROM upd)
        AND NOT EXISTS (SELECT 1 FROM k WHERE k.u AND ${sameKey('e')})),
    ik AS (
      INSERT INTO ${tables.keys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
      SELECT $7, $1, k.i, k.k, k.n, k.t, $2 FROM k, upd ON CONFLICT DO NOTHING),
    iu AS (
      INSERT INTO ${tables.uniqueKeys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
      SELECT $7, $1, k.i, k.k, k.n, k.t, $2 FROM k, upd
      WHERE k.u AND NOT EXISTS (
        SELECT 1 FROM ${tables.uniqueKeys} x
        WHERE x.tenant = $7 AND x.collection = $1 AND x.entity_id = $2 AND ${sameKey('x')}))
    SELECT (SELECT version FROM upd) AS version, (SELECT version FROM cur) AS current, ${takenColumns}`;

  const deleteSql = `WITH cur AS (SELECT version FROM ${tables.entities} WHERE tenant = $4 AND collection = $1 AND id = $2),
    del AS (DELETE FROM ${tables.entities} WHERE tenant = $4 AND collection = $1 AND id = $2 AND version = $3 RETURNING id),
    dk AS (DELETE FROM ${tables.keys} WHERE tenant = $4 AND collection = $1 AND entity_id = $2 AND EXISTS (SELECT 1 FROM del)),
    du AS (DELETE FROM ${tables.uniqueKeys} WHERE tenant = $4 AND collection = $1 AND entity_id = $2 AND EXISTS (SELECT 1 FROM del))
    SELECT (SELECT count(*) FROM del)::int AS deleted, (SELECT version FROM cur) AS current`;

  // Bulk insert: every entity, key and unique key of a batch in one statement, or none of them. An id or unique key
  // already stored is found before anything is written (so the statement changes nothing and the transaction stays
  // usable); a repeat inside the batch, or a concurrent writer, ends in the primary key's unique violation.
  const insertManySql = `WITH r AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(id text, data jsonb)),
    k AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS k(e text, i text, k smallint, n float8, t text, u boolean)),
    dup AS (SELECT e.id FROM ${tables.entities} e JOIN r ON e.tenant = $5 AND e.collection = $1 AND e.id = r.id LIMIT 1),
    taken AS (
      SELECT x.index_name, x.key_kind, x.key_num, x.key_text FROM k JOIN ${tables.uniqueKeys} x
        ON x.tenant = $5 AND x.collection = $1 AND x.index_name = k.i AND x.key_kind = k.k AND x.key_num = k.n
           AND x.key_text = k.t
      WHERE k.u LIMIT 1),
    ins AS (
      INSERT INTO ${tables.entities} (tenant, collection, id, version, data, created_at, updated_at)
      SELECT $5, $1, r.id, 1, r.data, $4::timestamptz, $4::timestamptz FROM r
      WHERE NOT EXISTS (SELECT 1 FROM dup) AND NOT EXISTS (SELECT 1 FROM taken)
      RETURNING id),
    ik AS (
      INSERT INTO ${tables.keys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
      SELECT $5, $1, k.i, k.k, k.n, k.t, k.e FROM k WHERE EXISTS (SELECT 1 FROM ins) ON CONFLICT DO NOTHING),
    iu AS (
      INSERT INTO ${tables.uniqueKeys} (tenant, collection, index_name, key_kind, key_num, key_text, entity_id)
      SELECT $5, $1, k.i, k.k, k.n, k.t, k.e FROM k WHERE k.u AND EXISTS (SELECT 1 FROM ins))
    SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT id FROM dup) AS dup, ${takenColumns}`;

  const selectOne = `SELECT version, data FROM ${tables.entities} WHERE tenant = $3 AND collection = $1 AND id = $2`;

  const takenError = (taken: { index: string; kind: number; num: number; text: string }) => {
    const key = keyValue(taken);
    return new ConflictError(`${name}: the ${taken.index} "${String(key)}" is already taken.`, {
      details: { collection: name, index: taken.index, key },
    });
  };

  /** After a write found no row to change: why not? Read the version now (the statement's snapshot may be old). */
  const explainMiss = async (id: string, expected: number, snapshotVersion: number | null) => {
    let actual = snapshotVersion;
    if (actual === expected || actual === null) {
      const [row] = await run<EntityRow>(ctx, `read ${name}`, selectOne, [name, id, tenant]);
      actual = row ? toNumber(row.version) : null;
    }
    if (actual === null) return new NotFoundError(name, id);
    return versionConflict(name, id, expected, actual);
  };

  const indexOf = (query: Query) => {
    if (!Object.hasOwn(indexes, query.index)) {
      throw new StorageError(`${name} has no index "${query.index}".`, {
        details: { collection: name, index: query.index },
      });
    }
    return query.index;
  };

  /** The WHERE clause of a query on `entity_keys k`, its parameters appended to `params`. */
  const queryWhere = (query: Query, params: unknown[]): string[] => {
    const index = indexOf(query);
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`k.tenant = ${p(tenant)}`, `k.collection = ${p(name)}`, `k.index_name = ${p(index)}`];
    const tuple = (c: KeyColumns) => `(${p(c.kind)}::smallint, ${p(c.num)}::float8, ${p(c.text)}::text)`;
    if ('equals' in query) {
      const c = keyColumns(name, index, query.equals, true);
      where.push(`(k.key_kind, k.key_num, k.key_text) = ${tuple(c)}`);
    } else {
      if (query.from !== undefined) {
        where.push(
          `(k.key_kind, k.key_num, k.key_text) >= ${tuple(keyColumns(name, index, query.from, true))}`,
        );
      }
      if (query.to !== undefined) {
        where.push(`(k.key_kind, k.key_num, k.key_text) < ${tuple(keyColumns(name, index, query.to, true))}`);
      }
    }
    return where;
  };

  const limitOf = (query: Query) =>
    query.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.trunc(query.limit) || 0);

  async function* stream(input: Query): AsyncGenerator<Stored<T>> {
    const query: Query = parseInput(QueryInput, input, 'query');
    indexOf(query);
    await ensureCollection(ctx, definition);
    const desc = query.order === 'desc';
    const dir = desc ? 'DESC' : 'ASC';
    let remaining = limitOf(query);
    let cursor: KeyedRow | undefined;
    while (remaining > 0) {
      const params: unknown[] = [];
      const where = queryWhere(query, params);
      const p = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      if (cursor) {
        where.push(
          `(k.key_kind, k.key_num, k.key_text, k.entity_id) ${desc ? '<' : '>'} (${p(cursor.key_kind)}::smallint, ${p(cursor.key_num)}::float8, ${p(cursor.key_text)}::text, ${p(cursor.entity_id)}::text)`,
        );
      }
      const batch = Math.min(STREAM_BATCH, remaining);
      const rows = await run<KeyedRow>(
        ctx,
        `query ${name}.${query.index}`,
        `SELECT k.key_kind, k.key_num, k.key_text, k.entity_id, e.version, e.data
         FROM ${tables.keys} k
         JOIN ${tables.entities} e ON e.tenant = k.tenant AND e.collection = k.collection AND e.id = k.entity_id
         WHERE ${where.join(' AND ')}
         ORDER BY k.key_kind ${dir}, k.key_num ${dir}, k.key_text ${dir}, k.entity_id ${dir}
         LIMIT ${p(batch)}`,
        params,
      );
      for (const row of rows) yield read(row);
      remaining -= rows.length;
      if (rows.length < batch) return;
      cursor = rows[rows.length - 1];
    }
  }

  async function* scan(): AsyncGenerator<Stored<T>> {
    let after: string | null = null;
    for (;;) {
      const rows: (EntityRow & { id: string })[] = await run<EntityRow & { id: string }>(
        ctx,
        `scan ${name}`,
        `SELECT id, version, data FROM ${tables.entities}
         WHERE tenant = $3 AND collection = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT ${STREAM_BATCH}`,
        [name, after, tenant],
      );
      for (const row of rows) yield read(row);
      if (rows.length < STREAM_BATCH) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  return {
    async get(id) {
      parseInput(IdInput, id, 'id');
      const [row] = await run<EntityRow>(ctx, `get ${name}`, selectOne, [name, id, tenant]);
      if (!row) throw new NotFoundError(name, id);
      return read(row);
    },
    async find(id) {
      parseInput(IdInput, id, 'id');
      const [row] = await run<EntityRow>(ctx, `find ${name}`, selectOne, [name, id, tenant]);
      return row ? read(row) : undefined;
    },
    async insert(entity) {
      const w = prepare(entity);
      await ensureCollection(ctx, definition);
      const [row] = await run<{
        inserted: number;
        existed: boolean;
        taken: Parameters<typeof takenError>[0] | null;
      }>(ctx, `insert ${name}`, insertSql, [name, w.id, w.keys, w.json, clock.now().toISOString(), tenant]);
      if (row && toNumber(row.inserted) === 1) return { data: w.stored, version: 1 };
      if (row?.taken && !row.existed) throw takenError(row.taken);
      throw new ConflictError(`${name} "${w.id}" already exists.`, {
        details: { collection: name, id: w.id },
      });
    },
    async insertMany(entities) {
      const list = parseInput(InsertManyInput, entities, `${name} batch`);
      if (list.length === 0) return [];
      const rows: { id: string; data: unknown }[] = [];
      const keys: (EncodedKey & { e: string })[] = [];
      const stored: Stored<T>[] = [];
      const seen = new Set<string>();
      list.forEach((entity, i) => {
        const w = prepareAt(entity as T, `${name} ${i}`);
        if (seen.has(w.id)) {
          throw new ConflictError(`${name} "${w.id}" appears twice in the batch.`, {
            details: { collection: name, id: w.id, position: i },
          });
        }
        seen.add(w.id);
        rows.push({ id: w.id, data: w.stored });
        for (const key of encodeKeys(definition, w.stored)) keys.push({ ...key, e: w.id });
        stored.push({ data: w.stored, version: 1 });
      });
      await ensureCollection(ctx, definition);
      const [row] = await run<{
        inserted: number;
        dup: string | null;
        taken: Parameters<typeof takenError>[0] | null;
      }>(ctx, `insert many ${name}`, insertManySql, [
        name,
        toStorableJson(rows, name),
        JSON.stringify(keys),
        clock.now().toISOString(),
        tenant,
      ]);
      if (row && toNumber(row.inserted) === list.length) return stored;
      if (row?.dup) {
        throw new ConflictError(`${name} "${row.dup}" already exists.`, {
          details: { collection: name, id: row.dup },
        });
      }
      if (row?.taken) throw takenError(row.taken);
      throw new ConflictError(
        `${name}: the batch was not stored (${row?.inserted ?? 0} of ${list.length}).`,
        {
          details: { collection: name },
        },
      );
    },
    async update(entity, expectedVersion) {
      const w = prepare(entity);
      parseInput(VersionInput, expectedVersion, 'expectedVersion');
      await ensureCollection(ctx, definition);
      const [row] = await run<{
        version: number | null;
        current: number | null;
        taken: Parameters<typeof takenError>[0] | null;
      }>(ctx, `update ${name}`, updateSql, [
        name,
        w.id,
        w.keys,
        w.json,
        expectedVersion,
        clock.now().toISOString(),
        tenant,
      ]);
      if (row?.version != null) return { data: w.stored, version: toNumber(row.version) };
      const current = row?.current == null ? null : toNumber(row.current);
      if (current === expectedVersion && row?.taken) throw takenError(row.taken);
      throw await explainMiss(w.id, expectedVersion, current);
    },
    async delete(id, expectedVersion) {
      parseInput(IdInput, id, 'id');
      parseInput(VersionInput, expectedVersion, 'expectedVersion');
      const [row] = await run<{ deleted: number; current: number | null }>(ctx, `delete ${name}`, deleteSql, [
        name,
        id,
        expectedVersion,
        tenant,
      ]);
      if (row && toNumber(row.deleted) === 1) return;
      throw await explainMiss(id, expectedVersion, row?.current == null ? null : toNumber(row.current));
    },
    query: (query) => stream(query),
    scan: () => scan(),
    async count(input) {
      if (input === undefined) {
        const [row] = await run<{ n: unknown }>(
          ctx,
          `count ${name}`,
          `SELECT count(*) AS n FROM ${tables.entities} WHERE tenant = $2 AND collection = $1`,
          [name, tenant],
        );
        return toNumber(row?.n ?? 0);
      }
      const query: Query = parseInput(QueryInput, input, 'query');
      indexOf(query);
      await ensureCollection(ctx, definition);
      const params: unknown[] = [];
      const where = queryWhere(query, params).join(' AND ');
      const limit = limitOf(query);
      const inner = Number.isFinite(limit)
        ? `SELECT 1 FROM ${tables.keys} k WHERE ${where} LIMIT ${limit}`
        : `SELECT 1 FROM ${tables.keys} k WHERE ${where}`;
      const [row] = await run<{ n: unknown }>(
        ctx,
        `count ${name}.${query.index}`,
        `SELECT count(*) AS n FROM (${inner}) matched`,
        params,
      );
      return toNumber(row?.n ?? 0);
    },
  };
}
