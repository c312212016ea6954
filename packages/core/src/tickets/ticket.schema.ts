import { z } from 'zod';
import { AgentId, InteractionChannel, InteractionDirection } from '../interactions/interaction.schema';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { TicketSla } from './sla.schema';
import {
  TicketCategory,
  TicketCommand,
  TicketGroup,
  TicketPriority,
  TicketStatus,
  TicketTier,
} from './ticket-fields';

/**
 * A contact linked to a ticket, as the ticket's history keeps it: enough to derive first-contact resolution
 * without loading the interaction.
 * @category Tickets
 */
export const TicketContact = z.object({
  interactionId: EntityId,
  direction: InteractionDirection,
  channel: InteractionChannel,
  /** What the contact meant for the ticket (see `contactRole`). */
  role: z.enum(['agent_response', 'customer_message', 'none']),
  /** When the contact was offered. */
  at: Instant,
});
/** @category Tickets */
export type TicketContact = z.output<typeof TicketContact>;

/**
 * One accepted command in a ticket's history. The history is append-only; derived facts (first-contact
 * resolution, resolved without escalation, reopen count) are computed from it.
 * @category Tickets
 */
export const TicketHistoryEntry = z.object({
  seq: z.int().min(1),
  at: Instant,
  /** The actor's id: an agent, or a worker such as `system:sla-monitor`. */
  by: AgentId,
  command: TicketCommand,
  from: TicketStatus,
  to: TicketStatus,
  reason: z.string().max(2000).nullable(),
  /** The escalation rule that issued the command, when a rule did. */
  rule: z.string().max(100).nullable(),
  /** Fields the command changed, old and new values (`{ priority: { from: 'normal', to: 'high' } }`). */
  changes: z.record(z.string(), z.object({ from: z.json(), to: z.json() })).nullable(),
  /** The contact a `link_contact` command linked. */
  contact: TicketContact.nullable(),
});
/** @category Tickets */
export type TicketHistoryEntry = z.output<typeof TicketHistoryEntry>;

/**
 * A ticket (hibajegy / bejelentés): a customer's need tracked from first contact to closure, with its tier,
 * routing, SLA clocks and full history.
 * @category Tickets
 */
export const Ticket = z.object({
  id: EntityId,
  customerId: EntityId,
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(20_000),
  status: TicketStatus,
  priority: TicketPriority,
  category: TicketCategory,
  tier: TicketTier,
  assigneeId: AgentId.nullable(),
  group: TicketGroup.nullable(),
  openedAt: Instant,
  openedBy: AgentId,
  updatedAt: Instant,
  resolvedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  history: z.array(TicketHistoryEntry),
  sla: TicketSla.nullable(),
});
/** @category Tickets */
export type Ticket = z.output<typeof Ticket>;
