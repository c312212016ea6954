import { z } from 'zod';
import { type FieldIssue, ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { CalendarDate, Instant } from '../kernel/instant';
import { formatMoney, Money } from '../kernel/money';
import { describePlace, type LetterScope, readLocation } from './letter-errors';
import {
  type DateStyle,
  formatLetterDate,
  intlLocale,
  LETTER_DATE_PATTERNS,
  type LetterDateValue,
  unquotedPatternLetters,
} from './letter-formats';

/**
 * The helpers every letter environment offers. `if`, `unless`, `each` and `with` are there too, as blocks.
 * There is deliberately no `default` helper: optional data is made explicit with `{{#if}}`.
 * @category Letters
 */
export const LETTER_HELPERS = [
  'date',
  'dateTime',
  'time',
  'money',
  'number',
  'percent',
  'plural',
  'upper',
  'lower',
] as const;
/**
 * The name of a letter helper.
 * @category Letters
 */
export type LetterHelperName = (typeof LETTER_HELPERS)[number];

/** The internal helper every printed path is routed through (`{{a.b}}` → `{{$value a.b …}}`): present and printable. */
export const VALUE_HELPER = '$value';
/** The internal helper every path passed to a helper or a partial is routed through: present. */
export const ARGUMENT_HELPER = '$arg';

type HelperFunction = (...args: unknown[]) => unknown;

/** Intl formatters are costly to build; an environment keeps its own (no module-level state). */
export interface IntlCache {
  numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat;
  pluralRules(locale: string): Intl.PluralRules;
}

/** Makes the per-environment Intl cache. */
export function createIntlCache(): IntlCache {
  const numbers = new Map<string, Intl.NumberFormat>();
  const plurals = new Map<string, Intl.PluralRules>();
  return {
    numberFormat(locale, options) {
      const key = `${locale}|${JSON.stringify(options)}`;
      let formatter = numbers.get(key);
      if (!formatter) {
        formatter = new Intl.NumberFormat(locale, options);
        numbers.set(key, formatter);
      }
      return formatter;
    },
    pluralRules(locale) {
      let rules = plurals.get(locale);
      if (!rules) {
        rules = new Intl.PluralRules(locale);
        plurals.set(locale, rules);
      }
      return rules;
    },
  };
}

// ---- argument schemas --------------------------------------------------------------------------------

const DateValue = z.union([
  CalendarDate.transform((date): LetterDateValue => ({ kind: 'calendar', date })),
  Instant.transform((at): LetterDateValue => ({ kind: 'instant', at })),
]);
const InstantValue = Instant.transform((at): LetterDateValue => ({ kind: 'instant', at }));
const DateStyleSchema = z.enum(['short', 'long', 'full']);
const Pattern = z
  .string()
  .min(1)
  .max(80)
  .refine((pattern) => !/[YD]/.test(unquotedPatternLetters(pattern)), {
    message:
      'Use yyyy for the year and d for the day: Y and D are the week-numbering year and the day of the year',
  });
const PatternOption = z.strictObject({ pattern: Pattern.optional() });
const Decimals = z.number().int().min(0).max(10).optional();
const DecimalsOption = z.strictObject({ decimals: Decimals });
const DateArgs = z.tuple([DateValue, DateStyleSchema.optional()]);
const InstantArgs = z.tuple([InstantValue, DateStyleSchema.optional()]);
const TimeArgs = z.tuple([InstantValue]);
const MoneyArgs = z.tuple([Money]);
const MoneyOptions = z.strictObject({ decimals: z.number().int().min(0).max(6).optional() });
const NumberArgs = z.tuple([z.number()]);
const TextArgs = z.tuple([z.string()]);
const NoOptions = z.strictObject({});
const PluralForms = z.strictObject({
  zero: z.string().optional(),
  one: z.string().optional(),
  two: z.string().optional(),
  few: z.string().optional(),
  many: z.string().optional(),
  other: z.string(),
});

interface HelperSpec<A extends z.ZodType, H extends z.ZodType> {
  /** What the helper takes, for the error message. */
  readonly expects: string;
  readonly args: A;
  readonly hash: H;
  readonly format: (args: z.output<A>, hash: z.output<H>) => string;
}

function issuesOf(error: unknown): readonly FieldIssue[] {
  return error instanceof ValidationError ? error.issues : [];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The options object handlebars passes last to every helper: its `hash` and its `loc`. */
function helperCall(raw: readonly unknown[]): { args: unknown[]; hash: unknown; loc: unknown } {
  const options = raw.at(-1);
  const { hash, loc } =
    typeof options === 'object' && options !== null ? (options as { hash?: unknown; loc?: unknown }) : {};
  return { args: raw.slice(0, -1), hash: hash ?? {}, loc };
}

/**
 * Makes a helper whose arguments and options are validated with zod; whatever goes wrong (bad input, a
 * date-fns pattern it cannot read) becomes a {@link ValidationError} naming the helper, the template and
 * the line.
 */
function defineHelper<A extends z.ZodType, H extends z.ZodType>(
  name: string,
  scope: LetterScope,
  spec: HelperSpec<A, H>,
): HelperFunction {
  return (...raw: unknown[]) => {
    const call = helperCall(raw);
    let part: 'argument' | 'option' = 'argument';
    try {
      const args = parseInput(spec.args, call.args, `arguments of {{${name}}}`);
      part = 'option';
      const hash = parseInput(spec.hash, call.hash, `options of {{${name}}}`);
      return spec.format(args, hash);
    } catch (error) {
      const place = describePlace(scope, readLocation(call.loc));
      const issues = issuesOf(error);
      const first = issues[0];
      const problem = first ? `${issueLabel(part, first.path)}${first.message}` : messageOf(error);
      throw new ValidationError(
        `${place.text}: {{${name}}} takes ${spec.expects}; ${problem}.`,
        issues.length > 0 ? issues : [{ path: [], message: problem, code: 'custom' }],
        { details: { ...place.details, helper: name }, cause: error },
      );
    }
  };
}

/** `argument 1: `, `argument 1 amount: `, `option pattern: ` — where in the helper call a problem is. */
function issueLabel(part: 'argument' | 'option', path: readonly (string | number)[]): string {
  const [head, ...rest] = path;
  if (head === undefined) return part === 'argument' ? 'arguments: ' : 'options: ';
  const where = part === 'argument' && typeof head === 'number' ? `argument ${head + 1}` : `${part} ${head}`;
  return `${[where, ...rest].join(' ')}: `;
}

function styleOrPattern(style: DateStyle | undefined, pattern: string | undefined): void {
  if (style !== undefined && pattern !== undefined) {
    throw new ValidationError('Give a style or a pattern, not both.', [
      { path: ['pattern'], message: 'Give a style or a pattern, not both', code: 'custom' },
    ]);
  }
}

// ---- printing paths ----------------------------------------------------------------------------------

function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function parsePath(json: unknown): (string | number)[] {
  if (typeof json !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Reads the arguments the template rewrite passes to `$value`/`$arg`: the value, its expression, its path
 * as JSON, then (expression, value) for each shorter prefix of the path, so a message can say which link of
 * `customer.address.city` is missing.
 */
function pathCall(raw: readonly unknown[]): {
  value: unknown;
  label: string;
  path: (string | number)[];
  culprit: { label: string; value: null | undefined } | undefined;
  loc: unknown;
} {
  const call = helperCall(raw);
  const [value, label, pathJson, ...prefixes] = call.args;
  const expression = typeof label === 'string' ? label : 'value';
  let culprit: { label: string; value: null | undefined } | undefined;
  for (let i = 0; i + 1 < prefixes.length; i += 2) {
    const prefixValue = prefixes[i + 1];
    if (isMissing(prefixValue)) {
      culprit = { label: String(prefixes[i]), value: prefixValue };
      break;
    }
  }
  if (!culprit && isMissing(value)) culprit = { label: expression, value };
  return { value, label: expression, path: parsePath(pathJson), culprit, loc: call.loc };
}

function missingValue(scope: LetterScope, call: ReturnType<typeof pathCall>): ValidationError {
  const place = describePlace(scope, readLocation(call.loc));
  const culprit = call.culprit ?? { label: call.label, value: undefined };
  const state = culprit.value === null ? 'is null' : 'is missing';
  const what =
    culprit.label === call.label
      ? `"${call.label}" ${state}`
      : `"${call.label}" is missing: "${culprit.label}" ${state}`;
  return new ValidationError(
    `${place.text}: ${what}. A letter never prints a blank: pass the value, or make it optional with {{#if}}.`,
    [{ path: call.path, message: `${culprit.label} ${state}`, code: 'invalid_type' }],
    { details: { ...place.details, expression: call.label, missing: culprit.label } },
  );
}

function unprintable(value: unknown): string | undefined {
  if (typeof value === 'string') return undefined;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return undefined;
    return Number.isFinite(value)
      ? 'is a fractional or very large number: print it with {{number}}, {{percent}} or {{money}}'
      : 'is not a finite number';
  }
  if (typeof value === 'boolean') return 'is a boolean: test it with {{#if}} instead of printing it';
  if (value instanceof Date) return 'is a date: print it with {{date}}, {{dateTime}} or {{time}}';
  if (Array.isArray(value)) return 'is a list: print its items with {{#each}}';
  if (typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value) {
    return 'is an amount of money: print it with {{money}}';
  }
  return `is ${typeof value === 'object' ? 'an object: print one of its fields' : `a ${typeof value}`}`;
}

function valueHelper(scope: LetterScope): HelperFunction {
  return (...raw: unknown[]) => {
    const call = pathCall(raw);
    if (call.culprit) throw missingValue(scope, call);
    const problem = unprintable(call.value);
    if (problem === undefined) return String(call.value);
    const place = describePlace(scope, readLocation(call.loc));
    throw new ValidationError(
      `${place.text}: "${call.label}" ${problem}.`,
      [{ path: call.path, message: `Cannot print: ${problem}`, code: 'invalid_type' }],
      { details: { ...place.details, expression: call.label } },
    );
  };
}

function argumentHelper(scope: LetterScope): HelperFunction {
  return (...raw: unknown[]) => {
    const call = pathCall(raw);
    if (call.culprit) throw missingValue(scope, call);
    return call.value;
  };
}

// ---- the helpers -------------------------------------------------------------------------------------

/**
 * The helpers of one rendering, bound to its locale, zone and template (for error messages). Built per
 * rendering, so nothing is shared between renderings or environments.
 */
export function createLetterHelpers(scope: LetterScope, intl: IntlCache): Record<string, HelperFunction> {
  const { locale, timeZone } = scope;
  const tag = intlLocale(locale);
  const patterns = LETTER_DATE_PATTERNS[locale];
  const decimalsOptions = (decimals: number | undefined): Intl.NumberFormatOptions =>
    decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };

  const helpers: Record<LetterHelperName, HelperFunction> = {
    date: defineHelper('date', scope, {
      expects: 'a calendar date (YYYY-MM-DD) or an instant, then an optional style (short, long, full)',
      args: DateArgs,
      hash: PatternOption,
      format: ([value, style], { pattern }) => {
        styleOrPattern(style, pattern);
        return formatLetterDate(value, pattern ?? patterns.date[style ?? 'long'], locale, timeZone);
      },
    }),
    dateTime: defineHelper('dateTime', scope, {
      expects: 'an instant (a Date or an ISO date-time with offset), then an optional style',
      args: InstantArgs,
      hash: PatternOption,
      format: ([value, style], { pattern }) => {
        styleOrPattern(style, pattern);
        const preset = `${patterns.date[style ?? 'long']}'${patterns.separator}'${patterns.time}`;
        return formatLetterDate(value, pattern ?? preset, locale, timeZone);
      },
    }),
    time: defineHelper('time', scope, {
      expects: 'an instant (a Date or an ISO date-time with offset)',
      args: TimeArgs,
      hash: PatternOption,
      format: ([value], { pattern }) => formatLetterDate(value, pattern ?? patterns.time, locale, timeZone),
    }),
    money: defineHelper('money', scope, {
      expects: 'an amount of money ({ amount: integer minor units, currency: "HUF" })',
      args: MoneyArgs,
      hash: MoneyOptions,
      format: ([value], { decimals }) =>
        formatMoney(value, locale, decimals === undefined ? {} : { fractionDigits: decimals }),
    }),
    number: defineHelper('number', scope, {
      expects: 'a finite number',
      args: NumberArgs,
      hash: DecimalsOption,
      format: ([value], { decimals }) => intl.numberFormat(tag, decimalsOptions(decimals)).format(value),
    }),
    percent: defineHelper('percent', scope, {
      expects: 'a ratio (0.25 prints as 25%)',
      args: NumberArgs,
      hash: DecimalsOption,
      format: ([value], { decimals }) =>
        intl.numberFormat(tag, { style: 'percent', ...decimalsOptions(decimals) }).format(value),
    }),
    plural: defineHelper('plural', scope, {
      expects: 'a count and the forms by plural category (one="day" other="days"; other is required)',
      args: NumberArgs,
      hash: PluralForms,
      format: ([count], forms) => forms[intl.pluralRules(tag).select(count)] ?? forms.other,
    }),
    upper: defineHelper('upper', scope, {
      expects: 'text',
      args: TextArgs,
      hash: NoOptions,
      format: ([value]) => value.toLocaleUpperCase(tag),
    }),
    lower: defineHelper('lower', scope, {
      expects: 'text',
      args: TextArgs,
      hash: NoOptions,
      format: ([value]) => value.toLocaleLowerCase(tag),
    }),
  };
  return { ...helpers, [VALUE_HELPER]: valueHelper(scope), [ARGUMENT_HELPER]: argumentHelper(scope) };
}
