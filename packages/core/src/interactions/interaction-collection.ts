import { defineCollection } from '../ports/storage';
import { applyAmendments } from './effective-interaction';
import { timeKey } from './index-keys';
import { Interaction } from './interaction.schema';

/**
 * The `interactions` collection. Its indexes answer every hot selection without a scan:
 * - `customer_offered_at` — `customerId|offeredAt`: a customer's contact history, in time order, or a period of it;
 * - `offered_at` — contacts offered in a period (KPIs: answer rate, abandonment, service level);
 * - `agent_offered_at`, `queue_offered_at` — the same per agent and per queue (after amendments);
 * - `ticket_id` — every contact linked to a ticket (multi-entry, amendments' added links included);
 * - `external_ref` (unique) — the telephony or host id, so documenting the same call twice is a `ConflictError`;
 * - `feedback_request_id` (unique) — find a contact by the survey it was sent;
 * - `feedback_answered_at` — contacts whose survey was answered in a period (KPIs: CSAT, NPS).
 * Composite keys are `owner|ISO instant` with the owner escaped (see the interaction service's queries, which
 * build the ranges); they compare by code unit, as PostgreSQL's "C" collation does.
 * @category Interactions
 */
export const Interactions = defineCollection<Interaction>({
  name: 'interactions',
  schema: Interaction,
  indexes: {
    customer_offered_at: { key: (i) => (i.customerId === null ? null : timeKey(i.customerId, i.offeredAt)) },
    offered_at: { key: (i) => i.offeredAt.toISOString() },
    agent_offered_at: {
      key: (i) => {
        const agentId = applyAmendments(i).agentId;
        return agentId === null ? null : timeKey(agentId, i.offeredAt);
      },
    },
    queue_offered_at: {
      key: (i) => {
        const queue = applyAmendments(i).queue;
        return queue === null ? null : timeKey(queue, i.offeredAt);
      },
    },
    ticket_id: { key: (i) => applyAmendments(i).links.ticketIds },
    external_ref: { key: (i) => i.externalRef, unique: true },
    feedback_request_id: { key: (i) => i.feedback?.requestId, unique: true },
    feedback_answered_at: { key: (i) => i.feedback?.answer?.answeredAt.toISOString() },
  },
});
