/**
 * The compiled form of a business calendar and the arithmetic on it (internal).
 *
 * Working time is materialised lazily in blocks of {@link BLOCK_DAYS} local days. Per block: the instant each local
 * day starts, the working intervals as instants, and prefix sums — the working milliseconds before each day and
 * before each interval. DST days, holidays and swapped working days are in the intervals, so the sums see them.
 * A block is built once per calendar (its zone conversions are the slow part); then a position ("working time
 * before instant t") is one day lookup and a walk inside that day, `add` is a gallop over the day sums from the
 * start's day plus a walk inside the one day where the budget runs out, and `between` is two positions.
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

/** Local days per block (about four months: a first use in a far year builds little). */
export const BLOCK_DAYS = 128;
/** Blocks kept per calendar before the cache is dropped (about 360 years of days). */
const MAX_CACHED_BLOCKS = 1024;
/** Direct-mapped slots in front of the block map (a power of two). */
const SLOTS = 64;

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

/** A block of consecutive local days with their working intervals as instants and their prefix sums. */
export interface Block {
  readonly index: number;
  readonly firstDay: number;
  readonly dayCount: number;
  /** dayCount + 1 instants: the start of each day, then the end of the last. */
  readonly dayStart: Float64Array;
  /** dayCount + 1 sums: working milliseconds before each day, then the block's total. */
  readonly dayCum: Float64Array;
  /** dayCount + 1 interval indexes: the first interval of each day, then the interval count. */
  readonly dayFirst: Int32Array;
  /** count + 1 instants: each interval's start and end, then `Infinity` (a sentinel that ends every scan). */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** count + 1 sums: working milliseconds before each interval, then the block's total. */
  readonly cum: Float64Array;
  readonly count: number;
  /** Working milliseconds in the block. */
  readonly total: number;
  /** The first instant of the block, and the first instant after it. */
  readonly spanStart: number;
  readonly spanEnd: number;
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
  readonly blocks: Map<number, Block>;
  /** Recently used blocks by `index & (SLOTS - 1)`. */
  readonly slots: (Block | undefined)[];
}

