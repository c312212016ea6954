import {
  type Clock,
  type CollectionDefinition,
  ConflictError,
  type FrontlineError,
  type IdGenerator,
  StorageError,
} from '@frontline/core';
import type { SqlDriver, SqlRow, SqlSession } from './driver';
import { toFrontlineError } from './errors';

/** Schema-qualified, quoted table names of one store. */
export interface Tables {
  readonly schema: string;
  readonly entities: string;
  readonly keys: string;
  readonly uniqueKeys: string;
  readonly indexes: string;
  readonly outbox: string;
  readonly audit: string;
  readonly auditHead: string;
  /** The knowledge base's full-text index (migration 3). */
  readonly knowledgeSearch: string;
  /** Its text search configuration and folding function, schema-qualified. */
  readonly knowledgeSearchConfig: string;
  readonly knowledgeSearchFold: string;
}

/** The quoted table names in `quotedSchema`. */
export function tablesIn(schema: string, quotedSchema: string): Tables {
  const t = (name: string) => `${quotedSchema}.${name}`;
  return {
    schema,
    entities: t('entities'),
    keys: t('entity_keys'),
    uniqueKeys: t('entity_unique_keys'),
    indexes: t('collection_indexes'),
    outbox: t('outbox'),
    audit: t('audit_log'),
    auditHead: t('audit_head'),
    knowledgeSearch: t('knowledge_search'),
    knowledgeSearchConfig: t('knowledge_search'),
    knowledgeSearchFold: t('knowledge_search_fold'),
  };
}

/** What a running transaction remembers. */
export interface TxState {
  /** The first statement that failed: PostgreSQL has aborted the transaction, it can only roll back. */
  failed: FrontlineError | undefined;
  /** Collection signatures whose indexes this transaction checked or built (cached once it commits). */
  readonly ensured: Set<string>;
}

/** State shared by a store and every transaction opened from it. */
export interface Shared {
  readonly driver: SqlDriver;
  readonly tables: Tables;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The largest entity, outbox payload or audit payload taken, in bytes of UTF-8 JSON. */
  readonly maxPayloadBytes: number;
  /** Collection signatures whose indexes are known to be built. */
  readonly ensured: Set<string>;
  /** The merged definitions a composition root registered, by collection name. */
  readonly registered: Map<string, CollectionDefinition<{ id: string }>>;
  closed: boolean;
}

/** Where an operation runs: the store (autocommit) or one transaction, always for one tenant. */
export interface Ctx {
  readonly shared: Shared;
  /** The tenant every statement filters by (and the connection's `frontline.tenant` setting). */
  readonly tenant: string;
  readonly session: SqlSession;
  readonly tx: TxState | null;
}

function abortedError(failed: FrontlineError, message: string): FrontlineError {
  const options = { details: { ...failed.details, abortedBy: failed.message }, cause: failed };
  return failed.code === 'CONFLICT'
    ? new ConflictError(message, options)
    : new StorageError(message, options);
}

/**
 * Runs one statement, turning driver errors into Frontline errors. Inside a transaction, a failed statement
 * has aborted it in PostgreSQL: later statements are refused at once and the transaction cannot commit.
 */
export async function run<R extends SqlRow = SqlRow>(
  ctx: Ctx,
  operation: string,
  text: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  if (ctx.shared.closed) throw new StorageError('The PostgreSQL store is closed.');
  if (ctx.tx?.failed) {
    throw abortedError(
      ctx.tx.failed,
      `${operation}: the transaction was aborted by an earlier failed statement (${ctx.tx.failed.message})`,
    );
  }
  try {
    return await ctx.session.query<R>(text, params);
  } catch (error) {
    const mapped = toFrontlineError(error, operation);
    if (ctx.tx) ctx.tx.failed ??= mapped;
    throw mapped;
  }
}

/** Runs `work` in a new transaction of the store; its `Ctx` carries the transaction's session. */
export async function runTransaction<R>(
  shared: Shared,
  tenant: string,
  work: (ctx: Ctx) => Promise<R>,
): Promise<R> {
  if (shared.closed) throw new StorageError('The PostgreSQL store is closed.');
  const tx: TxState = { failed: undefined, ensured: new Set() };
  const result = await shared.driver.transaction(async (session) => {
    const value = await work({ shared, tenant, session, tx });
    if (tx.failed) {
      // The work caught a statement's error and carried on; PostgreSQL would turn COMMIT into ROLLBACK.
      throw abortedError(tx.failed, `The transaction was rolled back: ${tx.failed.message}`);
    }
    return value;
  }, tenant);
  for (const signature of tx.ensured) shared.ensured.add(signature);
  return result;
}

/** Runs `work` atomically: inside the caller's transaction if there is one, else in a new one. */
export function atomically<R>(ctx: Ctx, work: (ctx: Ctx) => Promise<R>): Promise<R> {
  return ctx.tx ? work(ctx) : runTransaction(ctx.shared, ctx.tenant, work);
}

/** A count column as a number (`pg` returns bigint as a string, PGlite as a number). */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A timestamptz column as a Date. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/**
 * Where a store of this package keeps its operation context: a symbol from the global registry, so the engines of
 * this package find it on a store even when the store came from the other module format (ESM / CJS) of the package.
 */
const CONTEXT = Symbol.for('@frontline/postgres.context');

/** Marks `store` as running on `ctx` (a non-enumerable property, invisible to spreads and JSON). */
export function attachContext<S extends object>(store: S, ctx: Ctx): S {
  Object.defineProperty(store, CONTEXT, { value: ctx, enumerable: false });
  return store;
}

/** The context of a store this package made, or `undefined` for any other store. */
export function contextOf(store: unknown): Ctx | undefined {
  if (typeof store !== 'object' || store === null) return undefined;
  return (store as { [CONTEXT]?: Ctx })[CONTEXT];
}
