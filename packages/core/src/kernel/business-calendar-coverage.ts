import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { type BusinessCalendar, checkedCalendar } from './business-calendar';
import { SUPPORTED_YEARS } from './business-calendar-definition';
import { HOLIDAY_SOURCES, type HolidaySourceId } from './business-calendar-sources';

/**
 * What a business calendar knows of one year, so a host can show it next to the deadlines it computes:
 * - `range`: whether the calendar answers for all of the year, part of it or none of it (a year out of range
 *   throws in every calculation);
 * - `publicHolidays`: `'rules'` when a holiday source computes them (`publicHolidays` in the definition),
 *   `'listed'` when the calendar knows only the days its definition lists;
 * - `swaps`: `'decree'` or `'none-needed'` when the source knows the year's decree, `'not-covered'` when it does
 *   not (the year works on the public holidays alone), `'ignored'` when the definition turned swaps off, `'listed'`
 *   without a source;
 * - `note`: the decree, or what is missing and which option supplies it.
 * @category Calendar
 */
export interface BusinessCalendarYearCoverage {
  readonly year: number;
  readonly range: 'full' | 'partial' | 'none';
  readonly publicHolidays: 'rules' | 'listed';
  readonly swaps: 'decree' | 'none-needed' | 'not-covered' | 'ignored' | 'listed';
  /** The holiday source the calendar refers to, or `null`. */
  readonly source: HolidaySourceId | null;
  readonly note: string;
}

const Year = z.int().min(SUPPORTED_YEARS.first).max(SUPPORTED_YEARS.last);

/**
 * What `calendar` knows of `year`: its range, where its public holidays come from, and whether the year's decreed
 * swaps are covered. Never throws for a year the calendar supports at all (1900–9999), in its range or not.
 * @example
 * businessCalendarCoverage(hungarianBusinessCalendar({ hours }), 2031)
 * // { year: 2031, range: 'full', publicHolidays: 'rules', swaps: 'not-covered', source: 'hu', note: 'No decree for 2031 …' }
 * @category Calendar
 */
export function businessCalendarCoverage(
  calendar: BusinessCalendar,
  year: number,
): BusinessCalendarYearCoverage {
  const c = checkedCalendar(calendar);
  const y = parseInput(Year, year, 'year');
  const first = `${y}-01-01`;
  const last = `${y}-12-31`;
  const range =
    c.range.from > last || c.range.to < first
      ? 'none'
      : c.range.from > first || c.range.to < last
        ? 'partial'
        : 'full';
  const reference = c.definition.publicHolidays;
  if (!reference) {
    return {
      year: y,
      range,
      publicHolidays: 'listed',
      swaps: 'listed',
      source: null,
      note: 'The calendar knows only the days its definition lists (`holidays`, `extraWorkingDays`).',
    };
  }
  const source = HOLIDAY_SOURCES[reference.source];
  if (y < source.firstYear) {
    return {
      year: y,
      range,
      publicHolidays: 'rules',
      swaps: 'not-covered',
      source: source.id,
      note: `${y} is out of range: ${source.before}.`,
    };
  }
  const entry = source.year(y);
  return {
    year: y,
    range,
    publicHolidays: 'rules',
    swaps: reference.swaps ? entry.swaps : 'ignored',
    source: source.id,
    note: reference.swaps ? entry.note : 'Swaps are off (`publicHolidays.swaps: false`).',
  };
}
