/**
 * `@frontline/core/service-desk` — the service desk: customers and consents, agents and their sessions,
 * documented contacts, tickets with SLAs and L1→L2 escalation, the knowledge base (MiniSearch), and the
 * `serviceDesk()` module that puts them on the composition root.
 * @module
 */
export * from '../agents';
export * from '../customers';
export * from '../interactions';
export * from '../knowledge';
export { type ServiceDeskOptions, type ServiceDeskServices, serviceDesk } from '../modules/service-desk';
export * from '../tickets';
