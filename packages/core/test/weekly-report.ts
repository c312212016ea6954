/**
 * The weekly KPI report of a simulated week, built only through the public API of `@frontline/core/kpi` and
 * `@frontline/core/charts`: partials per day, merged and settled as stored daily roll-ups would be, then
 * `kpiDashboard` with next Monday's staffing plan.
 */
import { type KpiDashboard, type KpiReportOptionsInput, kpiDashboard } from '@frontline/core/charts';
import { type SimulatedWeek, simulatedWeek, simulatedWeekPartial } from '@frontline/testing/kpi';

export const TIME_ZONE = 'Europe/Budapest';
export const REPORT_OPTIONS: KpiReportOptionsInput = {
  serviceLevel: { thresholdSeconds: 20, variant: 'answered-and-abandoned', target: 0.8 },
  shortAbandonSeconds: 5,
};

export interface WeeklyReport extends KpiDashboard {
  week: SimulatedWeek;
}

export function weeklyReport(seed?: number): WeeklyReport {
  const week = simulatedWeek(seed);
  const report = kpiDashboard({
    daily: simulatedWeekPartial(week, { period: 'day', by: ['queue'], timeZone: TIME_ZONE }),
    intraday: simulatedWeekPartial(week, { period: '30min', timeZone: TIME_ZONE }),
    agents: simulatedWeekPartial(week, { period: null, by: ['agent'], timeZone: TIME_ZONE }),
    timeZone: TIME_ZONE,
    options: REPORT_OPTIONS,
    generatedAt: new Date('2026-03-09T07:00:00Z'),
    title: 'Contact centre — week of 2 March 2026',
    subtitle: 'Inbound calls, three queues, six agents (simulated)',
    staffing: { patienceSeconds: 110 },
  });
  return { week, ...report };
}
