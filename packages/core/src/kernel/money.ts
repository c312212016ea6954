import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { describeValue, parseInput } from '../errors/validate';

/**
 * ISO 4217 minor-unit exponents that differ from 2 (the ISO list; note that ISO gives HUF 2 — fillér —
 * although CLDR and cash use 0: amounts are still kept in fillér, and letters print whole forints).
 */
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * An ISO 4217 currency code (`HUF`, `EUR`).
 * @category Money
 */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'A currency is three capital letters (ISO 4217), e.g. "HUF"')
  .refine((code) => CURRENCIES.has(code), { message: 'Not an ISO 4217 currency code' });
/** @category Money */
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/**
 * An amount of money: integer minor units (fillér, cent) and an ISO 4217 code. Never a float.
 * @example
 * const fee: Money = { amount: 199_000, currency: 'HUF' } // 1 990 Ft
 * @category Money
 */
export const Money = z.object({
  amount: z.number().int().refine(Number.isSafeInteger, 'The amount is beyond the safe integer range'),
  currency: CurrencyCode,
});
/** @category Money */
export type Money = z.infer<typeof Money>;

/**
 * How to round a result that falls between two minor units.
 * - `half-even` (banker's), `half-up` (away from zero at .5), `half-down` (towards zero at .5),
 * - `up` (away from zero), `down` (towards zero), `ceil` (towards +∞), `floor` (towards −∞).
 * @category Money
 */
export const RoundingMode = z.enum(['half-even', 'half-up', 'half-down', 'up', 'down', 'ceil', 'floor']);
/** @category Money */
export type RoundingMode = z.infer<typeof RoundingMode>;

/**
 * The number of minor-unit digits of a currency per ISO 4217 (HUF 2, EUR 2, JPY 0, KWD 3).
 * @category Money
 */
export function currencyExponent(currency: string): number {
  const code = parseInput(CurrencyCode, currency, 'currency', ['currency']);
  return EXPONENTS[code] ?? 2;
}

/**
 * Makes a validated {@link Money} from minor units.
 * @example money(150_000, 'HUF') // 1 500 Ft
 * @category Money
 */
export function money(amount: number, currency: string): Money {
  return parseInput(Money, { amount, currency }, 'money');
}

/**
 * Makes {@link Money} from a major-unit decimal (`"1500"`, `"12.34"`, `12.5`), rounding past the currency's
 * minor units with `rounding` (default `half-even`).
 * @example fromMajor('1990', 'HUF') // { amount: 199000, currency: 'HUF' }
 * @category Money
 */
export function fromMajor(
  value: string | number,
  currency: string,
  rounding: RoundingMode = 'half-even',
): Money {
  const code = parseInput(CurrencyCode, currency, 'currency', ['currency']);
  const { num, den } = toRational(value, 'value');
  const scale = 10n ** BigInt(currencyExponent(code));
  return money(
    toSafe(
      divideRounded(num * scale, den, parseInput(RoundingMode, rounding, 'rounding mode', ['rounding'])),
    ),
    code,
  );
}

/**
 * The amount in major units as an exact decimal string (`"1500.00"`), for data exchange.
 * @category Money
 */
