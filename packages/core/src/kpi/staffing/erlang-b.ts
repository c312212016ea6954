import { z } from 'zod';
import { parseInput } from '../../errors/validate';

/** Input of {@link erlangB}: offered traffic in Erlangs and the number of servers (agents or lines). @category Staffing */
export const ErlangBInput = z.strictObject({
  trafficErlangs: z.number().finite().nonnegative(),
  agents: z.number().int().min(0).max(1_000_000),
});
/** @category Staffing */
export type ErlangBInput = z.input<typeof ErlangBInput>;

/**
 * Erlang B by the recurrence `B(0) = 1`, `B(n) = A·B(n−1) / (n + A·B(n−1))`: every step stays in [0, 1], so no
 * factorial or power is ever formed (the textbook `A^N/N! / Σ A^k/k!` overflows past N ≈ 170). O(N). @internal
 */
export function erlangBUnchecked(traffic: number, agents: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) {
    const ab = traffic * b;
    b = ab / (n + ab);
  }
  return b;
}

/**
 * Erlang B (blocking probability, M/M/N/N): the share of calls that find all `agents` busy when nobody can wait.
 * Stable for any size (see the recurrence above); `1` with no agents, `0` with no traffic and at least one agent.
 * @example
 * erlangB({ trafficErlangs: 10, agents: 11 }) // ≈ 0.1594
 * @category Staffing
 */
export function erlangB(input: ErlangBInput): number {
  const { trafficErlangs, agents } = parseInput(ErlangBInput, input, 'Erlang B input');
  return erlangBUnchecked(trafficErlangs, agents);
}
