/**
 * The holiday sources a business calendar definition can refer to by id (`publicHolidays: { source: 'hu' }`), and
 * their compilation into day rules (internal, apart from the ids).
 *
 * A definition that refers to a source stores no holiday dates: the dates are computed when the calendar is built,
 * from the source shipped with the package in use. So a saved calendar (an SLA policy's) covers what the installed
 * package covers, and an upgrade that adds a year's decree extends it without touching stored data.
 * @module
 */
import {
  HUNGARIAN_CALENDAR_RANGE,
  HUNGARIAN_SWAP_YEARS,
  hungarianCalendarCoverage,
  hungarianHolidays,
  hungarianWorkingSaturdays,
} from '../data/hungarian-holidays';
import { DAY_MS, dayOfDate, weekdayOfDay } from './business-calendar-zone';
import type { CalendarDate } from './instant';

/**
 * The ids of the holiday sources shipped with the package: `'hu'` — Hungarian public holidays by Mt. 102. § and
 * the yearly decrees' swapped days.
 * @category Calendar
 */
export const HOLIDAY_SOURCE_IDS = ['hu'] as const;
/** @category Calendar */
export type HolidaySourceId = (typeof HOLIDAY_SOURCE_IDS)[number];

/** One year of a holiday source. */
export interface HolidaySourceYear {
  /** Public holidays and, when the swaps are known, the decreed rest days. */
  readonly daysOff: readonly { readonly date: CalendarDate; readonly swap: boolean }[];
  /** Decreed working days and the weekday each pays for. */
  readonly workingDays: readonly { readonly date: CalendarDate; readonly replaces: CalendarDate }[];
  /** Whether the year's swaps are known. */
  readonly swaps: 'decree' | 'none-needed' | 'not-covered';
  /** Where the swaps come from, or how to supply them. */
  readonly note: string;
}

/** A holiday source: rules for every year from `firstYear`, swaps for `swapYears`. */
export interface HolidaySource {
  readonly id: HolidaySourceId;
  readonly name: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly swapYears: { readonly firstYear: number; readonly lastYear: number };
  /** Why the source starts where it does, and what to do for earlier dates. */
  readonly before: string;
  year(year: number): HolidaySourceYear;
}

/** The shipped holiday sources by id. */
export const HOLIDAY_SOURCES: Readonly<Record<HolidaySourceId, HolidaySource>> = {
  hu: {
    id: 'hu',
    name: 'Hungarian public holidays (Mt. 102. §) and decreed swaps',
    firstYear: HUNGARIAN_CALENDAR_RANGE.firstYear,
    lastYear: HUNGARIAN_CALENDAR_RANGE.lastYear,
    swapYears: HUNGARIAN_SWAP_YEARS,
    before:
      `the Hungarian public holidays (\`publicHolidays.source\` 'hu') start in ${HUNGARIAN_CALENDAR_RANGE.firstYear}, ` +
      'the first whole year of the Labour Code of 2012; for earlier dates use a definition without ' +
      '`publicHolidays` and list its days off in `holidays`',
    year(year) {
      const coverage = hungarianCalendarCoverage(year);
      return {
        daysOff: hungarianHolidays(year).map((d) => ({ date: d.date, swap: d.kind === 'rest-day' })),
        workingDays: hungarianWorkingSaturdays(year).map((d) => ({ date: d.date, replaces: d.replaces })),
        swaps: coverage.swaps,
        note: coverage.note,
      };
    },
  },
};

/** The closed days and the working days (with the weekday whose hours they take) of one year, by day number. */
export interface SourceYearDays {
  readonly off: ReadonlySet<number>;
  /** Day number → index of the weekday (0 = Monday) of the rest day the working day pays for. */
  readonly working: ReadonlyMap<number, number>;
}

/** The days of `year` from `source`, with or without its swaps. */
export function sourceYearDays(source: HolidaySource, year: number, swaps: boolean): SourceYearDays {
  const entry = source.year(year);
  const off = new Set<number>();
  for (const d of entry.daysOff) if (swaps || !d.swap) off.add(dayOfDate(d.date));
  const working = new Map<number, number>();
  if (swaps)
    for (const d of entry.workingDays) working.set(dayOfDate(d.date), weekdayOfDay(dayOfDate(d.replaces)));
  return { off, working };
}

/** The year of day number `day` (1970-01-01 is day 0). */
export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