export function toMajorString(value: Money): string {
  const m = parseInput(Money, value, 'money');
  const exp = currencyExponent(m.currency);
  const sign = m.amount < 0 ? '-' : '';
  const digits = String(Math.abs(m.amount)).padStart(exp + 1, '0');
  return exp === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

function sameCurrency(a: Money, b: Money, op: string): [Money, Money] {
  const x = parseInput(Money, a, 'money');
  const y = parseInput(Money, b, 'money');
  if (x.currency !== y.currency) {
    throw new ValidationError(`Cannot ${op} ${x.currency} and ${y.currency}.`, [
      { path: ['currency'], message: `Expected ${x.currency}, got ${y.currency}`, code: 'custom' },
    ]);
  }
  return [x, y];
}

/** @category Money */
export function addMoney(a: Money, b: Money): Money {
  const [x, y] = sameCurrency(a, b, 'add');
  return money(x.amount + y.amount, x.currency);
}

/** @category Money */
export function subtractMoney(a: Money, b: Money): Money {
  const [x, y] = sameCurrency(a, b, 'subtract');
  return money(x.amount - y.amount, x.currency);
}

/**
 * Compares two amounts of one currency: negative, zero or positive.
 * @category Money
 */
export function compareMoney(a: Money, b: Money): number {
  const [x, y] = sameCurrency(a, b, 'compare');
  return Math.sign(x.amount - y.amount);
}

/**
 * The smaller of two amounts of one currency (e.g. a proposal and its cap).
 * @category Money
 */
export function minMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) <= 0 ? parseInput(Money, a, 'money') : parseInput(Money, b, 'money');
}

/**
 * Multiplies by an exact decimal factor (`"0.27"`, `1.5`) and rounds with a named mode. The product is exact
 * before rounding (BigInt arithmetic), so `0.1 × 3` never drifts.
 * @example multiplyMoney(money(100_000, 'HUF'), '0.27', 'half-up') // 270 Ft VAT
 * @category Money
 */
export function multiplyMoney(
  value: Money,
  factor: string | number,
  rounding: RoundingMode = 'half-even',
): Money {
  const m = parseInput(Money, value, 'money');
  const { num, den } = toRational(factor, 'factor');
  const mode = parseInput(RoundingMode, rounding, 'rounding mode', ['rounding']);
  return money(toSafe(divideRounded(BigInt(m.amount) * num, den, mode)), m.currency);
}

/**
 * The share `part / whole` of an amount, rounded — proration of a monthly fee over days, for instance.
 * @example prorate(money(300_000, 'HUF'), 10, 30) // 1 000 Ft for 10 of 30 days
 * @category Money
 */
export function prorate(
  value: Money,
  part: number,
  whole: number,
  rounding: RoundingMode = 'half-even',
): Money {
  const m = parseInput(Money, value, 'money');
  const p = parseInput(z.number().int().min(0), part, 'part', ['part']);
  const w = parseInput(z.number().int().min(1), whole, 'whole', ['whole']);
  const mode = parseInput(RoundingMode, rounding, 'rounding mode', ['rounding']);
  return money(toSafe(divideRounded(BigInt(m.amount) * BigInt(p), BigInt(w), mode)), m.currency);
}

const Ratios = z
  .array(z.number().int().min(0))
  .min(1)
  .refine((a) => a.some((r) => r > 0), 'At least one ratio must be positive');

/**
 * Splits an amount by integer ratios without losing a minor unit (largest remainder; ties to the earlier
 * share). The parts always add up to the whole.
 * @example allocateMoney(money(1000, 'EUR'), [1, 1, 1]) // 3.34 + 3.33 + 3.33
 * @category Money
 */
export function allocateMoney(value: Money, ratios: readonly number[]): Money[] {
  const m = parseInput(Money, value, 'money');
  const rs = parseInput(Ratios, ratios, 'ratios', ['ratios']);
  // summed as BigInt: a float sum of large safe integers rounds, and the parts would then miss the whole
  const total = rs.reduce((s, r) => s + BigInt(r), 0n);
  const amount = BigInt(m.amount);
  const sign = amount < 0n ? -1n : 1n;
  const abs = amount * sign;
  const shares = rs.map((r) => (abs * BigInt(r)) / total);
  const remainders = rs.map((r, i) => ({ i, rem: (abs * BigInt(r)) % total }));
  let left = abs - shares.reduce((s, x) => s + x, 0n);
  remainders.sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i]! += 1n;
    left -= 1n;
  }
  return shares.map((s) => money(Number(s * sign), m.currency));
}

