import { z } from 'zod';
import { DEFAULT_LEAP_DAY_POLICY, LeapDayPolicy } from '../calendar/leap-day-policy';

/**
 * How occasions are found:
 * - `leadDays`: how many days before its date an occasion is due ("3 days before": the occasion of day D is
 *   due on D − 3); 0 (the day itself) by default, at most 366;
 * - `leapDayPolicy`: where a 29 February birthday or anniversary falls in a common year (`'feb28'` by default,
 *   see {@link LeapDayPolicy});
 * - `nameDays`: `'main'` (default) for the main name day of each given name only, `'all'` for its additional
 *   days too, `'none'` for no name days. Most names in the calendar (1,441 of 1,879, e.g. Jázmin) have
 *   additional days only: under `'main'` their bearers get no name day; the host decides whether to ask for
 *   `'all'` or to choose one day per name.
 * @category Occasions
 */
export const OccasionOptions = z.strictObject({
  leadDays: z.int().min(0).max(366).default(0),
  leapDayPolicy: LeapDayPolicy.default(DEFAULT_LEAP_DAY_POLICY),
  nameDays: z.enum(['main', 'all', 'none']).default('main'),
});
/** The options as given (every one optional). @category Occasions */
export type OccasionOptionsInput = z.input<typeof OccasionOptions>;
/** @category Occasions */
export type OccasionOptions = z.output<typeof OccasionOptions>;
