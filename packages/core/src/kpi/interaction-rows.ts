import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { effectiveInteraction } from '../interactions/effective-interaction';
import type { Interaction } from '../interactions/interaction.schema';
import { TicketCategory } from '../tickets/ticket-fields';
import type { KpiContactInput, KpiSurveyInput } from './kpi-rows.schema';

const ContactExtras = z.strictObject({
  category: TicketCategory.nullable().default(null),
  escalated: z.boolean().default(false),
});

/**
 * The KPI row of a documented contact, after its amendments: `resolved` from the outcome `resolved`, an inbound
 * contact that ended unanswered as abandoned at its end (as `isAbandoned` says), talk derived from the times.
 * What the interaction does not record — its `category` and whether it was `escalated` to L2 (e.g. from its
 * linked tickets) — the host passes in. `null` for a contact that has not ended yet.
 * @example
 * const contacts = interactions.map((i) => kpiContactFromInteraction(i)).filter((c) => c !== null);
 * @category KPIs
 */
export function kpiContactFromInteraction(
  interaction: Interaction,
  extras: { category?: string | null; escalated?: boolean } = {},
): KpiContactInput | null {
  const i = effectiveInteraction(interaction);
  const { category, escalated } = parseInput(ContactExtras, extras, 'contact extras', ['extras']);
  if (i.endedAt === null) return null;
  const abandoned = i.direction === 'inbound' && i.answeredAt === null;
  return {
    id: i.id,
    customerId: i.customerId,
    channel: i.channel,
    direction: i.direction,
    queue: i.queue,
    agentId: i.agentId,
    category,
    offeredAt: i.offeredAt,
    answeredAt: i.answeredAt,
    abandonedAt: abandoned ? i.endedAt : null,
    endedAt: i.endedAt,
    holdMs: i.holdMs,
    wrapUpMs: i.wrapUpMs,
    escalated: i.answeredAt !== null && escalated,
    resolved: i.answeredAt !== null && i.outcome === 'resolved',
  };
}

/**
 * The KPI survey row of a contact's feedback answer (CSAT and NPS; the interaction's survey asks no CES), for
 * the contact's agent, queue and channel; `null` when the customer has not answered or gave no score.
 * @example
 * const surveys = interactions.map((i) => kpiSurveyFromInteraction(i)).filter((s) => s !== null);
 * @category KPIs
 */
export function kpiSurveyFromInteraction(
  interaction: Interaction,
  extras: { category?: string | null } = {},
): KpiSurveyInput | null {
  const i = effectiveInteraction(interaction);
  const { category } = parseInput(ContactExtras.pick({ category: true }), extras, 'survey extras', [
    'extras',
  ]);
  const answer = i.feedback?.answer;
  if (!i.feedback || !answer || (answer.csat === null && answer.nps === null)) return null;
  return {
    id: i.feedback.requestId,
    answeredAt: answer.answeredAt,
    agentId: i.agentId,
    queue: i.queue,
    channel: i.channel,
    category,
    csat: answer.csat,
    nps: answer.nps,
  };
}
