import { z } from 'zod';

/**
 * Which calls a predicted service level counts, named as the measured one (`ServiceLevelVariant`):
 * `answered-and-abandoned` — answered within the threshold over all calls offered (a caller who hangs up is a
 * miss); `answered-only` — over the calls answered. Erlang C answers every call, so both are the same there.
 * @category Staffing
 */
export const PredictedServiceLevelVariant = z.enum(['answered-and-abandoned', 'answered-only']);
/** @category Staffing */
export type PredictedServiceLevelVariant = z.infer<typeof PredictedServiceLevelVariant>;

/**
 * What a staffing answer must meet — all of the targets given, at least one:
 * - `serviceLevel` — at least `target` (0–1, exclusive) answered within `thresholdSeconds`, counted as `variant`
 *   says (default `answered-and-abandoned`);
 * - `maxAsaSeconds` — average speed of answer of the answered calls at most this;
 * - `maxOccupancy` — agents busy at most this share of their time (0–1], e.g. 0.85;
 * - `maxAbandonment` — at most this share of callers hang up (Erlang A; Erlang C never loses a caller).
 * @category Staffing
 */
export const StaffingTargets = z
  .strictObject({
    serviceLevel: z
      .strictObject({
        target: z.number().gt(0).lt(1),
        thresholdSeconds: z.number().finite().nonnegative(),
        variant: PredictedServiceLevelVariant.default('answered-and-abandoned'),
      })
      .optional(),
    maxAsaSeconds: z.number().finite().positive().optional(),
    maxOccupancy: z.number().gt(0).max(1).optional(),
    maxAbandonment: z.number().gt(0).lt(1).optional(),
  })
  .refine(
    (t) =>
      t.serviceLevel !== undefined ||
      t.maxAsaSeconds !== undefined ||
      t.maxOccupancy !== undefined ||
      t.maxAbandonment !== undefined,
    'Name at least one target: serviceLevel, maxAsaSeconds, maxOccupancy or maxAbandonment',
  );
/** @category Staffing */
export type StaffingTargets = z.input<typeof StaffingTargets>;
/** Parsed targets (defaults filled). @internal */
export type ParsedStaffingTargets = z.output<typeof StaffingTargets>;

/** The figures a target is checked against, from either model. @internal */
export interface TargetFigures {
  readonly serviceLevel: number;
  readonly serviceLevelOfAnswered: number;
  readonly averageSpeedOfAnswerSeconds: number;
  readonly occupancy: number;
  readonly probabilityOfAbandonment: number;
}

/** True when `figures` meet every target in `targets`. @internal */
export function meetsTargets(figures: TargetFigures, targets: ParsedStaffingTargets): boolean {
  const sl = targets.serviceLevel;
  if (sl !== undefined) {
    const level = sl.variant === 'answered-only' ? figures.serviceLevelOfAnswered : figures.serviceLevel;
    if (!(level >= sl.target)) return false;
  }
  if (targets.maxAsaSeconds !== undefined && !(figures.averageSpeedOfAnswerSeconds <= targets.maxAsaSeconds))
    return false;
  if (targets.maxOccupancy !== undefined && !(figures.occupancy <= targets.maxOccupancy)) return false;
  if (targets.maxAbandonment !== undefined && !(figures.probabilityOfAbandonment <= targets.maxAbandonment))
    return false;
  return true;
}

/** The answer threshold figures are reported at: the service-level target's, else 20 s. @internal */
export function reportingThreshold(targets: ParsedStaffingTargets): number {
  return targets.serviceLevel?.thresholdSeconds ?? 20;
}
