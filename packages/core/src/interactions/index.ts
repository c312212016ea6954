/**
 * Interactions (CS-1, CS-2, CS-3): one model for every customer contact — phone, VoIP, e-mail, chat, SMS, letter,
 * in person — an append-only contact history per customer, and feedback after a contact.
 * @module
 */
export { type ContactRole, contactRole } from './contact-role';
export { effectiveInteraction } from './effective-interaction';
export { type FeedbackState, feedbackState } from './feedback-state';
export {
  FeedbackAnswer,
  Interaction,
  InteractionAmendment,
  InteractionChannel,
  InteractionCorrection,
  InteractionDirection,
  InteractionFeedback,
  InteractionLinks,
  InteractionOutcome,
  QueueName,
} from './interaction.schema';
export {
  INTERACTION_EVENTS,
  InteractionAmended,
  InteractionFeedbackReceived,
  InteractionFeedbackRequested,
  InteractionRecorded,
} from './interaction-events';
export {
  AmendInteractionInput,
  AnsweredFeedbackInput,
  ContactHistoryInput,
  GetInteractionInput,
  InteractionsOfCustomerInput,
  InteractionsOfTicketInput,
  OfferedInteractionsInput,
  RecordFeedbackInput,
  RecordInteractionInput,
  RequestFeedbackInput,
} from './interaction-inputs';
export { InteractionReadPolicy } from './interaction-queries';
export {
  createInteractionService,
  type InteractionCommandResult,
  type InteractionService,
} from './interaction-service';
export { type InteractionTimes, interactionTimes } from './interaction-times';
export { isAbandoned } from './is-abandoned';
