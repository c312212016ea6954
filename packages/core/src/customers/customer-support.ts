import {
  FrontlineError,
  InvalidTransitionError,
  StorageError,
  ValidationError,
} from '../errors/frontline-error';
import { toFieldIssues } from '../errors/validate';
import type { ServiceDeps } from '../services/domain-events';
import { Customer } from './customer.schema';
import type { PersonalDataSource } from './personal-data-source';

/** What the customer use cases share: the ports and the registered personal-data sources. */
export interface CustomerContext {
  readonly deps: ServiceDeps;
  readonly sources: readonly PersonalDataSource[];
}

/** A ValidationError about one field, with the same message shape `parseInput` gives. */
export function invalid(what: string, path: (string | number)[], message: string): ValidationError {
  const where = path.length > 0 ? path.join('.') : '(root)';
  return new ValidationError(`Invalid ${what}: ${where}: ${message}`, [{ path, message, code: 'custom' }]);
}

/**
 * Validates a customer built from a command's input; issue paths are reported from the input's root
 * (`prefix`), so `changes.preferredChannel` points where the caller wrote it.
 */
export function checkCustomer(candidate: unknown, prefix: (string | number)[], what: string): Customer {
  const result = Customer.safeParse(candidate);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error.issues).map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new ValidationError(
    `Invalid ${what}: ${first.path.join('.') || '(root)'}: ${first.message}${more}`,
    issues,
  );
}

/** Refuses a command on an erased stub. */
export function requireActive(customer: Customer, command: string): void {
  if (customer.status === 'erased') throw new InvalidTransitionError('customer', 'erased', command);
}

/** Runs a personal-data source's method; a non-Frontline failure becomes a StorageError naming the source. */
export async function callSource<R>(
  source: PersonalDataSource,
  action: string,
  run: () => Promise<R>,
): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (FrontlineError.is(error)) throw error;
    throw new StorageError(`Personal-data source "${source.name}" failed to ${action}.`, {
      cause: error,
      details: { source: source.name, action },
    });
  }
}

/** JSON-safe copy of a value (Dates become ISO strings); a ValidationError when it cannot be one. */
export function toJson(value: unknown, what: string): unknown {
  try {
    const text = JSON.stringify(value ?? null);
    return text === undefined ? null : JSON.parse(text);
  } catch (cause) {
    throw new ValidationError(
      `Invalid ${what}: not JSON-serialisable.`,
      [{ path: [], message: 'Not JSON-serialisable', code: 'custom' }],
      { cause },
    );
  }
}
