import { type FieldIssue, FrontlineError, NotFoundError, ValidationError } from '../errors/frontline-error';
import type { Locale } from '../kernel/locale';

/** What is being rendered: the template asked for, the locale it is written in, and the zone. */
export interface LetterScope {
  readonly template: string;
  readonly locale: Locale;
  readonly timeZone: string;
  /** The source name of the piece being rendered (the body or the subject of the template). */
  readonly source: string;
}

/** A position in a template source, as handlebars reports it (`line` from 1, `column` from 0). */
export interface SourcePosition {
  readonly source?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The source name of a template body; handlebars stamps it on every node's location. */
export function templateSourceName(name: string, locale: Locale): string {
  return `letter template "${name}" (${locale})`;
}

/** The source name of a template's subject. */
export function subjectSourceName(name: string, locale: Locale): string {
  return `subject of letter template "${name}" (${locale})`;
}

/** The source name of a partial, with its locale when it has one. */
export function partialSourceName(name: string, locale: Locale | undefined): string {
  return locale === undefined ? `letter partial "${name}"` : `letter partial "${name}" (${locale})`;
}

/** Reads the `loc` handlebars passes to helpers (`{ source, start: { line, column } }`), defensively. */
export function readLocation(loc: unknown): SourcePosition {
  if (typeof loc !== 'object' || loc === null) return {};
  const { source, start } = loc as { source?: unknown; start?: unknown };
  const position: { source?: string; line?: number; column?: number } = {};
  if (typeof source === 'string') position.source = source;
  if (typeof start === 'object' && start !== null) {
    const { line, column } = start as { line?: unknown; column?: unknown };
    if (typeof line === 'number') position.line = line;
    if (typeof column === 'number') position.column = column;
  }
  return position;
}

/** Where something happened, for a person (`Letter partial "letterhead" (hu), line 2, column 5 …`) and for programs. */
export function describePlace(
  scope: LetterScope,
  position: SourcePosition,
): { text: string; details: Record<string, unknown> } {
  const source = position.source ?? scope.source;
  let text = source.charAt(0).toUpperCase() + source.slice(1);
  if (position.line !== undefined) {
    text += `, line ${position.line}`;
    if (position.column !== undefined) text += `, column ${position.column + 1}`;
  }
  if (source !== scope.source) text += ` (rendering ${scope.source})`;
  const details: Record<string, unknown> = { template: scope.template, locale: scope.locale, source };
  if (position.line !== undefined) details.line = position.line;
  if (position.column !== undefined) details.column = position.column + 1;
  return { text, details };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Handlebars appends ` - line:column` to located messages; the place is reported separately. */
function stripLocation(message: string): string {
  return message.replace(/ - \d+:\d+$/, '');
}

function numberProperty(error: unknown, key: 'lineNumber' | 'column'): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}

/**
 * A template or partial source that does not parse. Handlebars reports grammar errors as
 * `Parse error on line 3: <snippet> ---^ Expecting …` and block mismatches with a location; both become
 * a {@link ValidationError} naming the source and the line.
 */
export function parseError(
  error: unknown,
  text: string,
  sourceName: string,
  details: Record<string, unknown>,
): ValidationError {
  const raw = messageOf(error);
  const lines = raw.split('\n').filter((line) => line.trim() !== '');
  const line = numberProperty(error, 'lineNumber') ?? Number(/on line (\d+)/.exec(raw)?.[1] ?? Number.NaN);
  const column = numberProperty(error, 'column');
  const isGrammar = /^(Parse|Lexical) error/.test(raw);
  // A grammar error's message is "Parse error on line N:", a snippet, a caret, then the reason.
  const sourceLine = Number.isFinite(line) ? text.split('\n')[line - 1]?.trim() : undefined;
  const near = sourceLine
    ? ` in "${sourceLine.length > 60 ? `${sourceLine.slice(0, 57)}...` : sourceLine}"`
    : '';
  const reason = stripLocation(isGrammar ? (lines.at(-1) ?? raw) : raw);
  const at = Number.isFinite(line) ? ` at line ${line}` : '';
  const what = sourceName.charAt(0).toUpperCase() + sourceName.slice(1);
  const message = `${what} does not parse${at}: ${reason}${near}`;
  const issue: FieldIssue = {
    path: ['source'],
    message: `Line ${Number.isFinite(line) ? line : '?'}: ${reason}`,
    code: 'custom',
  };
  return new ValidationError(message, [issue], {
    details: {
      ...details,
      source: sourceName,
      ...(Number.isFinite(line) ? { line } : {}),
      ...(column !== undefined ? { column: column + 1 } : {}),
    },
    cause: error,
  });
}

/** A problem the static check of a template found (an unknown helper, a dynamic partial …). */
export function shapeError(
  sourceName: string,
  position: SourcePosition,
  problem: string,
  details: Record<string, unknown>,
): ValidationError {
  const what = sourceName.charAt(0).toUpperCase() + sourceName.slice(1);
  const at =
    position.line !== undefined ? `, line ${position.line}, column ${(position.column ?? 0) + 1}` : '';
  return new ValidationError(
    `${what}${at}: ${problem}`,
    [{ path: ['source'], message: problem, code: 'custom' }],
    {
      details: {
        ...details,
        source: sourceName,
        ...(position.line !== undefined ? { line: position.line, column: (position.column ?? 0) + 1 } : {}),
      },
    },
  );
}

/**
 * Turns whatever a rendering threw into a Frontline error: Frontline errors (from the helpers) pass through,
 * a missing partial becomes a {@link NotFoundError}, anything else (a handlebars exception, a host getter
 * that threw) a {@link ValidationError} naming the template, with the original as `cause`.
 */
export function renderError(error: unknown, scope: LetterScope): FrontlineError {
  if (FrontlineError.is(error)) return error;
  const raw = messageOf(error);
  const place = describePlace(scope, {
    line: numberProperty(error, 'lineNumber'),
    column: numberProperty(error, 'column'),
  });
  const partial = /^The partial (.+) could not be found/.exec(raw);
  if (partial?.[1] !== undefined) {
    return new NotFoundError('Letter partial', partial[1], { details: place.details, cause: error });
  }
  const reason = stripLocation(raw);
  return new ValidationError(
    `${place.text}: could not be rendered: ${reason}`,
    [{ path: [], message: reason, code: 'custom' }],
    { details: place.details, cause: error },
  );
}
