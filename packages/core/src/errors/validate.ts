import type { z } from 'zod';
import { type FieldIssue, ValidationError } from './frontline-error';

/** Turns zod issues into Frontline field issues (paths kept, symbols dropped). */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
    code: issue.code,
  }));
}

function describe(issues: readonly FieldIssue[], what: string): string {
  const first = issues[0];
  if (!first) return `Invalid ${what}.`;
  const where = first.path.length > 0 ? first.path.join('.') : '(root)';
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `Invalid ${what}: ${where}: ${first.message}${more}`;
}

/**
 * Parses `input` with `schema`, or throws a {@link ValidationError} whose message names the first bad field
 * and whose `issues` list every one. The one way public functions validate their input.
 * @param what - what the input is, for the message (e.g. `"ticket"`).
 * @param at - where the input sits, prefixed to every issue path: a function argument validated on its own
 *   (`['rounding']`) then reports a path that names it instead of the empty root path.
 * @category Errors
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = 'input',
  at: readonly (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error.issues).map((issue) =>
    at.length === 0 ? issue : { ...issue, path: [...at, ...issue.path] },
  );
  throw new ValidationError(describe(issues, what), issues);
}

/**
 * A short, safe description of an untrusted value for an error message: strings and numbers are quoted or
 * printed (long strings cut), anything else is named by its kind. It never calls the value's own `toString`,
 * `valueOf` or `toJSON`, so it cannot throw (an object whose `toString` is not a function makes `String(x)`
 * and template literals throw a `TypeError`).
 * @category Errors
 */
export function describeValue(value: unknown, maxLength = 40): string {
  switch (typeof value) {
    case 'string': {
      const cut = value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
      return JSON.stringify(cut);
    }
    case 'number':
    case 'boolean':
      return `${value}`;
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? 'an array' : 'an object';
  }
}
