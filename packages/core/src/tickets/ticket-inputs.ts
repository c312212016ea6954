import { z } from 'zod';
import { AgentId } from '../interactions/interaction.schema';
import { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { PageInput } from '../kit/read-policy';
import { SlaPolicy } from './sla.schema';
import { TicketCategory, TicketGroup, TicketPriority, TicketStatus } from './ticket-fields';

const Reason = z.string().trim().min(1).max(2000);

/**
 * Input of `openTicket`.
 * @category Tickets
 */
export const OpenTicketInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).default(''),
  priority: TicketPriority.default('normal'),
  category: TicketCategory,
  group: TicketGroup.nullable().default(null),
  assigneeId: AgentId.nullable().default(null),
  /** The SLA policy to track; the service's default policy when left out, none when `null`. */
  slaPolicyId: EntityId.nullable().optional(),
  /** The documented contact the ticket comes from; it is linked at once. */
  interactionId: EntityId.optional(),
});
/** @category Tickets */
export type OpenTicketInput = z.input<typeof OpenTicketInput>;

const TicketRef = {
  actor: Actor,
  ticketId: EntityId,
  /**
   * The ticket's version the caller decided on: a ticket changed since is a `CONFLICT` (never retried). Left
   * out, the command applies to the ticket as it is, retried on a concurrent change (see `runCommand`).
   */
  expectedVersion: z.int().min(1).optional(),
};

/**
 * Input of the commands that need nothing but the ticket (`respondToTicket`, `recordCustomerReply`,
 * `closeTicket`).
 * @category Tickets
 */
export const TicketRefInput = z.strictObject(TicketRef);
/** @category Tickets */
export type TicketRefInput = z.input<typeof TicketRefInput>;

/**
 * Input of the commands with an optional reason (`waitOnCustomer`, `resolveTicket`, `reopenTicket`).
 * @category Tickets
 */
export const TicketReasonInput = z.strictObject({ ...TicketRef, reason: Reason.optional() });
/** @category Tickets */
export type TicketReasonInput = z.input<typeof TicketReasonInput>;

/**
 * Input of `assignTicket`: a new assignee and/or group (`null` clears it).
 * @category Tickets
 */
export const AssignTicketInput = z
  .strictObject({
    ...TicketRef,
    assigneeId: AgentId.nullable().optional(),
    group: TicketGroup.nullable().optional(),
  })
  .refine((i) => i.assigneeId !== undefined || i.group !== undefined, {
    message: 'Give an assigneeId or a group',
    path: ['assigneeId'],
  });
/** @category Tickets */
export type AssignTicketInput = z.input<typeof AssignTicketInput>;

/**
 * Input of `classifyTicket`: a new priority and/or category (SLA budgets follow).
 * @category Tickets
 */
export const ClassifyTicketInput = z
  .strictObject({ ...TicketRef, priority: TicketPriority.optional(), category: TicketCategory.optional() })
  .refine((i) => i.priority !== undefined || i.category !== undefined, {
    message: 'Give a priority or a category',
    path: ['priority'],
  });
/** @category Tickets */
export type ClassifyTicketInput = z.input<typeof ClassifyTicketInput>;

/**
 * Input of `escalateTicket` and `deescalateTicket`: the reason is required; the ticket may be routed at once.
 * @category Tickets
 */
export const EscalateTicketInput = z.strictObject({
  ...TicketRef,
  reason: Reason,
  group: TicketGroup.nullable().optional(),
  assigneeId: AgentId.nullable().optional(),
});
/** @category Tickets */
export type EscalateTicketInput = z.input<typeof EscalateTicketInput>;

/**
 * Input of `linkInteraction`.
 * @category Tickets
 */
export const LinkInteractionInput = z.strictObject({ ...TicketRef, interactionId: EntityId });
/** @category Tickets */
export type LinkInteractionInput = z.input<typeof LinkInteractionInput>;

/**
 * Input of `saveSlaPolicy`.
 * @category Tickets
 */
export const SaveSlaPolicyInput = z.strictObject({ actor: Actor, policy: SlaPolicy });
/** @category Tickets */
export type SaveSlaPolicyInput = z.input<typeof SaveSlaPolicyInput>;

/**
 * Input of `dueBreaches`: targets due in `[after, before)` — without `after`, every target due before `before`,
 * the breached ones included — at most `limit` tickets.
 * @category Tickets
 */
export const DueBreachesInput = z
  .strictObject({
    actor: Actor,
    /** The window's start (inclusive): "due within the hour" is `{ after: now, before: now + 1 h }`. */
    after: Instant.optional(),
    before: Instant,
    limit: z.int().min(1).max(100_000).optional(),
  })
  .refine((i) => i.after === undefined || i.after < i.before, {
    path: ['after'],
    message: 'after must come before before',
  });
/** @category Tickets */
export type DueBreachesInput = z.input<typeof DueBreachesInput>;

/**
 * Input of `checkSla`: the instant to check at (the clock's now when left out) and at most `limit` tickets per
 * run (default 500).
 * @category Tickets
 */
export const CheckSlaInput = z.strictObject({
  now: Instant.optional(),
  limit: z.int().min(1).max(100_000).optional(),
});
/** @category Tickets */
export type CheckSlaInput = z.input<typeof CheckSlaInput>;

/**
 * Input of `ticketsOfCustomer`: one page of a customer's tickets opened in `[from, to)`, oldest first.
 * @category Tickets
 */
export const TicketsOfCustomerInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  from: Instant.optional(),
  to: Instant.optional(),
  ...PageInput,
});
/** @category Tickets */
export type TicketsOfCustomerInput = z.input<typeof TicketsOfCustomerInput>;

/**
 * Input of `ticketInbox`: one page of the tickets in a status, a queue (`group`), of an assignee or due before
 * an instant. The first filter given of `assigneeId`, `group`, `status`, `dueBefore` picks the index the page
 * is read from (in opening order, or due order for `dueBefore`); the others narrow it. At least one is needed.
 * @category Tickets
 */
export const TicketInboxInput = z
  .strictObject({
    actor: Actor,
    status: TicketStatus.optional(),
    group: TicketGroup.optional(),
    assigneeId: AgentId.optional(),
    /** Tickets whose earliest running SLA target is due before this instant (exclusive). */
    dueBefore: Instant.optional(),
    ...PageInput,
  })
  .refine(
    (i) =>
      i.status !== undefined ||
      i.group !== undefined ||
      i.assigneeId !== undefined ||
      i.dueBefore !== undefined,
    { message: 'Give a status, a group, an assigneeId or dueBefore', path: ['status'] },
  );
/** @category Tickets */
export type TicketInboxInput = z.input<typeof TicketInboxInput>;

/**
 * Input of `ticketsInPeriod`: the tickets opened, resolved (the last time) or closed in `[from, to)`, by the instant
 * `by` names — the ticket rows of the KPI calculators.
 * @category Tickets
 */
export const TicketsInPeriodInput = z
  .strictObject({
    actor: Actor,
    by: z.enum(['opened', 'resolved', 'closed']),
    from: Instant,
    to: Instant,
  })
  .refine((i) => i.from <= i.to, { path: ['to'], message: 'The period ends before it starts' });
/** @category Tickets */
export type TicketsInPeriodInput = z.input<typeof TicketsInPeriodInput>;
