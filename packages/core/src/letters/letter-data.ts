import { z } from 'zod';

const MAX_ISSUES = 10;

/** A property whose getter threw while the data was checked. */
class ReadError {
  constructor(readonly message: string) {}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'object' && value !== null) {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
      ?.name;
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object with a custom prototype';
  }
  return typeof value;
}

/**
 * Walks the data once, iteratively (deep data cannot overflow the stack) and with a seen-set (shared or
 * circular references are checked once), and reports every value a letter cannot hold.
 */
function checkValues(root: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const seen = new Set<object>([root]);
  const stack: { value: unknown; path: (string | number)[] }[] = [];
  for (const key of Object.keys(root)) stack.push({ value: readProperty(root, key), path: [key] });
  let issues = 0;
  while (stack.length > 0 && issues < MAX_ISSUES) {
    const { value, path } = stack.pop()!;
    if (value === null || value === undefined) continue;
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') continue;
    if (value instanceof Date) continue;
    if (value instanceof ReadError) {
      ctx.addIssue({ code: 'custom', path, message: `Could not be read: ${value.message}` });
      issues++;
      continue;
    }
    if (Array.isArray(value) || isPlainObject(value)) {
      if (seen.has(value)) continue;
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      } else {
        for (const key of Object.keys(value)) {
          stack.push({ value: readProperty(value, key), path: [...path, key] });
        }
      }
      continue;
    }
    ctx.addIssue({
      code: 'custom',
      path,
      message: `A letter can hold text, numbers, booleans, dates, arrays and plain objects, not ${describeValue(value)}`,
    });
    issues++;
  }
}

/** Reads a property; a getter that throws becomes a reported issue instead of an escaping exception. */
function readProperty(object: Record<string, unknown>, key: string): unknown {
  try {
    return object[key];
  } catch (error) {
    return new ReadError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The data a letter is rendered with: a plain object whose values are text, numbers, booleans, `Date`s,
 * `null`, arrays and plain objects, nested freely (Money is a plain object). Functions, class instances,
 * symbols and bigints are refused — they would run code or print as `[object Object]` — so the template
 * sees exactly the data that was passed.
 * @category Letters
 */
export const LetterData = z
  .custom<Record<string, unknown>>(isPlainObject, { message: 'Letter data must be a plain object' })
  .superRefine(checkValues);
/** @category Letters */
export type LetterData = z.infer<typeof LetterData>;
