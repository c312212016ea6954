import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Answer rate (válaszolási arány) of inbound contacts: `answered / offered`. Contacts offered and neither
 * answered nor abandoned (overflowed, transferred out) count in the denominator. `null` when nothing was offered.
 * @example
 * answerRate(kpiTotals(partial).totals) // 0.9 — 90 of 100 offered calls answered
 * @category KPIs
 */
export function answerRate(totals: KpiTotals): number | null {
  return ratio(totals.contacts.answered, totals.contacts.offered);
}
