import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { type BusinessCalendar, createBusinessCalendar } from './business-calendar';
import {
  BusinessCalendarDefinition,
  ExtraWorkingDay,
  PublicHolidays,
  WeeklyHours,
} from './business-calendar-definition';
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
 *   public holiday; the swaps of a decree the package does not know yet). They win over the shipped data.
 * - `limitToData`: `false` (default): a year whose decree is not in the data works on the public holidays alone,
 *   and `businessCalendarCoverage` reports its swaps as not covered; `true`: such a year is refused with a
 *   `ValidationError` instead.
 * @category Calendar
 */
export const HungarianCalendarOptions = z.strictObject({
  hours: WeeklyHours,
  zone: TimeZone.default(BUDAPEST),
  workingSaturdayHours: PublicHolidays.shape.workingSaturdayHours,
  applySwaps: z.boolean().default(true),
  holidays: z.array(CalendarDate).max(100_000).default([]),
  extraWorkingDays: z.array(ExtraWorkingDay).max(100_000).default([]),
  limitToData: z.boolean().default(false),
});
/** @category Calendar */
export type HungarianCalendarOptions = z.input<typeof HungarianCalendarOptions>;

/**
 * The definition of a Hungarian business calendar: the weekly hours, the host's own days, and a reference to the
 * shipped Hungarian holidays (`publicHolidays: { source: 'hu', … }`) — no holiday dates. The dates are computed
 * when the calendar is built, from the package in use: public holidays by the Labour Code's rules for any year
 * from 2013, swaps for the years whose decree the package knows. Store it (an SLA policy does), edit it, or pass it
 * to `createBusinessCalendar`; a package upgrade extends what a stored definition covers.
 * @example
 * const definition = hungarianCalendarDefinition({ hours: { monday: ['08:00-16:00'], friday: ['08:00-14:00'] } });
 * definition.publicHolidays // { source: 'hu', swaps: true, workingSaturdayHours: 'as-rest-day', uncoveredYears: 'statutory-only' }
 * @category Calendar
 */
export function hungarianCalendarDefinition(options: HungarianCalendarOptions): BusinessCalendarDefinition {
  const o = parseInput(HungarianCalendarOptions, options, 'Hungarian calendar options');
  return parseInput(
    BusinessCalendarDefinition,
    {
      zone: o.zone,
      hours: o.hours,
      holidays: [...o.holidays].sort(),
      extraWorkingDays: [...o.extraWorkingDays].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      ),
      publicHolidays: {
        source: 'hu',
        swaps: o.applySwaps,
        workingSaturdayHours: o.workingSaturdayHours,
        uncoveredYears: o.limitToData ? 'refuse' : 'statutory-only',
      },
    },
    'Hungarian calendar definition',
  );
}

/**
 * A business calendar for Hungary: the given weekly hours, closed on public holidays (munkaszüneti napok) and the
 * decrees' rest days, open on the decrees' working Saturdays. It answers for any date from 2013; a year whose
 * decree the package does not know works on the public holidays alone (see `businessCalendarCoverage`). See
 * {@link HungarianCalendarOptions} for the choices.
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
