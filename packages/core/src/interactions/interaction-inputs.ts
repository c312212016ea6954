import { z } from 'zod';
import { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { PageInput } from '../kit/read-policy';
import {
  AgentId,
  InteractionChannel,
  InteractionCorrection,
  InteractionDirection,
  InteractionLinks,
  InteractionOutcome,
  QueueName,
} from './interaction.schema';

/** The time rules every documented contact keeps (as first documented and after each amendment). */
export function checkContactTimes(
  c: {
    offeredAt: Date;
    answeredAt: Date | null;
    endedAt: Date | null;
    holdMs: number;
    wrapUpMs: number;
  },
  issue: (path: string, message: string) => void,
): void {
  if (c.answeredAt && c.answeredAt < c.offeredAt)
    issue('answeredAt', 'A contact cannot be answered before it was offered');
  const start = c.answeredAt ?? c.offeredAt;
  if (c.endedAt && c.endedAt < start)
    issue('endedAt', 'A contact cannot end before it was offered or answered');
  if (c.answeredAt === null && c.holdMs > 0) issue('holdMs', 'Only an answered contact has hold time');
  if (c.answeredAt && c.endedAt && c.holdMs > c.endedAt.getTime() - c.answeredAt.getTime()) {
    issue('holdMs', 'Hold time cannot exceed the time from answer to end');
  }
}

/**
 * Input of `recordInteraction`: one contact to document, on any channel.
 * @category Interactions
 */
export const RecordInteractionInput = z
  .strictObject({
    actor: Actor,
    customerId: EntityId.nullable().default(null),
    channel: InteractionChannel,
    direction: InteractionDirection,
    queue: QueueName.nullable().default(null),
    agentId: AgentId.nullable().default(null),
    offeredAt: Instant,
    answeredAt: Instant.nullable().default(null),
    endedAt: Instant.nullable().default(null),
    holdMs: z.int().min(0).max(86_400_000).default(0),
    wrapUpMs: z.int().min(0).max(86_400_000).default(0),
    outcome: InteractionOutcome.nullable().default(null),
    subject: z.string().trim().max(300).nullable().default(null),
    notes: z.string().max(20_000).default(''),
    links: InteractionLinks.default({ ticketIds: [], complaintIds: [], orderIds: [] }),
    externalRef: z.string().min(1).max(200).nullable().default(null),
  })
  .superRefine((input, ctx) =>
    checkContactTimes(input, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message })),
  );
/** @category Interactions */
export type RecordInteractionInput = z.input<typeof RecordInteractionInput>;

/**
 * Input of `amendInteraction`: a reason and at least one correction.
 * @category Interactions
 */
export const AmendInteractionInput = z.strictObject({
  actor: Actor,
  interactionId: EntityId,
  reason: z.string().trim().min(1).max(1000),
  changes: InteractionCorrection.refine((c) => Object.keys(c).length > 0, {
    message: 'An amendment needs at least one change',
  }),
});
/** @category Interactions */
export type AmendInteractionInput = z.input<typeof AmendInteractionInput>;

/**
 * Input of `requestFeedback`: how to send the survey and, optionally, how long the answer is accepted.
 * @category Interactions
 */
export const RequestFeedbackInput = z.strictObject({
  actor: Actor,
  interactionId: EntityId,
  via: InteractionChannel,
  validForHours: z.int().min(1).max(8760).optional(),
});
/** @category Interactions */
export type RequestFeedbackInput = z.input<typeof RequestFeedbackInput>;

/**
 * Input of `recordFeedback`: the survey (by its request id, or the contact's id) and the answer — a CSAT and/or
 * NPS score, optionally a comment.
 * @category Interactions
 */
