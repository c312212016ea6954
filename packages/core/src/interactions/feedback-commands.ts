import { Permissions } from '../agents/permissions';
import { InvalidTransitionError, NotFoundError } from '../errors/frontline-error';
import { collect } from '../kit/collect';
import { runCommand } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { ServiceDeps } from '../services/domain-events';
import { applyAmendments } from './effective-interaction';
import { stateOfFeedback } from './feedback-state';
import { Interactions } from './interaction-collection';
import { refuse } from './interaction-commands';
import { InteractionFeedbackReceived, InteractionFeedbackRequested } from './interaction-events';
import { RecordFeedbackInput, RequestFeedbackInput } from './interaction-inputs';

const WHAT = 'interaction feedback';
const about = (id: string) => ({ entityType: 'interaction', entityId: id });

/** Asks for feedback after an ended contact that reached the customer; once per contact. */
export function requestFeedback(deps: ServiceDeps, raw: unknown) {
  return runCommand(
    deps,
    {
      name: 'feedback request',
      input: RequestFeedbackInput,
      collection: Interactions,
      id: (input) => input.interactionId,
      permission: Permissions.interactionWrite,
      execute: ({ input, actor, current, at }) => {
        const state = stateOfFeedback(current.data, at);
        if (state !== 'not_requested') throw new InvalidTransitionError(WHAT, state, 'request');
        const contact = applyAmendments(current.data);
        if (contact.customerId === null) {
          refuse('interactionId', 'An anonymous contact cannot be asked for feedback', 'feedback request');
        }
        if (contact.endedAt === null) throw new InvalidTransitionError(WHAT, 'contact_not_ended', 'request');
        const reached =
          contact.answeredAt !== null ||
          (contact.direction === 'outbound' && contact.outcome !== 'no_contact');
        if (!reached) throw new InvalidTransitionError(WHAT, 'nobody_reached', 'request');
        const requestId = deps.ids.next();
        const expiresAt =
          input.validForHours === undefined ? null : new Date(at.getTime() + input.validForHours * 3_600_000);
        const feedback = {
          requestId,
          requestedAt: at,
          requestedBy: actor.id,
          via: input.via,
          expiresAt,
          answer: null,
        };
        const event = emit(
          InteractionFeedbackRequested,
          { ...about(contact.id), dedupeKey: `interaction:${contact.id}:feedback-request` },
          {
            requestId,
            customerId: contact.customerId,
            via: input.via,
            expiresAt: expiresAt?.toISOString() ?? null,
          },
        );
        return { entity: { ...current.data, feedback }, events: [event] };
      },
    },
    raw,
  );
}

/** Records the answer to a feedback request (found by its request id or the contact's id) — once. */
export function recordFeedback(deps: ServiceDeps, raw: unknown) {
  return runCommand(
    deps,
    {
      name: 'feedback',
      input: RecordFeedbackInput,
      collection: Interactions,
      id: async (input, tx) => {
        if (input.interactionId !== undefined) return input.interactionId;
        const requestId = input.requestId!;
        const [row] = await collect(
          tx.repository(Interactions).query({ index: 'feedback_request_id', equals: requestId, limit: 1 }),
        );
        if (!row) throw new NotFoundError('feedback request', requestId);
        return row.data.id;
      },
      permission: Permissions.interactionWrite,
      execute: ({ input, current, at }) => {
        const state = stateOfFeedback(current.data, at);
        if (state !== 'requested') throw new InvalidTransitionError(WHAT, state, 'answer');
        const feedback = current.data.feedback!;
        const answer = {
          answeredAt: at,
          csat: input.csat ?? null,
          nps: input.nps ?? null,
          comment: input.comment ?? null,
        };
        const event = emit(InteractionFeedbackReceived, about(current.data.id), {
          requestId: feedback.requestId,
          offeredAt: current.data.offeredAt.toISOString(),
          answeredAt: at.toISOString(),
          csat: answer.csat,
          nps: answer.nps,
          comment: answer.comment !== null,
        });
        return { entity: { ...current.data, feedback: { ...feedback, answer } }, events: [event] };
      },
    },
    raw,
  );
}
