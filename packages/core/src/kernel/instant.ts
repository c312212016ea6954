import { z } from 'zod';

/**
 * An instant: a `Date`, or an ISO-8601 string with an offset (`2026-03-02T08:00:00Z`), parsed to a `Date`.
 * Storage keeps instants as ISO strings; this schema reads both, so entities survive a round trip.
 * @category Value objects
 */
export const Instant = z
  .union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))])
  .pipe(z.date());
/** @category Value objects */
export type Instant = z.output<typeof Instant>;

/**
 * A calendar date without time, `YYYY-MM-DD` (a birth date, a holiday).
 * @category Value objects
 */
export const CalendarDate = z.iso.date();
/** @category Value objects */
export type CalendarDate = z.infer<typeof CalendarDate>;
