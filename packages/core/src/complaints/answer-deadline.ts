import { TZDate } from '@date-fns/tz/date';
import { addDays } from 'date-fns/addDays';
import { max } from 'date-fns/max';
import { startOfDay } from 'date-fns/startOfDay';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { BUDAPEST, TimeZone } from '../kernel/time-zone';

const Days = z.int().min(0).max(3650);

/**
 * The end of the local calendar day that is `days` calendar days after the local day of `receivedAt`, in the
 * office's IANA `timeZone` (default `Europe/Budapest`): the last millisecond on which an answer is still on
 * time. The law counts a deadline in calendar days (naptári nap), not in 24-hour periods, so a day with a
 * daylight-saving change counts as one day like any other.
 * @example
 * // received 3 March 2026 23:30 in Budapest; 30 days later is 2 April, across the change to summer time
 * complaintAnswerDueAt('2026-03-03T22:30:00Z', 30).toISOString() // '2026-04-02T21:59:59.999Z'
 * @category Complaints
 */
export function complaintAnswerDueAt(
  receivedAt: Date | string,
  days: number,
  timeZone: string = BUDAPEST,
): Date {
  const at = parseInput(Instant, receivedAt, 'received at');
  const n = parseInput(Days, days, 'days');
  const zone = parseInput(TimeZone, timeZone, 'time zone');
  // The instant before the next local day starts: where a clock goes back at midnight, 23:59:59.999 happens
  // twice and `endOfDay` would pick the first; where midnight is skipped, the next day starts at 01:00.
  const nextDay = startOfDay(addDays(new TZDate(at.getTime(), zone), n + 1));
  return new Date(nextDay.getTime() - 1);
}

/**
 * When to warn before an answer deadline: `days` calendar days before `dueAt`, at the same local wall-clock
 * time (the end of that local day), but never before `receivedAt`.
 * @example
 * complaintWarningAt('2026-03-03T22:30:00Z', '2026-04-02T21:59:59.999Z', 5).toISOString()
 * // '2026-03-28T22:59:59.999Z' (the end of 28 March in Budapest, still winter time)
 * @category Complaints
 */
export function complaintWarningAt(
  receivedAt: Date | string,
  dueAt: Date | string,
  days: number,
  timeZone: string = BUDAPEST,
): Date {
  const received = parseInput(Instant, receivedAt, 'received at');
  const due = parseInput(Instant, dueAt, 'due at');
  const n = parseInput(Days, days, 'days');
  const zone = parseInput(TimeZone, timeZone, 'time zone');
  const warn = addDays(new TZDate(due.getTime(), zone), -n);
  return new Date(max([warn, received]).getTime());
}
