/**
 * Linking a documented contact to a ticket (internal, shared by the ticket and interaction services): the ticket
 * records the contact, and a contact that answers the customer counts as a response, a message from the customer
 * (once the ticket was answered, or while it is pending) as a reply — each an ordinary, audited command of the
 * ticket table, applied only where the table allows it.
 */
import { ValidationError } from '../errors/frontline-error';
import { contactRole } from '../interactions/contact-role';
import { applyAmendments } from '../interactions/effective-interaction';
import type { Interaction } from '../interactions/interaction.schema';
import type { Actor } from '../kernel/actor';
import type { DomainEvent } from '../services/domain-events';
import { applyTicketCommand, type TicketEnvironment } from './apply-ticket-command';
import type { Ticket, TicketContact } from './ticket.schema';
import { canApplyTicketCommand } from './ticket-machine';

/** True when the ticket's history already holds this contact. */
export function isLinked(ticket: Ticket, interactionId: string): boolean {
  return ticket.history.some((h) => h.contact?.interactionId === interactionId);
}

/**
 * Links `interaction` to `ticket` at `at`. Linking a contact twice changes nothing (no events). A contact of
 * another customer is a `ValidationError`.
 */
export function linkContact(
  ticket: Ticket,
  interaction: Interaction,
  actor: Actor,
  at: Date,
  env: TicketEnvironment,
): { ticket: Ticket; events: DomainEvent[] } {
  if (interaction.customerId !== null && interaction.customerId !== ticket.customerId) {
    const message = `Contact ${interaction.id} is of another customer than ticket ${ticket.id}`;
    throw new ValidationError(`Invalid link: interactionId: ${message}`, [
      { path: ['interactionId'], message, code: 'custom' },
    ]);
  }
  if (isLinked(ticket, interaction.id)) return { ticket, events: [] };
  const current = applyAmendments(interaction);
  const contact: TicketContact = {
    interactionId: current.id,
    direction: current.direction,
    channel: current.channel,
    role: contactRole(current),
    at: current.offeredAt,
  };
  const events: DomainEvent[] = [];
  let result = applyTicketCommand(ticket, { command: 'link_contact', actor, at, contact }, env);
  events.push(result.event);
  // A customer message before any response changes nothing the ticket does not already know (it awaits its first
  // response); after one, or while pending, it is the customer's reply.
  const awaitsReply =
    result.ticket.status === 'pending' || result.ticket.history.some((h) => h.command === 'respond');
  const follow =
    contact.role === 'agent_response'
      ? 'respond'
      : contact.role === 'customer_message' && awaitsReply
        ? 'customer_reply'
        : null;
  const guard = {
    tier: result.ticket.tier,
    closedAt: result.ticket.closedAt,
    now: at,
    reopenWindowMs: env.reopenWindowMs,
  };
  if (follow && canApplyTicketCommand(result.ticket.status, follow, guard)) {
    result = applyTicketCommand(result.ticket, { command: follow, actor, at }, env);
    events.push(result.event);
  }
  return { ticket: result.ticket, events };
}
