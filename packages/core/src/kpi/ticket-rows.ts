import type { Ticket } from '../tickets/ticket.schema';
import type { KpiTicketInput } from './kpi-rows.schema';

/**
 * The fields of a ticket its KPI row reads (a `Ticket` of the service desk has them all). A structural type, so
 * this entry loads none of the ticket's SLA and calendar code.
 * @category KPIs
 */
export type KpiTicketSource = Pick<
  Ticket,
  'id' | 'customerId' | 'group' | 'assigneeId' | 'category' | 'tier' | 'openedAt' | 'resolvedAt' | 'closedAt'
> & {
  readonly history: readonly Pick<Ticket['history'][number], 'command' | 'contact'>[];
};

/**
 * The KPI row of a ticket as it stands: its group as the queue, its assignee as the agent, its category, the
 * channel of the first contact linked to it (`null` without one), when it was opened, resolved (the last time,
 * `null` after a reopen) and closed, and whether it **ever** reached second level (an `escalate` in its history
 * or tier L2 now) — so "resolved without escalation" counts only tickets that L1 resolved alone.
 * @example
 * const rows = tickets.map(kpiTicketFromTicket);
 * const partial = kpiPartialOf({ tickets: rows, backlogAsOf: new Date() }, { period: 'day', by: ['queue'] });
 * @category KPIs
 */
export function kpiTicketFromTicket(ticket: KpiTicketSource): KpiTicketInput {
  const firstContact = ticket.history.find((entry) => entry.contact !== null)?.contact ?? null;
  return {
    id: ticket.id,
    customerId: ticket.customerId,
    queue: ticket.group,
    channel: firstContact?.channel ?? null,
    agentId: ticket.assigneeId,
    category: ticket.category,
    openedAt: ticket.openedAt,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    escalated: ticket.tier === 'L2' || ticket.history.some((entry) => entry.command === 'escalate'),
  };
}
