import { Permissions } from '../agents/permissions';
import { Interactions } from '../interactions/interaction-collection';
import { requireCustomer } from '../interactions/require-customer';
import { runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { DomainEvent } from '../services/domain-events';
import { slaView } from './apply-ticket-command';
import { linkContact } from './link-contact';
import { noteTicketOnInteraction } from './note-ticket-on-interaction';
import type { Ticket } from './ticket.schema';
import { Tickets } from './ticket-collections';
import { type TicketCommandResult, type TicketContext, ticketResult } from './ticket-context';
import { TicketOpened } from './ticket-events';
import { OpenTicketInput } from './ticket-inputs';
import { startTicketSla } from './ticket-sla';

/**
 * `openTicket` on the runner (internal): for an existing customer, with the SLA of its policy started, and — when
 * it comes from a documented contact — the contact linked at once (a response or a reply by what it was) and
 * the ticket noted on the contact, all in one unit of work. Needs `ticket.write` (and `interaction.write` to
 * note the ticket on a contact).
 */
export function openTicket(ctx: TicketContext): (raw: unknown) => Promise<TicketCommandResult> {
  return async (raw) =>
    ticketResult(
      await runCreate(
        ctx.deps,
        {
          name: 'ticket',
          input: OpenTicketInput,
          collection: Tickets,
          permission: Permissions.ticketWrite,
          create: async ({ input, actor, at, tx }) => {
            await requireCustomer(tx, input.customerId);
            const policyId = input.slaPolicyId === undefined ? ctx.defaultSlaPolicyId : input.slaPolicyId;
            const sla = policyId ? await ctx.environments.policy(tx, policyId) : null;
            const id = ctx.deps.ids.next();
            let ticket: Ticket = {
              id,
              customerId: input.customerId,
              subject: input.subject,
              description: input.description,
              status: 'new',
              priority: input.priority,
              category: input.category,
              tier: 'L1',
              assigneeId: input.assigneeId,
              group: input.group,
              openedAt: at,
              openedBy: actor.id,
              updatedAt: at,
              resolvedAt: null,
              closedAt: null,
              history: [],
              sla: null,
            };
            if (sla) ticket.sla = startTicketSla(sla.policy, sla.calendar, slaView(ticket), at);
            const events: DomainEvent[] = [
              emit(
                TicketOpened,
                { entityType: 'ticket', entityId: id },
                {
                  customerId: input.customerId,
                  priority: input.priority,
                  category: input.category,
                  slaPolicyId: policyId ?? null,
                  slaTargetRow: ticket.sla?.targetRow ?? null,
                },
              ),
            ];
            if (input.interactionId !== undefined) {
              const stored = await tx.repository(Interactions).get(input.interactionId);
              const env = { reopenWindowMs: ctx.reopenWindowMs, sla };
              const linked = linkContact(ticket, stored.data, actor, at, env);
              ticket = linked.ticket;
              events.push(...linked.events);
              events.push(...(await noteTicketOnInteraction(tx, stored, id, actor, at)));
            }
            return { entity: ticket, events };
          },
        },
        raw,
      ),
    );
}
