import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { KpiDimension } from '../kpi';
import { ChartGroups, Locale, periodLabels, TimeZone, totalsByPeriod } from './chart-groups';
import { chartValue, seriesColor, TARGET_COLOR, valueAxis } from './chart-style';
import { KpiMeasure, KpiReportOptions, kpiMeasureDefinition, measureValue } from './kpi-measures';

/**
 * Input of {@link kpiTrendChart}:
 * - `groups` — `kpiGroups(partial)` of a partial grouped by period (and maybe by other dimensions);
 * - `measure` — the figure to draw; `options` — the report's options (service-level threshold, variant and
 *   target, short abandons);
 * - `by` — one line per value of this dimension (e.g. `queue`); left out, one line for all groups;
 * - `target` — a target line in the measure's unit (a share 0–1 for rates); for `serviceLevel` it defaults to
 *   `options.serviceLevel.target`, `null` draws none;
 * - `timeZone` and `locale` — how the periods are labelled; `title` — the chart's title.
 * @category Charts
 */
export const KpiTrendChartInput = z.strictObject({
  groups: ChartGroups,
  measure: KpiMeasure,
  by: KpiDimension.optional(),
  target: z.number().nullable().optional(),
  options: KpiReportOptions.prefault({}),
  timeZone: TimeZone,
  locale: Locale,
  title: z.string().optional(),
});
/** @category Charts */
export type KpiTrendChartInput = z.input<typeof KpiTrendChartInput>;

/** A line chart's configuration: labels are period labels, values numbers or `null` (a gap). @category Charts */
export type KpiLineChartConfiguration = ChartConfiguration<'line', (number | null)[], string>;

/**
 * A line chart of one KPI per reporting period (optionally one line per queue, agent, channel or category),
 * with a dashed target line: a chart.js configuration, plain JSON (no callbacks), ready for
 * `renderDashboardHtml`, `renderChartPng` or a host's own chart.js. Rates are drawn as percentages; a period
 * where the KPI is undefined is a gap. A group without a period is a `ValidationError`.
 * @example
 * const partial = kpiPartialOf({ contacts }, { period: 'day', timeZone: 'Europe/Budapest' });
 * kpiTrendChart({ groups: kpiGroups(partial), measure: 'averageHandleTime', timeZone: 'Europe/Budapest' });
 * @category Charts
 */
export function kpiTrendChart(input: KpiTrendChartInput): KpiLineChartConfiguration {
  const i = parseInput(KpiTrendChartInput, input, 'trend chart');
  const definition = kpiMeasureDefinition(i.measure, i.options);
  const periods = totalsByPeriod(i.groups);
  const labels = periodLabels(periods, i.timeZone, i.locale);
  const series: { label: string; where: (key: (typeof i.groups)[number]['key']) => boolean }[] = [];
  if (i.by === undefined) series.push({ label: definition.label, where: () => true });
  else {
    const dimension = i.by;
    const values = [...new Set(i.groups.map((g) => g.key[dimension] ?? null))];
    const named = values.filter((v): v is string => v !== null).sort((a, b) => a.localeCompare(b));
    for (const value of named) series.push({ label: value, where: (key) => key[dimension] === value });
    if (values.includes(null)) series.push({ label: `(no ${dimension})`, where: (key) => !key[dimension] });
  }
  const lines = series
    .map((s) => {
      const byPeriod = i.by === undefined ? periods : totalsByPeriod(i.groups, s.where);
      const data = byPeriod.map((p) =>
        chartValue(definition.unit, measureValue(p.totals, i.measure, i.options)),
      );
      return { label: s.label, data };
    })
    // A series with no value in any period (e.g. agent sessions, which have no queue) draws nothing.
    .filter((line, index) => index === 0 || line.data.some((v) => v !== null));
  const datasets: ChartDataset<'line', (number | null)[]>[] = lines.map((line, index) => ({
    label: line.label,
    data: line.data,
    borderColor: seriesColor(index),
    backgroundColor: seriesColor(index),
    tension: 0.2,
    spanGaps: false,
  }));
  const target =
    i.target !== undefined ? i.target : i.measure === 'serviceLevel' ? i.options.serviceLevel.target : null;
  if (target !== null) {
    const value = chartValue(definition.unit, target);
    datasets.push({
      label: `Target ${value}${definition.unit === 'rate' ? '%' : ''}`,
      data: labels.map(() => value),
      borderColor: TARGET_COLOR,
      backgroundColor: TARGET_COLOR,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
      fill: false,
    });
  }
  return {
    type: 'line',
    data: { labels, datasets },
    options: {
      plugins: {
        title: { display: true, text: i.title ?? definition.label },
        legend: { position: 'bottom', labels: { usePointStyle: true } },
      },
      scales: { y: valueAxis(definition.unit) },
    },
  };
}

/**
 * Input of {@link serviceLevelTrendChart}: a {@link KpiTrendChartInput} without `measure`.
 * @category Charts
 */
export type ServiceLevelTrendChartInput = Omit<KpiTrendChartInput, 'measure'>;

/**
 * The service level per period against its target line (`options.serviceLevel`: threshold, variant, target).
 * @example
 * serviceLevelTrendChart({ groups: kpiGroups(week), timeZone: 'Europe/Budapest',
 *   options: { serviceLevel: { thresholdSeconds: 20, target: 0.8 } } });
 * @category Charts
 */
export function serviceLevelTrendChart(input: ServiceLevelTrendChartInput): KpiLineChartConfiguration {
  const i = input as KpiTrendChartInput;
  const sl = parseInput(KpiTrendChartInput.shape.options, i.options, 'trend chart', ['options']).serviceLevel;
  return kpiTrendChart({
    ...i,
    measure: 'serviceLevel',
    title:
      i.title ??
      `Service level: ${Math.round(sl.target * 1000) / 10}% answered within ${sl.thresholdSeconds} s`,
  });
}
