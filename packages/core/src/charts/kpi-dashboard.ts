import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import {
  averageHandleTime,
  type KpiGroup,
  type KpiGroupKey,
  KpiPartial,
  kpiGroups,
  kpiPeriodOf,
  kpiTotals,
} from '../kpi';
import { type ForecastInterval, Shrinkage, type StaffingPlan, staffingPlan } from '../kpi/staffing';
import { PatienceSeconds } from '../kpi/staffing/queue-input';
import { Locale, TimeZone, totalsByPeriod } from './chart-groups';
import type { DashboardInput } from './html/render-dashboard-html';
import type { PlainChartConfiguration } from './json-chart-configuration';
import { kpiBarChart } from './kpi-bar-chart';
import { type KpiMeasure, KpiReportOptions } from './kpi-measures';
import { type KpiTable, kpiTable } from './kpi-table';
import { kpiTrendChart, serviceLevelTrendChart } from './kpi-trend-chart';
import { outcomeDoughnutChart } from './outcome-doughnut-chart';
import { staffingPlanChart } from './staffing-plan-chart';

/**
 * Input of {@link kpiDashboard}: three merged partials of the same contacts (settled with
 * `settleFirstContacts` for first-contact resolution) — `daily` (period `day`, by `queue`), `intraday`
 * (period `15min` or `30min`) and `agents` (by `agent`) — each grouped in `timeZone`; the report `options`, the
 * instant the report is made (`generatedAt`, shown; no clock is read), an optional `title` and `subtitle`,
 * and `staffing` to add a staffing plan for one day (by default the Monday after the data): Erlang A with
 * the callers' mean `patienceSeconds` (estimated from the data when left out) and `shrinkage` (default 0.3).
 * @category Charts
 */
export const KpiDashboardInput = z
  .strictObject({
    daily: KpiPartial,
    intraday: KpiPartial,
    agents: KpiPartial,
    timeZone: TimeZone,
    locale: Locale,
    options: KpiReportOptions.prefault({}),
    generatedAt: z.date(),
    title: z.string().min(1).optional(),
    subtitle: z.string().optional(),
    staffing: z
      .strictObject({
        day: z.date().optional(),
        patienceSeconds: PatienceSeconds.optional(),
        shrinkage: Shrinkage.default(0.3),
      })
      .optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const { daily, intraday, agents } = input;
    if (daily.grouping.period !== 'day')
      issue(['daily', 'grouping', 'period'], 'The daily partial has period "day"');
    if (!daily.grouping.by.includes('queue'))
      issue(['daily', 'grouping', 'by'], 'The daily partial is by "queue"');
    if (intraday.grouping.period !== '15min' && intraday.grouping.period !== '30min')
      issue(['intraday', 'grouping', 'period'], 'The intraday partial has period "15min" or "30min"');
    if (!agents.grouping.by.includes('agent'))
      issue(['agents', 'grouping', 'by'], 'The agents partial is by "agent"');
    for (const [name, partial] of [
      ['daily', daily],
      ['intraday', intraday],
    ] as const) {
      if (partial.grouping.timeZone !== input.timeZone)
        issue(
          [name, 'grouping', 'timeZone'],
          `Grouped in ${partial.grouping.timeZone}, not in ${input.timeZone}`,
        );
    }
    if (!Object.values(daily.groups).some((g) => g.totals.contacts.offered + g.totals.contacts.handled > 0))
      issue(['daily', 'groups'], 'No contacts: nothing to report');
  });
/** @category Charts */
export type KpiDashboardInput = Omit<z.input<typeof KpiDashboardInput>, 'daily' | 'intraday' | 'agents'> & {
  daily: KpiPartial;
  intraday: KpiPartial;
  agents: KpiPartial;
};

/** What {@link kpiDashboard} builds. @category Charts */
export interface KpiDashboard {
  /** The page: give it to `renderDashboardHtml` of `@frontline/core/charts/html`. */
  dashboard: DashboardInput;
  /** Days, Agents and Queues, for the page and for `kpiWorkbook`. */
  tables: KpiTable[];
  /** The charts worth sending as images (`renderChartPng`), by file name. */
  pngCharts: Record<string, PlainChartConfiguration>;
  /** The local days with contacts: the first one's start, the last one's end, and how many. */
  period: { from: Date; to: Date; days: number };
  /** The staffing plan, when asked for. */
  staffing?: StaffingPlan;
}

const DAY_TABLE: KpiMeasure[] = [
  'offered',
  'answered',
  'abandoned',
  'answerRate',
  'serviceLevel',
  'abandonmentRate',
  'averageSpeedOfAnswer',
  'averageHandleTime',
];

