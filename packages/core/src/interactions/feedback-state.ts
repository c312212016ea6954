import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { Interaction } from './interaction.schema';

/**
 * Where a contact's feedback stands: never asked, asked and awaiting the answer, answered, or asked and past
 * its deadline.
 * @category Interactions
 */
export type FeedbackState = 'not_requested' | 'requested' | 'answered' | 'expired';

/** {@link feedbackState} for a valid contact. @internal */
export function stateOfFeedback(interaction: Interaction, now: Date): FeedbackState {
  const feedback = interaction.feedback;
  if (!feedback) return 'not_requested';
  if (feedback.answer) return 'answered';
  if (feedback.expiresAt && feedback.expiresAt <= now) return 'expired';
  return 'requested';
}

const Args = z.object({ interaction: Interaction, now: Instant });

/**
 * Where the feedback of a contact stands at `now`. An answer is accepted only in state `requested`.
 * @example
 * feedbackState(call, new Date('2026-03-03T08:00:00Z')) // 'requested'
 * @category Interactions
 */
export function feedbackState(interaction: Interaction, now: Date): FeedbackState {
  const args = parseInput(Args, { interaction, now }, 'feedback state query');
  return stateOfFeedback(args.interaction, args.now);
}
