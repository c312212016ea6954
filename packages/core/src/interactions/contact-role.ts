import { effectiveInteraction } from './effective-interaction';
import type { Interaction, InteractionChannel } from './interaction.schema';

/**
 * What a contact means for a ticket it is linked to:
 * - `agent_response` — we answered the customer: an outbound e-mail, SMS, letter or chat message, an outbound
 *   call that reached them, or an inbound call, chat or visit an agent took;
 * - `customer_message` — the customer wrote to us (inbound e-mail, SMS or letter) and awaits an answer;
 * - `none` — nobody was reached (an unanswered outbound call, an abandoned or still waiting inbound call).
 * @category Interactions
 */
export type ContactRole = 'agent_response' | 'customer_message' | 'none';

const conversational = new Set<InteractionChannel>(['phone', 'voip', 'chat', 'in_person']);

/**
 * Classifies a contact for ticket SLAs: whether it answers the customer, asks something of us, or neither.
 * Calls, chats and visits are conversations (answered means answered); e-mail, SMS and letters are messages.
 * @example
 * contactRole({ ...email, direction: 'inbound' }) // 'customer_message'
 * @category Interactions
 */
export function contactRole(interaction: Interaction): ContactRole {
  const i = effectiveInteraction(interaction);
  const talk = conversational.has(i.channel);
  if (i.direction === 'outbound') return talk && i.answeredAt === null ? 'none' : 'agent_response';
  if (talk) return i.answeredAt === null ? 'none' : 'agent_response';
  return 'customer_message';
}