/**
 * The weekly (or any span's) KPI dashboard from merged partials, as a host keeps them as daily roll-ups:
 * service level per day, per queue and against the target, calls offered per hour, agents' AHT and calls
 * (and occupancy when the partials hold agent sessions), the outcomes of inbound calls, a table each of days,
 * agents and queues (CSAT and NPS when there are surveys), and optionally a staffing plan for one day, forecast
 * as the mean of the data's weekdays (Monday–Friday) per interval with the data's AHT. Pure: plain JSON out,
 * no chart.js code runs. A bad input is a `ValidationError` naming the field (`['daily', 'grouping', 'period']`).
 * @example
 * import { kpiPartialOf, mergeKpiPartials, settleFirstContacts } from '@frontline/core/kpi';
 * import { kpiDashboard } from '@frontline/core/charts';
 * import { renderDashboardHtml } from '@frontline/core/charts/html';
 * const timeZone = 'Europe/Budapest';
 * const week = (grouping) => settleFirstContacts(days.map((rows) => kpiPartialOf(rows, grouping)).reduce(mergeKpiPartials),
 *   { completeThrough: endOfWeek });
 * const { dashboard, tables } = kpiDashboard({
 *   daily: week({ period: 'day', by: ['queue'], timeZone }), intraday: week({ period: '30min', timeZone }),
 *   agents: week({ period: null, by: ['agent'], timeZone }), timeZone, generatedAt: new Date(),
 *   options: { serviceLevel: { thresholdSeconds: 20, target: 0.8 } }, staffing: {} });
 * await writeFile('dashboard.html', renderDashboardHtml(dashboard));
 * @category Charts
 */
export function kpiDashboard(input: KpiDashboardInput): KpiDashboard {
  const i = parseInput(KpiDashboardInput, input, 'KPI dashboard');
  const { timeZone, locale, options } = i;
  const withData = (g: KpiGroup) => g.totals.contacts.offered + g.totals.contacts.handled > 0;
  const dailyGroups = kpiGroups(i.daily).filter((g) => withData(g) || g.totals.agents.onCallMs > 0);
  const agentGroups = kpiGroups(i.agents);
  const agentTotals = kpiTotals(i.agents).totals;
  const hasSessions = Object.values(agentTotals.agents).some((ms) => ms > 0);
  const hasSurveys = [...agentTotals.surveys.csat, ...agentTotals.surveys.nps].some((n) => n > 0);

  const days = totalsByPeriod(kpiGroups(i.daily).filter(withData));
  const from = days[0]!.start;
  const to = days[days.length - 1]!.end;
  const lastDay = new Date(to.getTime() - 1);
  const dateOf = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });

  const table = (title: string, rows: 'period' | 'agent' | 'queue', measures: KpiMeasure[]) =>
    kpiTable({
      title,
      groups: rows === 'agent' ? agentGroups : dailyGroups,
      rows,
      timeZone,
      locale,
      options,
      measures,
    });
  const dayTable = table('Days', 'period', hasSessions ? [...DAY_TABLE, 'occupancy'] : DAY_TABLE);
  const agentTable = table('Agents', 'agent', [
    'handled',
    'averageHandleTime',
    ...(hasSessions ? (['occupancy'] as const) : []),
    'firstContactResolution',
    ...(hasSurveys ? (['customerSatisfaction', 'netPromoterScore'] as const) : []),
  ]);
  const queueTable = table('Queues', 'queue', [
    'offered',
    'answerRate',
    'serviceLevel',
    'averageSpeedOfAnswer',
    'averageHandleTime',
  ]);

  const serviceLevel = serviceLevelTrendChart({ groups: dailyGroups, timeZone, locale, options });
  const byQueue = serviceLevelTrendChart({
    groups: dailyGroups,
    by: 'queue',
    timeZone,
    locale,
    options,
    title: 'Service level by queue',
  });
  const perHour = kpiTrendChart({
    groups: hourGroups(kpiGroups(i.intraday), timeZone),
    measure: 'offered',
    timeZone,
    locale,
    options,
    title: 'Calls offered per hour',
  });
  const agentBars = kpiBarChart({
    groups: agentGroups,
    measures: ['averageHandleTime', 'answered'],
    options,
  });
  const occupancyBars = hasSessions
    ? kpiBarChart({ groups: agentGroups, measures: ['occupancy'], options, title: 'Occupancy by agent' })
    : undefined;
  const outcomes = outcomeDoughnutChart({ totals: kpiTotals(i.daily).totals, options });

  const sections: DashboardInput['sections'] = [
    {
      title: 'Service level',
      charts: [{ config: serviceLevel }, { config: byQueue }, { config: perHour, wide: true, height: 260 }],
      tables: [dayTable],
    },
    {
      title: 'Agents',
      charts: [{ config: agentBars }, ...(occupancyBars ? [{ config: occupancyBars }] : [])],
      tables: [agentTable],
    },
  ];
  const pngCharts: Record<string, PlainChartConfiguration> = {
    'service-level.png': serviceLevel,
    'agents.png': agentBars,
    'outcomes.png': outcomes,
  };
  let plan: StaffingPlan | undefined;
  if (i.staffing) {
    const total = kpiTotals(i.daily).totals.contacts;
    // The usual estimate for exponential patience: every second a caller waited could have ended in a hang-up,
    // so the mean patience is the time all callers waited over the callers who hung up.
    const patienceSeconds =
      i.staffing.patienceSeconds ??
      (total.abandoned === 0
        ? 600
        : (total.answeredWait.sumMs + total.abandonedWait.sumMs) / 1000 / total.abandoned);
    const day = kpiPeriodOf(
      i.staffing.day ?? kpiPeriodOf(lastDay, 'week', timeZone).end,
      'day',
      timeZone,
    ).start;
    const aht = averageHandleTime(agentTotals) ?? 300;
    const target = options.serviceLevel.target;
    plan = staffingPlan({
      model: 'erlang-a',
      patienceSeconds,
      shrinkage: i.staffing.shrinkage,
      targets: { serviceLevel: { target, thresholdSeconds: options.serviceLevel.thresholdSeconds } },
      intervals: weekdayForecast(kpiGroups(i.intraday), day, timeZone, aht),
    });
    const staffing = staffingPlanChart({
      plan,
      timeZone,
      locale,
      target,
      title: `Staffing plan for ${dateOf.format(day)}`,
    });
    sections.push({
      title: 'Staffing',
      description: `${dateOf.format(day)}, forecast from the weekdays above: Erlang A, mean patience ${Math.round(patienceSeconds)} s${i.staffing.patienceSeconds === undefined ? ' (estimated)' : ''}, AHT ${Math.round(aht)} s, ${Math.round(i.staffing.shrinkage * 100)}% shrinkage; ${plan.scheduledAgentHours.toFixed(1)} agent-hours to schedule.`,
      charts: [{ config: staffing, wide: true }],
    });
    pngCharts['staffing.png'] = staffing;
  }
  sections.push({ title: 'Outcomes', charts: [{ config: outcomes }], tables: [queueTable] });

  const offered = kpiTotals(i.daily).totals.contacts.offered;
  return {
    dashboard: {
      title: i.title ?? `Contact centre — ${dateOf.format(from)} to ${dateOf.format(lastDay)}`,
      subtitle: i.subtitle ?? `${offered} calls offered over ${days.length} days`,
      timeZone,
      locale,
      generatedAt: i.generatedAt,
      sections,
    },
    tables: [dayTable, agentTable, queueTable],
    pngCharts,
    period: { from, to, days: days.length },
    ...(plan ? { staffing: plan } : {}),
  };
}

