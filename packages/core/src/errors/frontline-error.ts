import type { ErrorCode } from './codes';

const BRAND = Symbol.for('@frontline/error');

/** One problem with one field of an input. `path` is the zod issue path (e.g. `['contacts', 0, 'phone']`). */
export interface FieldIssue {
  /** Where the bad value sits in the input, from its root. */
  readonly path: readonly (string | number)[];
  /** What is wrong with it, for a person. */
  readonly message: string;
  /** The zod issue code (e.g. `invalid_type`, `too_small`, `custom`). */
  readonly code: string;
}

/** Options shared by every Frontline error. */
export interface FrontlineErrorOptions {
  /** Structured facts for programs (ids, versions, issue paths). */
  details?: Record<string, unknown>;
  /** The lower-level error this one wraps. */
  cause?: unknown;
}

/**
 * The base of every error Frontline throws across its public API.
 *
 * Match on {@link FrontlineError.code} or use {@link FrontlineError.is}: `instanceof` fails when an ESM import
 * and a CJS require load two copies of the package; the brand check does not.
 *
 * @example
 * try { await desk.openTicket(input) }
 * catch (e) { if (FrontlineError.is(e, 'VALIDATION')) showFieldErrors(e.details.issues) }
 * @category Errors
 */
export class FrontlineError extends Error {
  /** A stable machine-readable code. */
  readonly code: ErrorCode;
  /** Structured facts about the failure. */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: FrontlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FrontlineError';
    this.code = code;
    this.details = options.details ?? {};
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** True when `value` is a Frontline error (from any copy of the package), optionally with the given code. */
  static is(value: unknown, code?: ErrorCode): value is FrontlineError {
    if (typeof value !== 'object' || value === null) return false;
    if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
    return code === undefined || (value as FrontlineError).code === code;
  }

  /** A plain JSON form, safe to log or send to a client. */
  toJSON(): { name: string; code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Input failed validation. `issues` lists every bad field with its path; nothing was stored.
 * @category Errors
 */
export class ValidationError extends FrontlineError {
  /** Every bad field, with its path from the input's root. */
  readonly issues: readonly FieldIssue[];

  constructor(message: string, issues: readonly FieldIssue[], options: FrontlineErrorOptions = {}) {
    super('VALIDATION', message, { ...options, details: { ...options.details, issues } });
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/**
 * The entity asked for does not exist.
 * @category Errors
 */
export class NotFoundError extends FrontlineError {
  constructor(entity: string, id: string, options: FrontlineErrorOptions = {}) {
    super('NOT_FOUND', `${entity} "${id}" was not found.`, {
      ...options,
      details: { entity, id, ...options.details },
    });
    this.name = 'NotFoundError';
  }
}

/**
 * A concurrent change won or a unique key is taken. Reload and retry, or tell the user.
 * @category Errors
 */
export class ConflictError extends FrontlineError {
  constructor(message: string, options: FrontlineErrorOptions = {}) {
    super('CONFLICT', message, options);
    this.name = 'ConflictError';
  }
}

/**
 * The actor lacks the permission or the authority the operation needs.
 * @category Errors
 */
export class ForbiddenError extends FrontlineError {
  constructor(message: string, options: FrontlineErrorOptions = {}) {
    super('FORBIDDEN', message, options);
    this.name = 'ForbiddenError';
  }
}

/**
 * A state machine does not allow `command` in `state`.
 * @category Errors
 */
export class InvalidTransitionError extends FrontlineError {
  constructor(machine: string, state: string, command: string, options: FrontlineErrorOptions = {}) {
    super('INVALID_TRANSITION', `${machine}: "${command}" is not allowed in state "${state}".`, {
      ...options,
      details: { machine, state, command, ...options.details },
    });
    this.name = 'InvalidTransitionError';
  }
}

/**
 * Storage or other infrastructure failed; the original error is the `cause`.
 * @category Errors
 */
export class StorageError extends FrontlineError {
  constructor(message: string, options: FrontlineErrorOptions = {}) {
    super('STORAGE', message, options);
    this.name = 'StorageError';
  }
}

/**
 * An integrity check (such as the audit chain) found tampering.
 * @category Errors
 */
export class IntegrityError extends FrontlineError {
  constructor(message: string, options: FrontlineErrorOptions = {}) {
    super('INTEGRITY', message, options);
    this.name = 'IntegrityError';
  }
}

/**
 * An optional dependency or an outside program the call needs is missing or failed to start (e.g. the
 * `playwright-core` package or the Chromium binary behind `@frontline/core/charts/browser`). `dependency` names
 * it; the message says how to install it; `cause` holds the original error.
 * @category Errors
 */
export class UnavailableError extends FrontlineError {
  /** What is missing: a package name or a program. */
  readonly dependency: string;

  constructor(dependency: string, message: string, options: FrontlineErrorOptions = {}) {
    super('UNAVAILABLE', message, { ...options, details: { dependency, ...options.details } });
    this.name = 'UnavailableError';
    this.dependency = dependency;
  }
}
