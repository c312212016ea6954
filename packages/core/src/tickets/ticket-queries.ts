/**
 * The ticket reads (internal): each takes one input object with the actor, is checked and masked through
 * `TicketReadPolicy`, and runs on an index — by id, a customer's tickets, the inboxes (status, queue, assignee,
 * due) paged with cursors, and the due SLA targets.
 */
import type { z } from 'zod';
import { parseInput } from '../errors/validate';
import { timeKey, timeKeyRange } from '../interactions/index-keys';
import { authorizeRead, type Page, pageOf, present, readById } from '../kit/read-policy';
import type { KeyValue, Query, Stored } from '../ports/storage';
import type { SlaPolicy, SlaTargetName } from './sla.schema';
import type { Ticket } from './ticket.schema';
import { SlaPolicies, Tickets } from './ticket-collections';
import type { TicketContext } from './ticket-context';
import {
  DueBreachesInput,
  TicketInboxInput,
  TicketsInPeriodInput,
  TicketsOfCustomerInput,
} from './ticket-inputs';
import { SlaPolicyReadPolicy, TicketReadPolicy } from './ticket-read-policy';
import { isTargetRunning } from './ticket-sla';

/**
 * One SLA target due before the instant `dueBreaches` was asked about.
 * @category Tickets
 */
export interface SlaDue {
  ticketId: string;
  customerId: string;
  status: Ticket['status'];
  priority: Ticket['priority'];
  tier: Ticket['tier'];
  assigneeId: string | null;
  group: string | null;
  target: SlaTargetName;
  cycle: number;
  dueAt: Date;
  /** The due instant has passed (by the service's clock). */
  breached: boolean;
}

/** A key range of one index, and the key of a ticket in it (for the cursor). */
interface IndexRange {
  index: string;
  from?: KeyValue;
  to: KeyValue;
  keyOf: (ticket: Ticket) => KeyValue;
}

/** A range narrowed to start at a cursor's key — never before the range (a forged cursor cannot widen it). */
function fromCursor(range: IndexRange, cursorKey: KeyValue | undefined): Query {
  const { index, from, to } = range;
  const start =
    cursorKey !== undefined && (from === undefined || String(cursorKey) > String(from)) ? cursorKey : from;
  return start === undefined ? { index, to } : { index, from: start, to };
}

/** `owner|openedAt` keys of one owner on a time-keyed index. */
const byOwner = (index: string, owner: string, of: (t: Ticket) => string | null): IndexRange => ({
  index,
  ...timeKeyRange(owner),
  keyOf: (t) => timeKey(of(t) ?? '', t.openedAt),
});

/** The index an inbox page is read from: the first filter given of assignee, group, status, due. */
function inboxRange(input: z.output<typeof TicketInboxInput>): IndexRange {
  if (input.assigneeId !== undefined)
    return byOwner('assignee_opened_at', input.assigneeId, (t) => t.assigneeId);
  if (input.group !== undefined) return byOwner('group_opened_at', input.group, (t) => t.group);
  if (input.status !== undefined) return byOwner('status_opened_at', input.status, (t) => t.status);
  return {
    index: 'sla_due_at',
    to: input.dueBefore!.toISOString(),
    keyOf: (t) => t.sla?.nextDueAt?.toISOString() ?? '',
  };
}

/** The reads of a ticket service, by name. */
export function ticketQueries(ctx: TicketContext) {
  const { store, clock } = ctx.deps;

  /** One page of `range`, rows narrowed by `keep`, presented to `actor`. */
  const page = (
    raw: { actor: unknown; limit: number; cursor?: string | undefined },
    range: IndexRange,
    keep: (t: Ticket) => boolean = () => true,
  ): Promise<Page<Ticket>> => {
    const actor = authorizeRead(TicketReadPolicy, raw.actor);
    async function* rows(cursorKey: KeyValue | undefined): AsyncIterable<Stored<Ticket>> {
      for await (const row of store.repository(Tickets).query(fromCursor(range, cursorKey))) {
        if (keep(row.data)) yield row;
      }
    }
    return pageOf(rows, range.keyOf, raw, (row) => present(TicketReadPolicy, actor, row.data));
  };

  return {
    getTicket: (raw: unknown): Promise<Ticket> => readById(store, Tickets, TicketReadPolicy, raw),

    getSlaPolicy: (raw: unknown): Promise<SlaPolicy> =>
      readById(store, SlaPolicies, SlaPolicyReadPolicy, raw),

    ticketsOfCustomer: async (raw: unknown): Promise<Page<Ticket>> => {
      const input = parseInput(TicketsOfCustomerInput, raw, 'customer tickets query');
      const range = timeKeyRange(input.customerId, input.from, input.to);
      return page(input, {
        index: 'customer_opened_at',
        ...range,
        keyOf: (t) => timeKey(t.customerId, t.openedAt),
      });
    },

    ticketInbox: async (raw: unknown): Promise<Page<Ticket>> => {
      const input = parseInput(TicketInboxInput, raw, 'ticket inbox query');
      const { status, group, assigneeId, dueBefore } = input;
      return page(
        input,
        inboxRange(input),
        (t) =>
          (status === undefined || t.status === status) &&
          (group === undefined || t.group === group) &&
          (assigneeId === undefined || t.assigneeId === assigneeId) &&
          (dueBefore === undefined || (t.sla?.nextDueAt != null && t.sla.nextDueAt < dueBefore)),
      );
    },

    ticketsInPeriod: (raw: unknown): AsyncIterable<Ticket> => {
      const input = parseInput(TicketsInPeriodInput, raw, 'tickets in a period');
      const actor = authorizeRead(TicketReadPolicy, input.actor);
      const rows = store.repository(Tickets).query({
        index: `${input.by}_at`,
        from: input.from.toISOString(),
        to: input.to.toISOString(),
      });
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of rows) yield present(TicketReadPolicy, actor, row.data);
        },
      };
    },

    dueBreaches: (raw: unknown): AsyncIterable<SlaDue> => {
      const input = parseInput(DueBreachesInput, raw, 'due-breach query');
      authorizeRead(TicketReadPolicy, input.actor);
      const rows = store.repository(Tickets).query({
        index: 'sla_due_at',
        ...(input.after ? { from: input.after.toISOString() } : {}),
        to: input.before.toISOString(),
        ...(input.limit ? { limit: input.limit } : {}),
      });
      return {
        async *[Symbol.asyncIterator]() {
          const now = clock.now();
          for await (const { data: t } of rows) {
            const due = (t.sla?.targets ?? [])
              .filter(
                (target) =>
                  isTargetRunning(target) &&
                  target.dueAt !== null &&
                  target.dueAt < input.before &&
                  (input.after === undefined || target.dueAt >= input.after),
              )
              .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
            for (const target of due) {
              yield {
                ticketId: t.id,
                customerId: t.customerId,
                status: t.status,
                priority: t.priority,
                tier: t.tier,
                assigneeId: t.assigneeId,
                group: t.group,
                target: target.target,
                cycle: target.cycle,
                dueAt: target.dueAt!,
                breached: target.dueAt! <= now,
              };
            }
          }
        },
      };
    },
  };
}
