/**
 * Business-hours arithmetic on a split-shift Hungarian calendar with holidays and swapped days.
 *
 * Baselines: what a developer writes with date-fns and @date-fns/tz — per instant, walk day by day from the local
 * day of the start, taking each day's intervals from `TZDate`s built with `set`/`startOfDay`/`addDays`.
 * - "memoised": each date's intervals are built once and kept in a Map by date (the first optimisation anyone
 *   makes; `TZDate` arithmetic costs tens of microseconds here, so rebuilding them for a million instants would
 *   take over twenty minutes per run);
 * - "rebuilt": the intervals are rebuilt for every day visited, measured on fewer instants.
 * Candidates: the SDK with a warm calendar (its interval cache built by the run before) and with a calendar built
 * inside each run (compile and cache fill included). Every case first checks that baseline and SDK agree.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, getDay, lightFormat, set, startOfDay } from 'date-fns';
import { type BenchCase, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import {
  addBusinessHours,
  type BusinessCalendar,
  businessTimeBetween,
  createBusinessCalendar,
} from '../src/kernel/business-calendar';
import { WEEKDAYS } from '../src/kernel/business-calendar-definition';
import { hungarianCalendarDefinition } from '../src/kernel/business-calendar-hungary';

const ZONE = 'Europe/Budapest';
const HOUR = 3_600_000;
const split = ['08:00-12:00', '12:30-16:30'];
const definition = hungarianCalendarDefinition({
  hours: {
    monday: split,
    tuesday: split,
    wednesday: split,
    thursday: split,
    friday: ['08:00-12:00', '12:30-14:00'],
  },
});

/** Deterministic inputs (mulberry32), so every run measures the same work. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2027, 10, 30);

// --- the baseline: the straightforward date-fns way -------------------------------------------------------------

type Hm = [startHour: number, startMinute: number, endHour: number, endMinute: number];
const parse = (interval: string): Hm => interval.split(/[-:]/).map(Number) as Hm;
/** getDay() order: Sunday first. */
const weekly: Hm[][] = [6, 0, 1, 2, 3, 4, 5].map((i) =>
  (definition.hours[WEEKDAYS[i] ?? 'monday'] ?? []).map((h) => parse(`${h.start}-${h.end}`)),
);
const holidays = new Set(definition.holidays);
const extraDays = new Map(
  definition.extraWorkingDays.map((d) => [
    d.date,
    typeof d.hours === 'string'
      ? (weekly[(WEEKDAYS.indexOf(d.hours) + 1) % 7] ?? [])
      : d.hours.map((h) => parse(`${h.start}-${h.end}`)),
  ]),
);

function naiveIntervals(day: TZDate): [number, number][] {
  const key = lightFormat(day, 'yyyy-MM-dd');
  const hours = extraDays.get(key) ?? (holidays.has(key) ? [] : (weekly[getDay(day)] ?? []));
  return hours.map(([sh, sm, eh, em]) => [
    set(day, { hours: sh, minutes: sm, seconds: 0, milliseconds: 0 }).getTime(),
    (eh === 24
      ? addDays(day, 1)
      : set(day, { hours: eh, minutes: em, seconds: 0, milliseconds: 0 })
    ).getTime(),
  ]);
}

/** The local midnight of a date and its working intervals, as instants. */
type Day = { start: number; intervals: [number, number][] };
type DayIntervals = (y: number, m: number, d: number) => Day;

function buildDay(y: number, m: number, d: number): Day {
  const midnight = startOfDay(new TZDate(y, m, d, ZONE));
  return { start: midnight.getTime(), intervals: naiveIntervals(midnight) };
}

/** Rebuilds a date's intervals every time it is asked. */
const rebuilt: DayIntervals = buildDay;

const memo = new Map<string, Day>();
/** Builds a date's intervals once. */
const memoised: DayIntervals = (y, m, d) => {
  const key = `${y}-${m}-${d}`;
  let day = memo.get(key);
  if (!day) {
    day = buildDay(y, m, d);
    memo.set(key, day);
  }
  return day;
};

