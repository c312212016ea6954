import type { ChartConfiguration } from 'chart.js';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { KpiTotals } from '../kpi';
import { countAtMost } from '../kpi/duration-histogram';
import { KpiReportOptions } from './kpi-measures';

/**
 * Input of {@link outcomeDoughnutChart}: the `totals` of the contacts to show (`kpiTotals(partial).totals`),
 * the report's `options` (the service-level threshold splits the answered contacts, the short-abandon threshold
 * the abandoned ones) and a `title`.
 * @category Charts
 */
export const OutcomeDoughnutChartInput = z.strictObject({
  totals: KpiTotals,
  options: KpiReportOptions.prefault({}),
  title: z.string().optional(),
});
/** @category Charts */
export type OutcomeDoughnutChartInput = z.input<typeof OutcomeDoughnutChartInput>;

/** A doughnut chart's configuration: one slice per outcome, counts of contacts. @category Charts */
export type KpiDoughnutChartConfiguration = ChartConfiguration<'doughnut', number[], string>;

/** The outcome slices in the order drawn, with their colours. */
const SLICES = [
  { id: 'answeredInTime', color: '#009E73' },
  { id: 'answeredLate', color: '#56B4E9' },
  { id: 'abandonedShort', color: '#F0E442' },
  { id: 'abandonedLong', color: '#D55E00' },
  { id: 'other', color: '#B3B3B3' },
] as const;

/**
 * The outcomes of inbound contacts as a doughnut: answered within the service-level threshold, answered later,
 * abandoned within the short-abandon threshold (short abandons), abandoned later, and the rest (offered, neither
 * answered nor abandoned: overflowed or still queued) when there is any. Counts of contacts; a chart.js
 * configuration, plain JSON.
 * @example
 * outcomeDoughnutChart({ totals: kpiTotals(week).totals, options: { serviceLevel: { thresholdSeconds: 20 } } });
 * @category Charts
 */
export function outcomeDoughnutChart(input: OutcomeDoughnutChartInput): KpiDoughnutChartConfiguration {
  const i = parseInput(OutcomeDoughnutChartInput, input, 'outcome chart');
  const c = i.totals.contacts;
  const y = i.options.serviceLevel.thresholdSeconds;
  const t = i.options.shortAbandonSeconds;
  const answeredInTime = countAtMost(c.answeredWait, y);
  const abandonedShort = t === 0 ? 0 : countAtMost(c.abandonedWait, t);
  const counts = {
    answeredInTime,
    answeredLate: c.answered - answeredInTime,
    abandonedShort,
    abandonedLong: c.abandoned - abandonedShort,
    other: Math.max(0, c.offered - c.answered - c.abandoned),
  };
  const labels = {
    answeredInTime: `Answered within ${y} s`,
    answeredLate: `Answered after ${y} s`,
    abandonedShort: `Abandoned within ${t} s`,
    abandonedLong: t === 0 ? 'Abandoned' : `Abandoned after ${t} s`,
    other: 'Not answered or abandoned',
  };
  const shown = SLICES.filter(
    (s) => !(s.id === 'other' && counts.other === 0) && !(s.id === 'abandonedShort' && t === 0),
  );
  return {
    type: 'doughnut',
    data: {
      labels: shown.map((s) => labels[s.id]),
      datasets: [
        {
          label: 'Inbound contacts',
          data: shown.map((s) => counts[s.id]),
          backgroundColor: shown.map((s) => s.color),
          borderColor: '#ffffff',
          borderWidth: 1,
        },
      ],
    },
    options: {
      plugins: {
        title: { display: true, text: i.title ?? `Outcomes of ${c.offered} inbound contacts` },
        legend: { position: 'right' },
      },
    },
  };
}
