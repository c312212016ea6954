import {
  type KpiAgentSessionInput,
  type KpiContactInput,
  type KpiGroupingInput,
  type KpiPartial,
  type KpiSurveyInput,
  kpiPartialOf,
  kpiPeriodOf,
  mergeKpiPartials,
  settleFirstContacts,
} from '@frontline/core/kpi';
import type { SimulatedWeek } from './simulated-week';

/**
 * The week as a store of daily roll-ups gives it back: its rows cut into local days (Budapest, where the
 * simulated office is), a partial per day with `grouping` (72-hour re-contact window unless it says otherwise),
 * merged into the week and settled through its end — what `kpiDashboard` of `@frontline/core/charts` takes.
 * @example
 * const week = simulatedWeek();
 * const daily = simulatedWeekPartial(week, { period: 'day', by: ['queue'], timeZone: 'Europe/Budapest' });
 */
export function simulatedWeekPartial(week: SimulatedWeek, grouping: KpiGroupingInput): KpiPartial {
  const days = new Map<
    number,
    { contacts: KpiContactInput[]; sessions: KpiAgentSessionInput[]; surveys: KpiSurveyInput[] }
  >();
  const dayOf = (at: Date | string) => {
    const start = kpiPeriodOf(at, 'day', 'Europe/Budapest').start.getTime();
    const rows = days.get(start) ?? { contacts: [], sessions: [], surveys: [] };
    days.set(start, rows);
    return rows;
  };
  for (const contact of week.contacts) dayOf(contact.offeredAt).contacts.push(contact);
  for (const session of week.sessions) dayOf(session.from).sessions.push(session);
  for (const survey of week.surveys) dayOf(survey.answeredAt).surveys.push(survey);
  return settleFirstContacts(
    [...days.values()]
      .map((rows) => kpiPartialOf(rows, { recontactWindowHours: 72, ...grouping }))
      .reduce(mergeKpiPartials),
    { completeThrough: week.to },
  );
}
