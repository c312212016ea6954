import { FrontlineError } from '@frontline/core';
import {
  agentsWithShrinkage,
  erlangB,
  erlangC,
  erlangCAgents,
  UnstableQueueError,
} from '@frontline/core/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * An independent oracle: Erlang C as an exact rational with BigInt, by the textbook formula
 * `C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A))` for `A = p/q`, multiplied through by
 * `N!·q^N·(Nq − p)` so every term is an integer — no recurrence, no floating point until the last division.
 */
function exactErlangC(p: bigint, q: bigint, n: number): number {
  const N = BigInt(n);
  let sum = 0n;
  let fallingFactorial = 1n; // N!/k!, from k = N down
  const terms: bigint[] = [];
  for (let k = n; k >= 0; k--) {
    terms[k] = fallingFactorial;
    fallingFactorial *= BigInt(k);
  }
  for (let k = 0; k < n; k++) sum += p ** BigInt(k) * q ** BigInt(n - k) * (terms[k] as bigint);
  const waiting = p ** N * N * q;
  const numerator = waiting;
  const denominator = (N * q - p) * sum + waiting;
  return Number((numerator * 10n ** 30n) / denominator) / 1e30;
}

const halfHour = (calls: number) => calls * 2; // calls per half hour → per hour

describe('erlangC: worked examples from the literature', () => {
  // Call Centre Helper, "Erlang C formula – made simple with an easy worked example": 100 calls per half hour,
  // AHT 180 s → A = 10 Erlangs; target 80% in 20 s, maximum occupancy 85%, shrinkage 30%. The article starts at
  // N = A + 1 = 11 (P(wait) 0.6821 as in Cooper, Introduction to Queueing Theory, table of C(N, A)), reaches
  // 80% at 14 agents and schedules 20. The figures below are recomputed here exactly (BigInt) and by hand:
  // SL(11) = 1 − 0.6821·e^{−1·20/180} = 0.3896, ASA(11) = 0.6821·180/1 = 122.8 s.
  const example = { callsPerHour: halfHour(100), ahtSeconds: 180, thresholdSeconds: 20 };
  it.each([
    [11, 0.6821, 0.3896, 122.8],
    [12, 0.4494, 0.6402, 40.4],
    [13, 0.2853, 0.7956, 17.1],
    [14, 0.1741, 0.8884, 7.8],
  ])('A = 10 Erlangs, N = %i: P(wait) %f, SL(20 s) %f, ASA %f s', (agents, wait, level, asa) => {
    const f = erlangC({ ...example, agents });
    expect(f.probabilityOfWaiting).toBeCloseTo(wait, 4);
    expect(f.probabilityOfWaiting).toBeCloseTo(exactErlangC(10n, 1n, agents), 14);
    expect(f.serviceLevel).toBeCloseTo(level, 4);
    expect(f.averageSpeedOfAnswerSeconds).toBeCloseTo(asa, 1);
    expect(f.occupancy).toBeCloseTo(10 / agents, 15);
  });

  it('staffs the Call Centre Helper example with 14 agents on the phones and 20 scheduled', () => {
    const r = erlangCAgents({
      callsPerHour: halfHour(100),
      ahtSeconds: 180,
      shrinkage: 0.3,
      targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 }, maxOccupancy: 0.85 },
    });
    expect(r.agents).toBe(14);
    expect(r.scheduledAgents).toBe(20);
    expect(r.figures.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(agentsWithShrinkage({ agents: 14, shrinkage: 0.3 })).toBe(20);
  });

  // The Erlang-C walk-through often quoted from Kooltoolz / "The Erlang-C Formula": 360 calls per half hour of
  // 240 s (A = 48 Erlangs), 55 agents, 15 s target. Occupancy 48/55 = 0.8727; C and SL checked exactly.
  it('A = 48 Erlangs on 55 agents (360 calls per half hour of 4 minutes)', () => {
    const f = erlangC({ callsPerHour: halfHour(360), ahtSeconds: 240, agents: 55, thresholdSeconds: 15 });
    const c = exactErlangC(48n, 1n, 55);
    expect(f.trafficErlangs).toBe(48);
    expect(f.occupancy).toBeCloseTo(0.8727, 4);
    expect(f.probabilityOfWaiting).toBeCloseTo(c, 13);
    expect(f.serviceLevel).toBeCloseTo(1 - c * Math.exp((-7 * 15) / 240), 13);
    expect(f.averageSpeedOfAnswerSeconds).toBeCloseTo((c * 240) / 7, 10);
  });

  it('agrees with the exact rational formula for a fractional load (A = 7/3)', () => {
    const f = erlangC({ callsPerHour: 140, ahtSeconds: 60, agents: 4 });
    expect(f.trafficErlangs).toBeCloseTo(7 / 3, 15);
    expect(f.probabilityOfWaiting).toBeCloseTo(exactErlangC(7n, 3n, 4), 14);
  });

  it('Erlang B by the recurrence matches the exact sum (A = 10, N = 11: 10^11/11! / Σ_{k≤11} 10^k/k! ≈ 0.1632)', () => {
    // 11!·Σ 10^k/k! and 10^11, as integers
    let sum = 0n;
    for (let k = 0n, f = 39_916_800n; k <= 11n; k++) {
      sum += 10n ** k * f;
      f /= k + 1n;
    }
    const exact = Number((10n ** 11n * 10n ** 30n) / sum) / 1e30;
    expect(erlangB({ trafficErlangs: 10, agents: 11 })).toBeCloseTo(exact, 15);
    expect(exact).toBeCloseTo(0.16323, 5);
    expect(erlangB({ trafficErlangs: 10, agents: 0 })).toBe(1);
    expect(erlangB({ trafficErlangs: 0, agents: 3 })).toBe(0);
  });
});

