import { type CalendarDate, parseInput } from '@frontline/core';
import { z } from 'zod';
import { addDaysToDate, isLeapYear, partsOf } from '../calendar/calendar-day';
import { DEFAULT_LEAP_DAY_POLICY, LeapDayPolicy } from '../calendar/leap-day-policy';
import { type MonthDay, monthDayOf } from '../calendar/month-day';
import { DateInRange } from '../calendar/year';

/**
 * The month-day keys a customer is indexed under for a yearly date (a birth date, a contract start): exactly
 * one, its `MM-DD`. A 29 February date keeps `02-29`; the planning side ({@link dueMonthDayKeys}) asks for that
 * key on 28 February or 1 March of a common year, so the index needs no per-year upkeep.
 * @example birthMonthDayKeys('2000-02-29') // ['02-29']
 * @category Occasions
 */
export function birthMonthDayKeys(birthDate: string): MonthDay[] {
  return [monthDayOf(parseInput(DateInRange, birthDate, 'birth date', ['birthDate']))];
}

const DueInput = z.object({
  date: DateInRange,
  leadDays: z.int().min(0).max(366),
  policy: LeapDayPolicy,
});

/**
 * The month-day keys whose yearly dates are due on planning day `date` with `leadDays` of lead time: the key
 * of `date + leadDays`, plus `02-29` when that day stands in for 29 February in a common year (28 February
 * under `'feb28'`, 1 March under `'mar1'`). One or two keys, for a storage lookup on the month-day index; over
 * the planning days of a year's occasions each key is due exactly once.
 * @example dueMonthDayKeys('2026-02-25', 3, 'feb28') // ['02-28', '02-29']
 * @category Occasions
 */
export function dueMonthDayKeys(
  date: string,
  leadDays = 0,
  policy: LeapDayPolicy = DEFAULT_LEAP_DAY_POLICY,
): MonthDay[] {
  const input = parseInput(DueInput, { date, leadDays, policy }, 'due month-day query');
  const occasion = addDaysToDate(input.date as CalendarDate, input.leadDays);
  const key = monthDayOf(occasion);
  const standsIn = input.policy === 'feb28' ? '02-28' : '03-01';
  return !isLeapYear(partsOf(occasion).year) && key === standsIn ? [key, '02-29'] : [key];
}
