/**
 * The compiled form of a business calendar and the arithmetic on it (internal).
 *
 * Working intervals are materialised lazily in blocks of {@link CHUNK_DAYS} local days: per block, the instants
 * of each day's start and of each interval's start and end (UTC milliseconds), and a running sum of working time.
 * A block is built once per calendar (its zone conversions are the slow part) and then every question — is this
 * working time, where does +40 h land, how much working time lies between two instants — is a binary search in
 * one or a few blocks, with no zone lookups.
 */
import { ValidationError } from '../errors/frontline-error';
import {
  acrossTransition,
  DAY_MS,
  dateOfDay,
  HOUR_MS,
  localDayAndTime,
  MINUTE_MS,
  offsetAt,
} from './business-calendar-zone';

/** Local days per block. */
const CHUNK_DAYS = 32;
/** Blocks kept per calendar before the cache is dropped (about 360 years of days). */
const MAX_CACHED_CHUNKS = 4096;

/**
 * Bounds that keep every calculation finite.
 * @category Calendar
 */
export const BUSINESS_CALENDAR_LIMITS = {
  /** A search for working time gives up (with a `ValidationError`) after this many days without any. */
  noWorkingTimeDays: 400,
  /** No calculation reaches further than this many days from where it starts (about 100 years). */
  maxSpanDays: 36_600,
} as const;

/** A working interval in minutes since local midnight, `0 <= start < end <= 1440`. */
export interface MinuteInterval {
  readonly start: number;
  readonly end: number;
}

/** A block of consecutive local days with their working intervals as instants. */
export interface Chunk {
  readonly index: number;
  readonly firstDay: number;
  readonly dayCount: number;
  /** dayCount + 1 instants: the start of each day, then the end of the last. */
  readonly dayStart: Float64Array;
  /** dayCount + 1 interval indexes: the first interval of each day, then the interval count. */
  readonly dayFirst: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** count + 1 sums: working milliseconds before each interval, then the block's total. */
  readonly cum: Float64Array;
  readonly count: number;
}

/** What a compiled calendar knows: its rules by local day, its range, and its cache of blocks. */
export interface CalendarState {
  readonly zone: string;
  /** Index 0 = Monday. */
  readonly weekly: readonly (readonly MinuteInterval[])[];
  readonly holidays: ReadonlySet<number>;
  readonly extra: ReadonlyMap<number, readonly MinuteInterval[]>;
  /** The first and last local day the calendar answers for. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Why the range ends where it does and what widens it, for the first day and for the last. */
  readonly limits: { readonly before: string; readonly after: string };
  /** The working intervals a holiday source sets for a day (closed or a working Saturday), or none. */
  readonly source: ((day: number) => readonly MinuteInterval[] | undefined) | undefined;
  readonly chunks: Map<number, Chunk>;
  last: Chunk | undefined;
}

const NONE: readonly MinuteInterval[] = [];

/** The working intervals of local `day` in minutes: the definition's own days, then the holiday source's, then the week's. */
function minutesOfDay(state: CalendarState, day: number): readonly MinuteInterval[] {
  const extra = state.extra.get(day);
  if (extra) return extra;
  if (state.holidays.has(day)) return NONE;
  return state.source?.(day) ?? state.weekly[(((day + 3) % 7) + 7) % 7] ?? NONE;
}

const NO_WORK_HINT =
  'give the calendar working time there (`hours`, `extraWorkingDays`) or fewer `holidays`.';

function fail(message: string, path: (string | number)[] = []): never {
  throw new ValidationError(message, [{ path, message, code: 'custom' }]);
}

/** Refuses a date outside the range, naming what limits the range on that side and the option that widens it. */
function outOfRange(state: CalendarState, what: string, early: boolean): never {
  return fail(
    `${what} is outside the business calendar's range ${dateOfDay(state.firstDay)} – ${dateOfDay(state.lastDay)}: ` +
      `${early ? state.limits.before : state.limits.after}.`,
  );
}

const outOfRangeAt = (state: CalendarState, t: number): never =>
  outOfRange(state, new Date(t).toISOString(), t < state.firstDay * DAY_MS);

const outOfRangeDay = (state: CalendarState, day: number): never =>
  outOfRange(state, dateOfDay(day), day < state.firstDay);

