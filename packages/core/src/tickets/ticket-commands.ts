/**
 * The ticket commands after opening (internal): each is one `runCommand` — validate, load with version, let the
 * ticket machine decide (`applyTicketCommand`: table row, guards, the row's permission, SLA clocks, history, the
 * typed event), save with the expected version, audit, outbox.
 */
import type { z } from 'zod';
import { Interactions } from '../interactions/interaction-collection';
import { runCommand } from '../kit/command-runner';
import { applyTicketCommand, type TicketChanges } from './apply-ticket-command';
import { isLinked, linkContact } from './link-contact';
import { noteTicketOnInteraction } from './note-ticket-on-interaction';
import type { Ticket } from './ticket.schema';
import { Tickets } from './ticket-collections';
import { type TicketCommandResult, type TicketContext, ticketResult } from './ticket-context';
import type { TicketCommand } from './ticket-fields';
import {
  AssignTicketInput,
  ClassifyTicketInput,
  EscalateTicketInput,
  LinkInteractionInput,
  TicketReasonInput,
  TicketRefInput,
} from './ticket-inputs';

type Command = (raw: unknown) => Promise<TicketCommandResult>;

/** The parts of a ticket command the machine needs beyond the ticket and the actor. */
interface CommandArgs {
  reason?: string | null;
  changes?: TicketChanges;
}

/** The common shape of every ticket command's (parsed) input. */
interface TicketRef {
  ticketId: string;
}

/** Common fields of a ticket command on the runner: the collection, the id, the clock guard. */
const onTicket = {
  collection: Tickets,
  id: (input: TicketRef) => input.ticketId,
  // The machine row names the permission (`ticket.write`, `ticket.escalate`, `ticket.work_l2` …).
  permission: null,
  updatedAt: (ticket: Ticket) => ticket.updatedAt,
} as const;

/** One command of the ticket table on the runner. */
function transition<I extends TicketRef>(
  ctx: TicketContext,
  name: string,
  input: z.ZodType<I, unknown>,
  command: TicketCommand,
  args: (input: I) => CommandArgs = () => ({}),
): Command {
  return async (raw) =>
    ticketResult(
      await runCommand(
        ctx.deps,
        {
          ...onTicket,
          name,
          input,
          execute: async ({ input: parsed, actor, current, at, tx }) => {
            const env = await ctx.environments.forTicket(tx, current.data);
            const next = applyTicketCommand(current.data, { command, actor, at, ...args(parsed) }, env);
            return { entity: next.ticket, events: [next.event] };
          },
        },
        raw,
      ),
    );
}

const routing = (input: { group?: string | null; assigneeId?: string | null }): TicketChanges => ({
  ...(input.group === undefined ? {} : { group: input.group }),
  ...(input.assigneeId === undefined ? {} : { assigneeId: input.assigneeId }),
});

const reason = (input: { reason?: string | undefined }): CommandArgs => ({ reason: input.reason ?? null });

/** Links a documented contact to a ticket and notes the ticket on the contact, in one unit of work. */
function linkInteraction(ctx: TicketContext): Command {
  return async (raw) =>
    ticketResult(
      await runCommand(
        ctx.deps,
        {
          ...onTicket,
          name: 'link',
          input: LinkInteractionInput,
          execute: async ({ input, actor, current, at, tx }) => {
            const stored = await tx.repository(Interactions).get(input.interactionId);
            if (isLinked(current.data, stored.data.id)) return { entity: current.data, events: [] };
            const env = await ctx.environments.forTicket(tx, current.data);
            const linked = linkContact(current.data, stored.data, actor, at, env);
            const noted = await noteTicketOnInteraction(tx, stored, current.data.id, actor, at);
            return { entity: linked.ticket, events: [...linked.events, ...noted] };
          },
        },
        raw,
      ),
    );
}

/** The commands of a ticket service after opening, by name. */
export function ticketCommands(ctx: TicketContext) {
  return {
    assignTicket: transition(ctx, 'assignment', AssignTicketInput, 'assign', (i) => ({
      changes: routing(i),
    })),
    classifyTicket: transition(ctx, 'classification', ClassifyTicketInput, 'classify', (i) => ({
      changes: {
        ...(i.priority === undefined ? {} : { priority: i.priority }),
        ...(i.category === undefined ? {} : { category: i.category }),
      },
    })),
    respondToTicket: transition(ctx, 'response', TicketRefInput, 'respond'),
    waitOnCustomer: transition(ctx, 'pending request', TicketReasonInput, 'wait_on_customer', reason),
    recordCustomerReply: transition(ctx, 'customer reply', TicketRefInput, 'customer_reply'),
    linkInteraction: linkInteraction(ctx),
    escalateTicket: transition(ctx, 'escalation', EscalateTicketInput, 'escalate', (i) => ({
      reason: i.reason,
      changes: routing(i),
    })),
    deescalateTicket: transition(ctx, 'de-escalation', EscalateTicketInput, 'deescalate', (i) => ({
      reason: i.reason,
      changes: routing(i),
    })),
    resolveTicket: transition(ctx, 'resolution', TicketReasonInput, 'resolve', reason),
    reopenTicket: transition(ctx, 'reopening', TicketReasonInput, 'reopen', reason),
    closeTicket: transition(ctx, 'closing', TicketRefInput, 'close'),
  };
}
