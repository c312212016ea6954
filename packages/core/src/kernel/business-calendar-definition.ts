import { z } from 'zod';
import { HOLIDAY_SOURCE_IDS, HOLIDAY_SOURCES } from './business-calendar-sources';
import { CalendarDate } from './instant';
import { TimeZone } from './time-zone';

/**
 * The days of the week, Monday first, as keys of {@link WeeklyHours}.
 * @category Calendar
 */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/**
 * A day of the week (`'monday'` … `'sunday'`).
 * @category Calendar
 */
export const Weekday = z.enum(WEEKDAYS);
/** @category Calendar */
export type Weekday = z.infer<typeof Weekday>;

const START_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const SHORTHAND = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/;

/** Minutes since local midnight of an `HH:MM` (or `24:00`) string the schemas accepted. */
export function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const IntervalObject = z.strictObject({
  start: z.string().regex(START_TIME, 'Expected a local time HH:MM, 00:00–23:59'),
  end: z.string().regex(END_TIME, 'Expected a local time HH:MM, 00:01–24:00'),
});

const IntervalShorthand = z
  .string()
  .transform((text, ctx) => {
    const match = SHORTHAND.exec(text);
    if (!match?.[1] || !match[2]) {
      ctx.addIssue({ code: 'custom', message: 'Expected "HH:MM-HH:MM" or { start, end }' });
      return z.NEVER;
    }
    return { start: match[1], end: match[2] };
  })
  .pipe(IntervalObject);

/**
 * A span of local working time within one day, minute precision: `{ start: '08:00', end: '12:00' }` or the
 * shorthand `'08:00-12:00'`. `end` may be `'24:00'` (midnight at the end of the day); it must be after `start`.
 * The interval is half-open: `start` is working time, `end` is not.
 * @category Calendar
 */
export const WorkingInterval = z
  .union([IntervalObject, IntervalShorthand], { error: 'Expected "HH:MM-HH:MM" or { start, end }' })
  .refine((i) => clockMinutes(i.end) > clockMinutes(i.start), {
    message: 'end must be after start',
    path: ['end'],
  });
/** @category Calendar */
export type WorkingInterval = z.infer<typeof WorkingInterval>;

function refineNoOverlap(intervals: readonly WorkingInterval[], ctx: z.RefinementCtx): void {
  const order = intervals
    .map((interval, index) => ({
      start: clockMinutes(interval.start),
      end: clockMinutes(interval.end),
      index,
    }))
    .sort((a, b) => a.start - b.start);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (prev && cur && cur.start < prev.end) {
      const other = intervals[prev.index];
      ctx.addIssue({
        code: 'custom',
        message: `Overlaps ${other?.start}–${other?.end}`,
        path: [cur.index],
      });
    }
  }
}

/**
 * The working intervals of one day: any number (split shifts, lunch breaks), not overlapping; intervals that touch
 * (`08:00-12:00`, `12:00-16:00`) are fine. An empty list means closed.
 * @category Calendar
 */
export const WorkingHours = z.array(WorkingInterval).max(96).superRefine(refineNoOverlap);
/** @category Calendar */
export type WorkingHours = z.infer<typeof WorkingHours>;

/**
 * Working hours for each day of the week; a day left out is closed.
 * @example
 * const hours: WeeklyHours = {
 *   monday: ['08:00-12:00', '12:30-16:30'],
 *   friday: [{ start: '08:00', end: '14:00' }],
 * };
 * @category Calendar
 */
export const WeeklyHours = z.strictObject({
  monday: WorkingHours.default([]),
  tuesday: WorkingHours.default([]),
  wednesday: WorkingHours.default([]),
  thursday: WorkingHours.default([]),
  friday: WorkingHours.default([]),
  saturday: WorkingHours.default([]),
  sunday: WorkingHours.default([]),
});
/** @category Calendar */
export type WeeklyHours = z.input<typeof WeeklyHours>;

/**
 * A date that is a working day although the weekly hours would close it (a working Saturday): with the hours of a
 * named weekday (`hours: 'monday'`) or its own non-empty list of intervals.
 * @category Calendar
 */
export const ExtraWorkingDay = z.strictObject({
  date: CalendarDate,
  hours: z.union([Weekday, WorkingHours.min(1)]),
});
/** @category Calendar */
export type ExtraWorkingDay = z.input<typeof ExtraWorkingDay>;

/** The years a business calendar can answer for. */
export const SUPPORTED_YEARS = { first: 1900, last: 9999 } as const;

const DateRange = z
  .strictObject({ from: CalendarDate, to: CalendarDate })
  .refine((r) => r.from <= r.to, { message: 'to must not be before from', path: ['to'] })
  .refine((r) => r.from >= `${SUPPORTED_YEARS.first}-01-01`, {
    message: `Calendars start in ${SUPPORTED_YEARS.first} at the earliest`,
    path: ['from'],
  });

