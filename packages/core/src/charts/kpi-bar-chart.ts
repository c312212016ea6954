import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { KpiDimension } from '../kpi';
import { ChartGroups, totalsByDimension } from './chart-groups';
import { chartValue, seriesColor, valueAxis } from './chart-style';
import { KpiMeasure, KpiReportOptions, kpiMeasureDefinition, measureValue } from './kpi-measures';

/**
 * Input of {@link kpiBarChart}:
 * - `groups` — `kpiGroups(partial)` of a partial grouped by `by` (periods and other dimensions are added up);
 * - `by` — one bar group per value of this dimension (default `agent`);
 * - `measures` — one or two figures; two of different units get an axis each (left and right);
 * - `noneLabel` — the label of groups without a value (e.g. abandoned calls have no agent); left out, they
 *   are not drawn;
 * - `horizontal` — bars along the x axis (long lists of agents read better);
 * - `options`, `title` — as for the other charts.
 * @category Charts
 */
export const KpiBarChartInput = z.strictObject({
  groups: ChartGroups,
  by: KpiDimension.default('agent'),
  measures: z
    .array(KpiMeasure)
    .min(1)
    .max(2)
    .refine((m) => new Set(m).size === m.length, 'A measure is named once'),
  noneLabel: z.string().min(1).optional(),
  horizontal: z.boolean().default(false),
  options: KpiReportOptions.prefault({}),
  title: z.string().optional(),
});
/** @category Charts */
export type KpiBarChartInput = z.input<typeof KpiBarChartInput>;

/** A bar chart's configuration: one label per agent (or queue, …), values numbers or `null`. @category Charts */
export type KpiBarChartConfiguration = ChartConfiguration<'bar', (number | null)[], string>;

/**
 * Bars per agent (or queue, channel, category) of one or two KPIs, e.g. AHT and contacts answered: a chart.js
 * configuration, plain JSON. Rates are drawn as percentages; a second measure of another unit gets its own
 * axis on the right.
 * @example
 * const partial = kpiPartialOf({ contacts }, { period: null, by: ['agent'], timeZone: 'Europe/Budapest' });
 * kpiBarChart({ groups: kpiGroups(partial), measures: ['averageHandleTime', 'answered'] });
 * @category Charts
 */
export function kpiBarChart(input: KpiBarChartInput): KpiBarChartConfiguration {
  const i = parseInput(KpiBarChartInput, input, 'bar chart');
  const byValue = totalsByDimension(i.groups, i.by, i.noneLabel ?? null);
  const definitions = i.measures.map((m) => kpiMeasureDefinition(m, i.options));
  const twoAxes = definitions.length === 2 && definitions[0]?.unit !== definitions[1]?.unit;
  const along = i.horizontal ? 'x' : 'y';
  const valueAxisId = (index: number) => (twoAxes && index === 1 ? `${along}1` : along);
  const datasets: ChartDataset<'bar', (number | null)[]>[] = definitions.map((d, index) => ({
    label: d.label,
    data: [...byValue.values()].map((totals) =>
      chartValue(d.unit, measureValue(totals, d.measure, i.options)),
    ),
    backgroundColor: seriesColor(index),
    borderColor: seriesColor(index),
    ...(i.horizontal ? { xAxisID: valueAxisId(index) } : { yAxisID: valueAxisId(index) }),
  }));
  const first = definitions[0]!;
  const second = definitions[1];
  const scales: Record<string, unknown> = {
    [along]: { ...valueAxis(first.unit), position: i.horizontal ? 'bottom' : 'left' },
  };
  if (twoAxes && second) {
    scales[`${along}1`] = {
      ...valueAxis(second.unit),
      position: i.horizontal ? 'top' : 'right',
      grid: { drawOnChartArea: false },
    };
  }
  return {
    type: 'bar',
    data: { labels: [...byValue.keys()], datasets },
    options: {
      ...(i.horizontal ? { indexAxis: 'y' as const } : {}),
      plugins: {
        title: {
          display: true,
          text: i.title ?? `${definitions.map((d) => d.label).join(' and ')} by ${i.by}`,
        },
        legend: { position: 'bottom' },
      },
      scales: scales as NonNullable<KpiBarChartConfiguration['options']>['scales'],
    },
  };
}
