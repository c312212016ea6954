import { FrontlineError } from '@frontline/core';
import { erlangAAgents, erlangCAgents, staffingPlan } from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const DAY = Date.parse('2026-03-02T00:00:00Z');
/** A day of 96 quarter hours: quiet nights, a morning and an afternoon peak (about 1,000 Erlangs at the top). */
const day = Array.from({ length: 96 }, (_, i) => {
  const hour = i / 4;
  const shape = Math.exp(-(((hour - 10) / 2.5) ** 2)) + 0.8 * Math.exp(-(((hour - 15) / 2) ** 2));
  return {
    start: new Date(DAY + i * 900_000),
    minutes: 15 as const,
    offeredCalls: Math.round(1250 * shape),
    ahtSeconds: 720,
  };
});
const targets = { serviceLevel: { target: 0.8, thresholdSeconds: 20 }, maxOccupancy: 0.9 };

describe('staffingPlan', () => {
  it('staffs every interval as erlangCAgents would, with the predicted figures', () => {
    const plan = staffingPlan({ model: 'erlang-c', targets, shrinkage: 0.3, intervals: day });
    expect(plan.intervals).toHaveLength(96);
    day.forEach((interval, i) => {
      const row = plan.intervals[i]!;
      const alone = erlangCAgents({
        callsPerHour: interval.offeredCalls * 4,
        ahtSeconds: interval.ahtSeconds,
        targets,
        shrinkage: 0.3,
      });
      expect(row.agents).toBe(alone.agents);
      expect(row.scheduledAgents).toBe(alone.scheduledAgents);
      expect(row.start).toEqual(interval.start);
      if (row.agents > 0) {
        expect(row.serviceLevel).toBeGreaterThanOrEqual(0.8);
        expect(row.occupancy).toBeLessThanOrEqual(0.9);
      }
      expect(row.probabilityOfAbandonment).toBe(0);
    });
    const peak = Math.max(...plan.intervals.map((r) => r.agents));
    expect(peak).toBeGreaterThan(1000);
    expect(plan.scheduledAgentHours).toBe(plan.intervals.reduce((s, r) => s + r.scheduledAgents / 4, 0));
  });

  it('plans with Erlang A when named, needing no more agents than Erlang C here', () => {
    const c = staffingPlan({ model: 'erlang-c', targets, intervals: day });
    const a = staffingPlan({ model: 'erlang-a', patienceSeconds: 180, targets, intervals: day });
    a.intervals.forEach((row, i) => {
      expect(row.agents).toBeLessThanOrEqual(c.intervals[i]!.agents);
      const alone = erlangAAgents({
        callsPerHour: row.offeredCalls * 4,
        ahtSeconds: row.ahtSeconds,
        patienceSeconds: 180,
        targets,
      });
      expect(row.agents).toBe(alone.agents);
      expect(row.probabilityOfAbandonment).toBe(alone.figures.probabilityOfAbandonment);
    });
  });

  it('puts 100 calls per half hour of 3 minutes at 14 agents, 20 scheduled (Call Centre Helper)', () => {
    const plan = staffingPlan({
      model: 'erlang-c',
      shrinkage: 0.3,
      targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 }, maxOccupancy: 0.85 },
      intervals: [{ start: new Date(DAY), minutes: 30, offeredCalls: 100, ahtSeconds: 180 }],
    });
    expect(plan.intervals[0]).toMatchObject({ trafficErlangs: 10, agents: 14, scheduledAgents: 20 });
    expect(plan.scheduledAgentHours).toBe(10);
  });

  it('makes an empty plan of an empty forecast, and no agents for an interval without calls', () => {
    expect(staffingPlan({ model: 'erlang-c', targets, intervals: [] })).toEqual({
      model: 'erlang-c',
      intervals: [],
      scheduledAgentHours: 0,
    });
    const quiet = staffingPlan({
      model: 'erlang-a',
      patienceSeconds: 60,
      targets,
      intervals: [{ start: new Date(DAY), minutes: 15, offeredCalls: 0, ahtSeconds: 300 }],
    });
    expect(quiet.intervals[0]).toMatchObject({
      agents: 0,
      scheduledAgents: 0,
      serviceLevel: 1,
      occupancy: 0,
    });
  });

  it.each([
    [{ model: 'erlang-a', targets, intervals: [] }, ['patienceSeconds']],
    [{ model: 'erlang-c', patienceSeconds: 60, targets, intervals: [] }, ['patienceSeconds']],
    [{ model: 'erlang-b', targets, intervals: [] }, ['model']],
    [{ model: 'erlang-c', targets: {}, intervals: [] }, ['targets']],
    [{ model: 'erlang-c', targets, shrinkage: 1, intervals: [] }, ['shrinkage']],
    [{ model: 'erlang-c', targets, intervals: [{ ...day[0], minutes: 20 }] }, ['intervals', 0, 'minutes']],
    [
      { model: 'erlang-c', targets, intervals: [{ ...day[0], ahtSeconds: 0 }] },
      ['intervals', 0, 'ahtSeconds'],
    ],
    [
      { model: 'erlang-c', targets, intervals: [{ ...day[0], offeredCalls: -1 }] },
      ['intervals', 0, 'offeredCalls'],
    ],
    [{ model: 'erlang-c', targets, intervals: [day[1], day[0]] }, ['intervals', 1, 'start']],
    [
      { model: 'erlang-c', targets: { serviceLevel: { target: 1, thresholdSeconds: 20 } }, intervals: [] },
      ['targets', 'serviceLevel', 'target'],
    ],
  ])('refuses %o at %o', (input, path) => {
    try {
      staffingPlan(input as never);
      expect.unreachable();
    } catch (e) {
      expect(FrontlineError.is(e, 'VALIDATION')).toBe(true);
      expect((e as { issues: { path: unknown }[] }).issues[0]?.path).toEqual(path);
    }
  });
});