function buildChunk(state: CalendarState, index: number, firstDay: number, lastDay: number): Chunk {
  const { zone } = state;
  const dayCount = lastDay - firstDay + 1;
  // probe[k] = offset 15 h before the UTC midnight of day firstDay + k. Every instant of local day d lies between
  // probe d and probe d + 3, so equal offsets there mean the day has no transition.
  const probe = new Float64Array(dayCount + 4);
  for (let k = 0; k < probe.length; k++) probe[k] = offsetAt(zone, (firstDay + k) * DAY_MS - 15 * HOUR_MS);
  const instant = (k: number, msOfDay: number): number => {
    const naive = (firstDay + k) * DAY_MS + msOfDay;
    const before = probe[k] ?? 0;
    const after = probe[k + 3] ?? 0;
    return before === after ? naive - before : acrossTransition(zone, naive, before, after);
  };
  const dayStart = new Float64Array(dayCount + 1);
  const dayFirst = new Int32Array(dayCount + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < dayCount; k++) {
    dayStart[k] = instant(k, 0);
    dayFirst[k] = starts.length;
    for (const { start, end } of minutesOfDay(state, firstDay + k)) {
      const s = instant(k, start * MINUTE_MS);
      const e = instant(k, end * MINUTE_MS);
      if (e > s) {
        starts.push(s);
        ends.push(e);
      }
    }
  }
  dayStart[dayCount] = instant(dayCount, 0);
  dayFirst[dayCount] = starts.length;
  const count = starts.length;
  const cum = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) cum[i + 1] = (cum[i] ?? 0) + ((ends[i] ?? 0) - (starts[i] ?? 0));
  return {
    index,
    firstDay,
    dayCount,
    dayStart,
    dayFirst,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cum,
    count,
  };
}

/** The block with `index`, built on first use; undefined when none of its days is in the calendar's range. */
function chunkAt(state: CalendarState, index: number): Chunk | undefined {
  const cached = state.chunks.get(index);
  if (cached) return cached;
  const firstDay = Math.max(index * CHUNK_DAYS, state.firstDay);
  const lastDay = Math.min(index * CHUNK_DAYS + CHUNK_DAYS - 1, state.lastDay);
  if (firstDay > lastDay) return undefined;
  if (state.chunks.size >= MAX_CACHED_CHUNKS) state.chunks.clear();
  const chunk = buildChunk(state, index, firstDay, lastDay);
  state.chunks.set(index, chunk);
  return chunk;
}

const spanStart = (c: Chunk) => c.dayStart[0] ?? 0;
const spanEnd = (c: Chunk) => c.dayStart[c.dayCount] ?? 0;
const total = (c: Chunk) => c.cum[c.count] ?? 0;

/** The block whose days hold instant `t`. */
function chunkOf(state: CalendarState, t: number): Chunk {
  const last = state.last;
  if (last && t >= spanStart(last) && t < spanEnd(last)) return last;
  const firstIndex = Math.floor(state.firstDay / CHUNK_DAYS);
  const lastIndex = Math.floor(state.lastDay / CHUNK_DAYS);
  const guess = Math.min(lastIndex, Math.max(firstIndex, Math.floor(Math.floor(t / DAY_MS) / CHUNK_DAYS)));
  let chunk = chunkAt(state, guess) ?? outOfRangeAt(state, t);
  while (t < spanStart(chunk)) chunk = chunkAt(state, chunk.index - 1) ?? outOfRangeAt(state, t);
  while (t >= spanEnd(chunk)) chunk = chunkAt(state, chunk.index + 1) ?? outOfRangeAt(state, t);
  state.last = chunk;
  return chunk;
}

/** The block holding local `day`. */
function chunkOfDay(state: CalendarState, day: number): Chunk {
  if (day < state.firstDay || day > state.lastDay) outOfRangeDay(state, day);
  return chunkAt(state, Math.floor(day / CHUNK_DAYS)) ?? outOfRangeDay(state, day);
}

