/**
 * One ticket command applied to a ticket in memory (internal): the table decides, the actor's permission is
 * checked, fields, SLA clocks and history change, and one domain event describes it. No I/O.
 */
import { ValidationError } from '../errors/frontline-error';
import { type Actor, requirePermission } from '../kernel/actor';
import type { BusinessCalendar } from '../kernel/business-calendar';
import { emit } from '../kit/define-event';
import type { DomainEvent } from '../services/domain-events';
import type { SlaPolicy } from './sla.schema';
import type { Ticket, TicketContact, TicketHistoryEntry } from './ticket.schema';
import { TICKET_COMMAND_EVENTS, type TicketTransitionPayload } from './ticket-events';
import type { TicketCommand, TicketPriority, TicketStatus } from './ticket-fields';
import { decideTicketTransition, TICKET_COMMANDS_NEEDING_REASON } from './ticket-machine';
import { applySlaEvents, refreshSla, type SlaEvent, type SlaTicketView } from './ticket-sla';

/** The facts a command needs beyond the ticket: the reopen window and, for a ticket with an SLA, its policy. */
export interface TicketEnvironment {
  reopenWindowMs: number;
  sla: { policy: SlaPolicy; calendar: BusinessCalendar } | null;
}

/** What changes a command carries. */
export interface TicketChanges {
  priority?: TicketPriority;
  category?: string;
  assigneeId?: string | null;
  group?: string | null;
}

/** A command to apply. */
export interface TicketCommandInput {
  command: TicketCommand;
  actor: Actor;
  at: Date;
  reason?: string | null;
  rule?: string | null;
  changes?: TicketChanges;
  contact?: TicketContact;
}

/**
 * The event type each ticket command records (audit entry type and outbox topic), for hosts that subscribe; the
 * typed definitions are in `TICKET_EVENTS`. Besides these, `ticket.opened.v1` announces a new ticket and the SLA
 * worker announces `ticket.sla_warning.v1`, `ticket.sla_breached.v1` and `ticket.escalation_rule_fired.v1`.
 * @category Tickets
 */
export const TICKET_EVENT_TYPES: Readonly<Record<TicketCommand, string>> = Object.freeze(
  Object.fromEntries(
    Object.entries(TICKET_COMMAND_EVENTS).map(([command, event]) => [command, event.type]),
  ) as Record<TicketCommand, string>,
);

function slaEvents(command: TicketCommand, from: TicketStatus, to: TicketStatus): SlaEvent[] {
  const events: SlaEvent[] = [];
  if (from === 'pending' && to !== 'pending' && to !== 'resolved') events.push({ kind: 'resume' });
  if (command === 'respond') events.push({ kind: 'respond' });
  if (command === 'customer_reply') events.push({ kind: 'customer_message' });
  if (command === 'reopen') events.push({ kind: 'reopen' });
  if (to === 'pending' && from !== 'pending') events.push({ kind: 'pause' });
  if (to === 'resolved' && from !== 'resolved') events.push({ kind: 'resolve' });
  return events;
}

/** The view of a ticket the SLA rules filter on. */
export function slaView(ticket: Ticket): SlaTicketView {
  return { priority: ticket.priority, category: ticket.category, tier: ticket.tier, status: ticket.status };
}

/**
 * Applies one command. Throws `ValidationError` (a reason is missing), `InvalidTransitionError` (the table refuses)
 * or `ForbiddenError` (the actor lacks the row's permission); returns the new ticket and its one event.
 */
export function applyTicketCommand(
  ticket: Ticket,
  input: TicketCommandInput,
  env: TicketEnvironment,
): { ticket: Ticket; event: DomainEvent } {
  const { command, actor, at } = input;
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (TICKET_COMMANDS_NEEDING_REASON.includes(command) && reason === null) {
    const message = `A reason is required to ${command === 'escalate' ? 'escalate' : 'de-escalate'} a ticket`;
    throw new ValidationError(`Invalid ${command}: reason: ${message}`, [
      { path: ['reason'], message, code: 'too_small' },
    ]);
  }
  const transition = decideTicketTransition(ticket.status, command, {
    tier: ticket.tier,
    closedAt: ticket.closedAt,
    now: at,
    reopenWindowMs: env.reopenWindowMs,
  });
  requirePermission(actor, transition.permission);

  const next: Ticket = { ...ticket, status: transition.to, updatedAt: at };
  const changes: NonNullable<TicketTransitionPayload['changes']> = {};
  const change = <K extends 'priority' | 'category' | 'assigneeId' | 'group' | 'tier'>(
    key: K,
    value: Ticket[K],
  ) => {
    if (ticket[key] === value) return;
    changes[key] = { from: ticket[key], to: value };
    next[key] = value;
  };
  const c = input.changes ?? {};
  if (command === 'classify') {
    if (c.priority !== undefined) change('priority', c.priority);
    if (c.category !== undefined) change('category', c.category);
  }
  if (command === 'assign' || command === 'escalate' || command === 'deescalate') {
    if (c.assigneeId !== undefined) change('assigneeId', c.assigneeId);
    if (c.group !== undefined) change('group', c.group);
  }
  if (transition.tier) change('tier', transition.tier);
  if (transition.to === 'resolved' && ticket.status !== 'resolved') next.resolvedAt = at;
  if (transition.to === 'closed') next.closedAt = at;
  if (command === 'reopen') {
    next.resolvedAt = null;
    next.closedAt = null;
  }

  if (ticket.sla && env.sla) {
    const events = slaEvents(command, ticket.status, transition.to);
    if (command === 'classify' && (changes.priority || changes.category)) {
      events.push({
        kind: 'reclassify',
        priority: next.priority,
        category: next.category,
        status: next.status,
        responded: ticket.history.some((h) => h.command === 'respond'),
      });
    }
    const applied = applySlaEvents(ticket.sla, env.sla.policy, env.sla.calendar, events, at);
    next.sla = refreshSla(applied, env.sla.policy, env.sla.calendar, slaView(next), at);
  }

  const entry: TicketHistoryEntry = {
    seq: ticket.history.length + 1,
    at,
    by: actor.id,
    command,
    from: ticket.status,
    to: transition.to,
    reason,
    rule: input.rule ?? null,
    changes: Object.keys(changes).length > 0 ? changes : null,
    contact: input.contact ?? null,
  };
  next.history = [...ticket.history, entry];
  return {
    ticket: next,
    event: emit(
      TICKET_COMMAND_EVENTS[command],
      { entityType: 'ticket', entityId: ticket.id },
      {
        command,
        from: ticket.status,
        to: transition.to,
        reasonGiven: reason !== null,
        ...(entry.rule === null ? {} : { rule: entry.rule }),
        ...(entry.changes === null ? {} : { changes }),
        ...(entry.contact === null ? {} : { interactionId: entry.contact.interactionId }),
      },
    ),
  };
}
