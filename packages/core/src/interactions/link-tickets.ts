import type { Actor } from '../kernel/actor';
import type { Store } from '../ports/storage';
import type { DomainEvent } from '../services/domain-events';
import { linkContact } from '../tickets/link-contact';
import type { SlaEnvironmentLoader } from '../tickets/sla-environment';
import { Tickets } from '../tickets/ticket-collections';
import type { Interaction } from './interaction.schema';

/** The later of two instants (a ticket's clocks never run backwards, even when two servers' clocks differ). */
const latest = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/**
 * Tells each ticket about the contact, inside the command's unit of work (the contact may count as the ticket's
 * response or the customer's reply); a ticket of another customer is a `VALIDATION` error. Returns the tickets'
 * events, to be recorded with the contact's. Internal.
 */
export async function linkTickets(
  tx: Store,
  environments: SlaEnvironmentLoader,
  ticketIds: readonly string[],
  contact: Interaction,
  actor: Actor,
  at: Date,
): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const ticketId of ticketIds) {
    const stored = await tx.repository(Tickets).get(ticketId);
    const env = await environments.forTicket(tx, stored.data);
    const linked = linkContact(stored.data, contact, actor, latest(stored.data.updatedAt, at), env);
    if (linked.events.length === 0) continue;
    await tx.repository(Tickets).update(linked.ticket, stored.version);
    events.push(...linked.events);
  }
  return events;
}
