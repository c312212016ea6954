import { TZDate } from '@date-fns/tz/date';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { hu } from 'date-fns/locale/hu';
import type { Locale } from '../kernel/locale';

/**
 * The date and time patterns (date-fns tokens) the letter helpers print with, per locale and style.
 *
 * - `hu` follows the Hungarian spelling rules (AkH.): `long` is the official written form
 *   `2026. március 2.`, `short` the compact numeric form `2026.03.02.`, times `8:30` (24-hour, no leading zero).
 * - `en` is British English, the usual choice for letters from a European office: `2 March 2026`,
 *   `02/03/2026`, `08:30`. (date-fns `enGB` and Intl `en-GB`, so a raw `P` pattern agrees with `short`.)
 *
 * `dateTime` joins the date and the time with `separator`.
 * @category Letters
 */
export const LETTER_DATE_PATTERNS = {
  hu: {
    date: { short: 'yyyy.MM.dd.', long: 'yyyy. MMMM d.', full: 'yyyy. MMMM d., EEEE' },
    time: 'H:mm',
    separator: ' ',
  },
  en: {
    date: { short: 'dd/MM/yyyy', long: 'd MMMM yyyy', full: 'EEEE, d MMMM yyyy' },
    time: 'HH:mm',
    separator: ', ',
  },
} as const satisfies Record<Locale, { date: Record<DateStyle, string>; time: string; separator: string }>;

/**
 * The preset a date helper prints with: `short` (`2026.03.02.`), `long` (`2026. március 2.`, the default) or
 * `full` (`2026. március 2., hétfő`).
 * @category Letters
 */
export type DateStyle = 'short' | 'long' | 'full';

/** The Intl locale a letter locale formats numbers and plural rules with. */
export function intlLocale(locale: Locale): string {
  return locale === 'hu' ? 'hu-HU' : 'en-GB';
}

const DATE_FNS_LOCALES = { hu, en: enGB } as const;

/**
 * A value the date helpers accept, already validated: a calendar date `YYYY-MM-DD` (printed as that day,
 * whatever the zone) or an instant (printed as the wall-clock time in the zone).
 */
export type LetterDateValue = { kind: 'calendar'; date: string } | { kind: 'instant'; at: Date };

/**
 * Formats a date value with a date-fns pattern in a locale and a zone. A calendar date is built as midnight
 * of that day in the zone, so it never moves to the day before; an instant becomes a `TZDate` so the
 * pattern reads the zone's wall clock.
 */
export function formatLetterDate(
  value: LetterDateValue,
  pattern: string,
  locale: Locale,
  timeZone: string,
): string {
  const zoned =
    value.kind === 'instant' ? new TZDate(value.at.getTime(), timeZone) : calendarDay(value.date, timeZone);
  return format(zoned, pattern, { locale: DATE_FNS_LOCALES[locale] });
}

function calendarDay(date: string, timeZone: string): TZDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), timeZone);
}

/**
 * Letters outside single quotes in a date-fns pattern. `Y` (week-numbering year) and `D` (day of the year)
 * print the wrong year or day for the usual intent, so patterns that use them are refused.
 */
export function unquotedPatternLetters(pattern: string): string {
  return pattern.replace(/'(?:[^']|'')*(?:'|$)/g, '').replace(/[^A-Za-z]/g, '');
}
