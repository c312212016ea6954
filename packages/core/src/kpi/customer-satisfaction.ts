import type { KpiTotals } from './kpi-partial';
import { ratio } from './kpi-ratio';

/**
 * CSAT (ügyfél-elégedettség) from 1–5 answers: `topTwoBox` — the share of 4s and 5s; `mean` — the average
 * score; both `null` without answers.
 * @example
 * customerSatisfaction(totals) // { responses: 4, topTwoBox: 0.5, mean: 3.5 }
 * @category KPIs
 */
export function customerSatisfaction(totals: KpiTotals): {
  responses: number;
  topTwoBox: number | null;
  mean: number | null;
} {
  const counts = totals.surveys.csat;
  const responses = counts.reduce((sum, n) => sum + n, 0);
  const weighted = counts.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    responses,
    topTwoBox: ratio((counts[3] ?? 0) + (counts[4] ?? 0), responses),
    mean: ratio(weighted, responses),
  };
}
