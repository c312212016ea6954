import { Permissions } from '../agents/permissions';
import { InvalidTransitionError, NotFoundError, ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { requirePermission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import type { KeyValue, Query, Store } from '../ports/storage';
import { type DomainEvent, recordEvents, type ServiceDeps } from '../services/domain-events';
import { linkContact } from '../tickets/link-contact';
import { createSlaEnvironmentLoader } from '../tickets/sla-environment';
import { Tickets } from '../tickets/ticket-collections';
import { applyAmendments } from './effective-interaction';
import { stateOfFeedback } from './feedback-state';
import { timeKeyRange } from './index-keys';
import type { Interaction, InteractionAmendment } from './interaction.schema';
import { Interactions } from './interaction-collection';
import {
  AmendInteractionInput,
  checkContactTimes,
  InteractionQueryOptions,
  OfferedInteractionsInput,
  RecordFeedbackInput,
  RecordInteractionInput,
  RequestFeedbackInput,
} from './interaction-inputs';
import { requireCustomer } from './require-customer';
import { ServicePorts } from './service-ports';

/**
 * What an interaction command returns: the contact as stored and the events recorded with it.
 * @category Interactions
 */
export interface InteractionCommandResult {
  interaction: Interaction;
  events: DomainEvent[];
}

/**
 * The interaction service (CS-1, CS-2, CS-3): document every customer contact on any channel, keep each
 * customer's contact history append-only (corrections are amendments), link contacts to tickets, complaints
 * and orders, and ask for and record feedback after a contact.
 * @category Interactions
 */
export interface InteractionService {
  /**
   * Documents a contact. A known customer must exist; linked tickets must exist, belong to the same customer
   * and are told about the contact in the same transaction (it may count as their response or customer reply).
   */
  recordInteraction(input: RecordInteractionInput): Promise<InteractionCommandResult>;
  /** Appends a correction with its reason; the documented record is never edited. */
  amendInteraction(input: AmendInteractionInput): Promise<InteractionCommandResult>;
  /** Asks for feedback after an ended, answered contact; the `interaction.feedback_requested` message carries it. */
  requestFeedback(input: RequestFeedbackInput): Promise<InteractionCommandResult>;
  /** Records the answer to a feedback request — once. */
  recordFeedback(input: RecordFeedbackInput): Promise<InteractionCommandResult>;
  /** The contact with this id as documented (see `effectiveInteraction` for it with its amendments), or a `NotFoundError`. */
  getInteraction(interactionId: string): Promise<Interaction>;
  /** A customer's contact history in time order (by the `customer_offered_at` index), optionally in `[from, to)`. */
  contactHistory(customerId: string, options?: InteractionQueryOptions): AsyncIterable<Interaction>;
  /** Every contact linked to a ticket. */
  interactionsOfTicket(ticketId: string): AsyncIterable<Interaction>;
  /** Contacts offered in `[from, to)`, of one queue or agent if asked — the input of the KPI calculators. */
  offeredInteractions(input: OfferedInteractionsInput): AsyncIterable<Interaction>;
}

/** The later of two instants (a ticket's clocks never run backwards, even when two servers' clocks differ). */
const latest = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/** Instants of a documented contact may lie at most this far ahead of the clock (clock skew between systems). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function refuse(path: string, message: string, what: string): never {
  throw new ValidationError(`Invalid ${what}: ${path}: ${message}`, [
    { path: [path], message, code: 'custom' },
  ]);
}

function stream(rows: AsyncIterable<{ data: Interaction }>): AsyncIterable<Interaction> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const row of rows) yield row.data;
    },
  };
}

function ranged(
  index: string,
  range: { from: KeyValue; to: KeyValue },
  o: { order?: 'asc' | 'desc'; limit?: number },
): Query {
  return { index, ...range, ...(o.order ? { order: o.order } : {}), ...(o.limit ? { limit: o.limit } : {}) };
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
 * for await (const contact of contacts.contactHistory(customerId)) console.log(contact.channel, contact.offeredAt);
 * @category Interactions
 */
export function createInteractionService(deps: ServiceDeps): InteractionService {
  parseInput(ServicePorts, deps, 'interaction service ports');
  const { store, clock, ids } = deps;
  const environments = createSlaEnvironmentLoader(0);

  async function load(tx: Store, interactionId: string) {
    return tx.repository(Interactions).get(interactionId);
  }

  function notInFuture(instants: Record<string, Date | null | undefined>, what: string): void {
    const limit = clock.now().getTime() + FUTURE_TOLERANCE_MS;
    for (const [path, instant] of Object.entries(instants)) {
      if (instant && instant.getTime() > limit)
        refuse(path, 'A documented contact cannot lie in the future', what);
    }
  }

  return {
    recordInteraction: async (raw) => {
      const input = parseInput(RecordInteractionInput, raw, 'interaction');
      const actor = requirePermission(input.actor, Permissions.interactionWrite);
      notInFuture(
        { offeredAt: input.offeredAt, answeredAt: input.answeredAt, endedAt: input.endedAt },
        'interaction',
      );
      return store.transaction(async (tx) => {
        if (input.customerId !== null) await requireCustomer(tx, input.customerId);
        const at = clock.now();
        const interaction: Interaction = {
          id: ids.next(),
          customerId: input.customerId,
          channel: input.channel,
          direction: input.direction,
          queue: input.queue,
          agentId: input.agentId,
          offeredAt: input.offeredAt,
          answeredAt: input.answeredAt,
          endedAt: input.endedAt,
          holdMs: input.holdMs,
          wrapUpMs: input.wrapUpMs,
          outcome: input.outcome,
          subject: input.subject,
          notes: input.notes,
          links: {
            ticketIds: [...new Set(input.links.ticketIds)],
            complaintIds: [...new Set(input.links.complaintIds)],
            orderIds: [...new Set(input.links.orderIds)],
          },
          externalRef: input.externalRef,
          recordedAt: at,
          recordedBy: actor.id,
          amendments: [],
          feedback: null,
        };
        const saved = await tx.repository(Interactions).insert(interaction);
        const events: DomainEvent[] = [
          {
            type: 'interaction.recorded',
            entityType: 'interaction',
            entityId: interaction.id,
            payload: {
              customerId: interaction.customerId,
              channel: interaction.channel,
              direction: interaction.direction,
              queue: interaction.queue,
              ticketIds: interaction.links.ticketIds,
              complaintIds: interaction.links.complaintIds,
              orderIds: interaction.links.orderIds,
            },
          },
        ];
        const ticketEvents: DomainEvent[] = [];
        for (const ticketId of interaction.links.ticketIds) {
          const stored = await tx.repository(Tickets).get(ticketId);
          const env = await environments.forTicket(tx, stored.data);
          const ticketAt = latest(stored.data.updatedAt, at);
          const linked = linkContact(stored.data, saved.data, actor, ticketAt, env);
          if (linked.events.length === 0) continue;
          await tx.repository(Tickets).update(linked.ticket, stored.version);
          ticketEvents.push(...linked.events);
        }
        await recordEvents(tx, clock, actor.id, [...events, ...ticketEvents]);
        return { interaction: saved.data, events: [...events, ...ticketEvents] };
      });
    },

    amendInteraction: async (raw) => {
      const input = parseInput(AmendInteractionInput, raw, 'amendment');
      const actor = requirePermission(input.actor, Permissions.interactionWrite);
      notInFuture({ answeredAt: input.changes.answeredAt, endedAt: input.changes.endedAt }, 'amendment');
      return store.transaction(async (tx) => {
        const stored = await load(tx, input.interactionId);
        const amendment: InteractionAmendment = {
          seq: stored.data.amendments.length + 1,
          at: clock.now(),
          by: actor.id,
          reason: input.reason,
          changes: input.changes,
        };
        const next: Interaction = { ...stored.data, amendments: [...stored.data.amendments, amendment] };
        const effective = applyAmendments(next);
        checkContactTimes(effective, (path, message) => refuse(`changes.${path}`, message, 'amendment'));
        const added = input.changes.addLinks?.ticketIds ?? [];
        const before = applyAmendments(stored.data).links.ticketIds;
        const newTickets = [...new Set(added)].filter((id) => !before.includes(id));
        const saved = await tx.repository(Interactions).update(next, stored.version);
        const events: DomainEvent[] = [
          {
            type: 'interaction.amended',
            entityType: 'interaction',
            entityId: stored.data.id,
            payload: { seq: amendment.seq, fields: Object.keys(input.changes).sort() },
          },
        ];
        for (const ticketId of newTickets) {
          const ticket = await tx.repository(Tickets).get(ticketId);
          const env = await environments.forTicket(tx, ticket.data);
          const ticketAt = latest(ticket.data.updatedAt, amendment.at);
          const linked = linkContact(ticket.data, effective, actor, ticketAt, env);
          if (linked.events.length === 0) continue;
          await tx.repository(Tickets).update(linked.ticket, ticket.version);
          events.push(...linked.events);
        }
        await recordEvents(tx, clock, actor.id, events);
        return { interaction: saved.data, events };
      });
    },

    requestFeedback: async (raw) => {
      const input = parseInput(RequestFeedbackInput, raw, 'feedback request');
      const actor = requirePermission(input.actor, Permissions.interactionWrite);
      return store.transaction(async (tx) => {
        const stored = await load(tx, input.interactionId);
        const now = clock.now();
        const state = stateOfFeedback(stored.data, now);
        if (state !== 'not_requested')
          throw new InvalidTransitionError('interaction feedback', state, 'request');
        const current = applyAmendments(stored.data);
        if (current.customerId === null)
          refuse('interactionId', 'An anonymous contact cannot be asked for feedback', 'feedback request');
        if (current.endedAt === null) {
          throw new InvalidTransitionError('interaction feedback', 'contact_not_ended', 'request');
        }
        const reached =
          current.answeredAt !== null ||
          (current.direction === 'outbound' && current.outcome !== 'no_contact');
        if (!reached) throw new InvalidTransitionError('interaction feedback', 'nobody_reached', 'request');
        const requestId = ids.next();
        const expiresAt =
          input.validForHours === undefined
            ? null
            : new Date(now.getTime() + input.validForHours * 3_600_000);
        const next: Interaction = {
          ...stored.data,
          feedback: {
            requestId,
            requestedAt: now,
            requestedBy: actor.id,
            via: input.via,
            expiresAt,
            answer: null,
          },
        };
        const saved = await tx.repository(Interactions).update(next, stored.version);
        const events: DomainEvent[] = [
          {
            type: 'interaction.feedback_requested',
            entityType: 'interaction',
            entityId: stored.data.id,
            payload: {
              requestId,
              customerId: current.customerId,
              via: input.via,
              expiresAt: expiresAt?.toISOString() ?? null,
            },
            dedupeKey: `interaction:${stored.data.id}:feedback-request`,
          },
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { interaction: saved.data, events };
      });
    },

    recordFeedback: async (raw) => {
      const input = parseInput(RecordFeedbackInput, raw, 'feedback');
      const actor = requirePermission(input.actor, Permissions.interactionWrite);
      return store.transaction(async (tx) => {
        let stored: Awaited<ReturnType<typeof load>> | undefined;
        if (input.interactionId !== undefined) stored = await load(tx, input.interactionId);
        else {
          for await (const row of tx
            .repository(Interactions)
            .query({ index: 'feedback_request_id', equals: input.requestId!, limit: 1 })) {
            stored = row;
          }
          if (!stored) throw new NotFoundError('feedback request', input.requestId!);
        }
        const now = clock.now();
        const state = stateOfFeedback(stored.data, now);
        if (state !== 'requested') throw new InvalidTransitionError('interaction feedback', state, 'answer');
        const feedback = stored.data.feedback!;
        const answer = {
          answeredAt: now,
          csat: input.csat ?? null,
          nps: input.nps ?? null,
          comment: input.comment ?? null,
        };
        const saved = await tx
          .repository(Interactions)
          .update({ ...stored.data, feedback: { ...feedback, answer } }, stored.version);
        const events: DomainEvent[] = [
          {
            type: 'interaction.feedback_received',
            entityType: 'interaction',
            entityId: stored.data.id,
            payload: {
              requestId: feedback.requestId,
              csat: answer.csat,
              nps: answer.nps,
              comment: answer.comment !== null,
            },
          },
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { interaction: saved.data, events };
      });
    },

    getInteraction: async (interactionId) => {
      const id = parseInput(EntityId, interactionId, 'interaction id');
      return (await store.repository(Interactions).get(id)).data;
    },

    contactHistory: (customerId, raw = {}) => {
      const id = parseInput(EntityId, customerId, 'customer id');
      const o = parseInput(InteractionQueryOptions, raw, 'options');
      return stream(
        store
          .repository(Interactions)
          .query(ranged('customer_offered_at', timeKeyRange(id, o.from, o.to), o)),
      );
    },

    interactionsOfTicket: (ticketId) => {
      const id = parseInput(EntityId, ticketId, 'ticket id');
      return stream(store.repository(Interactions).query({ index: 'ticket_id', equals: id }));
    },

    offeredInteractions: (raw) => {
      const o = parseInput(OfferedInteractionsInput, raw, 'period');
      if (o.queue !== undefined) {
        return stream(
          store
            .repository(Interactions)
            .query(ranged('queue_offered_at', timeKeyRange(o.queue, o.from, o.to), o)),
        );
      }
      if (o.agentId !== undefined) {
        return stream(
          store
            .repository(Interactions)
            .query(ranged('agent_offered_at', timeKeyRange(o.agentId, o.from, o.to), o)),
        );
      }
      return stream(
        store
          .repository(Interactions)
          .query(ranged('offered_at', { from: o.from.toISOString(), to: o.to.toISOString() }, o)),
      );
    },
  };
}
