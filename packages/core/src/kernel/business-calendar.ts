/**
 * Business-time arithmetic on a compiled business calendar: is this instant working time, where does
 * "+ 8 business hours" land, how much working time lies between two instants, which is the third working day.
 *
 * Every function is pure in its answers (a calendar caches what it computed, nothing else changes), takes the
 * calendar first, validates its other inputs and throws only `ValidationError`s.
 * @module
 */
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import {
  BusinessCalendarDefinition,
  type BusinessCalendarDefinitionInput,
  clockMinutes,
  type PublicHolidays,
  SUPPORTED_YEARS,
  WEEKDAYS,
  type WorkingInterval,
} from './business-calendar-definition';
import {
  addBackward,
  addForward,
  BUSINESS_CALENDAR_LIMITS,
  between,
  type CalendarState,
  dayHasWork,
  dayOfInstant,
  emptyBlockCache,
  intervalsOfDay,
  isWorking,
  type MinuteInterval,
  nextWorking,
  shiftWorkingDays,
} from './business-calendar-engine';
import { HOLIDAY_SOURCES, type SourceYearDays, sourceYearDays, yearOfDay } from './business-calendar-sources';
import { DAY_MS, dateOfDay, dayOfDate, HOUR_MS, localToInstant, MINUTE_MS } from './business-calendar-zone';
import { CalendarDate, Instant } from './instant';
import type { TimeZone } from './time-zone';

export { BUSINESS_CALENDAR_LIMITS } from './business-calendar-engine';

const STATE = Symbol.for('@frontline/business-calendar');

/**
 * A compiled business calendar, made by {@link createBusinessCalendar}: pass it to the calendar functions. It keeps
 * the validated `definition` (store that, not this object) and caches the working intervals it has computed.
 * @category Calendar
 */
export interface BusinessCalendar {
  /** The IANA zone the hours are read in. */
  readonly zone: TimeZone;
  /** The validated definition it was built from. */
  readonly definition: BusinessCalendarDefinition;
  /** The local dates it answers for: 1900-01-01 – 9999-12-31, cut by its `coverage` and its `publicHolidays` source (from 2013 for 'hu'). */
  readonly range: { readonly from: CalendarDate; readonly to: CalendarDate };
}

/**
 * A working interval as two instants: `start` is working time, `end` is not.
 * @category Calendar
 */
export interface WorkingSpan {
  /** The first working instant. */
  readonly start: Date;
  /** The instant the interval ends (exclusive). */
  readonly end: Date;
}

function toMinuteIntervals(intervals: readonly WorkingInterval[]): MinuteInterval[] {
  const sorted = intervals
    .map((i) => ({ start: clockMinutes(i.start), end: clockMinutes(i.end) }))
    .sort((a, b) => a.start - b.start);
  const merged: MinuteInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    else merged.push(interval);
  }
  return merged;
}

const FIRST_SUPPORTED_DAY = dayOfDate(`${SUPPORTED_YEARS.first}-01-01`);
const LAST_SUPPORTED_DAY = dayOfDate(`${SUPPORTED_YEARS.last}-12-31`);

/** The day rule of a holiday source: closed on its days off, a working Saturday's hours on its working days. */
function sourceRule(
  reference: PublicHolidays,
  weekly: readonly (readonly MinuteInterval[])[],
): (day: number) => readonly MinuteInterval[] | undefined {
  const source = HOLIDAY_SOURCES[reference.source];
  const years = new Map<number, SourceYearDays>();
  const saturday = reference.workingSaturdayHours;
  const fixed =
    saturday === 'as-rest-day'
      ? undefined
      : typeof saturday === 'string'
        ? (weekly[WEEKDAYS.indexOf(saturday)] ?? [])
        : toMinuteIntervals(saturday);
  return (day) => {
    const year = yearOfDay(day);
    let days = years.get(year);
    if (!days) {
      days = sourceYearDays(source, year, reference.swaps);
      years.set(year, days);
    }
    if (days.off.has(day)) return NO_INTERVALS;
    const replaces = days.working.get(day);
    return replaces === undefined ? undefined : (fixed ?? weekly[replaces] ?? NO_INTERVALS);
  };
}

const NO_INTERVALS: readonly MinuteInterval[] = [];

interface Range {
  firstDay: number;
  lastDay: number;
  limits: { before: string; after: string };
}

