import { z } from 'zod';
import { FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, type ActorInput } from '../kernel/actor';
import { MAX_INSERT_MANY } from '../ports/storage';
import { type DomainEvent, recordEvents, type ServiceDeps } from '../services/domain-events';
import { authorize, type CreateCommand, isRetryable, retryPause, runCreate } from './command-runner';

/**
 * Where a bulk import stands, reported after every batch.
 * @category Kit
 */
export interface ImportProgress {
  /** Rows read from the source so far. */
  readonly read: number;
  /** Rows stored so far. */
  readonly imported: number;
  /** Rows that already stood for themselves (an idempotent repeat: nothing stored). */
  readonly existing: number;
  /** Rows refused so far (see {@link ImportResult.rejections}). */
  readonly rejected: number;
  /** Batches committed so far. */
  readonly batches: number;
  /** Milliseconds since the import started. */
  readonly elapsedMs: number;
}

/**
 * A row the import refused: its position in the source (0-based), the error's code, message and field path.
 * @category Kit
 */
export interface ImportRejection {
  readonly position: number;
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
}

/**
 * What a bulk import did.
 * @category Kit
 */
export interface ImportResult extends ImportProgress {
  /** The refused rows in source order, the first {@link ImportOptions.maxRejections} met. */
  readonly rejections: readonly ImportRejection[];
}

/**
 * How to run a bulk import.
 * @category Kit
 */
export interface ImportOptions {
  /** Who imports: needs the permission the single command needs, checked once. */
  readonly actor: ActorInput;
  /** Rows per transaction (default 500, at most 5,000). */
  readonly batchSize?: number;
  /** Called after each committed batch. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** How many rejections the result lists (default 1,000; the count covers all of them). */
  readonly maxRejections?: number;
}

/** The source of a bulk import: any iterable or async iterable of rows (arrays, generators, streams). */
export type ImportSource = Iterable<unknown> | AsyncIterable<unknown>;

const isIterable = (value: unknown): value is ImportSource =>
  typeof value === 'object' &&
  value !== null &&
  (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' ||
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

/**
 * The input of a module's `import…` service: the options of {@link runImport} and the rows.
 * @category Kit
 */
export const ImportInput = z.strictObject({
  actor: Actor,
  rows: z.custom<ImportSource>(isIterable, 'Expected the rows as an iterable or async iterable'),
  batchSize: z.int().min(1).max(MAX_INSERT_MANY).optional(),
  onProgress: z
    .custom<(progress: ImportProgress) => void>((f) => typeof f === 'function', 'Expected a function')
    .optional(),
  maxRejections: z.int().min(0).max(100_000).optional(),
});
/** @category Kit */
export type ImportInput = z.input<typeof ImportInput>;

interface Row {
  readonly position: number;
  readonly raw: Record<string, unknown>;
}

const rejectionOf = (position: number, error: unknown): ImportRejection => {
  if (!FrontlineError.is(error)) throw error;
  const issues = (error as FrontlineError & { issues?: { path?: (string | number)[] }[] }).issues;
  return { position, code: error.code, message: error.message, path: issues?.[0]?.path ?? [] };
};

/**
 * Bulk import for host sync: runs a module's creation command over a stream of rows, a batch per transaction —
 * each row validated and built exactly as the single command builds it, the batch's aggregates written with one
 * `insertMany`, its audit entries with one append and its events with one enqueue. The same rules, the same audit
 * trail and the same events as one command per row, at a fraction of the round trips.
 *
 * - A row that fails validation or a business rule is refused (listed with its position, code and path) and the
 *   rest of its batch goes on.
 * - A batch that meets a taken id or unique key is redone row by row through the single command, so only the
 *   conflicting rows are refused.
 * - A batch the database aborted before it committed (a lost connection, a serialization failure) is redone; a
 *   storage failure that persists ends the import with the error, its `details` saying how far it got (everything
 *   before that batch is committed: re-running the import with host ids refuses those rows as conflicts).
 * @category Kit
 */
export async function runImport<T extends { id: string }, S extends z.ZodType, X = unknown>(
  deps: ServiceDeps,
  command: CreateCommand<T, S, X>,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportResult> {
  const actor = authorize(options.actor, command.permission);
  const batchSize = options.batchSize ?? 500;
  const maxRejections = options.maxRejections ?? 1000;
  const started = performance.now();
  const rejections: ImportRejection[] = [];
  let read = 0;
  let imported = 0;
  let existing = 0;
  let rejected = 0;
  let batches = 0;
  const reject = (rejection: ImportRejection) => {
    rejected++;
    if (rejections.length < maxRejections) rejections.push(rejection);
  };
  const progress = (): ImportProgress => ({
    read,
    imported,
    existing,
    rejected,
    batches,
    elapsedMs: Math.round(performance.now() - started),
  });

  /** Validates a batch's rows outside the transaction: what fails here never reaches storage. */
  const validate = async (rows: readonly Row[]) => {
    const valid: { row: Row; input: z.output<S>; prepared: unknown }[] = [];
    for (const row of rows) {
      try {
        const input = parseInput(command.input, { ...row.raw, actor: options.actor }, command.name);
        const prepared = await command.prepare?.(input, actor);
        valid.push({ row, input, prepared });
      } catch (error) {
        reject(rejectionOf(row.position, error));
      }
    }
    return valid;
  };

  const storeBatch = async (valid: Awaited<ReturnType<typeof validate>>) =>
    deps.store.transaction(async (tx) => {
      const at = deps.clock.now();
      const entities: T[] = [];
      const events: DomainEvent[] = [];
      let repeats = 0;
      const refused: ImportRejection[] = [];
      for (const { row, input, prepared } of valid) {
        try {
          const outcome = await command.create({ input, actor, at, tx, prepared });
          if ('existing' in outcome) {
            repeats++;
            continue;
          }
          entities.push(outcome.entity);
          events.push(...outcome.events);
        } catch (error) {
          refused.push(rejectionOf(row.position, error));
        }
      }
      await tx.repository(command.collection).insertMany(entities);
      await recordEvents(tx, deps.clock, actor.id, events);
      return { stored: entities.length, repeats, refused };
    });

  /** The slow path for a batch with a conflict: each row through the single command. */
  const rowByRow = async (valid: Awaited<ReturnType<typeof validate>>) => {
    for (const { row } of valid) {
      try {
        const result = await runCreate(deps, command, { ...row.raw, actor: options.actor });
        if (result.events.length === 0) existing++;
        else imported++;
      } catch (error) {
        reject(rejectionOf(row.position, error));
      }
    }
  };

  const flush = async (rows: Row[]) => {
    if (rows.length === 0) return;
    const valid = await validate(rows);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await storeBatch(valid);
        imported += result.stored;
        existing += result.repeats;
        for (const r of result.refused) reject(r);
        break;
      } catch (error) {
        if (FrontlineError.is(error, 'CONFLICT') && error.details.retryable !== true) {
          await rowByRow(valid);
          break;
        }
        if (isRetryable(error) && attempt < 3) {
          await retryPause(attempt);
          continue;
        }
        if (FrontlineError.is(error)) {
          Object.assign(error.details, { import: progress() });
        }
        throw error;
      }
    }
    batches++;
    options.onProgress?.(progress());
  };

  let batch: Row[] = [];
  for await (const raw of source as AsyncIterable<unknown>) {
    const position = read++;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      reject({ position, code: 'VALIDATION', message: 'A row must be an object.', path: [] });
      continue;
    }
    batch.push({ position, raw: raw as Record<string, unknown> });
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);
  return { ...progress(), rejections: rejections.sort((a, b) => a.position - b.position) };
}