export const RecordFeedbackInput = z
  .strictObject({
    actor: Actor,
    requestId: EntityId.optional(),
    interactionId: EntityId.optional(),
    csat: z.int().min(1).max(5).optional(),
    nps: z.int().min(0).max(10).optional(),
    comment: z.string().trim().min(1).max(5000).optional(),
  })
  .refine((i) => (i.requestId === undefined) !== (i.interactionId === undefined), {
    message: 'Give exactly one of requestId and interactionId',
    path: ['requestId'],
  })
  .refine((i) => i.csat !== undefined || i.nps !== undefined, {
    message: 'An answer needs a CSAT or an NPS score',
    path: ['csat'],
  });
/** @category Interactions */
export type RecordFeedbackInput = z.input<typeof RecordFeedbackInput>;

const Order = z.enum(['asc', 'desc']).optional();
const Limit = z.int().min(1).max(1_000_000).optional();
const inPeriod = (i: { from?: Date | undefined; to?: Date | undefined }) =>
  i.from === undefined || i.to === undefined || i.from.getTime() <= i.to.getTime();
const PERIOD_ISSUE = { message: 'The period ends before it starts', path: ['to'] };
/** A customer's contacts offered in `[from, to)`, read by an actor. */
const CustomerPeriod = {
  actor: Actor,
  customerId: EntityId,
  from: Instant.optional(),
  to: Instant.optional(),
};

/**
 * Input of `getInteraction`: the contact, read by an actor.
 * @category Interactions
 */
export const GetInteractionInput = z.strictObject({ actor: Actor, id: EntityId });
/** @category Interactions */
export type GetInteractionInput = z.input<typeof GetInteractionInput>;

/**
 * Input of `contactHistory`: a customer's contacts, optionally offered in `[from, to)`, in an order, limited.
 * @category Interactions
 */
export const ContactHistoryInput = z
  .strictObject({ ...CustomerPeriod, order: Order, limit: Limit })
  .refine(inPeriod, PERIOD_ISSUE);
/** @category Interactions */
export type ContactHistoryInput = z.input<typeof ContactHistoryInput>;

/**
 * Input of `interactionsOfCustomer`: one page of a customer's contacts offered in `[from, to)`, oldest first,
 * resumed by the `nextCursor` of the page before.
 * @category Interactions
 */
export const InteractionsOfCustomerInput = z
  .strictObject({ ...CustomerPeriod, ...PageInput })
  .refine(inPeriod, PERIOD_ISSUE);
/** @category Interactions */
export type InteractionsOfCustomerInput = z.input<typeof InteractionsOfCustomerInput>;

/**
 * Input of `interactionsOfTicket`: every contact linked to the ticket.
 * @category Interactions
 */
export const InteractionsOfTicketInput = z.strictObject({ actor: Actor, ticketId: EntityId });
/** @category Interactions */
export type InteractionsOfTicketInput = z.input<typeof InteractionsOfTicketInput>;

/**
 * Input of `offeredInteractions`: the contacts offered in `[from, to)`, optionally of one queue or one agent.
 * @category Interactions
 */
export const OfferedInteractionsInput = z
  .strictObject({
    actor: Actor,
    from: Instant,
    to: Instant,
    queue: QueueName.optional(),
    agentId: AgentId.optional(),
    order: Order,
    limit: Limit,
  })
  .refine((i) => i.queue === undefined || i.agentId === undefined, {
    message: 'Filter by a queue or by an agent, not both',
    path: ['agentId'],
  })
  .refine(inPeriod, PERIOD_ISSUE);
/** @category Interactions */
export type OfferedInteractionsInput = z.input<typeof OfferedInteractionsInput>;

/**
 * Input of `answeredFeedback`: the contacts whose feedback request the customer answered in `[from, to)`.
 * @category Interactions
 */
export const AnsweredFeedbackInput = z
  .strictObject({ actor: Actor, from: Instant, to: Instant, order: Order, limit: Limit })
  .refine(inPeriod, PERIOD_ISSUE);
/** @category Interactions */
export type AnsweredFeedbackInput = z.input<typeof AnsweredFeedbackInput>;
