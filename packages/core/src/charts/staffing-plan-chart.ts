import type { ChartConfiguration } from 'chart.js';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import type { StaffingPlan } from '../kpi/staffing';
import { Locale, periodLabels, TimeZone } from './chart-groups';
import { chartValue, seriesColor, TARGET_COLOR, valueAxis } from './chart-style';

const PlanInterval = z.looseObject({
  start: z.date(),
  minutes: z.int().min(1),
  agents: z.int().min(0),
  scheduledAgents: z.int().min(0),
  serviceLevel: z.number().min(0).max(1),
});

/**
 * Input of {@link staffingPlanChart}: a `plan` as `staffingPlan` returns it, the `timeZone` and `locale` of the
 * interval labels, an optional service-level `target` (0–1) drawn as a dashed line on the percentage axis,
 * and a `title`.
 * @category Charts
 */
export const StaffingPlanChartInput = z.strictObject({
  plan: z.looseObject({ intervals: z.array(PlanInterval) }),
  timeZone: TimeZone,
  locale: Locale,
  target: z.number().min(0).max(1).optional(),
  title: z.string().optional(),
});
/** @category Charts */
export type StaffingPlanChartInput = Omit<z.input<typeof StaffingPlanChartInput>, 'plan'> & {
  plan: StaffingPlan;
};

/** A bar-and-line chart's configuration (bars of agents, lines of agents and service level). @category Charts */
export type KpiMixedChartConfiguration = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

/**
 * A staffing plan per interval: bars of the agents to schedule (after shrinkage), a stepped line of the agents
 * needed on the phones, and the predicted service level (all callers) on a percentage axis at the right,
 * with the target as a dashed line. A chart.js configuration, plain JSON.
 * @example
 * const plan = staffingPlan({ model: 'erlang-a', patienceSeconds: 120, shrinkage: 0.3, targets, intervals });
 * staffingPlanChart({ plan, timeZone: 'Europe/Budapest', target: 0.8 });
 * @category Charts
 */
export function staffingPlanChart(input: StaffingPlanChartInput): KpiMixedChartConfiguration {
  const i = parseInput(StaffingPlanChartInput, input, 'staffing plan chart');
  const intervals = i.plan.intervals;
  const labels = periodLabels(
    intervals.map((t) => ({ start: t.start, end: new Date(t.start.getTime() + t.minutes * 60_000) })),
    i.timeZone,
    i.locale,
  );
  const datasets: KpiMixedChartConfiguration['data']['datasets'] = [
    {
      type: 'bar',
      label: 'Agents to schedule',
      data: intervals.map((t) => t.scheduledAgents),
      backgroundColor: seriesColor(5),
      borderColor: seriesColor(5),
      yAxisID: 'y',
      order: 3,
    },
    {
      type: 'line',
      label: 'Agents on the phones',
      data: intervals.map((t) => t.agents),
      borderColor: seriesColor(0),
      backgroundColor: seriesColor(0),
      stepped: 'middle',
      pointRadius: 0,
      yAxisID: 'y',
      order: 2,
    },
    {
      type: 'line',
      label: 'Predicted service level',
      data: intervals.map((t) => chartValue('rate', t.serviceLevel)),
      borderColor: seriesColor(2),
      backgroundColor: seriesColor(2),
      pointRadius: 2,
      yAxisID: 'y1',
      order: 1,
    },
  ];
  if (i.target !== undefined) {
    const value = chartValue('rate', i.target);
    datasets.push({
      type: 'line',
      label: `Target ${value}%`,
      data: intervals.map(() => value),
      borderColor: TARGET_COLOR,
      backgroundColor: TARGET_COLOR,
      borderDash: [6, 4],
      pointRadius: 0,
      pointStyle: 'line',
      yAxisID: 'y1',
      order: 0,
    });
  }
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      plugins: {
        title: { display: true, text: i.title ?? 'Staffing plan' },
        // datasets are drawn by `order` (lines over bars); the legend lists them as given
        legend: { position: 'bottom', reverse: true, labels: { usePointStyle: true } },
      },
      scales: {
        y: { ...valueAxis('count'), grace: '10%', title: { display: true, text: 'agents' } },
        y1: { ...valueAxis('rate', 'right'), grid: { drawOnChartArea: false } },
      },
    },
  };
}