/** The groups moved to the hour they fall in (the trend chart adds up groups of the same period). */
function hourGroups(groups: KpiGroup[], timeZone: string): KpiGroup[] {
  return groups
    .filter((g) => g.totals.contacts.offered > 0)
    .map((g) => {
      const hour = kpiPeriodOf(g.key.period!.start, '60min', timeZone);
      const period: KpiGroupKey['period'] = { start: hour.start.toISOString(), end: hour.end.toISOString() };
      return { ...g, key: { ...g.key, period } };
    });
}

/**
 * A forecast for `day`: per local time of day, the calls offered on the data's weekdays (Monday–Friday) at that
 * time over the number of those weekdays; the intervals start at that wall-clock time on `day` in `timeZone`.
 */
function weekdayForecast(
  groups: KpiGroup[],
  day: Date,
  timeZone: string,
  ahtSeconds: number,
): ForecastInterval[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const local = (at: Date) =>
    Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value])) as Record<string, string>;
  const callsAt = new Map<string, { minutes: 15 | 30; calls: number }>();
  const dates = new Set<string>();
  for (const period of totalsByPeriod(groups)) {
    const t = local(period.start);
    // a period with only sessions or surveys in it (a survey answered after closing time) is no forecast slot
    if (t.weekday === 'Sat' || t.weekday === 'Sun' || period.totals.contacts.offered === 0) continue;
    dates.add(`${t.year}-${t.month}-${t.day}`);
    const minutes = (period.end.getTime() - period.start.getTime()) / 60_000 <= 15 ? 15 : 30;
    const time = `${t.hour}:${t.minute}`;
    const slot = callsAt.get(time) ?? { minutes, calls: 0 };
    callsAt.set(time, { minutes, calls: slot.calls + period.totals.contacts.offered });
  }
  const d = new TZDate(day.getTime(), timeZone);
  return [...callsAt.keys()].sort().map((time) => {
    const [hours, minutes] = time.split(':').map(Number);
    const slot = callsAt.get(time)!;
    return {
      start: new Date(
        new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), hours!, minutes!, timeZone).getTime(),
      ),
      minutes: slot.minutes,
      offeredCalls: slot.calls / Math.max(1, dates.size),
      ahtSeconds,
    };
  });
}