/** Walks local dates from the date of `t`; the calendar date is stepped in UTC so no zone is involved. */
function* localDates(t: number): Generator<[number, number, number]> {
  const local = new TZDate(t, ZONE);
  let date = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  for (;;) {
    const day = new Date(date);
    yield [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
    date = addDays(day, 1).getTime();
  }
}

function naiveAddBusinessHours(intervalsOf: DayIntervals, start: Date, hours: number): Date {
  let remaining = Math.round(hours * HOUR);
  const cursor = start.getTime();
  let days = 0;
  for (const [y, m, d] of localDates(cursor)) {
    for (const [from, to] of intervalsOf(y, m, d).intervals) {
      const s = Math.max(from, cursor);
      if (to <= s) continue;
      if (remaining <= to - s) return new Date(s + remaining);
      remaining -= to - s;
    }
    if (++days > 1000) break;
  }
  throw new Error('no working time within 1000 days');
}

function naiveBusinessTimeBetween(intervalsOf: DayIntervals, from: Date, to: Date): number {
  let sum = 0;
  const a = from.getTime();
  const b = to.getTime();
  for (const [y, m, d] of localDates(a)) {
    const day = intervalsOf(y, m, d);
    if (day.start >= b) break;
    for (const [s, e] of day.intervals) sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return sum;
}

// --- the cases -------------------------------------------------------------------------------------------------

function verify(
  label: string,
  count: number,
  naive: (i: number) => number,
  sdk: (i: number) => number,
): void {
  for (let i = 0; i < count; i++) {
    const expected = naive(i);
    const actual = sdk(i);
    if (expected !== actual)
      throw new Error(`${label}: item ${i} differs: baseline ${expected}, SDK ${actual}`);
  }
}

/** `n` instants over 2025-01-01 – 2027-11-30, each with 1–40 business hours (to the minute). */
function addHoursInputs(n: number, seed: number): { starts: Date[]; hours: Float64Array } {
  const next = random(seed);
  const starts = Array.from({ length: n }, () => new Date(FROM + Math.floor(next() * (TO - FROM))));
  const hours = Float64Array.from({ length: n }, () => (60 + Math.floor(next() * 2341)) / 60);
  return { starts, hours };
}

function addHoursCase(
  n: number,
  intervalsOf: DayIntervals,
  label: string,
  withColdCandidate: boolean,
): BenchCase {
  let input: { starts: Date[]; hours: Float64Array } = { starts: [], hours: new Float64Array(0) };
  let out = new Float64Array(0);
  let warm = createBusinessCalendar(definition);
  const run = (calendar: BusinessCalendar) => {
    const { starts, hours } = input;
    for (let i = 0; i < n; i++)
      out[i] = addBusinessHours(calendar, starts[i] as Date, hours[i] ?? 0).getTime();
    return out[n - 1];
  };
  const candidates = [{ name: 'SDK addBusinessHours (warm calendar)', fn: () => run(warm) }];
  if (withColdCandidate) {
    candidates.push({
      name: 'SDK addBusinessHours (calendar built per run)',
      fn: () => run(createBusinessCalendar(definition)),
    });
  }
  return {
    name: `addBusinessHours over ${n.toLocaleString('en-US')} instants${label}`,
    itemsPerOp: n,
    unit: 'instant',
    iterations: 2,
    time: 200,
    setup: () => {
      input = addHoursInputs(n, 20_260_302);
      out = new Float64Array(n);
      warm = createBusinessCalendar(definition);
      const { starts, hours } = input;
      verify(
        'addBusinessHours',
        Math.min(n, 20_000),
        (i) => naiveAddBusinessHours(intervalsOf, starts[i] as Date, hours[i] ?? 0).getTime(),
        (i) => addBusinessHours(warm, starts[i] as Date, hours[i] ?? 0).getTime(),
      );
    },
    teardown: () => {
      input = { starts: [], hours: new Float64Array(0) };
      out = new Float64Array(0);
    },
    baseline: {
      name: `date-fns + TZDate, day by day, ${intervalsOf === memoised ? 'memoised' : 'rebuilt'} day intervals`,
      fn: () => {
        const { starts, hours } = input;
        for (let i = 0; i < n; i++) {
          out[i] = naiveAddBusinessHours(intervalsOf, starts[i] as Date, hours[i] ?? 0).getTime();
        }
        return out[n - 1];
      },
    },
    candidates,
  };
}

function betweenCase(n: number): BenchCase {
  let from: Date[] = [];
  let to: Date[] = [];
  let out = new Float64Array(0);
  let warm = createBusinessCalendar(definition);
  return {
    name: `businessTimeBetween over ${n.toLocaleString('en-US')} pairs up to 14 days apart`,
    itemsPerOp: n,
    unit: 'pair',
    iterations: 2,
    time: 200,
    setup: () => {
      const next = random(20_261_023);
      from = Array.from({ length: n }, () => new Date(FROM + Math.floor(next() * (TO - FROM))));
      to = from.map((f) => new Date(f.getTime() + Math.floor(next() * 14 * 24 * HOUR)));
      out = new Float64Array(n);
      warm = createBusinessCalendar(definition);
      verify(
        'businessTimeBetween',
        Math.min(n, 20_000),
        (i) => naiveBusinessTimeBetween(memoised, from[i] as Date, to[i] as Date),
        (i) => businessTimeBetween(warm, from[i] as Date, to[i] as Date),
      );
    },
    teardown: () => {
      from = [];
      to = [];
      out = new Float64Array(0);
    },
    baseline: {
      name: 'date-fns + TZDate, day by day, memoised day intervals',
      fn: () => {
        for (let i = 0; i < n; i++)
          out[i] = naiveBusinessTimeBetween(memoised, from[i] as Date, to[i] as Date);
        return out[n - 1];
      },
    },
    candidates: [
      {
        name: 'SDK businessTimeBetween (warm calendar)',
        fn: () => {
          for (let i = 0; i < n; i++) out[i] = businessTimeBetween(warm, from[i] as Date, to[i] as Date);
          return out[n - 1];
        },
      },
    ],
  };
}

export default defineBenchSuite({
  name: 'core',
  cases: async () => [
    addHoursCase(benchSize(1_000_000), memoised, '', true),
    addHoursCase(benchSize(2_000, 50), rebuilt, ', day intervals rebuilt per visit', false),
    betweenCase(benchSize(100_000)),
  ],
});
