import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * Customer Effort Score (CES) from 1–7 answers (1 = very hard, 7 = very easy): `mean` — the average score;
 * `easyShare` — the share answering 5–7; both `null` without answers.
 * @example
 * customerEffortScore(totals) // { responses: 3, mean: 5, easyShare: 0.6666666666666666 }
 * @category KPIs
 */
export function customerEffortScore(totals: KpiTotals): {
  responses: number;
  mean: number | null;
  easyShare: number | null;
} {
  const counts = totals.surveys.ces;
  const responses = counts.reduce((sum, n) => sum + n, 0);
  const weighted = counts.reduce((sum, n, i) => sum + n * (i + 1), 0);
  const easy = counts.slice(4).reduce((sum, n) => sum + n, 0);
  return { responses, mean: ratio(weighted, responses), easyShare: ratio(easy, responses) };
}
