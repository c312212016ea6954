import { z } from 'zod';
import { HUNGARIAN_CALENDAR_RANGE, HUNGARIAN_CALENDAR_YEARS } from '../data/hungarian-holidays';
import { parseInput } from '../errors/validate';
import { type BusinessCalendar, createBusinessCalendar } from './business-calendar';
import {
  BusinessCalendarDefinition,
  ExtraWorkingDay,
  WEEKDAYS,
  Weekday,
  WeeklyHours,
  WorkingHours,
} from './business-calendar-definition';
import { dayOfDate, weekdayOfDay } from './business-calendar-zone';
import { CalendarDate } from './instant';
import { BUDAPEST, TimeZone } from './time-zone';

/**
 * Options of the Hungarian business calendar.
 *
 * - `hours`: the weekly working hours.
 * - `zone`: defaults to `Europe/Budapest`.
 * - `workingSaturdayHours`: the hours of a swapped working Saturday (áthelyezett munkanap). By default
 *   (`'as-rest-day'`) the Saturday takes the hours of the weekday whose rest day it pays for — the decree moves
 *   that working day to the Saturday, so Saturday 10 January 2026 works Friday's hours because it pays for Friday
 *   2 January. Or name a weekday (`'monday'`) or give intervals.
 * - `applySwaps`: `false` ignores the decrees' rest days and working Saturdays (they bind employers with a general
 *   work schedule; a shift-based contact centre may not follow them). Public holidays always apply.
 * - `holidays`, `extraWorkingDays`: the host's own days off and days worked (company closing days; a line open on a
 *   public holiday). They win over the shipped data for their dates.
 * - `limitToData`: `true` (default) sets the calendar's coverage to the shipped years, so a calculation reaching
 *   past them throws a `ValidationError` instead of silently missing holidays; `false` answers for any year and
 *   knows holidays only within the shipped ones.
 * @category Calendar
 */
export const HungarianCalendarOptions = z.strictObject({
  hours: WeeklyHours,
  zone: TimeZone.default(BUDAPEST),
  workingSaturdayHours: z
    .union([z.literal('as-rest-day'), Weekday, WorkingHours.min(1)], {
      error: "Expected 'as-rest-day', a weekday or a list of intervals",
    })
    .default('as-rest-day'),
  applySwaps: z.boolean().default(true),
  holidays: z.array(CalendarDate).max(100_000).default([]),
  extraWorkingDays: z.array(ExtraWorkingDay).max(100_000).default([]),
  limitToData: z.boolean().default(true),
});
/** @category Calendar */
export type HungarianCalendarOptions = z.input<typeof HungarianCalendarOptions>;

/**
 * The definition of a Hungarian business calendar: the weekly hours, every public holiday and decreed rest day of
 * the shipped years as holidays, and the decreed working Saturdays as extra working days. Store it, edit it, or
 * pass it to `createBusinessCalendar`.
 * @example
 * const definition = hungarianCalendarDefinition({ hours: { monday: ['08:00-16:00'], friday: ['08:00-14:00'] } });
 * definition.extraWorkingDays.find((d) => d.date === '2026-01-10') // { date: '2026-01-10', hours: 'friday' }
 * @category Calendar
 */
export function hungarianCalendarDefinition(options: HungarianCalendarOptions): BusinessCalendarDefinition {
  const o = parseInput(HungarianCalendarOptions, options, 'Hungarian calendar options');
  const ownWorkingDays = new Set(o.extraWorkingDays.map((d) => d.date));
  const ownHolidays = new Set(o.holidays);
  const holidays = new Set<string>(o.holidays);
  const extraWorkingDays: z.output<typeof ExtraWorkingDay>[] = [...o.extraWorkingDays];
  const saturdayHours = (restDay: string): z.output<typeof ExtraWorkingDay>['hours'] =>
    o.workingSaturdayHours === 'as-rest-day'
      ? (WEEKDAYS[weekdayOfDay(dayOfDate(restDay))] ?? 'monday')
      : o.workingSaturdayHours;
  for (const year of HUNGARIAN_CALENDAR_YEARS) {
    for (const [date] of year.publicHolidays) if (!ownWorkingDays.has(date)) holidays.add(date);
    if (!o.applySwaps) continue;
    for (const { restDay, workingDay } of year.swaps) {
      if (!ownWorkingDays.has(restDay)) holidays.add(restDay);
      if (!ownHolidays.has(workingDay) && !ownWorkingDays.has(workingDay)) {
        extraWorkingDays.push({ date: workingDay, hours: saturdayHours(restDay) });
      }
    }
  }
  extraWorkingDays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return parseInput(
    BusinessCalendarDefinition,
    {
      zone: o.zone,
      hours: o.hours,
      holidays: [...holidays].sort(),
      extraWorkingDays,
      coverage: o.limitToData
        ? {
            from: `${HUNGARIAN_CALENDAR_RANGE.firstYear}-01-01`,
            to: `${HUNGARIAN_CALENDAR_RANGE.lastYear}-12-31`,
          }
        : undefined,
    },
    'Hungarian calendar definition',
  );
}

/**
 * A business calendar for Hungary: the given weekly hours, closed on public holidays (munkaszüneti napok) and the
 * decrees' rest days, open on the decrees' working Saturdays, for the years the holiday data covers
 * (`HUNGARIAN_CALENDAR_RANGE`). See {@link HungarianCalendarOptions} for the choices.
 * @example
 * const calendar = hungarianBusinessCalendar({
 *   hours: {
 *     monday: ['08:00-12:00', '12:30-16:30'],
 *     tuesday: ['08:00-12:00', '12:30-16:30'],
 *     wednesday: ['08:00-12:00', '12:30-16:30'],
 *     thursday: ['08:00-12:00', '12:30-16:30'],
 *     friday: ['08:00-14:00'],
 *   },
 * });
 * addBusinessHours(calendar, new Date('2026-04-02T13:00:00Z'), 4) // over Easter → Tuesday 7 April
 * @category Calendar
 */
export function hungarianBusinessCalendar(options: HungarianCalendarOptions): BusinessCalendar {
  return createBusinessCalendar(hungarianCalendarDefinition(options));
}
