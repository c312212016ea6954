import type { KpiTotals } from './kpi-partial';

/**
 * Closed tickets (lezárt hibajegyek): how many tickets were closed in the group's periods (0 when none).
 * @example
 * closedTickets(totals) // 42
 * @category KPIs
 */
export function closedTickets(totals: KpiTotals): number {
  return totals.tickets.closed;
}
