import { ConflictError, FrontlineError, StorageError } from '@frontline/core';

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** SQLSTATEs after which the same work may succeed when simply tried again. */
const RETRYABLE_STATES = new Set(['40001', '40P01', '55P03', '57014', '57P01', '57P02', '57P03', '53300']);

interface DriverErrorFields {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
  table?: unknown;
  schema?: unknown;
  detail?: unknown;
}

function fieldsOf(error: unknown): DriverErrorFields {
  return typeof error === 'object' && error !== null ? (error as DriverErrorFields) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The SQLSTATE of a driver error (five characters, e.g. `23505`), if it has one. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = text(fieldsOf(error).code);
  return code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Whether a driver error means the connection is gone (it must not go back to the pool). */
export function isConnectionFailure(error: unknown, sqlState: string | undefined): boolean {
  if (sqlState !== undefined) return sqlState.startsWith('08') || /^57P0[123]$/.test(sqlState);
  const code = text(fieldsOf(error).code);
  if (code !== undefined && CONNECTION_ERRNOS.has(code)) return true;
  const message = text(fieldsOf(error).message) ?? '';
  return /connection (terminated|error)|not queryable|terminated unexpectedly|timeout exceeded when trying to connect|server closed the connection/i.test(
    message,
  );
}

/**
 * Turns whatever `pg` or PGlite threw into a Frontline error, keeping the original as `cause`:
 * - `23505` unique_violation → `ConflictError`;
 * - `40001` serialization_failure and `40P01` deadlock_detected → `ConflictError` with `details.retryable: true`;
 * - a refused, reset or terminated connection (errno codes, SQLSTATE class 08, `57P01`–`57P03`) →
 *   `StorageError` with `details.retryable: true`;
 * - anything else → `StorageError`.
 * A Frontline error passes through unchanged.
 * @param operation - what was being done, for the message (e.g. `insert tickets`).
 */
export function toFrontlineError(error: unknown, operation: string): FrontlineError {
  if (FrontlineError.is(error)) return error;
  const fields = fieldsOf(error);
  const sqlState = sqlStateOf(error);
  const message = text(fields.message) ?? String(error);
  const connection = isConnectionFailure(error, sqlState);
  // A connection lost while committing leaves the outcome unknown: repeating the work could do it twice.
  const unknownOutcome = connection && operation === 'commit';
  const retryable =
    !unknownOutcome && (connection || (sqlState !== undefined && RETRYABLE_STATES.has(sqlState)));
  const details: Record<string, unknown> = { operation, retryable };
  if (unknownOutcome) details.outcome = 'unknown';
  if (sqlState !== undefined) details.sqlState = sqlState;
  else if (text(fields.code) !== undefined) details.errno = fields.code;
  if (text(fields.constraint) !== undefined) details.constraint = fields.constraint;
  if (text(fields.table) !== undefined) details.table = fields.table;
  if (text(fields.schema) !== undefined) details.schema = fields.schema;

  if (sqlState === '23505') {
    return new ConflictError(`${operation}: a unique key is already taken (${message}).`, {
      details,
      cause: error,
    });
  }
  if (sqlState === '40001' || sqlState === '40P01') {
    const what = sqlState === '40001' ? 'a serialization failure' : 'a deadlock';
    return new ConflictError(`${operation} lost to a concurrent transaction (${what}); retry the work.`, {
      details,
      cause: error,
    });
  }
  if (unknownOutcome) {
    return new StorageError(
      `The connection to PostgreSQL was lost while committing: the work may or may not be stored; check before repeating it (${message}).`,
      { details, cause: error },
    );
  }
  if (connection) {
    return new StorageError(`Cannot reach PostgreSQL (${operation}): ${message}`, { details, cause: error });
  }
  if (sqlState === '42P01' || sqlState === '3F000') {
    return new StorageError(
      `PostgreSQL ${operation} failed: ${message}. Are the Frontline migrations applied to this schema?`,
      { details, cause: error },
    );
  }
  return new StorageError(`PostgreSQL ${operation} failed: ${message}`, { details, cause: error });
}

/**
 * True when an error says the same work may succeed if tried again: a serialization failure, a deadlock, a
 * lock or statement timeout, or a lost connection (`details.retryable` on a Frontline error).
 * @example
 * for (let attempt = 1; ; attempt++) {
 *   try { return await store.transaction(work) }
 *   catch (e) { if (attempt === 5 || !isRetryable(e)) throw e }
 * }
 */
export function isRetryable(error: unknown): boolean {
  return FrontlineError.is(error) && error.details.retryable === true;
}

/**
 * A store was opened without the driver package it runs on: `pg` for {@link createPostgresStore}, or
 * `@electric-sql/pglite` for {@link createPgliteStore}. Both are optional peer dependencies, so an application
 * installs only the one it uses. Its code is `STORAGE`; `details.missingPackage` names the package and
 * `details.install` the command that adds it.
 * @example
 * try { await createPostgresStore({ connectionString }) }
 * catch (e) { if (FrontlineError.is(e) && e.details.missingPackage === 'pg') console.error(e.message) }
 * @category Errors
 */
export class MissingDriverError extends StorageError {
  /** The package that could not be loaded (e.g. `pg`). */
  readonly missingPackage: string;

  constructor(store: string, missingPackage: string, options: { cause?: unknown } = {}) {
    const install = `npm install ${missingPackage}`;
    super(`${store} needs the '${missingPackage}' package: ${install}`, {
      details: { missingPackage, install, retryable: false },
      cause: options.cause,
    });
    this.name = 'MissingDriverError';
    this.missingPackage = missingPackage;
  }
}
