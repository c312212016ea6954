import { z } from 'zod';
import { parseInput } from '../../errors/validate';

/**
 * Shrinkage (kiesés): the share of paid time agents are not available for calls — breaks, training, meetings,
 * absence — from 0 up to (not including) 1.
 * @category Staffing
 */
export const Shrinkage = z.number().min(0).lt(1);

/** `ceil(N / (1 − s))`, forgiving the last bits of floating error (7 / 0.7 is 10.000000000000002). @internal */
export function withShrinkageUnchecked(agents: number, shrinkage: number): number {
  if (agents === 0) return 0;
  const exact = agents / (1 - shrinkage);
  return Math.max(agents, Math.ceil(exact - 1e-9 * exact));
}

/** Input of {@link agentsWithShrinkage}. @category Staffing */
export const AgentsWithShrinkageInput = z.strictObject({
  agents: z.number().int().min(0),
  shrinkage: Shrinkage,
});
/** @category Staffing */
export type AgentsWithShrinkageInput = z.input<typeof AgentsWithShrinkageInput>;

/**
 * The agents to schedule so that `agents` are on the phones after shrinkage: `N / (1 − s)` rounded up.
 * @example
 * agentsWithShrinkage({ agents: 14, shrinkage: 0.3 }) // 20
 * @category Staffing
 */
export function agentsWithShrinkage(input: AgentsWithShrinkageInput): number {
  const { agents, shrinkage } = parseInput(AgentsWithShrinkageInput, input, 'shrinkage input');
  return withShrinkageUnchecked(agents, shrinkage);
}
