import { z } from 'zod';
import { parseInput } from '../../errors/validate';
import { erlangBUnchecked } from './erlang-b';
import { Agents, AhtSeconds, AnswerThresholdSeconds, CallsPerHour, trafficErlangs } from './queue-input';
import { UnstableQueueError } from './unstable-queue-error';

/**
 * Input of {@link erlangC}: the queue (`callsPerHour`, `ahtSeconds`), the `agents` on the phones, and the
 * service level's answer threshold (`thresholdSeconds`, 20 unless told). Strict: unknown keys are refused.
 * @category Staffing
 */
export const ErlangCInput = z.strictObject({
  callsPerHour: CallsPerHour,
  ahtSeconds: AhtSeconds,
  agents: Agents,
  thresholdSeconds: AnswerThresholdSeconds,
});
/** @category Staffing */
export type ErlangCInput = z.input<typeof ErlangCInput>;

/**
 * What Erlang C (M/M/N, callers wait as long as it takes) predicts for a queue. Probabilities and shares are
 * numbers from 0 to 1, times are seconds.
 * @category Staffing
 */
export interface ErlangCFigures {
  /** Offered traffic `A` in Erlangs. */
  readonly trafficErlangs: number;
  /** Agents on the phones, `N`. */
  readonly agents: number;
  /** `C(N, A)`: the chance that a call waits at all (`N·B / (N − A(1 − B))`, B = Erlang B). */
  readonly probabilityOfWaiting: number;
  /** The answer-time threshold the service level is counted at. */
  readonly thresholdSeconds: number;
  /** Share answered within the threshold: `1 − C·e^{−(N−A)·t/AHT}` (every call is answered). */
  readonly serviceLevel: number;
  /** Average speed of answer over all calls: `C·AHT / (N − A)`. */
  readonly averageSpeedOfAnswerSeconds: number;
  /** Agent occupancy `A / N`. */
  readonly occupancy: number;
}

/** Erlang C from a known Erlang B value at `agents` (the search steps B along N). Needs `agents > traffic`. @internal */
export function erlangCFromB(
  traffic: number,
  agents: number,
  b: number,
  ahtSeconds: number,
  thresholdSeconds: number,
): ErlangCFigures {
  if (traffic === 0) {
    return {
      trafficErlangs: 0,
      agents,
      probabilityOfWaiting: 0,
      thresholdSeconds,
      serviceLevel: 1,
      averageSpeedOfAnswerSeconds: 0,
      occupancy: 0,
    };
  }
  const spare = agents - traffic;
  const c = Math.min(1, (agents * b) / (spare + traffic * b));
  return {
    trafficErlangs: traffic,
    agents,
    probabilityOfWaiting: c,
    thresholdSeconds,
    serviceLevel: 1 - c * Math.exp((-spare * thresholdSeconds) / ahtSeconds),
    averageSpeedOfAnswerSeconds: (c * ahtSeconds) / spare,
    occupancy: traffic / agents,
  };
}

/**
 * Erlang C (M/M/N): the probability of waiting, service level, ASA and occupancy of a queue of `callsPerHour`
 * calls of `ahtSeconds` each, answered by `agents`. Numerically stable for any head count (Erlang B by its
 * recurrence, no factorials), O(N). With no traffic nobody waits: `probabilityOfWaiting` 0, `serviceLevel` 1,
 * ASA 0, occupancy 0. With at least as much traffic as agents the queue never settles: an
 * {@link UnstableQueueError} (a `ValidationError` at `agents`, issue code `unstable_queue`), never a number.
 * @example
 * // Call Centre Helper's worked example: 100 calls per half hour of 3 minutes = 10 Erlangs, 11 agents
 * erlangC({ callsPerHour: 200, ahtSeconds: 180, agents: 11, thresholdSeconds: 20 })
 * // → probabilityOfWaiting ≈ 0.6821, serviceLevel ≈ 0.3897, averageSpeedOfAnswerSeconds ≈ 122.8, occupancy ≈ 0.909
 * @category Staffing
 */
export function erlangC(input: ErlangCInput): ErlangCFigures {
  const q = parseInput(ErlangCInput, input, 'Erlang C queue');
  const traffic = trafficErlangs(q.callsPerHour, q.ahtSeconds);
  if (q.agents <= traffic) throw new UnstableQueueError(traffic, q.agents);
  return erlangCFromB(
    traffic,
    q.agents,
    erlangBUnchecked(traffic, q.agents),
    q.ahtSeconds,
    q.thresholdSeconds,
  );
}
