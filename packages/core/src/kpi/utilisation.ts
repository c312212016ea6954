import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Utilisation (kihasználtság): the share of the agents' logged-in time spent handling contacts, breaks included in the base —
 * `(on call + wrap-up) / (available + on call + wrap-up + break)`. `null` when nobody was logged in.
 * @example
 * utilisation(totals) // 0.75
 * @category KPIs
 */
export function utilisation(totals: KpiTotals): number | null {
  const a = totals.agents;
  const busy = a.onCallMs + a.wrapUpMs;
  return ratio(busy, busy + a.availableMs + a.breakMs);
}
