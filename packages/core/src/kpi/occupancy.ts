import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Occupancy (leterheltség): the share of the agents' available-for-work time spent handling contacts —
 * `(on call + wrap-up) / (on call + wrap-up + available)`. Breaks are not in it (see `utilisation`).
 * `null` when the agents had no such time.
 * @example
 * occupancy(totals) // 0.85
 * @category KPIs
 */
export function occupancy(totals: KpiTotals): number | null {
  const a = totals.agents;
  const busy = a.onCallMs + a.wrapUpMs;
  return ratio(busy, busy + a.availableMs);
}
