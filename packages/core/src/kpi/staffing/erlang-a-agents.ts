import { z } from 'zod';
import { ValidationError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';
import { type ErlangAFigures, erlangAFromB } from './erlang-a';
import { erlangBUnchecked } from './erlang-b';
import { type AgentsRequired, MAX_SEARCH_AGENTS } from './erlang-c-agents';
import { AhtSeconds, CallsPerHour, PatienceSeconds, trafficErlangs } from './queue-input';
import { Shrinkage, withShrinkageUnchecked } from './shrinkage';
import {
  meetsTargets,
  type ParsedStaffingTargets,
  reportingThreshold,
  StaffingTargets,
} from './staffing-targets';

/**
 * Input of {@link erlangAAgents}: the queue, the callers' mean `patienceSeconds`, the `targets` and the
 * `shrinkage` (default 0).
 * @category Staffing
 */
export const ErlangAAgentsInput = z.strictObject({
  callsPerHour: CallsPerHour,
  ahtSeconds: AhtSeconds,
  patienceSeconds: PatienceSeconds,
  targets: StaffingTargets,
  shrinkage: Shrinkage.default(0),
});
/** @category Staffing */
export type ErlangAAgentsInput = z.input<typeof ErlangAAgentsInput>;

/** The smallest N in [lo, hi] where `ok` holds, for `ok` false below some N and true from it on. */
function firstTrue(lo: number, hi: number, ok: (n: number) => boolean): number {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Erlang A agents for parsed input; the plan calls it per interval. @internal */
export function erlangAAgentsUnchecked(
  traffic: number,
  ahtSeconds: number,
  patienceSeconds: number,
  targets: ParsedStaffingTargets,
  shrinkage: number,
): AgentsRequired<ErlangAFigures> {
  const threshold = reportingThreshold(targets);
  const at = (n: number, b = erlangBUnchecked(traffic, n)) =>
    erlangAFromB(traffic, n, b, ahtSeconds, patienceSeconds, threshold);
  if (traffic === 0) return { agents: 0, scheduledAgents: 0, figures: at(0, 0) };
  // The service level over all callers and the abandonment rate only improve with every agent added, so the
  // fewest agents meeting those two are found by bisection; the answered-only figures (ASA, answered-only
  // service level) and occupancy need not be monotone, so from there the search steps one agent at a time.
  const monotone: ParsedStaffingTargets = {
    serviceLevel:
      targets.serviceLevel?.variant === 'answered-and-abandoned' ? targets.serviceLevel : undefined,
    maxAbandonment: targets.maxAbandonment,
  };
  let start = 1;
  if (monotone.serviceLevel !== undefined || monotone.maxAbandonment !== undefined) {
    const ok = (n: number) => meetsTargets(at(n), monotone);
    let lo = 1;
    let hi = Math.max(1, Math.ceil(traffic));
    for (let step = Math.max(1, Math.ceil(Math.sqrt(traffic))); !ok(hi); step *= 2) {
      lo = hi + 1;
      hi += step;
      if (hi > MAX_SEARCH_AGENTS) throw unreachable();
    }
    start = firstTrue(lo, hi, ok);
  }
  let b = erlangBUnchecked(traffic, start);
  for (let n = start; n <= MAX_SEARCH_AGENTS; n++) {
    const figures = at(n, b);
    if (meetsTargets(figures, targets))
      return { agents: n, scheduledAgents: withShrinkageUnchecked(n, shrinkage), figures };
    const ab = traffic * b; // one step of the recurrence: B(n) → B(n + 1)
    b = ab / (n + 1 + ab);
  }
  throw unreachable();
}

function unreachable(): ValidationError {
  const message = `No head count up to ${MAX_SEARCH_AGENTS} meets them`;
  return new ValidationError(`Invalid staffing targets: ${message}`, [
    { path: ['targets'], message, code: 'custom' },
  ]);
}

/**
 * Erlang A staffing: the fewest agents that meet every target when callers hang up after a mean
 * `patienceSeconds`, then raised for shrinkage. Erlang A usually needs fewer agents than Erlang C for the same
 * targets — callers who hang up stop loading the queue — and it is defined whatever the traffic.
 *
 * Mind the answered-only targets: with short patience the callers who are answered waited little however few
 * agents there are, so an ASA or `answered-only` service level target alone can be met by a badly understaffed
 * queue. Pair them with `maxAbandonment` or an `answered-and-abandoned` service level.
 * @example
 * erlangAAgents({ callsPerHour: 200, ahtSeconds: 180, patienceSeconds: 120,
 *   targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 }, maxAbandonment: 0.05 } })
 * @category Staffing
 */
export function erlangAAgents(input: ErlangAAgentsInput): AgentsRequired<ErlangAFigures> {
  const q = parseInput(ErlangAAgentsInput, input, 'Erlang A staffing input');
  return erlangAAgentsUnchecked(
    trafficErlangs(q.callsPerHour, q.ahtSeconds),
    q.ahtSeconds,
    q.patienceSeconds,
    q.targets,
    q.shrinkage,
  );
}
