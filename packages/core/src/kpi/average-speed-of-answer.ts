import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Average speed of answer (ASA, átlagos várakozási idő a válaszig), in seconds: the total wait of answered
 * inbound contacts (offered → answered) divided by their number. Exact (the sum is kept in milliseconds).
 * `null` when nothing was answered.
 * @example
 * averageSpeedOfAnswer(totals) // 17.5
 * @category KPIs
 */
export function averageSpeedOfAnswer(totals: KpiTotals): number | null {
  const c = totals.contacts;
  return ratio(c.answeredWait.sumMs / 1000, c.answered);
}
