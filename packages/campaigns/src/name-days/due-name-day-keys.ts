import { type CalendarDate, parseInput } from '@frontline/core';
import { z } from 'zod';
import { addDaysToDate } from '../calendar/calendar-day';
import { DateInRange } from '../calendar/year';
import { foldGivenName } from './fold-given-name';
import { HUNGARIAN_NAME_DAYS } from './hungarian-name-days.data';
import { nameDayKeyOn } from './name-day-date';

const Input = z.object({
  date: DateInRange,
  leadDays: z.int().min(0).max(366),
  which: z.enum(['main', 'all']),
});

/**
 * The folded given names (see {@link foldGivenName}) whose name day is due on planning day `date` with
 * `leadDays` of lead time: the keys to look customers up by on an index of folded given names. `'main'`
 * (default) gives the main names of that day (one to three), `'all'` the additional names too (a few dozen at
 * most). The leap day (24 February of a leap year) gives none.
 * @example dueNameDayKeys('2026-11-16', 3) // ['erzsebet']
 * @category Name days
 */
export function dueNameDayKeys(date: string, leadDays = 0, which: 'main' | 'all' = 'main'): string[] {
  const input = parseInput(Input, { date, leadDays, which }, 'due name-day query');
  const key = nameDayKeyOn(addDaysToDate(input.date as CalendarDate, input.leadDays));
  const names = key ? HUNGARIAN_NAME_DAYS[key] : undefined;
  if (!names) return [];
  const listed = input.which === 'main' ? names.main : [...names.main, ...names.additional];
  return [...new Set(listed.map(foldGivenName))];
}