/** The days a definition answers for: the supported years, cut by its `coverage` and its holiday source. */
function rangeOf(definition: BusinessCalendarDefinition): Range {
  const range: Range = {
    firstDay: FIRST_SUPPORTED_DAY,
    lastDay: LAST_SUPPORTED_DAY,
    limits: {
      before: `calendars start in ${SUPPORTED_YEARS.first}`,
      after: `calendars end in ${SUPPORTED_YEARS.last}`,
    },
  };
  const { coverage, publicHolidays } = definition;
  if (publicHolidays) {
    const source = HOLIDAY_SOURCES[publicHolidays.source];
    range.firstDay = dayOfDate(`${source.firstYear}-01-01`);
    range.limits.before = source.before;
    if (publicHolidays.swaps && publicHolidays.uncoveredYears === 'refuse') {
      range.firstDay = dayOfDate(`${source.swapYears.firstYear}-01-01`);
      range.lastDay = dayOfDate(`${source.swapYears.lastYear}-12-31`);
      const why = `the decreed swaps of '${source.id}' are known for ${source.swapYears.firstYear}–${source.swapYears.lastYear}`;
      const fix =
        "set `publicHolidays.uncoveredYears` to 'statutory-only' (`limitToData: false`) to work on the public " +
        'holidays alone there, or update the package when the decree is out';
      range.limits = { before: `${why}; ${fix}`, after: `${why}; ${fix}` };
    }
  }
  if (coverage) {
    const from = dayOfDate(coverage.from);
    const to = dayOfDate(coverage.to);
    if (from > range.firstDay) {
      range.firstDay = from;
      range.limits.before = 'the definition’s `coverage.from` starts it; widen `coverage` to reach further';
    }
    if (to < range.lastDay) {
      range.lastDay = to;
      range.limits.after = 'the definition’s `coverage.to` ends it; widen `coverage` to reach further';
    }
  }
  return range;
}

const MIN_INSTANT = FIRST_SUPPORTED_DAY * DAY_MS;
const MAX_INSTANT = (LAST_SUPPORTED_DAY + 1) * DAY_MS - 1;

/**
 * Builds a calendar from its definition (validated with {@link BusinessCalendarDefinition}; a bad one throws a
 * `ValidationError` naming each bad field). Working intervals are computed lazily, a block of days at a time,
 * and cached in the calendar.
 * @example
 * const calendar = createBusinessCalendar({
 *   zone: 'Europe/Budapest',
 *   hours: { monday: ['08:00-12:00', '12:30-16:30'], tuesday: ['08:00-16:30'] },
 *   holidays: ['2026-04-06'],
 * });
 * @category Calendar
 */
export function createBusinessCalendar(definition: BusinessCalendarDefinitionInput): BusinessCalendar {
  const parsed = parseInput(BusinessCalendarDefinition, definition, 'business calendar definition');
  const weekly = WEEKDAYS.map((day) => toMinuteIntervals(parsed.hours[day]));
  const extra = new Map<number, readonly MinuteInterval[]>();
  for (const { date, hours } of parsed.extraWorkingDays) {
    extra.set(
      dayOfDate(date),
      typeof hours === 'string' ? (weekly[WEEKDAYS.indexOf(hours)] ?? []) : toMinuteIntervals(hours),
    );
  }
  const range = rangeOf(parsed);
  const state: CalendarState = {
    zone: parsed.zone,
    weekly,
    holidays: new Set(parsed.holidays.map(dayOfDate)),
    extra,
    firstDay: range.firstDay,
    lastDay: range.lastDay,
    limits: range.limits,
    source: parsed.publicHolidays ? sourceRule(parsed.publicHolidays, weekly) : undefined,
    ...emptyBlockCache(),
  };
  const calendar: BusinessCalendar = {
    zone: parsed.zone,
    definition: parsed,
    range: { from: dateOfDay(range.firstDay), to: dateOfDay(range.lastDay) },
  };
  Object.defineProperty(calendar, STATE, { value: state, enumerable: false });
  return Object.freeze(calendar);
}

function hasState(value: unknown): value is BusinessCalendar {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[STATE] === 'object'
  );
}

const CalendarArgument = z.custom<BusinessCalendar>(hasState, {
  message: 'Not a business calendar: build one with createBusinessCalendar',
});

/** `calendar` if it is a compiled business calendar, else a `ValidationError` naming the builder. @internal */
export function checkedCalendar(calendar: unknown): BusinessCalendar {
  return hasState(calendar) ? calendar : parseInput(CalendarArgument, calendar, 'calendar');
}

function stateOf(calendar: unknown): CalendarState {
  const value = hasState(calendar) ? calendar : parseInput(CalendarArgument, calendar, 'calendar');
  return (value as unknown as Record<symbol, CalendarState>)[STATE] as CalendarState;
}

