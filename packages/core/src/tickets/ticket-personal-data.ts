import { checkSourceCall, type PersonalDataSource } from '../customers/personal-data-source';
import { parseInput } from '../errors/validate';
import { timeKeyRange } from '../interactions/index-keys';
import type { Store, Stored } from '../ports/storage';
import { forgetEvents } from '../services/domain-events';
import { type Ticket, Ticket as TicketSchema } from './ticket.schema';
import { Tickets } from './ticket-collections';

/** The subject an erased ticket keeps (a subject is required, and the old one may quote the customer). */
export const ERASED_TICKET_SUBJECT = '[erased]';

/**
 * A customer's tickets, through the `customer_opened_at` index (`customerId|openedAt`), in time order.
 * @internal
 */
export async function* ticketsOfCustomer(tx: Store, customerId: string): AsyncIterable<Stored<Ticket>> {
  yield* tx.repository(Tickets).query({ index: 'customer_opened_at', ...timeKeyRange(customerId) });
}

/**
 * A ticket with the customer's words taken out: the subject becomes {@link ERASED_TICKET_SUBJECT}, the
 * description empty and every history entry's reason `null` (agents write "Kiss Anna called again …" there).
 * Status, tier, routing, times, SLA clocks and the commands of the history stay: they are the service record.
 */
export function pseudonymizeTicket(record: Ticket): Ticket {
  const ticket = parseInput(TicketSchema, record, 'ticket');
  return {
    ...ticket,
    subject: ERASED_TICKET_SUBJECT,
    description: '',
    history: ticket.history.map((entry) => ({ ...entry, reason: null })),
  };
}

/**
 * The tickets' part of data-subject requests (CS-7). **Pseudonymizes, does not delete**: a ticket is the record
 * of a service done (first-contact resolution, SLA attainment and escalation reports count it, and an open
 * ticket's SLA clock still runs), and without its texts it says nothing about the person; its customer id
 * points at the erased, restricted customer stub. Subject, description and history reasons are blanked (see
 * {@link pseudonymizeTicket}) and the outbox messages about the tickets (whose facts may carry a reason) are
 * redacted. Knowledge articles drawn from the tickets are handled by `knowledgePersonalData`.
 * @example
 * createCustomerService({ store, clock, ids, personalDataSources: [ticketPersonalData] });
 * @category Tickets
 */
export const ticketPersonalData: PersonalDataSource = {
  name: 'tickets',
  async export(customerId, tx) {
    const { customerId: id } = checkSourceCall(customerId);
    const out: Ticket[] = [];
    for await (const row of ticketsOfCustomer(tx, id)) out.push(row.data);
    return out;
  },
  async erase(customerId, tx, context) {
    const checked = checkSourceCall(customerId, context);
    const rows: Stored<Ticket>[] = [];
    for await (const row of ticketsOfCustomer(tx, checked.customerId)) rows.push(row);
    const repo = tx.repository(Tickets);
    for (const row of rows) await repo.update(pseudonymizeTicket(row.data), row.version);
    if (rows.length > 0) {
      const ids = rows.map((r) => r.data.id);
      await forgetEvents(tx, { entityType: 'ticket', ids, at: checked.context!.at });
    }
    return { anonymised: rows.length, retained: [] };
  },
};