describe('erlangC: large queues', () => {
  it.each([
    [950, 1000],
    [990, 1000],
    [1900, 2000],
    [1999.5, 2000],
  ])('A = %f, N = %i equals the exact rational value, no NaN or Infinity', (traffic, agents) => {
    const f = erlangC({ callsPerHour: traffic * 2, ahtSeconds: 1800, agents, thresholdSeconds: 20 });
    const exact = exactErlangC(BigInt(Math.round(traffic * 2)), 2n, agents);
    expect(f.probabilityOfWaiting).toBeCloseTo(exact, 12);
    for (const value of Object.values(f)) expect(Number.isFinite(value)).toBe(true);
  });

  it('is monotone in N from just above A = 950 to 2,000 agents', () => {
    let previous = erlangC({ callsPerHour: 1900, ahtSeconds: 1800, agents: 951 });
    for (let agents = 952; agents <= 2000; agents++) {
      const f = erlangC({ callsPerHour: 1900, ahtSeconds: 1800, agents });
      expect(Number.isFinite(f.probabilityOfWaiting)).toBe(true);
      expect(f.probabilityOfWaiting).toBeLessThanOrEqual(previous.probabilityOfWaiting);
      expect(f.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel);
      expect(f.averageSpeedOfAnswerSeconds).toBeLessThanOrEqual(previous.averageSpeedOfAnswerSeconds);
      previous = f;
    }
    expect(previous.probabilityOfWaiting).toBeLessThan(1e-150);
    expect(previous.serviceLevel).toBe(1);
  });

  it('staffs 1,000 Erlangs for 80/20 with a few dozen agents above the load', () => {
    const r = erlangCAgents({
      callsPerHour: 20_000,
      ahtSeconds: 180,
      targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 } },
    });
    expect(r.agents).toBeGreaterThan(1000);
    expect(r.agents).toBeLessThan(1050);
  });
});

