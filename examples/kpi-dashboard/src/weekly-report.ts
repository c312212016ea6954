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
} from '@frontline/core/charts';
import type { DashboardInput } from '@frontline/core/charts/html';
import {
  type KpiContactInput,
  type KpiGroupingInput,
  kpiGroups,
  kpiPartialOf,
  kpiPeriodOf,
  kpiTotals,
  mergeKpiPartials,
  settleFirstContacts,
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

  const dateOf = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone });
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
        { title: 'Outcomes', charts: [{ config: outcomes }], tables: [queueTable] },
      ],
    },
    tables: [dayTable, agentTable, queueTable],
    pngCharts: { 'service-level.png': serviceLevel, 'agents.png': agentBars, 'outcomes.png': outcomes },
    summary: { contacts: contacts.length, days: days.length, from, to },
  };
}
