/**
 * The weekly report of a set of contacts: partials per local day (as a nightly roll-up job would keep them),
 * merged into the week and settled, then the charts and tables of the dashboard and the workbook. Only the
 * public API of `@frontline/core/kpi` and `@frontline/core/charts`.
 */
import {
  type KpiReportOptionsInput,
  type KpiTable,
  kpiBarChart,
  kpiTable,
  kpiTrendChart,
  outcomeDoughnutChart,
  type PlainChartConfiguration,
  serviceLevelTrendChart,
  staffingPlanChart,
} from '@frontline/core/charts';
import type { DashboardInput } from '@frontline/core/charts/html';
import {
  averageHandleTime,
  type ForecastInterval,
  type KpiContactInput,
  type KpiGroupingInput,
  kpiGroups,
  kpiPartialOf,
  kpiPeriodOf,
  kpiTotals,
  mergeKpiPartials,
  settleFirstContacts,
  staffingPlan,
} from '@frontline/core/kpi';

export interface WeeklyReportInput {
  contacts: KpiContactInput[];
  timeZone: string;
  options: KpiReportOptionsInput;
  /** When the report is made (shown on it); the data must be complete up to then. */
  generatedAt: Date;
}

export interface WeeklyReport {
  dashboard: DashboardInput;
  tables: KpiTable[];
  /** Charts for e-mail, by file name. */
  pngCharts: Record<string, PlainChartConfiguration>;
  summary: { contacts: number; days: number; from: Date; to: Date };
}

