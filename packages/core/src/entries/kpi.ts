/**
 * `@frontline/core/kpi` — contact-centre and hotline KPIs (KPI-1, KPI-2) as pure functions over mergeable
 * partials: build a partial from contacts, agent sessions, tickets and surveys in one pass, merge partials
 * across days, shards and workers, and read answer rate, service level, ASA, AHT, occupancy, first-contact
 * resolution, backlog, CSAT, NPS and CES from any group. No storage, search, templates or charts are loaded.
 * @example
 * import { kpiPartialOf, kpiTotals, serviceLevel } from '@frontline/core/kpi';
 * const partial = kpiPartialOf({ contacts }, { period: '15min', by: ['queue'], timeZone: 'Europe/Budapest' });
 * serviceLevel(kpiTotals(partial).totals, { thresholdSeconds: 20, variant: 'answered-and-abandoned' });
 * @module
 */
export * from '../kpi';
export * from '../kpi/staffing';
