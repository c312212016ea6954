/**
 * The weekly KPI report of a simulated week, built only through the public API of `@frontline/core/kpi` and
 * `@frontline/core/charts`: partials per day (by queue), per hour and per agent, merged from per-day
 * partials as a roll-up would be; the charts and tables of the dashboard and the workbook.
 */
import {
  type KpiReportOptionsInput,
  type KpiTable,
  kpiBarChart,
  kpiTable,
  kpiTrendChart,
  outcomeDoughnutChart,
  serviceLevelTrendChart,
  staffingPlanChart,
} from '@frontline/core/charts';
import type { DashboardInput } from '@frontline/core/charts/html';
import {
  averageHandleTime,
  type ForecastInterval,
  kpiGroups,
  kpiPartialOf,
  kpiTotals,
  mergeKpiPartials,
  settleFirstContacts,
  staffingPlan,
} from '@frontline/core/kpi';
import { type SimulatedWeek, simulatedWeek } from './simulated-week';

export const TIME_ZONE = 'Europe/Budapest';
export const REPORT_OPTIONS: KpiReportOptionsInput = {
  serviceLevel: { thresholdSeconds: 20, variant: 'answered-and-abandoned', target: 0.8 },
  shortAbandonSeconds: 5,
};

export interface WeeklyReport {
  week: SimulatedWeek;
  dashboard: DashboardInput;
  tables: KpiTable[];
}

/** Rows of one local day (Budapest), as a daily roll-up job would read them. */
function dayRows(week: SimulatedWeek, day: number) {
  const from = week.from.getTime() + day * 86_400_000;
  const to = from + 86_400_000;
  const inDay = (d: Date | string) => {
    const t = new Date(d).getTime();
    return t >= from && t < to;
  };
  return {
    contacts: week.contacts.filter((c) => inDay(c.offeredAt)),
    sessions: week.sessions.filter((s) => inDay(s.from)),
    surveys: week.surveys.filter((s) => inDay(s.answeredAt)),
  };
}

export function weeklyReport(seed?: number): WeeklyReport {
  const week = simulatedWeek(seed);
  const days = [0, 1, 2, 3, 4, 5, 6];
  // Daily partials merged into the week, then settled: every contact of the week is in, so first-contact
  // verdicts whose 72-hour window ended within the week are decided.
  const partial = (grouping: Parameters<typeof kpiPartialOf>[1]) =>
    settleFirstContacts(
      days
        .map((d) => kpiPartialOf(dayRows(week, d), { recontactWindowHours: 72, ...grouping }))
        .reduce(mergeKpiPartials),
      { completeThrough: week.to },
    );
  const daily = partial({ period: 'day', by: ['queue'], timeZone: TIME_ZONE });
  const hourly = partial({ period: '60min', timeZone: TIME_ZONE });
  const agents = partial({ period: null, by: ['agent'], timeZone: TIME_ZONE });
  const dailyGroups = kpiGroups(daily).filter(
    (g) => g.totals.contacts.offered > 0 || g.totals.agents.onCallMs > 0,
  );
  const options = REPORT_OPTIONS;
  const dayTable = kpiTable({
    title: 'Days',
    groups: dailyGroups,
    rows: 'period',
    timeZone: TIME_ZONE,
    options,
    measures: [
      'offered',
      'answered',
      'abandoned',
      'serviceLevel',
      'abandonmentRate',
      'averageSpeedOfAnswer',
      'averageHandleTime',
      'occupancy',
    ],
  });
  const agentTable = kpiTable({
    title: 'Agents',
    groups: kpiGroups(agents),
    rows: 'agent',
    timeZone: TIME_ZONE,
    options,
    measures: [
      'handled',
      'averageHandleTime',
      'occupancy',
      'firstContactResolution',
      'customerSatisfaction',
      'netPromoterScore',
    ],
  });
  const queueTable = kpiTable({
    title: 'Queues',
    groups: dailyGroups,
    rows: 'queue',
    timeZone: TIME_ZONE,
    options,
    measures: ['offered', 'answerRate', 'serviceLevel', 'averageSpeedOfAnswer', 'averageHandleTime'],
  });
  // Next Monday's staffing, forecast as the mean of this week's weekdays per half hour (08:00–18:00).
  const halfHourly = partial({ period: '30min', timeZone: TIME_ZONE });
  const timeOfDay = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const callsAt = new Map<string, number>();
  for (const group of kpiGroups(halfHourly)) {
    const [weekday, time] = timeOfDay.format(new Date(group.key.period!.start)).split(' ');
    if (weekday === 'Sat' || weekday === 'Sun' || time === undefined) continue;
    callsAt.set(time, (callsAt.get(time) ?? 0) + group.totals.contacts.offered);
  }
  const nextMonday = Date.parse('2026-03-09T07:00:00Z'); // 08:00 in Budapest
  const intervals: ForecastInterval[] = Array.from({ length: 20 }, (_, k) => {
    const start = new Date(nextMonday + k * 30 * 60_000);
    const time = timeOfDay.format(start).split(' ')[1]!;
    return {
      start,
      minutes: 30,
      offeredCalls: (callsAt.get(time) ?? 0) / 5,
      ahtSeconds: averageHandleTime(kpiTotals(agents).totals)!,
    };
  });
  const plan = staffingPlan({
    model: 'erlang-a',
    patienceSeconds: 110,
    shrinkage: 0.3,
    targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 } },
    intervals,
  });
  const dashboard: DashboardInput = {
    title: 'Contact centre — week of 2 March 2026',
    subtitle: 'Inbound calls, three queues, six agents (simulated)',
    timeZone: TIME_ZONE,
    generatedAt: '2026-03-09T07:00:00Z',
    sections: [
      {
        title: 'Service level',
        charts: [
          { config: serviceLevelTrendChart({ groups: dailyGroups, timeZone: TIME_ZONE, options }) },
          {
            config: serviceLevelTrendChart({
              groups: dailyGroups,
              by: 'queue',
              timeZone: TIME_ZONE,
              options,
              title: 'Service level by queue',
            }),
          },
          {
            config: kpiTrendChart({
              groups: kpiGroups(hourly).filter((g) => g.totals.contacts.offered > 0),
              measure: 'offered',
              timeZone: TIME_ZONE,
              options,
              title: 'Calls offered per hour',
            }),
            wide: true,
            height: 260,
          },
        ],
        tables: [dayTable],
      },
      {
        title: 'Agents',
        charts: [
          {
            config: kpiBarChart({
              groups: kpiGroups(agents),
              measures: ['averageHandleTime', 'answered'],
              options,
            }),
          },
          {
            config: kpiBarChart({
              groups: kpiGroups(agents),
              measures: ['occupancy'],
              options,
              title: 'Occupancy by agent',
            }),
          },
        ],
        tables: [agentTable],
      },
      {
        title: 'Staffing',
        description: 'Monday 9 March, forecast from this week: Erlang A, 110 s patience, 30% shrinkage.',
        charts: [
          {
            config: staffingPlanChart({
              plan,
              timeZone: TIME_ZONE,
              target: 0.8,
              title: 'Staffing plan for Monday 9 March',
            }),
            wide: true,
          },
        ],
      },
      {
        title: 'Outcomes',
        charts: [{ config: outcomeDoughnutChart({ totals: kpiTotals(daily).totals, options }) }],
        tables: [queueTable],
      },
    ],
  };
  return { week, dashboard, tables: [dayTable, agentTable, queueTable] };
}
