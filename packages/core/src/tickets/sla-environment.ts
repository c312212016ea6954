/**
 * Loads what a ticket command needs beyond the ticket — its SLA policy and the compiled calendar — caching
 * compiled calendars per policy version for the life of one service (internal).
 *
 * The calendar is resolved here, at use time: a policy's calendar refers to the shipped holidays
 * (`publicHolidays: { source: 'hu' }`), so the package in use decides the years it covers. A policy saved by an
 * older release with every 2020–2027 holiday listed is read in the reference form too (`upgradeCalendarDefinition`).
 */
import { NotFoundError } from '../errors/frontline-error';
import { type BusinessCalendar, createBusinessCalendar } from '../kernel/business-calendar';
import { upgradeCalendarDefinition } from '../kernel/business-calendar-upgrade';
import type { Store } from '../ports/storage';
import type { TicketEnvironment } from './apply-ticket-command';
import type { SlaPolicy } from './sla.schema';
import { SlaPolicies } from './ticket-collections';

/** Loads SLA policies with their calendars, compiling each policy version's calendar once. */
export interface SlaEnvironmentLoader {
  /** The policy and calendar with this id (a `NotFoundError` when it does not exist). */
  policy(tx: Store, policyId: string): Promise<{ policy: SlaPolicy; calendar: BusinessCalendar }>;
  /** The environment of a ticket: its policy when it has an SLA, and the reopen window. */
  forTicket(tx: Store, ticket: { sla: { policyId: string } | null }): Promise<TicketEnvironment>;
}

/** A loader whose compiled calendars live as long as the service that made it (no module-level cache). */
export function createSlaEnvironmentLoader(reopenWindowMs: number): SlaEnvironmentLoader {
  const compiled = new Map<string, { version: number; policy: SlaPolicy; calendar: BusinessCalendar }>();
  const policy: SlaEnvironmentLoader['policy'] = async (tx, policyId) => {
    const stored = await tx.repository(SlaPolicies).find(policyId);
    if (!stored) throw new NotFoundError('SLA policy', policyId);
    const cached = compiled.get(policyId);
    if (cached && cached.version === stored.version) return cached;
    const entry = {
      version: stored.version,
      policy: stored.data,
      calendar: createBusinessCalendar(upgradeCalendarDefinition(stored.data.calendar)),
    };
    compiled.set(policyId, entry);
    return entry;
  };
  return {
    policy,
    forTicket: async (tx, ticket) => ({
      reopenWindowMs,
      sla: ticket.sla ? await policy(tx, ticket.sla.policyId) : null,
    }),
  };
}
