import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';

const SECOND = 1000;
const MINUTE_S = 60;
const HOUR_S = 3600;
const DAY_S = 86_400;
/** The largest duration the histogram places in a bucket of its own: 90 days, in seconds. */
const LAST_EDGE_S = 90 * DAY_S;
/** The key of the bucket that holds every duration over 90 days. */
const OVER = 'over';

/**
 * An exact, mergeable histogram of durations (waits, ticket ages) with fixed buckets, a plain JSON object.
 *
 * Buckets are keyed by their **upper edge in seconds** and hold the durations in `(previous edge, edge]`:
 * - 1-second buckets up to 1 hour (`"0"`, `"1"`, … `"3600"`),
 * - 1-minute buckets from 1 hour to 24 hours (`"3660"`, … `"86400"`),
 * - 1-hour buckets from 24 hours to 90 days,
 * - one bucket `"over"` above 90 days.
 *
 * So at most 7,117 keys, whatever the number of durations (constant memory), and only the keys that occur are
 * stored. Merging adds counts key by key, which is exact, associative and commutative. Consequences:
 * - **"at most Y seconds" is exact** for every Y on a bucket edge (any whole second up to 1 h, whole minute up
 *   to 24 h, whole hour up to 90 days); other thresholds are refused, never approximated;
 * - a **percentile** is reported as the upper edge of the bucket it falls in (capped at the exact maximum), so it
 *   is never below the true value and over it by less than the bucket width: < 1 s below 1 h, < 1 min below
 *   24 h, < 1 h below 90 days (relative error under 1/60 above 1 h); above 90 days the exact maximum is given.
 * - `count`, `sumMs` and `maxMs` are exact (integer milliseconds), so averages are exact.
 * @category KPIs
 */
export const DurationHistogram = z.strictObject({
  /** How many durations were added. */
  count: z.int().min(0),
  /** Their total, in milliseconds. */
  sumMs: z.int().min(0),
  /** The longest, in milliseconds (`null` when empty). */
  maxMs: z.int().min(0).nullable(),
  /** Counts by bucket upper edge in seconds (`"20"` holds 19 s < d ≤ 20 s), and `"over"` above 90 days. */
  buckets: z.record(
    z
      .string()
      .refine((key) => key === OVER || (/^\d+$/.test(key) && isBucketEdge(Number(key))), 'Not a bucket edge'),
    z.int().min(0),
  ),
});
/** @category KPIs */
export type DurationHistogram = z.output<typeof DurationHistogram>;

/** An empty histogram. @category KPIs */
export function emptyHistogram(): DurationHistogram {
  return { count: 0, sumMs: 0, maxMs: null, buckets: {} };
}

/** The key of the bucket a duration in milliseconds falls in. @internal */
export function bucketKey(ms: number): string {
  const s = ms / SECOND;
  if (s <= HOUR_S) return String(Math.ceil(s));
  if (s <= DAY_S) return String(Math.ceil(s / MINUTE_S) * MINUTE_S);
  if (s <= LAST_EDGE_S) return String(Math.ceil(s / HOUR_S) * HOUR_S);
  return OVER;
}

/** True when `seconds` is a bucket edge, so that "at most `seconds`" is exact. @internal */
export function isBucketEdge(seconds: number): boolean {
  if (!Number.isInteger(seconds) || seconds < 0) return false;
  if (seconds <= HOUR_S) return true;
  if (seconds <= DAY_S) return seconds % MINUTE_S === 0;
  return seconds <= LAST_EDGE_S && seconds % HOUR_S === 0;
}

/** Why a threshold that is not a bucket edge is refused. @internal */
export const THRESHOLD_RULE =
  'A duration threshold is a whole number of seconds up to 1 hour, of minutes up to 24 hours, or of hours up to 90 days (so it is counted exactly)';

/** Adds one duration (milliseconds, ≥ 0) to `histogram`, in place. @internal */
export function addDuration(histogram: DurationHistogram, ms: number): void {
  const b = histogram.buckets;
  const s = Math.ceil(ms / SECOND);
  // a whole second up to an hour is its own key; indexing by the number names the same key without a string
  if (s <= HOUR_S) b[s] = (b[s] ?? 0) + 1;
  else {
    const key = bucketKey(ms);
    b[key] = (b[key] ?? 0) + 1;
  }
  histogram.count += 1;
  histogram.sumMs += ms;
  histogram.maxMs = histogram.maxMs === null ? ms : Math.max(histogram.maxMs, ms);
}

/** The sum of two histograms (a new object). @category KPIs */
export function mergeHistograms(a: DurationHistogram, b: DurationHistogram): DurationHistogram {
  const buckets: Record<string, number> = { ...a.buckets };
  for (const [key, n] of Object.entries(b.buckets)) buckets[key] = (buckets[key] ?? 0) + n;
  const maxMs = a.maxMs === null ? b.maxMs : b.maxMs === null ? a.maxMs : Math.max(a.maxMs, b.maxMs);
  return { count: a.count + b.count, sumMs: a.sumMs + b.sumMs, maxMs, buckets };
}

/** How many durations are at most `seconds` (a bucket edge, checked by the caller). @internal */
export function countAtMost(histogram: DurationHistogram, seconds: number): number {
  let n = 0;
  const b = histogram.buckets;
  if (seconds <= HOUR_S) {
    // the buckets up to an hour are the whole seconds 0 … seconds: looked up by number, no key strings
    for (let s = 0; s <= seconds; s++) n += b[s] ?? 0;
    return n;
  }
  for (const [key, count] of Object.entries(b)) {
    if (key !== OVER && Number(key) <= seconds) n += count;
  }
  return n;
}

/**
 * The `q` quantile (0 ≤ q ≤ 1) of the durations in seconds, by nearest rank: the smallest bucket edge with at
 * least `max(1, ⌈q·count⌉)` durations at or below it, capped at the exact maximum. Never below the true value,
 * over it by less than the bucket width (see {@link DurationHistogram}). `null` when the histogram is empty.
 * @example
 * durationQuantile(partialTotals.contacts.answeredWait, 0.9) // 41 — 90% of answered calls waited ≤ 41 s
 * @category KPIs
 */
export function durationQuantile(histogram: DurationHistogram, q: number): number | null {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
    const message = 'A quantile is a number from 0 to 1';
    throw new ValidationError(`Invalid quantile: ${message}`, [{ path: ['q'], message, code: 'custom' }]);
  }
  if (histogram.count === 0 || histogram.maxMs === null) return null;
  const rank = Math.max(1, Math.ceil(q * histogram.count));
  const maxS = histogram.maxMs / SECOND;
  const b = histogram.buckets;
  let seen = 0;
  // the whole seconds up to an hour by number (no key strings), then the coarser buckets by their keys
  for (let s = 0; s <= HOUR_S; s++) {
    seen += b[s] ?? 0;
    if (seen >= rank) return Math.min(s, maxS);
  }
  const edges = Object.keys(b)
    .filter((key) => key !== OVER)
    .map(Number)
    .filter((edge) => edge > HOUR_S)
    .sort((x, y) => x - y);
  for (const edge of edges) {
    seen += histogram.buckets[String(edge)] ?? 0;
    if (seen >= rank) return Math.min(edge, maxS);
  }
  return maxS;
}
