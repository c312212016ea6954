import { erlangA, erlangAAgents, erlangC } from '@frontline/core/kpi';
import { seededRandom as random } from '@frontline/testing/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * A discrete-event simulation of M/M/N+M, first come first served: callers in arrival order take the agent
 * that frees first, unless their patience runs out before it does (then they leave and take nothing). Agents'
 * free times sit in a binary heap. The first `warmUp` callers are left out of the counts.
 */
function simulate(o: {
  traffic: number;
  aht: number;
  agents: number;
  patience: number;
  t: number;
  callers: number;
}) {
  const next = random(20_260_311);
  const exp = (mean: number) => -Math.log(1 - next()) * mean;
  const heap = new Float64Array(o.agents); // all free at 0
  const push = (value: number) => {
    // replace the root (the earliest free time) and sift down
    heap[0] = value;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < o.agents && heap[l]! < heap[m]!) m = l;
      if (r < o.agents && heap[r]! < heap[m]!) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const warmUp = 10_000;
  let clock = 0;
  let [counted, waited, abandoned, answeredInTime, answered, answeredWait] = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < o.callers + warmUp; i++) {
    clock += exp(o.aht / o.traffic);
    const free = heap[0]!;
    const wait = Math.max(0, free - clock);
    const patience = exp(o.patience);
    const count = i >= warmUp;
    if (count) counted++;
    if (count && wait > 0) waited++;
    if (wait > patience) {
      if (count) abandoned++;
      continue;
    }
    push(clock + wait + exp(o.aht));
    if (!count) continue;
    answered++;
    answeredWait += wait;
    if (wait <= o.t) answeredInTime++;
  }
  return {
    probabilityOfWaiting: waited / counted,
    probabilityOfAbandonment: abandoned / counted,
    serviceLevel: answeredInTime / counted,
    serviceLevelOfAnswered: answeredInTime / answered,
    averageSpeedOfAnswerSeconds: answeredWait / answered,
  };
}

describe('erlangA against a simulation (200,000 callers after 10,000 warm-up, seeded)', () => {
  // Tolerance: 0.01 absolute for probabilities and shares (their standard error here is about 0.002–0.004,
  // waits being correlated), 5% relative for ASA.
  it.each([
    { traffic: 10, agents: 11, patience: 120, aht: 180, t: 20 },
    { traffic: 10, agents: 10, patience: 120, aht: 180, t: 20 }, // as much traffic as agents: still defined
    { traffic: 24, agents: 20, patience: 60, aht: 240, t: 30 }, // overloaded
    { traffic: 95, agents: 100, patience: 300, aht: 300, t: 20 },
  ])('A = $traffic, N = $agents, patience $patience s', (q) => {
    const sim = simulate({ ...q, callers: 200_000 });
    const f = erlangA({
      callsPerHour: (q.traffic * 3600) / q.aht,
      ahtSeconds: q.aht,
      agents: q.agents,
      patienceSeconds: q.patience,
      thresholdSeconds: q.t,
    });
    expect(Math.abs(f.probabilityOfWaiting - sim.probabilityOfWaiting)).toBeLessThan(0.01);
    expect(Math.abs(f.probabilityOfAbandonment - sim.probabilityOfAbandonment)).toBeLessThan(0.01);
    expect(Math.abs(f.serviceLevel - sim.serviceLevel)).toBeLessThan(0.01);
    expect(Math.abs(f.serviceLevelOfAnswered - sim.serviceLevelOfAnswered)).toBeLessThan(0.01);
    expect(f.averageSpeedOfAnswerSeconds / sim.averageSpeedOfAnswerSeconds).toBeCloseTo(1, 1);
    expect(Math.abs(f.averageSpeedOfAnswerSeconds / sim.averageSpeedOfAnswerSeconds - 1)).toBeLessThan(0.05);
  });
});