const SupportedInstant = Instant.refine((d) => d.getTime() >= MIN_INSTANT && d.getTime() <= MAX_INSTANT, {
  message: `Must lie within the years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`,
});

function instantMs(value: unknown, what: string): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (t >= MIN_INSTANT && t <= MAX_INSTANT) return t;
  }
  return parseInput(SupportedInstant, value, what).getTime();
}

const MAX_DURATION_MS = BUSINESS_CALENDAR_LIMITS.maxSpanDays * DAY_MS;

function durationMs(value: unknown, unitMs: number, what: string): number {
  const max = MAX_DURATION_MS / unitMs;
  const amount =
    typeof value === 'number' && value >= -max && value <= max
      ? value
      : parseInput(
          z.number().min(-max, `At most ${max} ${what} back`).max(max, `At most ${max} ${what} ahead`),
          value,
          what,
        );
  // -0 and rounding noise collapse to whole milliseconds
  return Math.round(amount * unitMs) + 0;
}

const SupportedDate = CalendarDate.refine(
  (d) => d >= `${SUPPORTED_YEARS.first}-01-01`,
  `Must lie within the years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`,
);

/**
 * Whether `instant` is working time: inside a working interval (its start included, its end not).
 * @example
 * isWorkingTime(calendar, new Date('2026-03-02T07:30:00Z')) // true — Monday 08:30 in Budapest
 * @category Calendar
 */
export function isWorkingTime(calendar: BusinessCalendar, instant: Date | string): boolean {
  const state = stateOf(calendar);
  return isWorking(state, instantMs(instant, 'instant'));
}

/**
 * The next working moment: `instant` itself when it is working time, else the start of the next working interval.
 * Throws a `ValidationError` when there is none within {@link BUSINESS_CALENDAR_LIMITS.noWorkingTimeDays} days.
 * @example
 * nextWorkingTime(calendar, new Date('2026-03-06T17:00:00Z')) // Friday 18:00 → Monday 08:00 (07:00Z)
 * @category Calendar
 */
export function nextWorkingTime(calendar: BusinessCalendar, instant: Date | string): Date {
  const state = stateOf(calendar);
  return new Date(nextWorking(state, instantMs(instant, 'instant')));
}

/**
 * Adds working time, in milliseconds (rounded to whole milliseconds). The core of the calendar arithmetic:
 * - `ms > 0`: the clock starts at {@link nextWorkingTime}`(instant)` and runs only in working intervals. The result
 *   is the **earliest** instant by which `ms` of working time has passed: inside an interval, or exactly at an
 *   interval's end when the time runs out there (Friday 15:00 + 1 h on an 8–16 calendar is Friday 16:00, not
 *   Monday 08:00).
 * - `ms = 0`: {@link nextWorkingTime}`(instant)`.
 * - `ms < 0`: runs back: the **latest** instant from which `|ms|` of working time reaches `instant`; always
 *   working time (an interval's start at the earliest).
 *
 * So `businessTimeBetween(calendar, nextWorkingTime(calendar, t), addBusinessMilliseconds(calendar, t, ms))` is
 * `ms` for every `ms >= 0`.
 * @example
 * // Monday 11:00 + 2 h with a 12:00–12:30 lunch break → Monday 13:30
 * addBusinessMilliseconds(calendar, new Date('2026-03-02T10:00:00Z'), 2 * 3_600_000)
 * @category Calendar
 */
export function addBusinessMilliseconds(
  calendar: BusinessCalendar,
  instant: Date | string,
  ms: number,
): Date {
  const state = stateOf(calendar);
  const t = instantMs(instant, 'instant');
  const d = durationMs(ms, 1, 'milliseconds');
  return new Date(d >= 0 ? addForward(state, t, d) : addBackward(state, t, -d));
}

/**
 * Adds working minutes (fractions allowed); see {@link addBusinessMilliseconds} for the rules.
 * @example
 * addBusinessMinutes(calendar, new Date('2026-03-02T14:45:00Z'), 30) // Monday 15:45 + 30 min → 16:15
 * @category Calendar
 */
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  instant: Date | string,
  minutes: number,
): Date {
  const state = stateOf(calendar);
  const t = instantMs(instant, 'instant');
  const d = durationMs(minutes, MINUTE_MS, 'minutes');
  return new Date(d >= 0 ? addForward(state, t, d) : addBackward(state, t, -d));
}

/**
 * Adds working hours (fractions allowed: `1.5` is 90 minutes); see {@link addBusinessMilliseconds} for the rules.
 * @example
 * // Friday 15:00 + 2 h on an 08:00–16:00 calendar → Monday 09:00
 * addBusinessHours(calendar, new Date('2026-03-06T14:00:00Z'), 2)
 * @category Calendar
 */