/**
 * A reference to a shipped holiday source, resolved when the calendar is built, so a stored definition covers
 * whatever the installed package covers (an upgrade that adds a year's decree extends it):
 * - `source`: `'hu'` — Hungarian public holidays (Mt. 102. §, computed for any year from 2013) and the decrees'
 *   swapped days (for the years whose decree is in the data).
 * - `swaps`: `false` ignores the decrees' rest days and working Saturdays (they bind employers with a general work
 *   schedule; a shift-based contact centre may not follow them). Public holidays always apply.
 * - `workingSaturdayHours`: the hours of a swapped working Saturday. By default (`'as-rest-day'`) the hours of the
 *   weekday whose rest day it pays for (Saturday 10 January 2026 works Friday's hours: it pays for Friday
 *   2 January); or a weekday (`'monday'`), or intervals.
 * - `uncoveredYears`: a year whose swaps are not in the data works on the public holidays alone
 *   (`'statutory-only'`, the default, reported by `businessCalendarCoverage`), or is refused (`'refuse'`).
 * @example
 * const publicHolidays: PublicHolidaysInput = { source: 'hu' };
 * @category Calendar
 */
export const PublicHolidays = z.strictObject({
  source: z.enum(HOLIDAY_SOURCE_IDS, {
    error: `Expected a holiday source id: ${HOLIDAY_SOURCE_IDS.map((id) => `'${id}'`).join(', ')}`,
  }),
  swaps: z.boolean().default(true),
  workingSaturdayHours: z
    .union([z.literal('as-rest-day'), Weekday, WorkingHours.min(1)], {
      error: "Expected 'as-rest-day', a weekday or a list of intervals",
    })
    .default('as-rest-day'),
  uncoveredYears: z.enum(['statutory-only', 'refuse']).default('statutory-only'),
});
/** @category Calendar */
export type PublicHolidays = z.output<typeof PublicHolidays>;
/** @category Calendar */
export type PublicHolidaysInput = z.input<typeof PublicHolidays>;

/**
 * A business calendar as data (zod-validated, JSON-safe, so a CRM can store and edit it): the IANA zone its hours
 * are read in, the weekly working hours, the dates off (`holidays`), the dates worked although the week says
 * closed (`extraWorkingDays`), optionally a shipped holiday source by reference (`publicHolidays`, see
 * {@link PublicHolidays}: no dates are stored, so the calendar grows with the package), and optionally the
 * `coverage` — the dates it may answer for. A calculation that needs a day outside `coverage`, or before the
 * holiday source starts, throws a `ValidationError` naming the option that widens it.
 *
 * A holiday closes the whole day; an extra working day replaces the weekly hours of its date. A date may not be
 * both. Both win over the holiday source for their dates (a line open on a public holiday, a company closing
 * day).
 * @example
 * const definition: BusinessCalendarDefinitionInput = {
 *   zone: 'Europe/Budapest',
 *   hours: { monday: ['08:00-12:00', '12:30-16:30'], tuesday: ['08:00-16:30'] },
 *   publicHolidays: { source: 'hu' },
 *   holidays: ['2026-12-31'],
 * };
 * @category Calendar
 */
export const BusinessCalendarDefinition = z
  .strictObject({
    zone: TimeZone,
    hours: WeeklyHours,
    holidays: z.array(CalendarDate).max(100_000).default([]),
    extraWorkingDays: z.array(ExtraWorkingDay).max(100_000).default([]),
    publicHolidays: PublicHolidays.optional(),
    coverage: DateRange.optional(),
  })
  .superRefine((definition, ctx) => {
    const source = definition.publicHolidays ? HOLIDAY_SOURCES[definition.publicHolidays.source] : undefined;
    if (source && definition.coverage && definition.coverage.from < `${source.firstYear}-01-01`) {
      ctx.addIssue({
        code: 'custom',
        message: `coverage starts before ${source.firstYear}: ${source.before}`,
        path: ['coverage', 'from'],
      });
    }
    const holidays = new Set<string>();
    definition.holidays.forEach((date, index) => {
      if (holidays.has(date))
        ctx.addIssue({ code: 'custom', message: `${date} is listed twice`, path: ['holidays', index] });
      holidays.add(date);
    });
    const extra = new Set<string>();
    definition.extraWorkingDays.forEach(({ date }, index) => {
      const path = ['extraWorkingDays', index, 'date'];
      if (extra.has(date)) ctx.addIssue({ code: 'custom', message: `${date} is listed twice`, path });
      if (holidays.has(date)) ctx.addIssue({ code: 'custom', message: `${date} is also a holiday`, path });
      extra.add(date);
    });
    const weekly = WEEKDAYS.some((day) => definition.hours[day].length > 0);
    if (!weekly && definition.extraWorkingDays.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'The calendar has no working hours at all', path: ['hours'] });
    }
  });
/** The validated, normalised definition (every weekday present, lists defaulted). @category Calendar */
export type BusinessCalendarDefinition = z.output<typeof BusinessCalendarDefinition>;
/** What {@link BusinessCalendarDefinition} accepts (weekdays and lists optional, intervals as shorthand). @category Calendar */
export type BusinessCalendarDefinitionInput = z.input<typeof BusinessCalendarDefinition>;
