import { parseInput } from '../errors/validate';
import { KpiBasisOptions } from './kpi-basis';
import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Resolved without escalation to second level (L2 nélkül megoldott), as a count and a rate:
 * - `basis: 'tickets'` (default) — tickets resolved in the period that never reached L2, over tickets resolved;
 * - `basis: 'contacts'` — contacts resolved and not escalated, over contacts handled.
 *
 * The rate is `null` when the denominator is zero.
 * @example
 * resolvedWithoutEscalation(totals) // { count: 45, rate: 0.9 }
 * @category KPIs
 */
export function resolvedWithoutEscalation(
  totals: KpiTotals,
  options: KpiBasisOptions = {},
): { count: number; rate: number | null } {
  const { basis } = parseInput(KpiBasisOptions, options, 'resolved-without-escalation options');
  if (basis === 'contacts') {
    const c = totals.contacts;
    return { count: c.resolvedWithoutEscalation, rate: ratio(c.resolvedWithoutEscalation, c.handled) };
  }
  const t = totals.tickets;
  const count = t.resolved - t.resolvedEscalated;
  return { count, rate: ratio(count, t.resolved) };
}
