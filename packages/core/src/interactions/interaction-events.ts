import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { defineEvent } from '../kit/define-event';
import { InteractionChannel, InteractionDirection, QueueName } from './interaction.schema';

const Ids = z.array(EntityId);

/**
 * A contact was documented: who (the customer id), how (channel, direction, queue) and what it is linked to.
 * No subject, notes or call reference: those are personal data and stay on the record.
 * @category Interactions
 */
export const InteractionRecorded = defineEvent({
  type: 'interaction.recorded.v1',
  description: 'A customer contact was documented, with its channel, direction, queue and links.',
  payload: z.object({
    customerId: EntityId.nullable(),
    /** When the contact was offered (ISO): the day its KPI roll-up counts it in. */
    offeredAt: z.iso.datetime(),
    channel: InteractionChannel,
    direction: InteractionDirection,
    queue: QueueName.nullable(),
    ticketIds: Ids,
    complaintIds: Ids,
    orderIds: Ids,
  }),
});

/**
 * A correction was appended to a documented contact: its number and the names of the fields it changes.
 * @category Interactions
 */
export const InteractionAmended = defineEvent({
  type: 'interaction.amended.v1',
  description: 'A correction was appended to a documented contact; the payload names the fields it changes.',
  payload: z.object({
    seq: z.int().min(1),
    fields: z.array(z.string()).min(1),
    /** When the contact was offered (ISO; an amendment never moves it): the KPI roll-up day to refresh. */
    offeredAt: z.iso.datetime(),
    /** The tickets the correction links the contact to, when it adds any. */
    ticketIds: Ids.optional(),
  }),
});

/**
 * Feedback was asked for after a contact; the host's channel gateway sends the survey on this message.
 * @category Interactions
 */
export const InteractionFeedbackRequested = defineEvent({
  type: 'interaction.feedback_requested.v1',
  description:
    'A post-contact survey is to be sent to the customer on the channel named; answers until expiresAt.',
  payload: z.object({
    requestId: EntityId,
    customerId: EntityId,
    via: InteractionChannel,
    expiresAt: z.iso.datetime().nullable(),
  }),
});

/**
 * The customer answered a feedback request: the scores, and whether a comment came (not the comment).
 * @category Interactions
 */
export const InteractionFeedbackReceived = defineEvent({
  type: 'interaction.feedback_received.v1',
  description: 'A customer answered a post-contact survey (CSAT and/or NPS; whether a comment was left).',
  payload: z.object({
    requestId: EntityId,
    /** When the contact was offered and when the customer answered (ISO): the KPI roll-up days to refresh. */
    offeredAt: z.iso.datetime(),
    answeredAt: z.iso.datetime(),
    csat: z.int().min(1).max(5).nullable(),
    nps: z.int().min(0).max(10).nullable(),
    comment: z.boolean(),
  }),
});

/**
 * Every event the interactions area records, for the module's catalogue.
 * @category Interactions
 */
export const INTERACTION_EVENTS = Object.freeze([
  InteractionRecorded,
  InteractionAmended,
  InteractionFeedbackRequested,
  InteractionFeedbackReceived,
] as const);