export function addBusinessHours(calendar: BusinessCalendar, instant: Date | string, hours: number): Date {
  const state = stateOf(calendar);
  const t = instantMs(instant, 'instant');
  const d = durationMs(hours, HOUR_MS, 'hours');
  return new Date(d >= 0 ? addForward(state, t, d) : addBackward(state, t, -d));
}

/**
 * The working time in `[from, to)`, in milliseconds. When `to` is before `from` the answer is negative
 * (`businessTimeBetween(c, a, b) === -businessTimeBetween(c, b, a)`), so it can be used as a signed difference.
 * @example
 * // Friday 15:00 → Monday 09:00 on an 08:00–16:00 calendar: 2 h
 * businessTimeBetween(calendar, new Date('2026-03-06T14:00:00Z'), new Date('2026-03-09T08:00:00Z')) // 7_200_000
 * @category Calendar
 */
export function businessTimeBetween(
  calendar: BusinessCalendar,
  from: Date | string,
  to: Date | string,
): number {
  const state = stateOf(calendar);
  return between(state, instantMs(from, 'from'), instantMs(to, 'to')) + 0;
}

/**
 * Whether a local date (or the local date of an instant) has any working time.
 * @example
 * isWorkingDay(calendar, '2026-01-10') // true on the Hungarian calendar: a swapped working Saturday
 * @category Calendar
 */
export function isWorkingDay(calendar: BusinessCalendar, day: Date | CalendarDate): boolean {
  const state = stateOf(calendar);
  return dayHasWork(state, localDay(state, day));
}

function localDay(state: CalendarState, day: unknown): number {
  if (typeof day === 'string' && day.length === 10) return dayOfDate(parseInput(SupportedDate, day, 'date'));
  return dayOfInstant(state, instantMs(day, 'date')).day;
}

/**
 * The working intervals of a local date, as instants, in order (empty on a day off).
 * @example
 * workingIntervals(calendar, '2026-03-02')
 * // [{ start: 2026-03-02T07:00Z, end: 2026-03-02T11:00Z }, { start: 2026-03-02T11:30Z, end: 2026-03-02T15:30Z }]
 * @category Calendar
 */
export function workingIntervals(calendar: BusinessCalendar, date: CalendarDate): WorkingSpan[] {
  const state = stateOf(calendar);
  const day = dayOfDate(parseInput(SupportedDate, date, 'date'));
  return intervalsOfDay(state, day).map(({ start, end }) => ({ start: new Date(start), end: new Date(end) }));
}

const WholeDays = z
  .number()
  .int()
  .min(-BUSINESS_CALENDAR_LIMITS.maxSpanDays)
  .max(BUSINESS_CALENDAR_LIMITS.maxSpanDays);
const DayStart = z.union([SupportedDate, z.date()], { error: 'Expected a Date or a YYYY-MM-DD date' });

/**
 * Moves by whole working days — days with any working time. `days > 0` counts forward from the day after the start,
 * `days < 0` backward from the day before; `days = 0` keeps a working day and otherwise moves to the next one.
 *
 * - Given a `YYYY-MM-DD` date, answers a date.
 * - Given an instant, answers the instant with the same local wall-clock time on the day found (so 18:00 stays
 *   18:00, whether or not that is working time; a time skipped by a DST change moves to the change).
 * A string is always read as a `YYYY-MM-DD` date here.
 * @example
 * addBusinessDays(calendar, '2026-04-02', 1) // '2026-04-07': Good Friday and Easter Monday are skipped
 * addBusinessDays(calendar, new Date('2026-04-02T12:00:00Z'), 1) // 2026-04-07T12:00:00Z (14:00 in Budapest)
 * @category Calendar
 */
export function addBusinessDays(calendar: BusinessCalendar, start: Date, days: number): Date;
export function addBusinessDays(calendar: BusinessCalendar, start: CalendarDate, days: number): CalendarDate;
export function addBusinessDays(
  calendar: BusinessCalendar,
  start: Date | CalendarDate,
  days: number,
): Date | CalendarDate {
  const state = stateOf(calendar);
  const n = typeof days === 'number' && Number.isInteger(days) ? days : parseInput(WholeDays, days, 'days');
  const from = start instanceof Date ? start : parseInput(DayStart, start, 'start');
  if (typeof from === 'string') return dateOfDay(shiftWorkingDays(state, dayOfDate(from), n));
  const { day, msOfDay } = dayOfInstant(state, instantMs(from, 'start'));
  return new Date(localToInstant(state.zone, shiftWorkingDays(state, day, n), msOfDay));
}
