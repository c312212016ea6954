import { z } from 'zod';
import { parseInput } from '../../errors/validate';
import { erlangAAgentsUnchecked } from './erlang-a-agents';
import { erlangCAgentsUnchecked } from './erlang-c-agents';
import { AhtSeconds, PatienceSeconds, trafficErlangs } from './queue-input';
import { Shrinkage } from './shrinkage';
import { StaffingTargets } from './staffing-targets';

/**
 * One interval of a day's forecast: its `start` instant, its length in `minutes` (15 or 30), the calls
 * offered in it (a forecast may be fractional) and their AHT in seconds.
 * @category Staffing
 */
export const ForecastInterval = z.strictObject({
  start: z.date(),
  minutes: z.union([z.literal(15), z.literal(30)]),
  offeredCalls: z.number().finite().nonnegative(),
  ahtSeconds: AhtSeconds,
});
/** @category Staffing */
export type ForecastInterval = z.input<typeof ForecastInterval>;

/**
 * Input of {@link staffingPlan}. `model` names the queue model: `erlang-c` (callers wait as long as it takes)
 * or `erlang-a` (callers hang up after a mean `patienceSeconds`, required with it and refused without it).
 * Intervals come in time order without overlaps; an empty forecast is an empty plan.
 * @category Staffing
 */
export const StaffingPlanInput = z
  .strictObject({
    model: z.enum(['erlang-c', 'erlang-a']),
    patienceSeconds: PatienceSeconds.optional(),
    targets: StaffingTargets,
    shrinkage: Shrinkage.default(0),
    intervals: z.array(ForecastInterval),
  })
  .superRefine((plan, ctx) => {
    if (plan.model === 'erlang-a' && plan.patienceSeconds === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['patienceSeconds'],
        message: 'Erlang A needs the mean patience',
      });
    if (plan.model === 'erlang-c' && plan.patienceSeconds !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['patienceSeconds'],
        message: 'Erlang C assumes callers never hang up; use model "erlang-a" with a patience',
      });
    for (let i = 1; i < plan.intervals.length; i++) {
      const before = plan.intervals[i - 1]!;
      const end = before.start.getTime() + before.minutes * 60_000;
      if (plan.intervals[i]!.start.getTime() < end)
        ctx.addIssue({
          code: 'custom',
          path: ['intervals', i, 'start'],
          message:
            'Starts before the previous interval ends (intervals must be in time order, not overlapping)',
        });
    }
  });
/** @category Staffing */
export type StaffingPlanInput = z.input<typeof StaffingPlanInput>;

/**
 * One interval of a staffing plan: the forecast, the head count, and what the model predicts with it.
 * @category Staffing
 */
export interface StaffingPlanInterval {
  readonly start: Date;
  readonly minutes: 15 | 30;
  readonly offeredCalls: number;
  readonly ahtSeconds: number;
  /** Offered traffic in Erlangs: offered calls × AHT over the interval's length. */
  readonly trafficErlangs: number;
  /** Agents on the phones needed to meet every target (0 with no calls). */
  readonly agents: number;
  /** Agents to schedule after shrinkage. */
  readonly scheduledAgents: number;
  /** Predicted service level over all callers (`answered-and-abandoned`) at the target's threshold (else 20 s). */
  readonly serviceLevel: number;
  /** Predicted service level over the answered callers (`answered-only`); equal to `serviceLevel` in Erlang C. */
  readonly serviceLevelOfAnswered: number;
  /** Predicted average speed of answer of the answered calls, seconds. */
  readonly averageSpeedOfAnswerSeconds: number;
  /** Predicted occupancy. */
  readonly occupancy: number;
  /** Predicted share of callers who hang up (0 in Erlang C). */
  readonly probabilityOfAbandonment: number;
  /** Predicted chance that a caller waits at all. */
  readonly probabilityOfWaiting: number;
}

/** A day's staffing plan: one row per forecast interval, and the scheduled agent-hours they add up to. @category Staffing */
export interface StaffingPlan {
  readonly model: 'erlang-c' | 'erlang-a';
  readonly intervals: readonly StaffingPlanInterval[];
  /** Σ scheduled agents × interval length, in hours. */
  readonly scheduledAgentHours: number;
}

/**
 * A staffing plan for a day of 15- or 30-minute intervals: per interval, the agents on the phones and scheduled
 * (after shrinkage) that meet every target under the named model, and the service level, ASA, occupancy and
 * abandonment predicted with them. The input is validated strictly (a `ValidationError` names the bad field,
 * e.g. `['intervals', 3, 'ahtSeconds']`). Each interval is planned as a steady state of its own.
 * @example
 * staffingPlan({ model: 'erlang-c', shrinkage: 0.3,
 *   targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 }, maxOccupancy: 0.85 },
 *   intervals: [{ start: new Date('2026-03-02T08:00:00Z'), minutes: 30, offeredCalls: 100, ahtSeconds: 180 }] })
 * // → intervals[0]: agents 14, scheduledAgents 20, serviceLevel ≈ 0.888
 * @category Staffing
 */
export function staffingPlan(input: StaffingPlanInput): StaffingPlan {
  const plan = parseInput(StaffingPlanInput, input, 'staffing plan');
  let scheduledAgentHours = 0;
  const intervals = plan.intervals.map((interval): StaffingPlanInterval => {
    const callsPerHour = (interval.offeredCalls * 60) / interval.minutes;
    const traffic = trafficErlangs(callsPerHour, interval.ahtSeconds);
    const forecast = { ...interval, trafficErlangs: traffic };
    let row: StaffingPlanInterval;
    if (plan.model === 'erlang-a') {
      const r = erlangAAgentsUnchecked(
        traffic,
        interval.ahtSeconds,
        plan.patienceSeconds!,
        plan.targets,
        plan.shrinkage,
      );
      const f = r.figures;
      row = {
        ...forecast,
        agents: r.agents,
        scheduledAgents: r.scheduledAgents,
        serviceLevel: f.serviceLevel,
        serviceLevelOfAnswered: f.serviceLevelOfAnswered,
        averageSpeedOfAnswerSeconds: f.averageSpeedOfAnswerSeconds,
        occupancy: f.occupancy,
        probabilityOfAbandonment: f.probabilityOfAbandonment,
        probabilityOfWaiting: f.probabilityOfWaiting,
      };
    } else {
      const r = erlangCAgentsUnchecked(traffic, interval.ahtSeconds, plan.targets, plan.shrinkage);
      const f = r.figures;
      row = {
        ...forecast,
        agents: r.agents,
        scheduledAgents: r.scheduledAgents,
        serviceLevel: f.serviceLevel,
        serviceLevelOfAnswered: f.serviceLevel,
        averageSpeedOfAnswerSeconds: f.averageSpeedOfAnswerSeconds,
        occupancy: f.occupancy,
        probabilityOfAbandonment: 0,
        probabilityOfWaiting: f.probabilityOfWaiting,
      };
    }
    scheduledAgentHours += (row.scheduledAgents * interval.minutes) / 60;
    return row;
  });
  return { model: plan.model, intervals, scheduledAgentHours };
}
