import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { countAtMost, durationQuantile } from './duration-histogram';
import { ThresholdSeconds } from './kpi-options';
import type { KpiBacklogFigures } from './kpi-totals';

const HOUR_S = 3600;

/**
 * Options of {@link backlogAgeing}: `boundsHours`, the upper edges of the age bands in whole hours, ascending
 * (default 24, 72 and 168: up to a day, up to three days, up to a week, older).
 * @category KPIs
 */
export const BacklogAgeingOptions = z.strictObject({
  boundsHours: z
    .array(
      z
        .int()
        .min(1)
        .max(90 * 24),
    )
    .max(50)
    .default([24, 72, 168])
    .refine((b) => b.every((h, i) => i === 0 || h > (b[i - 1] ?? 0)), 'Bounds rise strictly')
    .refine((b) => b.every((h) => ThresholdSeconds.safeParse(h * HOUR_S).success)),
});
/** @category KPIs */
export type BacklogAgeingOptions = z.input<typeof BacklogAgeingOptions>;

/**
 * The backlog and its ageing.
 * @category KPIs
 */
export interface BacklogAgeing {
  /** The instant of the snapshot (ISO). */
  asOf: string;
  /** Tickets open then. */
  count: number;
  /** Open tickets by age band: `(fromHours, toHours]`, the last band `toHours: null` (older). */
  bands: { fromHours: number; toHours: number | null; count: number }[];
  /** The median and the oldest age, in hours (`null` when the backlog is empty; median within the histogram's bound). */
  medianAgeHours: number | null;
  oldestAgeHours: number | null;
}

/**
 * Backlog (hátralék) and ageing: the tickets open at the snapshot instant (opened by then, neither resolved
 * nor closed), counted by age band. `null` when the partial holds no snapshot (built without `backlogAsOf`).
 * @example
 * backlogAgeing(kpiTotals(partial).backlog)
 * // { asOf: '2026-03-02T23:00:00.000Z', count: 4, bands: [{ fromHours: 0, toHours: 24, count: 2 }, …], … }
 * @category KPIs
 */
export function backlogAgeing(
  backlog: KpiBacklogFigures | null,
  options: BacklogAgeingOptions = {},
): BacklogAgeing | null {
  const { boundsHours } = parseInput(BacklogAgeingOptions, options, 'backlog ageing options');
  if (backlog === null) return null;
  const bands: BacklogAgeing['bands'] = [];
  let below = 0;
  let from = 0;
  for (const to of boundsHours) {
    const atMost = countAtMost(backlog.age, to * HOUR_S);
    bands.push({ fromHours: from, toHours: to, count: atMost - below });
    below = atMost;
    from = to;
  }
  bands.push({ fromHours: from, toHours: null, count: backlog.count - below });
  const median = durationQuantile(backlog.age, 0.5);
  return {
    asOf: backlog.asOf,
    count: backlog.count,
    bands,
    medianAgeHours: median === null ? null : median / HOUR_S,
    oldestAgeHours: backlog.age.maxMs === null ? null : backlog.age.maxMs / (HOUR_S * 1000),
  };
}