/** First interval index whose end is after `t` (`count` when none). */
function firstEndingAfter(c: Chunk, t: number): number {
  let lo = 0;
  let hi = c.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.ends[mid] ?? 0) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Working milliseconds of block `c` before instant `t` (which lies in the block's span). */
function positionIn(c: Chunk, t: number): number {
  const i = firstEndingAfter(c, t);
  if (i === c.count) return total(c);
  return (c.cum[i] ?? 0) + Math.max(0, t - (c.starts[i] ?? 0));
}

/** The earliest instant with working position `target` in block `c`, for `0 < target <= total(c)`. */
function earliestAt(c: Chunk, target: number): number {
  let lo = 0;
  let hi = c.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.cum[mid + 1] ?? 0) >= target) hi = mid;
    else lo = mid + 1;
  }
  return (c.starts[lo] ?? 0) + (target - (c.cum[lo] ?? 0));
}

/** The latest instant with working position `target` in block `c`, for `0 <= target < total(c)`. */
function latestAt(c: Chunk, target: number): number {
  let lo = 0;
  let hi = c.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((c.cum[mid] ?? 0) <= target) lo = mid;
    else hi = mid - 1;
  }
  return (c.starts[lo] ?? 0) + (target - (c.cum[lo] ?? 0));
}

/**
 * Walks from block to block, refusing to go on past the range, past {@link BUSINESS_CALENDAR_LIMITS.maxSpanDays}
 * from `origin`, or past {@link BUSINESS_CALENDAR_LIMITS.noWorkingTimeDays} since the last working time seen.
 */
class Walk {
  private lastWork: number;
  constructor(
    private readonly state: CalendarState,
    private readonly origin: number,
  ) {
    this.lastWork = origin;
  }

  sawWork(t: number): void {
    this.lastWork = t;
  }

  step(chunk: Chunk, direction: 1 | -1): Chunk {
    const next =
      chunkAt(this.state, chunk.index + direction) ??
      outOfRangeDay(this.state, direction > 0 ? chunk.firstDay + chunk.dayCount : chunk.firstDay - 1);
    const edge = direction > 0 ? spanStart(next) : spanEnd(next);
    const idle = Math.abs(edge - this.lastWork) / DAY_MS;
    if (idle > BUSINESS_CALENDAR_LIMITS.noWorkingTimeDays) {
      fail(
        `No working time within ${BUSINESS_CALENDAR_LIMITS.noWorkingTimeDays} days ` +
          `${direction > 0 ? 'after' : 'before'} ${new Date(this.lastWork).toISOString()}: ${NO_WORK_HINT}`,
      );
    }
    if (Math.abs(edge - this.origin) / DAY_MS > BUSINESS_CALENDAR_LIMITS.maxSpanDays) {
      fail(`The result lies more than ${BUSINESS_CALENDAR_LIMITS.maxSpanDays} days away.`);
    }
    return next;
  }
}

/** Whether `t` is working time (an interval's start is, its end is not). */
export function isWorking(state: CalendarState, t: number): boolean {
  const c = chunkOf(state, t);
  const i = firstEndingAfter(c, t);
  return i < c.count && (c.starts[i] ?? 0) <= t;
}

/** `t` itself when it is working time, else the start of the next working interval. */
export function nextWorking(state: CalendarState, t: number): number {
  let c = chunkOf(state, t);
  const i = firstEndingAfter(c, t);
  if (i < c.count) return Math.max(t, c.starts[i] ?? 0);
  const walk = new Walk(state, t);
  for (;;) {
    c = walk.step(c, 1);
    if (c.count > 0) return c.starts[0] ?? 0;
  }
}

/** Adds `ms >= 0` working milliseconds (see `addBusinessMilliseconds` for the semantics). */
export function addForward(state: CalendarState, t: number, ms: number): number {
  let c = chunkOf(state, t);
  const walk = new Walk(state, t);
  const i = firstEndingAfter(c, t);
  let target: number;
  if (i < c.count) {
    const start = Math.max(t, c.starts[i] ?? 0);
    if (ms === 0) return start;
    target = (c.cum[i] ?? 0) + (start - (c.starts[i] ?? 0)) + ms;
  } else {
    do c = walk.step(c, 1);
    while (c.count === 0);
    if (ms === 0) return c.starts[0] ?? 0;
    target = ms;
  }
  while (target > total(c)) {
    target -= total(c);
    if (c.count > 0) walk.sawWork(c.ends[c.count - 1] ?? 0);
    c = walk.step(c, 1);
  }
  return earliestAt(c, target);
}

