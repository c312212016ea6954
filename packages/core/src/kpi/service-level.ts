import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { countAtMost } from './duration-histogram';
import { ThresholdSeconds } from './kpi-options';
import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * How a service level counts abandoned contacts. With `A` contacts answered, `A_Y` of them within `Y` seconds,
 * `B` abandoned and `B_T` of those within the short-abandon threshold `T` (short abandons):
 * - `answered-only` — `A_Y / A` (abandoned contacts ignored);
 * - `answered-and-abandoned` — `A_Y / (A + B)` (every abandoned contact a miss);
 * - `short-abandons-met` — `(A_Y + B_T) / (A + B)` (a short abandon counts as met; with `T = Y`, "abandoned
 *   within the threshold counts as met");
 * - `short-abandons-excluded` — `A_Y / (A + B − B_T)` (short abandons left out: the customer hardly waited).
 *
 * Contacts offered and neither answered nor abandoned (overflowed) are in none of them.
 * @category KPIs
 */
export const ServiceLevelVariant = z.enum([
  'answered-only',
  'answered-and-abandoned',
  'short-abandons-met',
  'short-abandons-excluded',
]);
/** @category KPIs */
export type ServiceLevelVariant = z.infer<typeof ServiceLevelVariant>;

/**
 * Options of {@link serviceLevel}: the threshold `Y` (`thresholdSeconds`), the `variant`, and the short-abandon
 * threshold `T` (`shortAbandonSeconds`, default 5, used by the two short-abandon variants). Thresholds are
 * bucket edges of the wait histogram (any whole second up to an hour, see `DurationHistogram`).
 * @category KPIs
 */
export const ServiceLevelOptions = z.strictObject({
  thresholdSeconds: ThresholdSeconds,
  variant: ServiceLevelVariant,
  shortAbandonSeconds: ThresholdSeconds.default(5),
});
/** @category KPIs */
export type ServiceLevelOptions = z.input<typeof ServiceLevelOptions>;

/**
 * Service level (szolgáltatási szint): the share of inbound contacts answered within `thresholdSeconds`, as a
 * number from 0 to 1, counted the way `variant` says (see {@link ServiceLevelVariant}). A target "80% in
 * 20 seconds" is met when `serviceLevel(t, { thresholdSeconds: 20, variant }) >= 0.8`. `null` when the
 * denominator is zero; an unknown variant or a threshold the histogram cannot count exactly is a
 * `ValidationError` at its option.
 * @example
 * serviceLevel(totals, { thresholdSeconds: 20, variant: 'answered-and-abandoned' }) // 0.8
 * @category KPIs
 */
export function serviceLevel(totals: KpiTotals, options: ServiceLevelOptions): number | null {
  const o = parseInput(ServiceLevelOptions, options, 'service level options');
  const c = totals.contacts;
  const answeredInTime = countAtMost(c.answeredWait, o.thresholdSeconds);
  const shortAbandons = o.shortAbandonSeconds === 0 ? 0 : countAtMost(c.abandonedWait, o.shortAbandonSeconds);
  switch (o.variant) {
    case 'answered-only':
      return ratio(answeredInTime, c.answered);
    case 'answered-and-abandoned':
      return ratio(answeredInTime, c.answered + c.abandoned);
    case 'short-abandons-met':
      return ratio(answeredInTime + shortAbandons, c.answered + c.abandoned);
    case 'short-abandons-excluded':
      return ratio(answeredInTime, c.answered + c.abandoned - shortAbandons);
  }
}