/**
 * Formats for a person with `Intl` (`19 990 Ft`, `€12.50`). HUF shows whole forints, as Hungarian usage
 * does, unless `fractionDigits` says otherwise.
 * @category Money
 */
export function formatMoney(
  value: Money,
  locale: string = 'hu',
  options: { fractionDigits?: number } = {},
): string {
  const m = parseInput(Money, value, 'money');
  parseInput(LocaleTag, locale, 'locale', ['locale']);
  const { fractionDigits } = parseInput(FormatOptions, options, 'format options', ['options']);
  const exp = currencyExponent(m.currency);
  const digits = fractionDigits ?? (m.currency === 'HUF' ? 0 : exp);
  const tag = locale === 'en' ? 'en-GB' : locale === 'hu' ? 'hu-HU' : locale;
  // the exact decimal string, not Number(…): a double drops the last cent of amounts near 2^53 minor units
  const major = toMajorString(m) as `${number}`;
  return new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(major);
}

const FormatOptions = z.object({ fractionDigits: z.number().int().min(0).max(6).optional() });

const LocaleTag = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { message: 'Not a BCP 47 locale tag (e.g. "hu" or "en-GB")' },
);

// ---- exact arithmetic -------------------------------------------------------------------------------

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
/** Longest decimal string read, so a huge input cannot make a huge BigInt. */
const MAX_DECIMAL_LENGTH = 60;

/**
 * Reads a decimal string or a finite number exactly. Anything else (an object, an array, a boxed number, a
 * string that is no plain decimal) is a {@link ValidationError} at `[what]`: the input is never stringified,
 * since `String(x)` throws a `TypeError` on an object whose `toString` is not a function.
 */
function toRational(value: unknown, what: string): { num: bigint; den: bigint } {
  const text =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? numberToPlain(value)
        : undefined
      : typeof value === 'string'
        ? value.trim()
        : undefined;
  const match =
    text === undefined || (typeof value === 'string' && text.length > MAX_DECIMAL_LENGTH)
      ? null
      : DECIMAL.exec(text);
  if (!match) {
    const wrongType = typeof value !== 'string' && typeof value !== 'number';
    throw new ValidationError(
      `Invalid ${what}: expected a finite decimal number (e.g. "12.34"), got ${describeValue(value)}.`,
      [
        {
          path: [what],
          message: wrongType ? 'Expected a decimal string or a number' : 'Expected a finite decimal number',
          code: wrongType ? 'invalid_type' : 'invalid_format',
        },
      ],
    );
  }
  const fraction = match[3] ?? '';
  const num = BigInt(`${match[1]}${match[2]}${fraction}`);
  return { num, den: 10n ** BigInt(fraction.length) };
}

/**
 * The decimal a finite number prints as, without an exponent: `1e-7` → `"0.0000001"`, `1e21` →
 * `"1000000000000000000000"`. Exact (digit shifting, no `toFixed`), so tiny factors still round by the mode.
 */
function numberToPlain(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const sign = m[1] ?? '';
  const whole = m[2] ?? '';
  const digits = whole + (m[3] ?? '');
  const point = whole.length + Number(m[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function divideRounded(num: bigint, den: bigint, mode: RoundingMode): bigint {
  if (den < 0n) return divideRounded(-num, -den, mode);
  const q = num / den; // truncates towards zero
  const r = num % den;
  if (r === 0n) return q;
  const negative = num < 0n;
  const away = negative ? q - 1n : q + 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'ceil':
      return negative ? q : away;
    case 'floor':
      return negative ? away : q;
    case 'half-up':
      return twice >= den ? away : q;
    case 'half-down':
      return twice > den ? away : q;
    case 'half-even':
      if (twice > den) return away;
      if (twice < den) return q;
      return q % 2n === 0n ? q : away;
  }
}

function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ValidationError('The amount is beyond the safe integer range.', [
      { path: ['amount'], message: 'Result out of range', code: 'too_big' },
    ]);
  }
  return Number(value);
}
