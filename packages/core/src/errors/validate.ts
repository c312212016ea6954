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
 * @category Errors
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error.issues);
  throw new ValidationError(describe(issues, what), issues);
}