describe('erlangC: input that must fail', () => {
  it('refuses as much traffic as agents: an unstable queue, never a number', () => {
    const attempt = () => erlangC({ callsPerHour: 200, ahtSeconds: 180, agents: 10 });
    expect(attempt).toThrow(UnstableQueueError);
    try {
      attempt();
    } catch (e) {
      expect(FrontlineError.is(e, 'VALIDATION')).toBe(true);
      const error = e as UnstableQueueError;
      expect(error.issues).toEqual([expect.objectContaining({ path: ['agents'], code: 'unstable_queue' })]);
      expect(error.message).toMatch(/unstable queue: 10 agents cannot keep up with 10 Erlangs/);
      expect(error.details).toMatchObject({ trafficErlangs: 10, agents: 10 });
    }
    expect(() => erlangC({ callsPerHour: 2000, ahtSeconds: 180, agents: 10 })).toThrow(/unstable queue/);
  });

  it.each([
    [{ callsPerHour: -1, ahtSeconds: 180, agents: 11 }, 'callsPerHour'],
    [{ callsPerHour: 200, ahtSeconds: 0, agents: 11 }, 'ahtSeconds'],
    [{ callsPerHour: 200, ahtSeconds: 180, agents: 11.5 }, 'agents'],
    [{ callsPerHour: 200, ahtSeconds: 180, agents: 0 }, 'agents'],
    [{ callsPerHour: Number.NaN, ahtSeconds: 180, agents: 11 }, 'callsPerHour'],
    [{ callsPerHour: 200, ahtSeconds: 180, agents: 11, extra: 1 }, ''],
  ])('refuses %o at %s', (input, field) => {
    expect(() => erlangC(input as never)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: field ? [field] : [] })],
      }),
    );
  });

  it('defines a queue without traffic: nobody waits', () => {
    expect(erlangC({ callsPerHour: 0, ahtSeconds: 180, agents: 1 })).toMatchObject({
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      averageSpeedOfAnswerSeconds: 0,
      occupancy: 0,
    });
    expect(erlangCAgents({ callsPerHour: 0, ahtSeconds: 180, targets: { maxAsaSeconds: 10 } })).toMatchObject(
      {
        agents: 0,
        scheduledAgents: 0,
      },
    );
  });
});

describe('erlangC: properties', () => {
  const queue = fc.record({
    traffic: fc.double({ min: 0.05, max: 400, noNaN: true }),
    aht: fc.integer({ min: 10, max: 900 }),
    extra: fc.integer({ min: 1, max: 60 }),
    threshold: fc.integer({ min: 0, max: 120 }),
  });

  it('waiting falls and service level rises with every agent added', () => {
    fc.assert(
      fc.property(queue, ({ traffic, aht, extra, threshold }) => {
        const callsPerHour = (traffic * 3600) / aht;
        const agents = Math.floor(traffic) + extra;
        const at = (n: number) =>
          erlangC({ callsPerHour, ahtSeconds: aht, agents: n, thresholdSeconds: threshold });
        const [now, more] = [at(agents), at(agents + 1)];
        expect(more.probabilityOfWaiting).toBeLessThanOrEqual(now.probabilityOfWaiting);
        expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel);
        expect(now.probabilityOfWaiting).toBeGreaterThanOrEqual(0);
        expect(now.serviceLevel).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('the agents required meet every target and one agent fewer does not', () => {
    const targets = fc.record(
      {
        serviceLevel: fc.record({
          target: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
          thresholdSeconds: fc.integer({ min: 5, max: 60 }),
        }),
        maxAsaSeconds: fc.integer({ min: 1, max: 120 }),
        maxOccupancy: fc.double({ min: 0.6, max: 1, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(queue, targets, fc.double({ min: 0, max: 0.5, noNaN: true }), (q, t, shrinkage) => {
        fc.pre(Object.keys(t).length > 0);
        const callsPerHour = (q.traffic * 3600) / q.aht;
        const r = erlangCAgents({ callsPerHour, ahtSeconds: q.aht, targets: t, shrinkage });
        const threshold = t.serviceLevel?.thresholdSeconds ?? 20;
        const meets = (n: number) => {
          if (n <= q.traffic) return false;
          const f = erlangC({ callsPerHour, ahtSeconds: q.aht, agents: n, thresholdSeconds: threshold });
          return (
            (t.serviceLevel === undefined || f.serviceLevel >= t.serviceLevel.target) &&
            (t.maxAsaSeconds === undefined || f.averageSpeedOfAnswerSeconds <= t.maxAsaSeconds) &&
            (t.maxOccupancy === undefined || f.occupancy <= t.maxOccupancy)
          );
        };
        expect(meets(r.agents)).toBe(true);
        expect(meets(r.agents - 1)).toBe(false);
        expect(r.scheduledAgents).toBeGreaterThanOrEqual(r.agents);
        expect(r.scheduledAgents * (1 - shrinkage)).toBeGreaterThanOrEqual(r.agents - 1e-6);
        expect((r.scheduledAgents - 1) * (1 - shrinkage)).toBeLessThan(r.agents);
      }),
    );
  });
});
