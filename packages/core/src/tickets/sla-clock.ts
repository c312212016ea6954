import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import {
  addBusinessMilliseconds,
  type BusinessCalendar,
  businessTimeBetween,
} from '../kernel/business-calendar';
import { Instant } from '../kernel/instant';

/**
 * One stretch of time an SLA clock ran: from `from` until `to` (exclusive), or still running when `to` is `null`.
 * @category Tickets
 */
export const SlaSegment = z.object({ from: Instant, to: Instant.nullable() });
/** @category Tickets */
export type SlaSegment = z.output<typeof SlaSegment>;

/**
 * A pausable business-time clock: the segments it ran, in order (only the last may be open), and the business
 * time consumed in the closed ones (cached, so a due instant needs one calendar step, not one per segment).
 * Only working time inside the segments counts; the calendar decides what working time is.
 * @category Tickets
 */
export const SlaClock = z
  .object({
    segments: z.array(SlaSegment).max(10_000),
    /** Business milliseconds inside the closed segments. */
    consumedMs: z.int().min(0),
  })
  .superRefine((clock, ctx) => {
    clock.segments.forEach((segment, i) => {
      if (segment.to === null && i !== clock.segments.length - 1) {
        ctx.addIssue({
          code: 'custom',
          message: 'Only the last segment may be open',
          path: ['segments', i, 'to'],
        });
      }
      if (segment.to !== null && segment.to < segment.from) {
        ctx.addIssue({
          code: 'custom',
          message: 'A segment cannot end before it starts',
          path: ['segments', i, 'to'],
        });
      }
      const previous = clock.segments[i - 1];
      if (previous?.to && segment.from < previous.to) {
        ctx.addIssue({ code: 'custom', message: 'Segments must not overlap', path: ['segments', i, 'from'] });
      }
    });
  });
/** @category Tickets */
export type SlaClock = z.output<typeof SlaClock>;

const isInstant = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * The same rules as {@link SlaClock}, without zod's cost for the usual, well-formed clock (instants compared as
 * numbers: a relational operator on two `Date`s converts both through `valueOf` on every call).
 */
function wellFormed(clock: unknown): clock is SlaClock {
  if (typeof clock !== 'object' || clock === null) return false;
  const { segments, consumedMs } = clock as Partial<SlaClock>;
  if (!Number.isSafeInteger(consumedMs) || (consumedMs as number) < 0 || !Array.isArray(segments))
    return false;
  const count = segments.length;
  let edge = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const segment: unknown = segments[i];
    if (typeof segment !== 'object' || segment === null) return false;
    const { from, to } = segment as { from?: unknown; to?: unknown };
    if (!(from instanceof Date)) return false;
    const start = from.getTime();
    // false for NaN too
    if (!(start >= edge)) return false;
    if (to === null) {
      if (i !== count - 1) return false;
    } else {
      if (!(to instanceof Date)) return false;
      const end = to.getTime();
      if (!(end >= start)) return false;
      edge = end;
    }
  }
  return true;
}

function checked(clock: SlaClock): SlaClock {
  return wellFormed(clock) ? clock : parseInput(SlaClock, clock, 'SLA clock');
}

function checkedInstant(value: Date, what: string): Date {
  return isInstant(value) ? value : parseInput(Instant, value, what);
}

function lastSegment(clock: SlaClock): SlaSegment | undefined {
  return clock.segments[clock.segments.length - 1];
}

function notBefore(clock: SlaClock, at: Date, what: string): void {
  const last = lastSegment(clock);
  const edge = last ? (last.to ?? last.from) : undefined;
  if (edge && at < edge) {
    const message = `${what} (${at.toISOString()}) is before the clock's last change (${edge.toISOString()})`;
    throw new ValidationError(`Invalid SLA clock change: ${message}`, [
      { path: ['at'], message, code: 'custom' },
    ]);
  }
}

/**
 * A clock that starts running at `at`.
 * @example
 * const clock = startSlaClock(new Date('2026-03-02T08:00:00Z'));
 * @category Tickets
 */
