import { type FieldIssue, ValidationError } from '@frontline/core';

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses an unpaired UTF-16 surrogate. JSON.stringify
 * writes both as `\u` escapes (a well-formed surrogate pair stays raw), so one look at the JSON text finds
 * them: an escape preceded by an even run of backslashes.
 */
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what PostgreSQL text cannot hold
const UNSTORABLE_CHAR = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` cannot be stored in a PostgreSQL text column as it is. */
export function hasUnstorableChar(text: string): boolean {
  return UNSTORABLE_CHAR.test(text);
}

/** Replaces what PostgreSQL text cannot hold with U+FFFD (for free-text diagnostics such as error messages). */
export function sanitizeText(text: string): string {
  return text.replace(new RegExp(UNSTORABLE_CHAR.source, 'g'), '\ufffd');
}

function findUnstorable(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return hasUnstorableChar(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnstorableChar(key)) return [...path, key];
      const found = findUnstorable(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Serialises `value` to JSON for a jsonb column, or throws a `ValidationError` naming the first string that
 * PostgreSQL cannot store (a NUL character or an unpaired surrogate) — before any SQL runs, so a transaction
 * stays usable.
 */
export function toStorableJson(value: unknown, what: string): string {
  const json = JSON.stringify(value) ?? 'null';
  if (!UNSTORABLE_ESCAPE.test(json)) return json;
  const path = findUnstorable(value, []) ?? [];
  const issue: FieldIssue = {
    path,
    message: 'PostgreSQL cannot store the NUL character (U+0000) or an unpaired surrogate in text',
    code: 'custom',
  };
  throw new ValidationError(
    `Invalid ${what}: ${path.length > 0 ? path.join('.') : '(root)'}: ${issue.message}`,
    [issue],
  );
}
