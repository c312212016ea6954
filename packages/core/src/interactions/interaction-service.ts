import { parseInput } from '../errors/validate';
import type { Page } from '../kit/read-policy';
import { ServicePorts } from '../kit/service-ports';
import type { DomainEvent, ServiceDeps } from '../services/domain-events';
import { createSlaEnvironmentLoader } from '../tickets/sla-environment';
import { recordFeedback, requestFeedback } from './feedback-commands';
import type { Interaction } from './interaction.schema';
import { amendInteraction, recordInteraction } from './interaction-commands';
import type {
  AmendInteractionInput,
  AnsweredFeedbackInput,
  ContactHistoryInput,
  GetInteractionInput,
  InteractionsOfCustomerInput,
  InteractionsOfTicketInput,
  OfferedInteractionsInput,
  RecordFeedbackInput,
  RecordInteractionInput,
  RequestFeedbackInput,
} from './interaction-inputs';
import { interactionQueries } from './interaction-queries';

/**
 * What an interaction command returns: the contact as stored, its version and the events recorded with it.
 * @category Interactions
 */
export interface InteractionCommandResult {
  interaction: Interaction;
  version: number;
  events: DomainEvent[];
}

/**
 * The interaction service (CS-1, CS-2, CS-3): document every customer contact on any channel, keep each
 * customer's contact history append-only (corrections are amendments), link contacts to tickets, complaints
 * and orders, and ask for and record feedback after a contact. Commands run on the kit's command runner; reads
 * take the actor and go through `InteractionReadPolicy` (notes, feedback comments and call references masked
 * without `customer.read_personal`).
 * @category Interactions
 */
export interface InteractionService {
  /**
   * Documents a contact. A known customer must exist; linked tickets must exist, belong to the same customer
   * and are told about the contact in the same transaction (it may count as their response or customer reply).
   * Emits `interaction.recorded.v1` (and the tickets' events).
   */
  recordInteraction(input: RecordInteractionInput): Promise<InteractionCommandResult>;
  /** Appends a correction with its reason; the documented record is never edited. Emits `interaction.amended.v1`. */
  amendInteraction(input: AmendInteractionInput): Promise<InteractionCommandResult>;
  /** Asks for feedback after an ended, answered contact; the `interaction.feedback_requested.v1` message carries it. */
  requestFeedback(input: RequestFeedbackInput): Promise<InteractionCommandResult>;
  /** Records the answer to a feedback request — once. Emits `interaction.feedback_received.v1`. */
  recordFeedback(input: RecordFeedbackInput): Promise<InteractionCommandResult>;
  /** The contact as documented (see `effectiveInteraction` for it with its amendments), or a `NotFoundError`. */
  getInteraction(input: GetInteractionInput): Promise<Interaction>;
  /** A customer's contact history in time order (by the `customer_offered_at` index), optionally in `[from, to)`. */
  contactHistory(input: ContactHistoryInput): AsyncIterable<Interaction>;
  /**
   * One page of a customer's contacts offered in `[from, to)`, oldest first (the `customer_offered_at` index);
   * pass `nextCursor` back for the next page.
   */
  interactionsOfCustomer(input: InteractionsOfCustomerInput): Promise<Page<Interaction>>;
  /** Every contact linked to a ticket. */
  interactionsOfTicket(input: InteractionsOfTicketInput): AsyncIterable<Interaction>;
  /** Contacts offered in `[from, to)`, of one queue or agent if asked — the input of the KPI calculators. */
  offeredInteractions(input: OfferedInteractionsInput): AsyncIterable<Interaction>;
  /** Contacts whose feedback the customer answered in `[from, to)` — the survey rows of the KPI calculators. */
  answeredFeedback(input: AnsweredFeedbackInput): AsyncIterable<Interaction>;
}

/**
 * Creates the interaction service over the store, clock and id ports.
 * @example
 * const contacts = createInteractionService({ store, clock, ids });
 * const { interaction } = await contacts.recordInteraction({
 *   actor: agent, customerId, channel: 'phone', direction: 'inbound', queue: 'hotline', agentId: agent.id,
 *   offeredAt: '2026-03-02T08:00:00Z', answeredAt: '2026-03-02T08:00:42Z', endedAt: '2026-03-02T08:06:00Z',
 *   outcome: 'resolved', notes: 'Explained the invoice',
 * });
 * await contacts.requestFeedback({ actor: agent, interactionId: interaction.id, via: 'sms', validForHours: 72 });
 * const { items, nextCursor } = await contacts.interactionsOfCustomer({ actor: agent, customerId, limit: 20 });
 * @category Interactions
 */
export function createInteractionService(deps: ServiceDeps): InteractionService {
  parseInput(ServicePorts, deps, 'interaction service ports');
  const environments = createSlaEnvironmentLoader(0);
  const result = (r: { entity: Interaction; version: number; events: readonly DomainEvent[] }) => ({
    interaction: r.entity,
    version: r.version,
    events: [...r.events],
  });
  return {
    recordInteraction: async (raw) => result(await recordInteraction(deps, environments, raw)),
    amendInteraction: async (raw) => result(await amendInteraction(deps, environments, raw)),
    requestFeedback: async (raw) => result(await requestFeedback(deps, raw)),
    recordFeedback: async (raw) => result(await recordFeedback(deps, raw)),
    ...interactionQueries(deps.store),
  };
}