export function startSlaClock(at: Date): SlaClock {
  return { segments: [{ from: checkedInstant(at, 'at'), to: null }], consumedMs: 0 };
}

/**
 * True while the clock runs (its last segment is open).
 * @category Tickets
 */
export function isSlaClockRunning(clock: SlaClock): boolean {
  return lastSegment(checked(clock))?.to === null;
}

/**
 * Stops the clock at `at` (a ticket goes pending, or a target is met): closes the running segment and adds its
 * business time to `consumedMs`. A paused clock is returned as it is. `at` may not lie before the last change.
 * @example
 * const paused = pauseSlaClock(clock, new Date('2026-03-02T10:00:00Z'), calendar);
 * @category Tickets
 */
export function pauseSlaClock(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  const c = checked(clock);
  const when = checkedInstant(at, 'at');
  notBefore(c, when, 'The pause');
  const last = lastSegment(c);
  if (!last || last.to !== null) return c;
  return {
    segments: [...c.segments.slice(0, -1), { from: last.from, to: when }],
    consumedMs: c.consumedMs + businessTimeBetween(calendar, last.from, when),
  };
}

/**
 * Starts the clock again at `at` with a new segment. A running clock is returned as it is.
 * @example
 * const running = resumeSlaClock(paused, new Date('2026-03-03T09:00:00Z'));
 * @category Tickets
 */
export function resumeSlaClock(clock: SlaClock, at: Date): SlaClock {
  const c = checked(clock);
  const when = checkedInstant(at, 'at');
  notBefore(c, when, 'The resumption');
  if (lastSegment(c)?.to === null) return c;
  return { segments: [...c.segments, { from: when, to: null }], consumedMs: c.consumedMs };
}

/**
 * The business time the clock has consumed up to `now`, in milliseconds: the closed segments plus, while it
 * runs, the open one up to `now`. Equals the sum of `businessTimeBetween` over the segments (clipped at `now`).
 * @example
 * consumedBusinessTime(clock, calendar, new Date('2026-03-02T12:00:00Z')) // 7_200_000 after two working hours
 * @category Tickets
 */
export function consumedBusinessTime(clock: SlaClock, calendar: BusinessCalendar, now: Date): number {
  const c = checked(clock);
  const when = checkedInstant(now, 'now');
  const last = lastSegment(c);
  if (!last || last.to !== null) return c.consumedMs;
  return c.consumedMs + Math.max(0, businessTimeBetween(calendar, last.from, when));
}

/**
 * The instant at which the clock has consumed `thresholdMs` of business time: in the past when it already has
 * (found in the closed segments), in the future when it runs, `null` when it is paused short of the threshold.
 * With a target's budget this is its due instant; with a share of the budget, its warning instant.
 * @example
 * // a 4-business-hour first-response target that started Friday 15:00 on an 08:00–16:00 calendar
 * slaClockReaches(startSlaClock(friday1500), calendar, 4 * 3_600_000) // Monday 11:00
 * @category Tickets
 */
export function slaClockReaches(
  clock: SlaClock,
  calendar: BusinessCalendar,
  thresholdMs: number,
): Date | null {
  const c = checked(clock);
  const threshold =
    Number.isSafeInteger(thresholdMs) && thresholdMs >= 1
      ? thresholdMs
      : parseInput(z.int().min(1), thresholdMs, 'threshold');
  if (threshold <= c.consumedMs) {
    let before = 0;
    for (const segment of c.segments) {
      if (segment.to === null) break;
      const inside = businessTimeBetween(calendar, segment.from, segment.to);
      if (before + inside >= threshold)
        return addBusinessMilliseconds(calendar, segment.from, threshold - before);
      before += inside;
    }
  }
  const last = lastSegment(c);
  if (!last || last.to !== null) return null;
  return addBusinessMilliseconds(calendar, last.from, threshold - c.consumedMs);
}