/**
 * Subtracts `ms > 0` working milliseconds: the latest instant whose working time up to `t` is `ms`. It is always
 * working time (an interval's start at the earliest).
 */
export function addBackward(state: CalendarState, t: number, ms: number): number {
  let c = chunkOf(state, t);
  const walk = new Walk(state, t);
  let target = positionIn(c, t) - ms;
  while (target < 0) {
    if (c.count > 0) walk.sawWork(c.starts[0] ?? 0);
    c = walk.step(c, -1);
    target += total(c);
  }
  return latestAt(c, target);
}

/** Working milliseconds in `[from, to)`; negative when `to` is before `from`. */
export function between(state: CalendarState, from: number, to: number): number {
  if (to < from) return -between(state, to, from);
  if ((to - from) / DAY_MS > BUSINESS_CALENDAR_LIMITS.maxSpanDays) {
    fail(`The two instants are more than ${BUSINESS_CALENDAR_LIMITS.maxSpanDays} days apart.`);
  }
  const a = chunkOf(state, from);
  const b = chunkOf(state, to);
  if (a === b) return positionIn(b, to) - positionIn(a, from);
  let sum = total(a) - positionIn(a, from);
  for (let index = a.index + 1; index < b.index; index++) {
    const c = chunkAt(state, index);
    if (c) sum += total(c);
  }
  return sum + positionIn(b, to);
}

/** Whether local `day` has any working time. */
export function dayHasWork(state: CalendarState, day: number): boolean {
  const c = chunkOfDay(state, day);
  const k = day - c.firstDay;
  return (c.dayFirst[k + 1] ?? 0) > (c.dayFirst[k] ?? 0);
}

/** The working intervals of local `day`, as instants. */
export function intervalsOfDay(state: CalendarState, day: number): { start: number; end: number }[] {
  const c = chunkOfDay(state, day);
  const k = day - c.firstDay;
  const out: { start: number; end: number }[] = [];
  for (let i = c.dayFirst[k] ?? 0; i < (c.dayFirst[k + 1] ?? 0); i++) {
    out.push({ start: c.starts[i] ?? 0, end: c.ends[i] ?? 0 });
  }
  return out;
}

/** The local day of instant `t`, checked against the calendar's range. */
export function dayOfInstant(state: CalendarState, t: number): { day: number; msOfDay: number } {
  const local = localDayAndTime(state.zone, t);
  if (local.day < state.firstDay || local.day > state.lastDay) outOfRangeDay(state, local.day);
  return local;
}

/** The `days`-th working day after (`days > 0`) or before (`days < 0`) local `day`; `0`: `day` or the next. */
export function shiftWorkingDays(state: CalendarState, day: number, days: number): number {
  if (Math.abs(days) > BUSINESS_CALENDAR_LIMITS.maxSpanDays) {
    fail(`Cannot move more than ${BUSINESS_CALENDAR_LIMITS.maxSpanDays} days.`, []);
  }
  const direction = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  let current = day;
  let lastWorking = day;
  if (remaining === 0) {
    if (dayHasWork(state, current)) return current;
    remaining = 1;
  }
  while (remaining > 0) {
    current += direction;
    if (current < state.firstDay || current > state.lastDay) outOfRangeDay(state, current);
    if (Math.abs(current - day) > BUSINESS_CALENDAR_LIMITS.maxSpanDays) {
      fail(`The result lies more than ${BUSINESS_CALENDAR_LIMITS.maxSpanDays} days away.`);
    }
    if (dayHasWork(state, current)) {
      remaining--;
      lastWorking = current;
    } else if (Math.abs(current - lastWorking) > BUSINESS_CALENDAR_LIMITS.noWorkingTimeDays) {
      fail(
        `No working day within ${BUSINESS_CALENDAR_LIMITS.noWorkingTimeDays} days ` +
          `${direction > 0 ? 'after' : 'before'} ${dateOfDay(lastWorking)}: ${NO_WORK_HINT}`,
      );
    }
  }
  return current;
}
