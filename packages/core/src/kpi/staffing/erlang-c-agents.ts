import { z } from 'zod';
import { ValidationError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';
import { erlangBUnchecked } from './erlang-b';
import { type ErlangCFigures, erlangCFromB } from './erlang-c';
import { AhtSeconds, CallsPerHour, trafficErlangs } from './queue-input';
import { Shrinkage, withShrinkageUnchecked } from './shrinkage';
import {
  meetsTargets,
  type ParsedStaffingTargets,
  reportingThreshold,
  StaffingTargets,
} from './staffing-targets';

/** The most agents a search tries before it gives up (a target no head count can meet). @internal */
export const MAX_SEARCH_AGENTS = 1_000_000;

/**
 * Input of {@link erlangCAgents}: the queue, the `targets` to meet and the `shrinkage` (default 0).
 * @category Staffing
 */
export const ErlangCAgentsInput = z.strictObject({
  callsPerHour: CallsPerHour,
  ahtSeconds: AhtSeconds,
  targets: StaffingTargets,
  shrinkage: Shrinkage.default(0),
});
/** @category Staffing */
export type ErlangCAgentsInput = z.input<typeof ErlangCAgentsInput>;

/**
 * A head count and what it achieves.
 * @category Staffing
 */
export interface AgentsRequired<F> {
  /** The fewest agents on the phones that meet every target (0 with no traffic). */
  readonly agents: number;
  /** Agents to schedule after shrinkage: `ceil(agents / (1 − shrinkage))`. */
  readonly scheduledAgents: number;
  /** The model's figures at `agents`. */
  readonly figures: F;
}

/** Erlang C agents for parsed input; the plan calls it per interval. @internal */
export function erlangCAgentsUnchecked(
  traffic: number,
  ahtSeconds: number,
  targets: ParsedStaffingTargets,
  shrinkage: number,
): AgentsRequired<ErlangCFigures> {
  const threshold = reportingThreshold(targets);
  if (traffic === 0) {
    return { agents: 0, scheduledAgents: 0, figures: erlangCFromB(0, 0, 0, ahtSeconds, threshold) };
  }
  // Below floor(A) + 1 the queue is unstable; below A / maxOccupancy occupancy is too high: start at the larger.
  let n = Math.floor(traffic) + 1;
  if (targets.maxOccupancy !== undefined) n = Math.max(n, Math.floor(traffic / targets.maxOccupancy));
  let b = erlangBUnchecked(traffic, n);
  for (; n <= MAX_SEARCH_AGENTS; n++) {
    const figures = erlangCFromB(traffic, n, b, ahtSeconds, threshold);
    if (
      meetsTargets(
        { ...figures, serviceLevelOfAnswered: figures.serviceLevel, probabilityOfAbandonment: 0 },
        targets,
      )
    )
      return { agents: n, scheduledAgents: withShrinkageUnchecked(n, shrinkage), figures };
    const ab = traffic * b; // one step of the recurrence: B(n) → B(n + 1)
    b = ab / (n + 1 + ab);
  }
  throw new ValidationError(`Invalid staffing targets: no head count up to ${MAX_SEARCH_AGENTS} meets them`, [
    { path: ['targets'], message: `No head count up to ${MAX_SEARCH_AGENTS} meets them`, code: 'custom' },
  ]);
}

/**
 * Erlang C staffing: the fewest agents that meet every target (service level, ASA, maximum occupancy), then
 * raised for shrinkage. The search starts where the queue is stable and occupancy allowed and steps Erlang B
 * along N (O(1) a step), so a queue of 1,000 Erlangs costs about a thousand multiplications. With no traffic the
 * answer is 0 agents.
 * @example
 * erlangCAgents({ callsPerHour: 200, ahtSeconds: 180, shrinkage: 0.3,
 *   targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 }, maxOccupancy: 0.85 } })
 * // → { agents: 14, scheduledAgents: 20, figures: { serviceLevel: ≈ 0.8883, … } }
 * @category Staffing
 */
export function erlangCAgents(input: ErlangCAgentsInput): AgentsRequired<ErlangCFigures> {
  const q = parseInput(ErlangCAgentsInput, input, 'Erlang C staffing input');
  return erlangCAgentsUnchecked(
    trafficErlangs(q.callsPerHour, q.ahtSeconds),
    q.ahtSeconds,
    q.targets,
    q.shrinkage,
  );
}
