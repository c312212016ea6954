/**
 * The weekly KPI report of a simulated week, built only through the public API of `@frontline/core/kpi` and
 * `@frontline/core/charts`: partials per day, merged and settled as stored daily roll-ups would be, then
 * `kpiDashboard` with next Monday's staffing plan.
 */
import { type KpiDashboard, type KpiReportOptionsInput, kpiDashboard } from '@frontline/core/charts';
import {
  type KpiGroupingInput,
  kpiPartialOf,
  mergeKpiPartials,
  settleFirstContacts,
} from '@frontline/core/kpi';
import { type SimulatedWeek, simulatedWeek } from '@frontline/testing/kpi';

export const TIME_ZONE = 'Europe/Budapest';
export const REPORT_OPTIONS: KpiReportOptionsInput = {
  serviceLevel: { thresholdSeconds: 20, variant: 'answered-and-abandoned', target: 0.8 },
  shortAbandonSeconds: 5,
};

export interface WeeklyReport extends KpiDashboard {
  week: SimulatedWeek;
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
  const partial = (grouping: KpiGroupingInput) =>
    settleFirstContacts(
      days
        .map((d) => kpiPartialOf(dayRows(week, d), { recontactWindowHours: 72, ...grouping }))
        .reduce(mergeKpiPartials),
      { completeThrough: week.to },
    );
  const report = kpiDashboard({
    daily: partial({ period: 'day', by: ['queue'], timeZone: TIME_ZONE }),
    intraday: partial({ period: '30min', timeZone: TIME_ZONE }),
    agents: partial({ period: null, by: ['agent'], timeZone: TIME_ZONE }),
    timeZone: TIME_ZONE,
    options: REPORT_OPTIONS,
    generatedAt: new Date('2026-03-09T07:00:00Z'),
    title: 'Contact centre — week of 2 March 2026',
    subtitle: 'Inbound calls, three queues, six agents (simulated)',
    staffing: { patienceSeconds: 110 },
  });
  return { week, ...report };
}
