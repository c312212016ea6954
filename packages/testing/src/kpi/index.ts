/**
 * `@frontline/testing/kpi` — KPI rows to report on without a contact centre: a simulated hotline week from a
 * seeded PRNG (same seed, same week). Loads nothing but the types of `@frontline/core/kpi`: no test runner,
 * no fast-check, so a demo or a benchmark can use it too.
 * @example
 * import { simulatedWeek } from '@frontline/testing/kpi';
 * import { kpiPartialOf } from '@frontline/core/kpi';
 * const week = simulatedWeek();
 * const partial = kpiPartialOf(week, { period: 'day', by: ['queue'], timeZone: 'Europe/Budapest' });
 * @module
 */
export { AGENTS, QUEUES, type SimulatedWeek, seededRandom, simulatedWeek } from './simulated-week';