/** The empty block cache of a new calendar. */
export function emptyBlockCache(): Pick<CalendarState, 'blocks' | 'slots'> {
  return { blocks: new Map(), slots: new Array<Block | undefined>(SLOTS).fill(undefined) };
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

function buildBlock(state: CalendarState, index: number, firstDay: number, lastDay: number): Block {
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
  const dayCum = new Float64Array(dayCount + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  let sum = 0;
  for (let k = 0; k < dayCount; k++) {
    dayStart[k] = instant(k, 0);
    dayFirst[k] = starts.length;
    dayCum[k] = sum;
    for (const { start, end } of minutesOfDay(state, firstDay + k)) {
      const s = instant(k, start * MINUTE_MS);
      const e = instant(k, end * MINUTE_MS);
      if (e > s) {
        starts.push(s);
        ends.push(e);
        sum += e - s;
      }
    }
  }
  dayStart[dayCount] = instant(dayCount, 0);
  dayFirst[dayCount] = starts.length;
  dayCum[dayCount] = sum;
  const count = starts.length;
  starts.push(Number.POSITIVE_INFINITY);
  ends.push(Number.POSITIVE_INFINITY);
  const cum = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) cum[i + 1] = (cum[i] ?? 0) + ((ends[i] ?? 0) - (starts[i] ?? 0));
  return {
    index,
    firstDay,
    dayCount,
    dayStart,
    dayCum,
    dayFirst,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cum,
    count,
    total: sum,
    spanStart: dayStart[0] ?? 0,
    spanEnd: dayStart[dayCount] ?? 0,
  };
}

/** The block with `index`, built on first use; undefined when none of its days is in the calendar's range. */
function blockAt(state: CalendarState, index: number): Block | undefined {
  const slot = index & (SLOTS - 1);
  const recent = state.slots[slot];
  if (recent !== undefined && recent.index === index) return recent;
  let block = state.blocks.get(index);
  if (block === undefined) {
    const firstDay = Math.max(index * BLOCK_DAYS, state.firstDay);
    const lastDay = Math.min(index * BLOCK_DAYS + BLOCK_DAYS - 1, state.lastDay);
    if (firstDay > lastDay) return undefined;
    if (state.blocks.size >= MAX_CACHED_BLOCKS) state.blocks.clear();
    block = buildBlock(state, index, firstDay, lastDay);
    state.blocks.set(index, block);
  }
  state.slots[slot] = block;
  return block;
}

// multiplications, not divisions, on the hot path: a floor that rounds the wrong way is corrected by the checks after
const PER_BLOCK = 1 / (BLOCK_DAYS * DAY_MS);
const PER_DAY = 1 / DAY_MS;

/** The block whose days hold instant `t`: its slot, unless `t` lies in a zone's offset from a block's UTC edge. */
function blockOf(state: CalendarState, t: number): Block {
  const index = Math.floor(t * PER_BLOCK);
  const b = state.slots[index & (SLOTS - 1)];
  if (b !== undefined && b.index === index && t >= b.spanStart && t < b.spanEnd) return b;
  return findBlock(state, t);
}

function findBlock(state: CalendarState, t: number): Block {
  const firstIndex = Math.floor(state.firstDay / BLOCK_DAYS);
  const lastIndex = Math.floor(state.lastDay / BLOCK_DAYS);
  const guess = Math.min(lastIndex, Math.max(firstIndex, Math.floor(Math.floor(t / DAY_MS) / BLOCK_DAYS)));
  let block = blockAt(state, guess) ?? outOfRangeAt(state, t);
  while (t < block.spanStart) block = blockAt(state, block.index - 1) ?? outOfRangeAt(state, t);
  while (t >= block.spanEnd) block = blockAt(state, block.index + 1) ?? outOfRangeAt(state, t);
  return block;
}

/** The block holding local `day`. */
function blockOfDay(state: CalendarState, day: number): Block {
  if (day < state.firstDay || day > state.lastDay) outOfRangeDay(state, day);
  return blockAt(state, Math.floor(day / BLOCK_DAYS)) ?? outOfRangeDay(state, day);
}

/** The day (index in block `b`) holding instant `t`, which lies in the block's span. */
function dayIndex(b: Block, t: number): number {
  const { dayStart } = b;
  // The local date of an instant is its UTC date or a neighbour (offsets lie within a day), bar a skipped date.
  let k = Math.floor(t * PER_DAY) - b.firstDay;
  if (k >= b.dayCount) k = b.dayCount - 1;
  else if (k < 0) k = 0;
  while (k > 0 && t < (dayStart[k] as number)) k--;
  while (t >= (dayStart[k + 1] as number)) k++;
  return k;
}

/**
 * The first interval ending after `t`, which lies in day `k`: a walk inside that day, or the first interval of a
 * later day (`count` when none; the sentinel end stops the walk).
 */
function firstEndingAfter(b: Block, k: number, t: number): number {
  const { ends } = b;
  let i = b.dayFirst[k] as number;
  while ((ends[i] as number) <= t) i++;
  return i;
}

/** Working milliseconds of block `b` before instant `t` (which lies in the block's span). */
function positionIn(b: Block, t: number): number {
  const i = firstEndingAfter(b, dayIndex(b, t), t);
  // the sentinel start of `count` is Infinity: nothing of it counts
  const inside = t - (b.starts[i] as number);
  return (b.cum[i] as number) + (inside > 0 ? inside : 0);
}

/**
 * The earliest instant with working position `target` in block `b`, for `dayCum[from] < target <= total`: a gallop
 * over the day sums from day `from`, then a walk inside the day found.
 */
function earliestAt(b: Block, target: number, from: number): number {
  const { dayCum } = b;
  const lastDay = b.dayCount - 1;
  let lo = from;
  // a budget of days: step through them; a longer one: gallop, then halve
  const near = from + 8 < lastDay ? from + 8 : lastDay;
  while (lo < near && (dayCum[lo + 1] as number) < target) lo++;
  let hi = lo;
  let step = 1;
  while ((dayCum[hi + 1] as number) < target) {
    lo = hi + 1;
    hi = hi + step < lastDay ? hi + step : lastDay;
    step *= 2;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dayCum[mid + 1] as number) >= target) hi = mid;
    else lo = mid + 1;
  }
  const { cum } = b;
  let j = b.dayFirst[lo] as number;
  while ((cum[j + 1] as number) < target) j++;
  return (b.starts[j] as number) + (target - (cum[j] as number));
}

