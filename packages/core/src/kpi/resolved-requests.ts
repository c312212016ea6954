import type { KpiTotals } from './kpi-partial';

/**
 * Resolved requests (megoldott bejelentések): how many tickets were resolved in the group's periods (0 when
 * none). A ticket is a request; contacts resolved without a ticket are in `totals.contacts.resolved`.
 * @example
 * resolvedRequests(totals) // 57
 * @category KPIs
 */
export function resolvedRequests(totals: KpiTotals): number {
  return totals.tickets.resolved;
}
