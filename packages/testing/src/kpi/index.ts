/**
 * `@frontline/testing/kpi` — KPI data to report on without a contact centre: a simulated hotline week from a
 * seeded PRNG (same seed, same week), and its partials as daily roll-ups would give them back. Loads
 * `@frontline/core/kpi` only: no test runner, no fast-check, so a demo or a benchmark can use it too.
 * @example
 * import { simulatedWeek, simulatedWeekPartial } from '@frontline/testing/kpi';
 * const week = simulatedWeek();
 * const daily = simulatedWeekPartial(week, { period: 'day', by: ['queue'], timeZone: 'Europe/Budapest' });
 * @module
 */
export { simulatedWeekPartial } from './simulated-rollups';
export { AGENTS, QUEUES, type SimulatedWeek, seededRandom, simulatedWeek } from './simulated-week';
