import { parseInput } from '../errors/validate';
import { KpiBasisOptions } from './kpi-basis';
import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Escalation rate (eszkalációs arány) to second level (L2):
 * - `basis: 'tickets'` (default) — tickets resolved in the period that had reached L2, over tickets resolved
 *   (a ticket's escalation is known for certain once it is resolved);
 * - `basis: 'contacts'` — contacts escalated, over contacts handled.
 *
 * `null` when the denominator is zero.
 * @example
 * escalationRate(totals, { basis: 'contacts' }) // 0.12
 * @category KPIs
 */
export function escalationRate(totals: KpiTotals, options: KpiBasisOptions = {}): number | null {
  const { basis } = parseInput(KpiBasisOptions, options, 'escalation rate options');
  if (basis === 'contacts') return ratio(totals.contacts.escalated, totals.contacts.handled);
  return ratio(totals.tickets.resolvedEscalated, totals.tickets.resolved);
}
