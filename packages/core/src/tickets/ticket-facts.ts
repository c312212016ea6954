import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import type { SlaTargetName } from './sla.schema';
import { Ticket, type TicketContact } from './ticket.schema';

const FactsOptions = z.object({ now: Instant.optional() });

/**
 * What a ticket's history says about it — derived, never set by hand (the KPI-1 facts among them).
 * @category Tickets
 */
export interface TicketFacts {
  /** Resolved or closed now. */
  settled: boolean;
  /**
   * First-contact resolution (első kapcsolatfelvételre történő megoldás): settled, exactly one inbound contact
   * linked, and never reopened.
   */
  firstContactResolution: boolean;
  /** Settled and never escalated to second level. */
  resolvedWithoutEscalation: boolean;
  /** Ever escalated to second level. */
  escalated: boolean;
  /** How many times it was reopened. */
  reopenCount: number;
  /** The contacts linked to it, oldest first. */
  contacts: TicketContact[];
  /** How many of them were inbound. */
  inboundContacts: number;
  /** When an agent first answered the customer, if ever. */
  firstResponseAt: Date | null;
  /** The SLA targets that have run out of budget, in any cycle so far (as of `now` when given). */
  breachedTargets: SlaTargetName[];
}

/**
 * Derives a ticket's facts from its history: first-contact resolution, resolved without escalation, reopen
 * count, linked contacts, first response, breached SLA targets. Give `now` to count a running target whose due
 * instant has passed since the ticket was last saved as breached too.
 * @example
 * const { firstContactResolution, resolvedWithoutEscalation } = ticketFacts(ticket);
 * @category Tickets
 */
export function ticketFacts(ticket: Ticket, options: { now?: Date } = {}): TicketFacts {
  const t = parseInput(Ticket, ticket, 'ticket');
  const { now } = parseInput(FactsOptions, options, 'options');
  const contacts = t.history.flatMap((h) => (h.contact ? [h.contact] : []));
  const inboundContacts = contacts.filter((c) => c.direction === 'inbound').length;
  const reopenCount = t.history.filter((h) => h.command === 'reopen').length;
  const escalated = t.history.some((h) => h.command === 'escalate');
  const settled = t.status === 'resolved' || t.status === 'closed';
  const firstResponseAt = t.history.find((h) => h.command === 'respond')?.at ?? null;
  const breached = new Set<SlaTargetName>();
  for (const outcome of t.sla?.history ?? []) if (outcome.breached) breached.add(outcome.target);
  for (const target of t.sla?.targets ?? []) {
    const due = target.dueAt !== null && now !== undefined && target.dueAt <= now;
    if (target.breachedAt !== null || due) breached.add(target.target);
  }
  return {
    settled,
    firstContactResolution: settled && inboundContacts === 1 && reopenCount === 0,
    resolvedWithoutEscalation: settled && !escalated,
    escalated,
    reopenCount,
    contacts,
    inboundContacts,
    firstResponseAt,
    breachedTargets: [...breached].sort(),
  };
}
