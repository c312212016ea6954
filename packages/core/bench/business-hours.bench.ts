/**
 * Business-hours arithmetic on a split-shift Hungarian calendar with holidays and swapped days.
 *
 * Baselines: what a developer writes with date-fns and @date-fns/tz — per instant, walk day by day from the local
 * day of the start, taking each day's intervals from `TZDate`s built with `set`/`startOfDay`/`addDays`.
 * - the fair baseline (`createFairCalendar`): each date's intervals are built once and kept by day number, and the
 *   local date of an instant is told by those midnights, so no zone conversion runs per instant;
 * - "rebuilt" (a labelled strawman, on fewer instants): the intervals are rebuilt for every day visited and the
 *   local date found with `new TZDate(t, zone)` — what the memo is worth (`TZDate` arithmetic costs tens of
 *   microseconds, so this would take over twenty minutes for a million instants).
 * Candidates: the SDK with a warm calendar (its interval cache built by the run before) and with a calendar built
 * inside each run (compile and cache fill included). Every case first checks that baseline and SDK agree.
 */
import { type BenchCase, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import {
  addBusinessHours,
  type BusinessCalendar,
  businessTimeBetween,
  createBusinessCalendar,
} from '../src/kernel/business-calendar';
import {
  createFairCalendar,
  createRebuildingCalendar,
  type NaiveCalendar,
  random,
  splitShiftDefinition,
} from './fixtures/naive-calendar';

const HOUR = 3_600_000;
const definition = splitShiftDefinition;

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2027, 10, 30);

// --- the baselines (fixtures/naive-calendar.ts) ----------------------------------------------------------------

const fair = createFairCalendar();
const rebuilt = createRebuildingCalendar();

function naiveAddBusinessHours(baseline: NaiveCalendar, start: Date, hours: number): Date {
  return new Date(baseline.add(start.getTime(), Math.round(hours * HOUR)));
}

function naiveBusinessTimeBetween(baseline: NaiveCalendar, from: Date, to: Date): number {
  return baseline.between(from.getTime(), to.getTime());
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
  intervalsOf: NaiveCalendar,
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
      name: `date-fns + TZDate, day by day, ${intervalsOf === fair ? 'each date built once (fair baseline)' : 'day intervals rebuilt per visit (strawman)'}`,
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
        (i) => naiveBusinessTimeBetween(fair, from[i] as Date, to[i] as Date),
        (i) => businessTimeBetween(warm, from[i] as Date, to[i] as Date),
      );
    },
    teardown: () => {
      from = [];
      to = [];
      out = new Float64Array(0);
    },
    baseline: {
      name: 'date-fns + TZDate, day by day, each date built once (fair baseline)',
      fn: () => {
        for (let i = 0; i < n; i++) out[i] = naiveBusinessTimeBetween(fair, from[i] as Date, to[i] as Date);
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
    addHoursCase(benchSize(1_000_000), fair, '', true),
    addHoursCase(benchSize(2_000, 50), rebuilt, ', day intervals rebuilt per visit', false),
    betweenCase(benchSize(100_000)),
  ],
});
