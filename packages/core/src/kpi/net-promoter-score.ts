import type { KpiTotals } from './kpi-partial';

/**
 * Net Promoter Score (NPS) from 0–10 answers: `score = 100 × (promoters − detractors) / responses`, promoters
 * answering 9–10 and detractors 0–6, from −100 to 100; `null` without answers.
 * @example
 * netPromoterScore(totals) // { responses: 5, promoters: 2, passives: 1, detractors: 2, score: 0 }
 * @category KPIs
 */
export function netPromoterScore(totals: KpiTotals): {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number | null;
} {
  const counts = totals.surveys.nps;
  const sum = (from: number, to: number) => counts.slice(from, to + 1).reduce((s, n) => s + n, 0);
  const promoters = sum(9, 10);
  const passives = sum(7, 8);
  const detractors = sum(0, 6);
  const responses = promoters + passives + detractors;
  return {
    responses,
    promoters,
    passives,
    detractors,
    score: responses === 0 ? null : (100 * (promoters - detractors)) / responses,
  };
}
