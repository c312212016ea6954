import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { countAtMost } from './duration-histogram';
import { ThresholdSeconds } from './kpi-options';
import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Options of {@link abandonmentRate}: `shortAbandonSeconds` — contacts abandoned after at most this many
 * seconds of waiting are short abandons, left out of both sides (default 0: none left out).
 * @category KPIs
 */
export const AbandonmentRateOptions = z.strictObject({ shortAbandonSeconds: ThresholdSeconds.default(0) });
/** @category KPIs */
export type AbandonmentRateOptions = z.input<typeof AbandonmentRateOptions>;

/**
 * Abandonment rate (hívásfeladási arány) of inbound contacts: `(abandoned − short) / (offered − short)`, where
 * `short` is the number abandoned within `shortAbandonSeconds` (0 by default, so `abandoned / offered`).
 * `null` when the denominator is zero.
 * @example
 * abandonmentRate(totals, { shortAbandonSeconds: 5 }) // 0.06
 * @category KPIs
 */
export function abandonmentRate(totals: KpiTotals, options: AbandonmentRateOptions = {}): number | null {
  const o = parseInput(AbandonmentRateOptions, options, 'abandonment rate options');
  const c = totals.contacts;
  const short = o.shortAbandonSeconds === 0 ? 0 : countAtMost(c.abandonedWait, o.shortAbandonSeconds);
  return ratio(c.abandoned - short, c.offered - short);
}
