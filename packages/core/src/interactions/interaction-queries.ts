import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { type Actor, hasPermission } from '../kernel/actor';
import { authorizeRead, type Page, pageOf, present, type ReadPolicy } from '../kit/read-policy';
import type { KeyValue, Query, Store, Stored } from '../ports/storage';
import { timeKey, timeKeyRange } from './index-keys';
import type { Interaction } from './interaction.schema';
import { Interactions } from './interaction-collection';
import {
  AnsweredFeedbackInput,
  ContactHistoryInput,
  GetInteractionInput,
  InteractionsOfCustomerInput,
  InteractionsOfTicketInput,
  OfferedInteractionsInput,
} from './interaction-inputs';

/** What stands in for a masked free text or call reference. */
const MASKED = '***';
const masked = <T extends string | null | undefined>(text: T): T | typeof MASKED =>
  text === null || text === undefined || text === '' ? text : MASKED;

/**
 * How documented contacts are read: by whoever documents contacts or reads customers. The words about the
 * person — the notes (and their corrections), the customer's feedback comment and the telephony reference (a
 * call id leads to the caller's number) — are for those who work the contacts (`interaction.write`: an agent
 * needs the history of earlier calls) or hold `customer.read_personal`; anyone else reads them masked, while
 * the facts the contact statistics need stay. The same rule as tickets: who works the record sees its words.
 * @category Interactions
 */
export const InteractionReadPolicy: ReadPolicy<Interaction> = {
  what: 'interaction',
  anyOf: [Permissions.interactionWrite, Permissions.customerRead],
  mask: (contact, actor) => {
    if (
      hasPermission(actor, Permissions.customerReadPersonal) ||
      hasPermission(actor, Permissions.interactionWrite)
    ) {
      return contact;
    }
    const answer = contact.feedback?.answer;
    return {
      ...contact,
      notes: masked(contact.notes),
      externalRef: masked(contact.externalRef),
      amendments: contact.amendments.map((a) =>
        a.changes.notes === undefined
          ? a
          : { ...a, changes: { ...a.changes, notes: masked(a.changes.notes) } },
      ),
      feedback:
        contact.feedback && answer
          ? { ...contact.feedback, answer: { ...answer, comment: masked(answer.comment) } }
          : contact.feedback,
    };
  },
};

function ranged(
  index: string,
  range: { from: KeyValue; to: KeyValue },
  o: { order?: 'asc' | 'desc'; limit?: number },
): Query {
  return { index, ...range, ...(o.order ? { order: o.order } : {}), ...(o.limit ? { limit: o.limit } : {}) };
}

/** The contacts of a query as the actor may see them, streamed. */
function presented(rows: AsyncIterable<Stored<Interaction>>, actor: Actor): AsyncIterable<Interaction> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const row of rows) yield present(InteractionReadPolicy, actor, row.data);
    },
  };
}

/** The read side of the interaction service. Internal: `createInteractionService` wires it. */
export function interactionQueries(store: Store) {
  const repo = () => store.repository(Interactions);
  return {
    async getInteraction(raw: unknown): Promise<Interaction> {
      const input = parseInput(GetInteractionInput, raw, 'interaction read');
      const actor = authorizeRead(InteractionReadPolicy, input.actor);
      return present(InteractionReadPolicy, actor, (await repo().get(input.id)).data);
    },

    contactHistory(raw: unknown): AsyncIterable<Interaction> {
      const o = parseInput(ContactHistoryInput, raw, 'contact history query');
      const actor = authorizeRead(InteractionReadPolicy, o.actor);
      const range = timeKeyRange(o.customerId, o.from, o.to);
      return presented(repo().query(ranged('customer_offered_at', range, o)), actor);
    },

    async interactionsOfCustomer(raw: unknown): Promise<Page<Interaction>> {
      const o = parseInput(InteractionsOfCustomerInput, raw, 'customer contacts query');
      const actor = authorizeRead(InteractionReadPolicy, o.actor);
      const range = timeKeyRange(o.customerId, o.from, o.to);
      return pageOf(
        (from) => repo().query({ index: 'customer_offered_at', from: from ?? range.from, to: range.to }),
        (c) => timeKey(o.customerId, c.offeredAt),
        o,
        (row) => present(InteractionReadPolicy, actor, row.data),
      );
    },

    interactionsOfTicket(raw: unknown): AsyncIterable<Interaction> {
      const o = parseInput(InteractionsOfTicketInput, raw, 'ticket contacts query');
      const actor = authorizeRead(InteractionReadPolicy, o.actor);
      return presented(repo().query({ index: 'ticket_id', equals: o.ticketId }), actor);
    },

    offeredInteractions(raw: unknown): AsyncIterable<Interaction> {
      const o = parseInput(OfferedInteractionsInput, raw, 'period');
      const actor = authorizeRead(InteractionReadPolicy, o.actor);
      const owner = o.queue ?? o.agentId;
      const query =
        owner === undefined
          ? ranged('offered_at', { from: o.from.toISOString(), to: o.to.toISOString() }, o)
          : ranged(
              o.queue !== undefined ? 'queue_offered_at' : 'agent_offered_at',
              timeKeyRange(owner, o.from, o.to),
              o,
            );
      return presented(repo().query(query), actor);
    },

    answeredFeedback(raw: unknown): AsyncIterable<Interaction> {
      const o = parseInput(AnsweredFeedbackInput, raw, 'period');
      const actor = authorizeRead(InteractionReadPolicy, o.actor);
      const range = { from: o.from.toISOString(), to: o.to.toISOString() };
      return presented(repo().query(ranged('feedback_answered_at', range, o)), actor);
    },
  };
}