describe('erlangA', () => {
  it('approaches Erlang C as patience grows', () => {
    const queue = { callsPerHour: 200, ahtSeconds: 180, agents: 12, thresholdSeconds: 20 };
    const c = erlangC(queue);
    let previousGap = Number.POSITIVE_INFINITY;
    for (const patienceSeconds of [1e3, 1e4, 1e5, 1e6]) {
      const a = erlangA({ ...queue, patienceSeconds });
      const gap = Math.abs(a.probabilityOfWaiting - c.probabilityOfWaiting);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
    }
    const a = erlangA({ ...queue, patienceSeconds: 1e7 });
    expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 4); // the gap is O(AHT / patience)
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
    expect(a.averageSpeedOfAnswerSeconds).toBeCloseTo(c.averageSpeedOfAnswerSeconds, 1);
    expect(a.probabilityOfAbandonment).toBeLessThan(1e-5);
  });

  it('keeps its books: waiting callers are answered or hang up, occupancy is the carried load', () => {
    const f = erlangA({
      callsPerHour: 400,
      ahtSeconds: 180,
      agents: 18,
      patienceSeconds: 90,
      thresholdSeconds: 0,
    });
    // at t = 0 the service level is the share that never waits
    expect(f.serviceLevel).toBeCloseTo(1 - f.probabilityOfWaiting, 12);
    expect(f.averageWaitSeconds).toBeCloseTo(f.probabilityOfAbandonment * 90, 12);
    expect(f.occupancy).toBeCloseTo((20 * (1 - f.probabilityOfAbandonment)) / 18, 12);
  });

  it.each([
    [950, 1000],
    [1000, 1000],
    [1200, 1000],
    [1900, 2000],
    [50, 2000],
  ])('is finite and between 0 and 1 at A = %i, N = %i', (traffic, agents) => {
    const f = erlangA({ callsPerHour: traffic * 20, ahtSeconds: 180, agents, patienceSeconds: 120 });
    for (const value of Object.values(f)) expect(Number.isFinite(value)).toBe(true);
    for (const p of [f.probabilityOfWaiting, f.probabilityOfAbandonment, f.serviceLevel, f.occupancy]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('defines a queue without traffic and refuses a bad patience', () => {
    expect(erlangA({ callsPerHour: 0, ahtSeconds: 180, agents: 3, patienceSeconds: 60 })).toMatchObject({
      probabilityOfWaiting: 0,
      probabilityOfAbandonment: 0,
      serviceLevel: 1,
    });
    expect(() => erlangA({ callsPerHour: 10, ahtSeconds: 180, agents: 3, patienceSeconds: 0 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['patienceSeconds'] })] }),
    );
  });

  it('waiting, abandonment and the service level over all callers improve with every agent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 300, noNaN: true }),
        fc.integer({ min: 30, max: 600 }),
        fc.integer({ min: 10, max: 600 }),
        fc.double({ min: 0.2, max: 1.5, noNaN: true }),
        (traffic, aht, patience, ratio) => {
          const agents = Math.max(1, Math.round(traffic * ratio));
          const at = (n: number) =>
            erlangA({
              callsPerHour: (traffic * 3600) / aht,
              ahtSeconds: aht,
              agents: n,
              patienceSeconds: patience,
            });
          const [now, more] = [at(agents), at(agents + 1)];
          expect(more.probabilityOfWaiting).toBeLessThanOrEqual(now.probabilityOfWaiting + 1e-12);
          expect(more.probabilityOfAbandonment).toBeLessThanOrEqual(now.probabilityOfAbandonment + 1e-12);
          expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel - 1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the agents required meet every target, and no smaller head count does', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 150, noNaN: true }),
        fc.integer({ min: 30, max: 600 }),
        fc.integer({ min: 10, max: 600 }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        (traffic, aht, patience, target, maxAbandonment) => {
          const callsPerHour = (traffic * 3600) / aht;
          const targets = {
            serviceLevel: { target, thresholdSeconds: 20 },
            maxAbandonment,
            maxAsaSeconds: 30,
          };
          const r = erlangAAgents({ callsPerHour, ahtSeconds: aht, patienceSeconds: patience, targets });
          const meets = (n: number) => {
            const f = erlangA({ callsPerHour, ahtSeconds: aht, agents: n, patienceSeconds: patience });
            return (
              f.serviceLevel >= target &&
              f.probabilityOfAbandonment <= maxAbandonment &&
              f.averageSpeedOfAnswerSeconds <= 30
            );
          };
          expect(meets(r.agents)).toBe(true);
          for (let n = Math.max(1, r.agents - 5); n < r.agents; n++) expect(meets(n)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
