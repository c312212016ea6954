import { Permissions } from '../agents/permissions';
import { type Actor, hasPermission } from '../kernel/actor';
import type { ReadPolicy } from '../kit/read-policy';
import type { SlaPolicy } from './sla.schema';
import type { Ticket } from './ticket.schema';

/** What a masked free text of a ticket reads as. */
export const MASKED_TICKET_TEXT = '[masked]';

/** The permissions that let an actor work tickets; each also lets it read them in full. */
const WORKING = [Permissions.ticketWrite, Permissions.ticketWorkL2, Permissions.ticketSupervise] as const;

/** True when `actor` sees a ticket's free texts: it works tickets, or may see customers' personal data. */
export function seesTicketTexts(actor: Actor): boolean {
  return (
    hasPermission(actor, Permissions.customerReadPersonal) || WORKING.some((p) => hasPermission(actor, p))
  );
}

/**
 * How tickets are read: with `ticket.read` (reporting, quality review, dashboards) or any permission that works
 * tickets (`ticket.write`, `ticket.work_l2`, `ticket.supervise`).
 *
 * **What is personal in a ticket.** The free texts: the subject, the description and the reasons in the history.
 * Agents write them about the customer's problem and they often name the person, an address or a phone number
 * ("Kiss Anna's line at Király u. 12 is dead"); erasure blanks them for the same reason. Everything else — ids,
 * status, tier, priority, category, routing, times, SLA clocks, the commands of the history — is the service
 * record and is never masked.
 *
 * **Who sees the texts.** Whoever works tickets needs the problem's words to solve it (and every command they
 * run returns the ticket in full), so the working permissions see them; so does `customer.read_personal`. A
 * reader with `ticket.read` alone sees {@link MASKED_TICKET_TEXT} in the subject, in a non-empty description and
 * in each reason given (an empty description stays empty, a missing reason stays `null`).
 * @category Tickets
 */
export const TicketReadPolicy: ReadPolicy<Ticket> = Object.freeze({
  what: 'ticket',
  anyOf: [Permissions.ticketRead, ...WORKING],
  mask: (ticket: Ticket, actor: Actor): Ticket =>
    seesTicketTexts(actor)
      ? ticket
      : {
          ...ticket,
          subject: MASKED_TICKET_TEXT,
          description: ticket.description === '' ? '' : MASKED_TICKET_TEXT,
          history: ticket.history.map((h) => (h.reason === null ? h : { ...h, reason: MASKED_TICKET_TEXT })),
        },
});

/**
 * How SLA policies are read: by whoever may read tickets (a policy holds no personal data).
 * @category Tickets
 */
export const SlaPolicyReadPolicy: ReadPolicy<SlaPolicy> = Object.freeze({
  what: 'SLA policy',
  anyOf: TicketReadPolicy.anyOf,
});