/** The latest instant with working position `target` in block `b`, for `0 <= target < total`. */
function latestAt(b: Block, target: number): number {
  const { dayCum, cum } = b;
  let lo = 0;
  let hi = b.dayCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((dayCum[mid] as number) <= target) lo = mid;
    else hi = mid - 1;
  }
  let j = (b.dayFirst[lo + 1] as number) - 1;
  while ((cum[j] as number) > target) j--;
  return (b.starts[j] as number) + (target - (cum[j] as number));
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

  /** Notes working time at `t` (ignored when it lies behind the walk's last note). */
  sawWork(t: number, direction: 1 | -1): void {
    if ((t - this.lastWork) * direction > 0) this.lastWork = t;
  }

  step(block: Block, direction: 1 | -1): Block {
    const next =
      blockAt(this.state, block.index + direction) ??
      outOfRangeDay(this.state, direction > 0 ? block.firstDay + block.dayCount : block.firstDay - 1);
    const edge = direction > 0 ? next.spanStart : next.spanEnd;
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
  const b = blockOf(state, t);
  return (b.starts[firstEndingAfter(b, dayIndex(b, t), t)] as number) <= t;
}

/** `t` itself when it is working time, else the start of the next working interval. */
export function nextWorking(state: CalendarState, t: number): number {
  let b = blockOf(state, t);
  const i = firstEndingAfter(b, dayIndex(b, t), t);
  // intervals of later days all end after t
  if (i < b.count) return Math.max(t, b.starts[i] as number);
  const walk = new Walk(state, t);
  for (;;) {
    b = walk.step(b, 1);
    if (b.count > 0) return b.starts[0] as number;
  }
}

/** Adds `ms >= 0` working milliseconds (see `addBusinessMilliseconds` for the semantics). */
export function addForward(state: CalendarState, t: number, ms: number): number {
  if (ms === 0) return nextWorking(state, t);
  let b = blockOf(state, t);
  let from = dayIndex(b, t);
  // the clock starts at the next working moment: the working time before it, plus the budget
  const i = firstEndingAfter(b, from, t);
  const inside = t - (b.starts[i] as number);
  let target = (b.cum[i] as number) + (inside > 0 ? inside : 0) + ms;
  if (target > b.total) {
    // the budget runs out in a later block
    const walk = new Walk(state, t);
    do {
      target -= b.total;
      if (b.count > 0) walk.sawWork(b.ends[b.count - 1] as number, 1);
      b = walk.step(b, 1);
    } while (target > b.total);
    from = 0;
  }
  return earliestAt(b, target, from);
}

/**
 * Subtracts `ms > 0` working milliseconds: the latest instant whose working time up to `t` is `ms`. It is always
 * working time (an interval's start at the earliest).
 */
export function addBackward(state: CalendarState, t: number, ms: number): number {
  let b = blockOf(state, t);
  let target = positionIn(b, t) - ms;
  if (target < 0) {
    const walk = new Walk(state, t);
    do {
      if (b.count > 0) walk.sawWork(b.starts[0] as number, -1);
      b = walk.step(b, -1);
      target += b.total;
    } while (target < 0);
  }
  return latestAt(b, target);
}

/** Working milliseconds in `[from, to)`; negative when `to` is before `from`. */
export function between(state: CalendarState, from: number, to: number): number {
  if (to < from) return -between(state, to, from);
  if ((to - from) / DAY_MS > BUSINESS_CALENDAR_LIMITS.maxSpanDays) {
    fail(`The two instants are more than ${BUSINESS_CALENDAR_LIMITS.maxSpanDays} days apart.`);
  }
  const a = blockOf(state, from);
  const before = positionIn(a, from);
  if (to < a.spanEnd) return positionIn(a, to) - before;
  const b = blockOf(state, to);
  let sum = a.total - before;
  for (let index = a.index + 1; index < b.index; index++) sum += blockAt(state, index)?.total ?? 0;
  return sum + positionIn(b, to);
}

/** Whether local `day` has any working time. */
export function dayHasWork(state: CalendarState, day: number): boolean {
  const b = blockOfDay(state, day);
  const k = day - b.firstDay;
  return (b.dayFirst[k + 1] as number) > (b.dayFirst[k] as number);
}

/** The working intervals of local `day`, as instants. */
export function intervalsOfDay(state: CalendarState, day: number): { start: number; end: number }[] {
  const b = blockOfDay(state, day);
  const k = day - b.firstDay;
  const out: { start: number; end: number }[] = [];
  for (let i = b.dayFirst[k] as number; i < (b.dayFirst[k + 1] as number); i++) {
    out.push({ start: b.starts[i] as number, end: b.ends[i] as number });
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
