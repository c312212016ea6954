import { z } from 'zod';
import { ValidationError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';
import { erlangBUnchecked } from './erlang-b';
import { logAddExp, logIncompleteGammaSeries, seriesTooLong, waitingSums } from './palm-series';
import {
  Agents,
  AhtSeconds,
  AnswerThresholdSeconds,
  CallsPerHour,
  PatienceSeconds,
  trafficErlangs,
} from './queue-input';

/**
 * Input of {@link erlangA}: the queue (`callsPerHour`, `ahtSeconds`), the `agents`, the callers' mean patience
 * (`patienceSeconds`, exponentially distributed) and the service level's answer threshold (`thresholdSeconds`,
 * 20 unless told). Strict: unknown keys are refused.
 * @category Staffing
 */
export const ErlangAInput = z.strictObject({
  callsPerHour: CallsPerHour,
  ahtSeconds: AhtSeconds,
  agents: Agents,
  patienceSeconds: PatienceSeconds,
  thresholdSeconds: AnswerThresholdSeconds,
});
/** @category Staffing */
export type ErlangAInput = z.input<typeof ErlangAInput>;

/**
 * What Erlang A (Palm's M/M/N+M: callers hang up after an exponential patience) predicts for a queue.
 * Probabilities and shares are numbers from 0 to 1, times are seconds.
 * @category Staffing
 */
export interface ErlangAFigures {
  /** Offered traffic `A` in Erlangs. */
  readonly trafficErlangs: number;
  /** Agents on the phones, `N`. */
  readonly agents: number;
  /** The mean patience the figures assume. */
  readonly patienceSeconds: number;
  /** Chance that a caller finds every agent busy and waits, `P(W > 0)`. */
  readonly probabilityOfWaiting: number;
  /** Chance that a caller hangs up before being answered, `P(Ab)`. */
  readonly probabilityOfAbandonment: number;
  /** The answer-time threshold the service levels are counted at. */
  readonly thresholdSeconds: number;
  /** Answered within the threshold over all callers (variant `answered-and-abandoned`): `P(answered, W ≤ t)`. */
  readonly serviceLevel: number;
  /** Answered within the threshold over the answered callers (variant `answered-only`). */
  readonly serviceLevelOfAnswered: number;
  /** Average speed of answer of the answered callers, `E[W | answered]`. */
  readonly averageSpeedOfAnswerSeconds: number;
  /** Average wait of all callers, abandoned ones until they hang up: `E[W] = P(Ab) × patience`. */
  readonly averageWaitSeconds: number;
  /** Agent occupancy: the carried traffic `A·(1 − P(Ab))` over `N`. */
  readonly occupancy: number;
}

/** Erlang A for checked numbers (the staffing search calls it with `b` = Erlang B, stepped along N). @internal */
export function erlangAFromB(
  traffic: number,
  agents: number,
  b: number,
  ahtSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
): ErlangAFigures {
  const base = { trafficErlangs: traffic, agents, patienceSeconds, thresholdSeconds };
  if (traffic === 0) {
    return {
      ...base,
      probabilityOfWaiting: 0,
      probabilityOfAbandonment: 0,
      serviceLevel: 1,
      serviceLevelOfAnswered: 1,
      averageSpeedOfAnswerSeconds: 0,
      averageWaitSeconds: 0,
      occupancy: 0,
    };
  }
  const x = (traffic * patienceSeconds) / ahtSeconds; // λ/θ
  const a = (agents * patienceSeconds) / ahtSeconds; // Nμ/θ
  if (seriesTooLong(x, a)) {
    const message =
      'calls per second × patience is too far above what the agents can answer for an exact Erlang A ' +
      '(over 20 million waiting states); a patience this long is Erlang C with more agents';
    throw new ValidationError(`Invalid Erlang A queue: patienceSeconds: ${message}`, [
      { path: ['patienceSeconds'], message, code: 'custom' },
    ]);
  }
  const sums = waitingSums(x, a);
  // π_N = 1 / (Σ_{n≤N} π_n/π_N − 1 + Σ_j t_j) = 1 / ((1 − B)/B + waiting), in logs
  const logWaiting = Math.log(sums.waiting) + sums.logScale;
  const logNorm = logAddExp(Math.log1p(-b) - Math.log(b), logWaiting);
  const share = (sum: number) => Math.exp(Math.log(sum) + sums.logScale - logNorm);
  const probabilityOfWaiting = Math.min(1, Math.exp(logWaiting - logNorm));
  const probabilityOfAbandonment = Math.min(1, share(sums.queued) / x);
  const answeredAfterWaiting = share(sums.answered);
  const answeredWaitSeconds = share(sums.answeredWait) * patienceSeconds;
  // P(answered, W > t) = π_N · a/(a+1) · e^{−(Nμ+θ)t} · e^{x(1 − e^{−θt})} · A(a + 1, x·e^{−θt})
  const decay = -thresholdSeconds / patienceSeconds; // −θt
  const logAnsweredLate =
    Math.log(a / (a + 1)) -
    (agents / ahtSeconds + 1 / patienceSeconds) * thresholdSeconds -
    x * Math.expm1(decay) +
    logIncompleteGammaSeries(x * Math.exp(decay), a + 1) -
    logNorm;
  const answeredLate = Math.min(answeredAfterWaiting, Math.exp(logAnsweredLate));
  const answeredShare = 1 - probabilityOfAbandonment;
  const serviceLevel = Math.min(
    1,
    Math.max(0, 1 - probabilityOfWaiting + answeredAfterWaiting - answeredLate),
  );
  return {
    ...base,
    probabilityOfWaiting,
    probabilityOfAbandonment,
    serviceLevel,
    serviceLevelOfAnswered: answeredShare > 0 ? Math.min(1, serviceLevel / answeredShare) : 0,
    averageSpeedOfAnswerSeconds: answeredShare > 0 ? answeredWaitSeconds / answeredShare : 0,
    averageWaitSeconds: probabilityOfAbandonment * patienceSeconds,
    occupancy: Math.min(1, (traffic * answeredShare) / agents),
  };
}

/**
 * Erlang A (Palm's M/M/N+M): Erlang C with callers who hang up after an exponentially distributed patience of
 * mean `patienceSeconds`. Gives the probability of waiting and of abandonment, the service level over all
 * callers and over the answered ones, ASA, average wait and occupancy — the formulas of Mandelbaum & Zeltyn,
 * "The Palm/Erlang-A queue, with applications to call centers" (2007), computed as scaled series (see
 * `palm-series.ts`), so any head count works and the queue is defined even with more traffic than agents
 * (abandonment keeps it stable). As patience grows the figures approach Erlang C's. With no traffic nobody
 * waits. O(N + λ/θ) for an overloaded queue, O(N + √(λ/θ)) otherwise.
 * @example
 * erlangA({ callsPerHour: 200, ahtSeconds: 180, agents: 10, patienceSeconds: 120, thresholdSeconds: 20 })
 * // 10 Erlangs on 10 agents: defined, some callers hang up
 * @category Staffing
 */
export function erlangA(input: ErlangAInput): ErlangAFigures {
  const q = parseInput(ErlangAInput, input, 'Erlang A queue');
  const traffic = trafficErlangs(q.callsPerHour, q.ahtSeconds);
  return erlangAFromB(
    traffic,
    q.agents,
    erlangBUnchecked(traffic, q.agents),
    q.ahtSeconds,
    q.patienceSeconds,
    q.thresholdSeconds,
  );
}
