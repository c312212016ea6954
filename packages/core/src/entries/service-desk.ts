/**
 * `@frontline/core/service-desk` — the service desk: customers and consents, agents and their sessions,
 * documented contacts, tickets with SLAs and L1→L2 escalation, the knowledge base (MiniSearch), and the
 * `serviceDesk()` module that puts them on the composition root; the `kpis()` module that keeps daily KPI
 * roll-ups of its contacts (the calculators themselves are in `@frontline/core/kpi`).
 * @module
 */
export * from '../agents';
export * from '../customers';
export * from '../interactions';
export * from '../knowledge';
export {
  KpiDailyRollup,
  KpiDailyRollups,
  KpiRollupMark,
  KpiRollupMarks,
  KpiTicketDayRows,
  KpiTicketDays,
} from '../kpi-rollups/rollup-collections';
export { KPI_EVENTS, KpiRollupRefreshed } from '../kpi-rollups/rollup-events';
export {
  type KpiRollupService,
  type KpiRollupView,
  RebuildRollupsInput,
  RefreshRollupsInput,
  RollupInput,
  type RollupRefresh,
} from '../kpi-rollups/rollup-service';
export { KpisOptions, kpis } from '../modules/kpis';
export { type ServiceDeskOptions, type ServiceDeskServices, serviceDesk } from '../modules/service-desk';
export * from '../tickets';
