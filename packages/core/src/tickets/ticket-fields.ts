import { z } from 'zod';

/**
 * Where a ticket is in its life: `new` (nobody has worked on it), `open` (first level works on it), `pending`
 * (waiting for the customer; SLA clocks paused), `escalated` (second level works on it), `resolved`, `closed`.
 * @category Tickets
 */
export const TicketStatus = z.enum(['new', 'open', 'pending', 'escalated', 'resolved', 'closed']);
/** @category Tickets */
export type TicketStatus = z.infer<typeof TicketStatus>;

/**
 * How urgent a ticket is; SLA policies pick their targets by it.
 * @category Tickets
 */
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
/** @category Tickets */
export type TicketPriority = z.infer<typeof TicketPriority>;

/**
 * The support level working on a ticket: first level (`L1`, front line) or second level (`L2`, specialists).
 * @category Tickets
 */
export const TicketTier = z.enum(['L1', 'L2']);
/** @category Tickets */
export type TicketTier = z.infer<typeof TicketTier>;

/**
 * A ticket category, a lower-case slug (`billing`, `network.outage`); SLA policies and escalation rules match
 * on it.
 * @category Tickets
 */
export const TicketCategory = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'A category is a lower-case slug, e.g. "billing" or "network.outage"');
/** @category Tickets */
export type TicketCategory = z.infer<typeof TicketCategory>;

/**
 * A team or queue a ticket is routed to (`billing-l1`, `network-ops`).
 * @category Tickets
 */
export const TicketGroup = z.string().trim().min(1).max(100);
/** @category Tickets */
export type TicketGroup = z.infer<typeof TicketGroup>;

/**
 * The commands of the ticket state machine (see `TICKET_TRANSITIONS`).
 * @category Tickets
 */
export const TicketCommand = z.enum([
  'assign',
  'classify',
  'respond',
  'wait_on_customer',
  'customer_reply',
  'link_contact',
  'escalate',
  'deescalate',
  'resolve',
  'reopen',
  'close',
]);
/** @category Tickets */
export type TicketCommand = z.infer<typeof TicketCommand>;
