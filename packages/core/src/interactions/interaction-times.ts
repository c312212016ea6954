import { effectiveInteraction } from './effective-interaction';
import type { Interaction } from './interaction.schema';

/**
 * The derived times of a contact, in milliseconds (`null` where the contact has no such time).
 * @category Interactions
 */
export interface InteractionTimes {
  /** Offered → answered; for an abandoned contact, offered → ended (the time the customer waited before giving up). */
  waitMs: number | null;
  /** Answered → ended, hold included; `null` until both are known. */
  talkMs: number | null;
  /** Time on hold (documented). */
  holdMs: number;
  /** After-contact work (documented). */
  wrapUpMs: number;
  /** Talk plus wrap-up: the agent's time on the contact. */
  handleMs: number | null;
  /** Inbound, offered, never answered, ended: the customer gave up (see {@link isAbandoned}). */
  abandoned: boolean;
}

/**
 * Wait, talk, hold, wrap-up and handle time of a contact, from its times after amendments.
 * @example
 * interactionTimes(call) // { waitMs: 42_000, talkMs: 300_000, holdMs: 30_000, wrapUpMs: 60_000, handleMs: 360_000, abandoned: false }
 * @category Interactions
 */
export function interactionTimes(interaction: Interaction): InteractionTimes {
  const i = effectiveInteraction(interaction);
  const offered = i.offeredAt.getTime();
  const answered = i.answeredAt?.getTime() ?? null;
  const ended = i.endedAt?.getTime() ?? null;
  const abandoned = i.direction === 'inbound' && answered === null && ended !== null;
  const waitMs =
    answered !== null ? answered - offered : abandoned && ended !== null ? ended - offered : null;
  const talkMs = answered !== null && ended !== null ? ended - answered : null;
  return {
    waitMs,
    talkMs,
    holdMs: i.holdMs,
    wrapUpMs: i.wrapUpMs,
    handleMs: talkMs === null ? null : talkMs + i.wrapUpMs,
    abandoned,
  };
}
