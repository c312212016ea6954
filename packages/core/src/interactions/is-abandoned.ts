import { effectiveInteraction } from './effective-interaction';
import type { Interaction } from './interaction.schema';

/**
 * True when the customer gave up: an inbound contact that was offered, never answered, and ended. An outbound
 * attempt nobody picked up is not abandonment (its outcome is `no_contact`); a contact still waiting is not
 * abandoned yet.
 * @example
 * isAbandoned({ ...call, direction: 'inbound', answeredAt: null, endedAt: new Date('2026-03-02T08:01:00Z') }) // true
 * @category Interactions
 */
export function isAbandoned(interaction: Interaction): boolean {
  const i = effectiveInteraction(interaction);
  return i.direction === 'inbound' && i.answeredAt === null && i.endedAt !== null;
}
