import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';

/**
 * How a contact reached us or we reached the customer: phone (PSTN), VoIP, e-mail, chat, SMS, letter or in
 * person (személyes ügyfélszolgálat).
 * @category Interactions
 */
export const InteractionChannel = z.enum(['phone', 'voip', 'email', 'chat', 'sms', 'letter', 'in_person']);
/** @category Interactions */
export type InteractionChannel = z.infer<typeof InteractionChannel>;

/**
 * Who started the contact: the customer (`inbound`) or we (`outbound`).
 * @category Interactions
 */
export const InteractionDirection = z.enum(['inbound', 'outbound']);
/** @category Interactions */
export type InteractionDirection = z.infer<typeof InteractionDirection>;

/**
 * How a contact ended for the customer's need:
 * - `resolved` — the need was met during the contact;
 * - `information_given` — the customer was informed about their options;
 * - `follow_up` — more work is needed (usually a ticket);
 * - `transferred` — handed to another queue, agent or organisation;
 * - `no_contact` — nobody was reached (an unanswered outbound call, a returned letter).
 * @category Interactions
 */
export const InteractionOutcome = z.enum([
  'resolved',
  'information_given',
  'follow_up',
  'transferred',
  'no_contact',
]);
/** @category Interactions */
export type InteractionOutcome = z.infer<typeof InteractionOutcome>;

/**
 * A queue, skill group or mailbox name (`billing`, `hotline.l1`).
 * @category Interactions
 */
export const QueueName = z.string().trim().min(1).max(100);
/** @category Interactions */
export type QueueName = z.infer<typeof QueueName>;

/**
 * An agent id as the audit log records it (see `Actor.id`).
 * @category Interactions
 */
export const AgentId = z.string().trim().min(1).max(200);
/** @category Interactions */
export type AgentId = z.infer<typeof AgentId>;

const idList = z.array(EntityId).max(50);

/**
 * What a contact was about: ticket, complaint and order ids. Tickets are checked and told about the contact;
 * complaint and order ids are kept as given (they may live in the host CRM).
 * @category Interactions
 */
export const InteractionLinks = z.object({
  ticketIds: idList.default([]),
  complaintIds: idList.default([]),
  orderIds: idList.default([]),
});
/** @category Interactions */
export type InteractionLinks = z.output<typeof InteractionLinks>;

/**
 * What an amendment corrects or adds. Every field is optional; a documented contact is never edited, the
 * correction is appended and {@link effectiveInteraction} shows the result.
 * @category Interactions
 */
export const InteractionCorrection = z
  .strictObject({
    queue: QueueName.nullable(),
    agentId: AgentId.nullable(),
    answeredAt: Instant.nullable(),
    endedAt: Instant.nullable(),
    holdMs: z.int().min(0).max(86_400_000),
    wrapUpMs: z.int().min(0).max(86_400_000),
    outcome: InteractionOutcome.nullable(),
    subject: z.string().trim().max(300).nullable(),
    notes: z.string().max(20_000),
    addLinks: z.strictObject({ ticketIds: idList, complaintIds: idList, orderIds: idList }).partial(),
  })
  .partial();
/** @category Interactions */
export type InteractionCorrection = z.output<typeof InteractionCorrection>;

/**
 * One correction appended to a documented contact: who, when, why and what.
 * @category Interactions
 */
export const InteractionAmendment = z.object({
  /** 1, 2, 3, … in the order they were appended. */
  seq: z.int().min(1),
  at: Instant,
  by: AgentId,
  /** Why the record needed correcting (required: an amendment without a reason is not accepted). */
  reason: z.string().trim().min(1).max(1000),
  changes: InteractionCorrection,
});
/** @category Interactions */
export type InteractionAmendment = z.output<typeof InteractionAmendment>;

/**
 * A customer's answer to a feedback request: CSAT 1–5 and/or NPS 0–10, with an optional comment.
 * @category Interactions
 */
export const FeedbackAnswer = z.object({
  answeredAt: Instant,
  /** Customer satisfaction, 1 (very dissatisfied) … 5 (very satisfied). */
  csat: z.int().min(1).max(5).nullable(),
  /** Net Promoter Score answer, 0 … 10. */
  nps: z.int().min(0).max(10).nullable(),
  comment: z.string().max(5000).nullable(),
});
/** @category Interactions */
export type FeedbackAnswer = z.output<typeof FeedbackAnswer>;

/**
 * A feedback (post-contact survey) request and, once the customer answers, its answer — recorded once.
 * @category Interactions
 */
export const InteractionFeedback = z.object({
  requestId: EntityId,
  requestedAt: Instant,
  requestedBy: AgentId,
  /** How the survey is sent; the host's channel gateway sends it on the `interaction.feedback_requested.v1` message. */
  via: InteractionChannel,
  /** After this instant the answer is no longer accepted; `null` for no limit. */
  expiresAt: Instant.nullable(),
  answer: FeedbackAnswer.nullable(),
});
/** @category Interactions */
export type InteractionFeedback = z.output<typeof InteractionFeedback>;

/**
 * One documented customer contact on any channel (ügyfélkapcsolat). The fields as first documented never
 * change; corrections are appended in `amendments`, the feedback request and answer in `feedback`.
 *
 * Times: `offeredAt` is when the contact reached a queue or agent (or we started it), `answeredAt` when an agent
 * took it, `endedAt` when it finished. Wait time and abandonment are derived (see {@link interactionTimes} and
 * {@link isAbandoned}), never stored.
 * @category Interactions
 */
export const Interaction = z.object({
  id: EntityId,
  /** The customer, or `null` for a contact nobody could identify (an anonymous, abandoned call). */
  customerId: EntityId.nullable(),
  channel: InteractionChannel,
  direction: InteractionDirection,
  queue: QueueName.nullable(),
  agentId: AgentId.nullable(),
  offeredAt: Instant,
  answeredAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  /** Time the customer spent on hold while talking, in milliseconds. */
  holdMs: z.int().min(0).max(86_400_000),
  /** After-contact work (utómunka), in milliseconds. */
  wrapUpMs: z.int().min(0).max(86_400_000),
  outcome: InteractionOutcome.nullable(),
  subject: z.string().max(300).nullable(),
  notes: z.string().max(20_000),
  links: InteractionLinks,
  /** The host's or the telephony system's id of the contact (a call id, a message id); unique when set. */
  externalRef: z.string().min(1).max(200).nullable(),
  recordedAt: Instant,
  recordedBy: AgentId,
  amendments: z.array(InteractionAmendment),
  feedback: InteractionFeedback.nullable(),
});
/** @category Interactions */
export type Interaction = z.output<typeof Interaction>;