export function weeklyReport({ contacts, timeZone, options, generatedAt }: WeeklyReportInput): WeeklyReport {
  if (contacts.length === 0) throw new Error('No contacts: nothing to report.');
  // One partial per local day of the data, as stored roll-ups would be.
  const byDay = new Map<number, KpiContactInput[]>();
  for (const contact of contacts) {
    const day = kpiPeriodOf(contact.offeredAt, 'day', timeZone).start.getTime();
    byDay.set(day, [...(byDay.get(day) ?? []), contact]);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const from = new Date(days[0]!);
  const to = kpiPeriodOf(new Date(days[days.length - 1]!), 'day', timeZone).end;
  const week = (grouping: KpiGroupingInput) =>
    settleFirstContacts(
      days.map((day) => kpiPartialOf({ contacts: byDay.get(day)! }, grouping)).reduce(mergeKpiPartials),
      { completeThrough: generatedAt < to ? generatedAt : to },
    );
  const recontactWindowHours = 72;
  const daily = week({ period: 'day', by: ['queue'], timeZone, recontactWindowHours });
  const hourly = week({ period: '60min', timeZone, recontactWindowHours });
  const agents = week({ period: null, by: ['agent'], timeZone, recontactWindowHours });
  const dailyGroups = kpiGroups(daily);
  const agentGroups = kpiGroups(agents);

  const dayTable = kpiTable({
    title: 'Days',
    groups: dailyGroups,
    rows: 'period',
    timeZone,
    options,
    measures: [
      'offered',
      'answered',
      'abandoned',
      'answerRate',
      'serviceLevel',
      'abandonmentRate',
      'averageSpeedOfAnswer',
      'averageHandleTime',
    ],
  });
  const agentTable = kpiTable({
    title: 'Agents',
    groups: agentGroups,
    rows: 'agent',
    timeZone,
    options,
    measures: ['handled', 'averageHandleTime', 'firstContactResolution'],
  });
  const queueTable = kpiTable({
    title: 'Queues',
    groups: dailyGroups,
    rows: 'queue',
    timeZone,
    options,
    measures: ['offered', 'answerRate', 'serviceLevel', 'averageSpeedOfAnswer', 'averageHandleTime'],
  });

  const serviceLevel = serviceLevelTrendChart({ groups: dailyGroups, timeZone, options });
  const byQueue = serviceLevelTrendChart({
    groups: dailyGroups,
    by: 'queue',
    timeZone,
    options,
    title: 'Service level by queue',
  });
  const perHour = kpiTrendChart({
    groups: kpiGroups(hourly).filter((g) => g.totals.contacts.offered > 0),
    measure: 'offered',
    timeZone,
    options,
    title: 'Calls offered per hour',
  });
  const agentBars = kpiBarChart({
    groups: agentGroups,
    measures: ['averageHandleTime', 'answered'],
    options,
  });
  const outcomes = outcomeDoughnutChart({ totals: kpiTotals(daily).totals, options });

  // Next Monday's staffing: each half hour's calls as the mean of the weekdays seen, the week's AHT, and the
  // callers' mean patience estimated as (time all callers waited) / (callers who hung up) — the usual
  // estimate for exponential patience, since every waiting second could have ended in a hang-up.
  const total = kpiTotals(daily).totals.contacts;
  const patienceSeconds =
    total.abandoned === 0
      ? 600
      : (total.answeredWait.sumMs + total.abandonedWait.sumMs) / 1000 / total.abandoned;
  const halfHourly = week({ period: '30min', timeZone, recontactWindowHours });
  const slot = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const callsAt = new Map<string, number>();
  const weekdays = new Set<string>();
  for (const group of kpiGroups(halfHourly)) {
    const [weekday, time] = slot.format(new Date(group.key.period!.start)).split(' ');
    if (weekday === 'Sat' || weekday === 'Sun' || time === undefined) continue;
    weekdays.add(weekday!);
    callsAt.set(time, (callsAt.get(time) ?? 0) + group.totals.contacts.offered);
  }
  const nextMonday = kpiPeriodOf(new Date(to.getTime() - 1), 'week', timeZone).end;
  const aht = averageHandleTime(kpiTotals(agents).totals) ?? 300;
  const intervals: ForecastInterval[] = [...callsAt.keys()].sort().map((time) => {
    const [hours, minutes] = time.split(':').map(Number);
    return {
      // local wall-clock time on a Monday; a daylight-saving change that morning would shift it by an hour
      start: new Date(nextMonday.getTime() + (hours! * 60 + minutes!) * 60_000),
      minutes: 30,
      offeredCalls: (callsAt.get(time) ?? 0) / Math.max(1, weekdays.size),
      ahtSeconds: aht,
    };
  });
  const sl = options.serviceLevel ?? {};
  const dateOf = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone });
  const plan = staffingPlan({
    model: 'erlang-a',
    patienceSeconds,
    shrinkage: 0.3,
    targets: { serviceLevel: { target: sl.target ?? 0.8, thresholdSeconds: sl.thresholdSeconds ?? 20 } },
    intervals,
  });
  const staffing = staffingPlanChart({
    plan,
    timeZone,
    target: sl.target ?? 0.8,
    title: `Staffing plan for ${dateOf.format(nextMonday)}`,
  });

  const lastDay = new Date(to.getTime() - 1);
  return {
    dashboard: {
      title: `Contact centre — ${dateOf.format(from)} to ${dateOf.format(lastDay)}`,
      subtitle: `${contacts.length} contacts over ${days.length} days`,
      timeZone,
      generatedAt,
      sections: [
        {
          title: 'Service level',
          charts: [
            { config: serviceLevel },
            { config: byQueue },
            { config: perHour, wide: true, height: 260 },
          ],
          tables: [dayTable],
        },
        { title: 'Agents', charts: [{ config: agentBars }], tables: [agentTable] },
        {
          title: 'Staffing',
          description: `${dateOf.format(nextMonday)}, forecast from the weekdays above: Erlang A, mean patience ${Math.round(patienceSeconds)} s (estimated), AHT ${Math.round(aht)} s, 30% shrinkage; ${plan.scheduledAgentHours.toFixed(1)} agent-hours to schedule.`,
          charts: [{ config: staffing, wide: true }],
        },
        { title: 'Outcomes', charts: [{ config: outcomes }], tables: [queueTable] },
      ],
    },
    tables: [dayTable, agentTable, queueTable],
    pngCharts: {
      'service-level.png': serviceLevel,
      'agents.png': agentBars,
      'outcomes.png': outcomes,
      'staffing.png': staffing,
    },
    summary: { contacts: contacts.length, days: days.length, from, to },
  };
}
