import { z } from 'zod';

/**
 * Where a 29 February date (a birthday, a contract start) falls in a common year: `'feb28'`, the last day of
 * February, or `'mar1'`, the day after it. Either way it falls exactly once a year, never skipped, never twice.
 *
 * The default is `'feb28'`: a greeting then comes before the day has passed rather than after it, it stays in
 * the month the customer was born in, it is what Hungarian custom commonly does, and it agrees with how
 * `@frontline/core` adds years to a date (and with date-fns `addYears`), so anniversaries computed anywhere in
 * Frontline land on the same day.
 * @category Calendar
 */
export const LeapDayPolicy = z.enum(['feb28', 'mar1']);
/** @category Calendar */
export type LeapDayPolicy = z.infer<typeof LeapDayPolicy>;

/**
 * The leap-day policy used when none is given.
 * @category Calendar
 */
export const DEFAULT_LEAP_DAY_POLICY: LeapDayPolicy = 'feb28';
