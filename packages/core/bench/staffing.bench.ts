/**
 * Staffing a day of 96 quarter hours whose peak needs over 1,000 agents, with Erlang C and with Erlang A
 * (targets 80% in 20 s, occupancy at most 90%, and for Erlang A at most 5% abandoned, patience 180 s).
 *
 * Baselines (fixtures/naive-erlang.ts): the textbook formulas with every term in log space (lnΓ, `Math.exp`
 * against the largest term), each head count evaluated from scratch; Erlang C searched linearly from
 * floor(A) + 1, Erlang A from 1. Candidates: `staffingPlan` (Erlang B stepped along N; Erlang A bisected on the
 * monotone targets, then stepped; scaled series). Setup checks that both give the same head counts.
 */
import { type BenchCase, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { staffingPlan } from '../src/kpi/staffing/staffing-plan';
import { naiveErlangAAgents, naiveErlangCAgents } from './fixtures/naive-erlang';

const AHT = 720;
const PATIENCE = 180;
const targets = { serviceLevel: { target: 0.8, thresholdSeconds: 20 }, maxOccupancy: 0.9 };
const naiveTargets = { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.9, maxAbandonment: 0.05 };

/** `count` quarter hours of a day with a morning and an afternoon peak of about `peakCalls` calls. */
function forecast(count: number, peakCalls: number) {
  const day = Date.parse('2026-03-02T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const hour = (i * 24) / count;
    const shape = Math.exp(-(((hour - 10) / 2.5) ** 2)) + 0.8 * Math.exp(-(((hour - 15) / 2) ** 2));
    return {
      start: new Date(day + i * 900_000),
      minutes: 15 as const,
      offeredCalls: Math.round(peakCalls * shape),
      ahtSeconds: AHT,
    };
  });
}

function planCase(model: 'erlang-c' | 'erlang-a'): BenchCase {
  const count = benchSize(96, 24);
  const intervals = forecast(count, benchSize(1250, 125));
  const traffic = intervals.map((i) => (i.offeredCalls * AHT) / 900);
  const naive = () =>
    traffic.map((a) =>
      model === 'erlang-c'
        ? naiveErlangCAgents(a, AHT, naiveTargets)
        : naiveErlangAAgents(a, AHT, PATIENCE, naiveTargets),
    );
  const sdk = () =>
    staffingPlan(
      model === 'erlang-c'
        ? { model, targets, intervals }
        : { model, patienceSeconds: PATIENCE, targets: { ...targets, maxAbandonment: 0.05 }, intervals },
    ).intervals.map((r) => r.agents);
  return {
    name: `${model === 'erlang-c' ? 'Erlang C' : 'Erlang A'} staffing plan, ${count} quarter hours, peak ≈ ${Math.max(...sdk())} agents`,
    itemsPerOp: count,
    unit: 'interval',
    iterations: 3,
    time: 300,
    setup: () => {
      const [expected, actual] = [naive(), sdk()];
      expected.forEach((n, i) => {
        if (actual[i] !== n) throw new Error(`interval ${i}: baseline ${n} agents, SDK ${actual[i]}`);
      });
    },
    baseline: {
      name: `textbook sums in logs per N, linear search from ${model === 'erlang-c' ? 'floor(A) + 1' : '1'}`,
      fn: naive,
    },
    candidates: [{ name: `SDK staffingPlan (${model})`, fn: sdk }],
  };
}

export default defineBenchSuite({
  name: 'core',
  cases: () => [planCase('erlang-c'), planCase('erlang-a')],
});
