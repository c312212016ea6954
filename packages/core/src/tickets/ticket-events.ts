/**
 * The typed, versioned events of tickets and SLA policies. Payloads carry ids, codes, states and instants only:
 * no subject, description or reason (agents write "Kiss Anna called again …" there) — the ticket keeps those,
 * behind its read policy.
 */
import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { defineEvent, type EventDefinition } from '../kit/define-event';
import { SlaTargetName } from './sla.schema';
import { TicketCategory, TicketCommand, TicketPriority, TicketStatus } from './ticket-fields';

/** A field a ticket command changed, old and new value (codes and agent ids, never free text). */
const FieldChange = z.object({ from: z.string().nullable(), to: z.string().nullable() });

/** What every ticket command's event says: the command, the states, what changed, the rule and the contact. */
const TicketTransitionPayload = z.strictObject({
  command: TicketCommand,
  from: TicketStatus,
  to: TicketStatus,
  /** Whether the agent gave a reason (the reason itself stays in the ticket's history). */
  reasonGiven: z.boolean(),
  /** The escalation rule that issued the command, when a rule did. */
  rule: z.string().max(100).optional(),
  changes: z
    .partialRecord(z.enum(['priority', 'category', 'assigneeId', 'group', 'tier']), FieldChange)
    .optional(),
  /** The contact a `link_contact` command linked. */
  interactionId: EntityId.optional(),
});
/**
 * The payload of every ticket command's event: command, states, changed fields, rule, linked contact.
 * @category Tickets
 */
export type TicketTransitionPayload = z.input<typeof TicketTransitionPayload>;

const transition = <const T extends string>(type: T, description: string) =>
  defineEvent({ type, description, payload: TicketTransitionPayload });

/**
 * The `ticket.opened.v1` event (see its `description`).
 * @category Tickets
 */
export const TicketOpened = defineEvent({
  type: 'ticket.opened.v1',
  description: 'A ticket was opened for a customer, with the SLA policy and target row it tracks.',
  payload: z.strictObject({
    customerId: EntityId,
    priority: TicketPriority,
    category: TicketCategory,
    slaPolicyId: EntityId.nullable(),
    slaTargetRow: z.int().min(0).nullable(),
  }),
});
/**
 * `ticket.assigned.v1`: The assignee and/or group changed.
 * @category Tickets
 */
export const TicketAssigned = transition('ticket.assigned.v1', 'The assignee and/or group changed.');
/**
 * `ticket.classified.v1`: The priority and/or category changed.
 * @category Tickets
 */
export const TicketClassified = transition('ticket.classified.v1', 'The priority and/or category changed.');
/**
 * `ticket.responded.v1`: An agent answered the customer.
 * @category Tickets
 */
export const TicketResponded = transition('ticket.responded.v1', 'An agent answered the customer.');
/**
 * `ticket.awaiting_customer.v1`: The ticket waits on the customer (pending); its SLA clocks pause.
 * @category Tickets
 */
export const TicketAwaitingCustomer = transition(
  'ticket.awaiting_customer.v1',
  'The ticket waits on the customer (pending); its SLA clocks pause.',
);
/**
 * `ticket.customer_replied.v1`: The customer replied.
 * @category Tickets
 */
export const TicketCustomerReplied = transition('ticket.customer_replied.v1', 'The customer replied.');
/**
 * `ticket.contact_linked.v1`: A documented contact was linked to the ticket.
 * @category Tickets
 */
export const TicketContactLinked = transition(
  'ticket.contact_linked.v1',
  'A documented contact was linked to the ticket.',
);
/**
 * `ticket.escalated.v1`: The ticket went to second level (L2), with a reason.
 * @category Tickets
 */
export const TicketEscalated = transition(
  'ticket.escalated.v1',
  'The ticket went to second level (L2), with a reason.',
);
/**
 * `ticket.deescalated.v1`: The ticket came back to first level, with a reason.
 * @category Tickets
 */
export const TicketDeescalated = transition(
  'ticket.deescalated.v1',
  'The ticket came back to first level, with a reason.',
);
/**
 * `ticket.resolved.v1`: The ticket was resolved; its SLA clocks stop.
 * @category Tickets
 */
export const TicketResolved = transition(
  'ticket.resolved.v1',
  'The ticket was resolved; its SLA clocks stop.',
);
/**
 * `ticket.reopened.v1`: A resolved or recently closed ticket reopened.
 * @category Tickets
 */
export const TicketReopened = transition(
  'ticket.reopened.v1',
  'A resolved or recently closed ticket reopened.',
);
/**
 * `ticket.closed.v1`: A resolved ticket was closed.
 * @category Tickets
 */
export const TicketClosed = transition('ticket.closed.v1', 'A resolved ticket was closed.');

const SlaSignalPayload = z.strictObject({
  target: SlaTargetName,
  cycle: z.int().min(1),
  /** The instant the warning share or the budget was reached. */
  at: z.iso.datetime(),
  policyId: EntityId,
});

/**
 * The `ticket.sla_warning.v1` event (see its `description`).
 * @category Tickets
 */
export const TicketSlaWarning = defineEvent({
  type: 'ticket.sla_warning.v1',
  description: "An SLA target reached its policy's warning share; announced once per target and cycle.",
  payload: SlaSignalPayload,
});
/**
 * The `ticket.sla_breached.v1` event (see its `description`).
 * @category Tickets
 */
export const TicketSlaBreached = defineEvent({
  type: 'ticket.sla_breached.v1',
  description: 'An SLA target passed its due instant; announced once per target and cycle.',
  payload: SlaSignalPayload,
});
/**
 * The `ticket.escalation_rule_fired.v1` event (see its `description`).
 * @category Tickets
 */
export const TicketEscalationRuleFired = defineEvent({
  type: 'ticket.escalation_rule_fired.v1',
  description:
    "An SLA escalation rule's threshold passed: the commands it ran and those the ticket's state refused.",
  payload: z.strictObject({
    ruleId: z.string().max(100),
    target: SlaTargetName,
    cycle: z.int().min(1),
    applied: z.array(TicketCommand),
    skipped: z.array(TicketCommand),
  }),
});
/**
 * The `sla_policy.saved.v1` event (see its `description`).
 * @category Tickets
 */
export const SlaPolicySaved = defineEvent({
  type: 'sla_policy.saved.v1',
  description: 'An SLA policy was created or changed; running tickets keep their clocks.',
  payload: z.strictObject({
    version: z.int().min(1),
    targetRows: z.int().min(0),
    rules: z.int().min(0),
  }),
});

/**
 * The event of each ticket command (see `TICKET_EVENT_TYPES` for the names alone).
 * @category Tickets
 */
export const TICKET_COMMAND_EVENTS = Object.freeze({
  assign: TicketAssigned,
  classify: TicketClassified,
  respond: TicketResponded,
  wait_on_customer: TicketAwaitingCustomer,
  customer_reply: TicketCustomerReplied,
  link_contact: TicketContactLinked,
  escalate: TicketEscalated,
  deescalate: TicketDeescalated,
  resolve: TicketResolved,
  reopen: TicketReopened,
  close: TicketClosed,
} satisfies Record<TicketCommand, EventDefinition>);

/**
 * Every event the tickets announce, for a module's declaration and the event catalogue.
 * @category Tickets
 */
export const TICKET_EVENTS: readonly EventDefinition[] = Object.freeze([
  TicketOpened,
  ...Object.values(TICKET_COMMAND_EVENTS),
  TicketSlaWarning,
  TicketSlaBreached,
  TicketEscalationRuleFired,
  SlaPolicySaved,
]);
