/**
 * The weekly report of a set of contacts: partials per local day (as a nightly roll-up job would keep them),
 * merged into the week and settled, then `kpiDashboard` builds the charts and tables of the dashboard and the
 * workbook, with next Monday's staffing plan. Only the public API of `@frontline/core/kpi` and
 * `@frontline/core/charts`.
 */
import { type KpiDashboard, type KpiReportOptionsInput, kpiDashboard } from '@frontline/core/charts';
import {
  type KpiContactInput,
  type KpiGroupingInput,
  kpiPartialOf,
  kpiPeriodOf,
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

export interface WeeklyReport extends KpiDashboard {
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
  const to = kpiPeriodOf(new Date(days[days.length - 1]!), 'day', timeZone).end;
  const week = (grouping: KpiGroupingInput) =>
    settleFirstContacts(
      days
        .map((day) => kpiPartialOf({ contacts: byDay.get(day)! }, { recontactWindowHours: 72, ...grouping }))
        .reduce(mergeKpiPartials),
      { completeThrough: generatedAt < to ? generatedAt : to },
    );
  const report = kpiDashboard({
    daily: week({ period: 'day', by: ['queue'], timeZone }),
    intraday: week({ period: '30min', timeZone }),
    agents: week({ period: null, by: ['agent'], timeZone }),
    timeZone,
    options,
    generatedAt,
    subtitle: `${contacts.length} contacts over ${days.length} days`,
    // next Monday, the callers' mean patience estimated from the data
    staffing: {},
  });
  return { ...report, summary: { contacts: contacts.length, ...report.period } };
}
