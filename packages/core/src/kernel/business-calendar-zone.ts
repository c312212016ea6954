/**
 * Civil-day arithmetic and local-time → instant conversion for the business calendar (internal).
 *
 * Days are numbered like `Date.UTC(y, m, d) / DAY_MS` (1970-01-01 is day 0), independent of any zone. A local
 * wall-clock time on a day maps to **the first instant at which the zone's clock shows that time or later**:
 * - on a fall-back day, a repeated time maps to its first occurrence (as RFC 5545 and Temporal do);
 * - on a spring-forward day, a skipped time (02:30 in Europe/Budapest on the last Sunday of March) maps to the
 *   instant the clocks jump (03:00 CEST). So an interval 02:00–03:00 is empty on that day and 02:00–03:00 on the
 *   fall-back day lasts two hours of real time.
 * The mapping is monotone, so intervals never turn inside out around a transition.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { CalendarDate } from './instant';

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in a civil day (day numbers step by this; real local days may be 23 or 25 hours). */
export const DAY_MS = 86_400_000;

/** The day number of a `YYYY-MM-DD` date (any year 0000–9999, no two-digit-year surprise). */
export function dayOfDate(date: CalendarDate): number {
  const t = new Date(0);
  t.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(t.getTime() / DAY_MS);
}

/** The `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): CalendarDate {
  const iso = new Date(day * DAY_MS).toISOString();
  return iso.slice(0, iso.indexOf('T'));
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The zone's UTC offset at instant `t`, in milliseconds (positive east of Greenwich). */
export function offsetAt(zone: string, t: number): number {
  return tzOffset(zone, new Date(t)) * MINUTE_MS;
}

/**
 * The local day of instant `t` and how far into it (wall-clock milliseconds since local midnight) it is.
 */
export function localDayAndTime(zone: string, t: number): { day: number; msOfDay: number } {
  const local = t + offsetAt(zone, t);
  const day = Math.floor(local / DAY_MS);
  return { day, msOfDay: local - day * DAY_MS };
}

/**
 * The instant of local wall-clock time `msOfDay` on `day` (see the module comment for gaps and overlaps).
 * `msOfDay` may be `DAY_MS` (24:00 = the next midnight).
 */
export function localToInstant(zone: string, day: number, msOfDay: number): number {
  const naive = day * DAY_MS + msOfDay;
  // A UTC offset lies within −12 h … +14 h, so the instant lies within naive −14 h … naive +12 h; probing just
  // outside that window brackets it. Equal offsets at both probes: no transition in between.
  const before = offsetAt(zone, naive - 15 * HOUR_MS);
  const after = offsetAt(zone, naive + 13 * HOUR_MS);
  if (before === after) return naive - before;
  return acrossTransition(zone, naive, before, after);
}

/** `localToInstant` for a window that holds an offset change. */
export function acrossTransition(zone: string, naive: number, before: number, after: number): number {
  const withBefore = naive - before;
  const withAfter = naive - after;
  const beforeHolds = offsetAt(zone, withBefore) === before;
  const afterHolds = offsetAt(zone, withAfter) === after;
  if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
  if (beforeHolds) return withBefore;
  if (afterHolds) return withAfter;
  // The wall time is skipped: find the instant the offset changes, to the millisecond.
  let lo = Math.min(withBefore, withAfter);
  let hi = Math.max(withBefore, withAfter);
  if (offsetAt(zone, lo) !== before || offsetAt(zone, hi) !== after) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
