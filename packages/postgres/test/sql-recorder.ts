import type { PGlite } from '@electric-sql/pglite';

/** A statement a client sent, with its parameters. */
export interface Recorded {
  text: string;
  params: unknown[];
}

/** One node of `EXPLAIN (FORMAT JSON)`'s plan. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

/** Wraps a client's `query` so every statement it sends is recorded (with its parameters). */
export function recordingQuery<F>(query: F, recorded: Recorded[]): F {
  const call = query as unknown as (text: unknown, params?: unknown) => unknown;
  return ((text: unknown, params?: unknown) => {
    if (typeof text === 'string') recorded.push({ text, params: Array.isArray(params) ? [...params] : [] });
    return call(text, params);
  }) as unknown as F;
}

/** The same PGlite instance, recording every statement sent through `query` — its own and its transactions'. */
export function recordingPglite(db: PGlite, recorded: Recorded[]): PGlite {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'query') return recordingQuery(target.query.bind(target), recorded);
      if (property === 'transaction') {
        return <T>(work: (tx: { query: PGlite['query'] }) => Promise<T>) =>
          target.transaction((tx) =>
            work(
              new Proxy(tx, {
                get: (t, p) =>
                  p === 'query' ? recordingQuery(t.query.bind(t), recorded) : Reflect.get(t, p),
              }),
            ),
          );
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The plan of a statement with its parameters, on PGlite. */
export async function explainOnPglite(db: PGlite, text: string, params: unknown[]): Promise<PlanNode> {
  const rows = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
    `EXPLAIN (FORMAT JSON) ${text}`,
    params,
  );
  return rows.rows[0]!['QUERY PLAN'][0]!.Plan;
}
