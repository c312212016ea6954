/**
 * SLA due instants for 1,000,000 running tickets on a split-shift Hungarian calendar (holidays and swapped working
 * Saturdays included). Each ticket has a target (first response or resolution) whose budget its priority sets; about
 * a third of them were pending on the customer once, so their clock ran in two segments.
 *
 * Baseline: what a developer writes with date-fns and @date-fns/tz — add up the business time of the closed
 * segments, then walk forward from the open segment interval by interval until the rest of the budget is used,
 * each local date's intervals built with `TZDate`/`startOfDay`/`set` and memoised by date (the first optimisation
 * anyone makes; without it a million tickets take tens of minutes).
 * Candidates: the SDK's `slaClockReaches` on clocks as a ticket stores them (business time of the closed segments
 * cached in `consumedMs`), and on clocks replayed from the raw instants (`startSlaClock` → `pauseSlaClock` →
 * `resumeSlaClock`, so the closed segments are measured in the run too). The three must agree on a sample of
 * 20,000 tickets before anything is timed.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, getDay, lightFormat, set, startOfDay } from 'date-fns';
import { type BenchCase, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { type BusinessCalendar, createBusinessCalendar } from '../src/kernel/business-calendar';
import { WEEKDAYS } from '../src/kernel/business-calendar-definition';
import { hungarianCalendarDefinition } from '../src/kernel/business-calendar-hungary';
import {
  pauseSlaClock,
  resumeSlaClock,
  type SlaClock,
  slaClockReaches,
  startSlaClock,
} from '../src/tickets/sla-clock';

const ZONE = 'Europe/Budapest';
const MINUTE = 60_000;
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

/** Budgets in business minutes: [first response, resolution] by priority (urgent, high, normal, low). */
const BUDGET_MINUTES: readonly (readonly [number, number])[] = [
  [30, 240],
  [60, 480],
  [120, 960],
  [240, 2400],
];

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

// --- the baseline: the straightforward date-fns way -------------------------------------------------------------

type Hm = [startHour: number, startMinute: number, endHour: number, endMinute: number];
const parse = (start: string, end: string): Hm => [...start.split(':'), ...end.split(':')].map(Number) as Hm;
/** getDay() order: Sunday first. */
const weekly: Hm[][] = [6, 0, 1, 2, 3, 4, 5].map((i) =>
  (definition.hours[WEEKDAYS[i] ?? 'monday'] ?? []).map((h) => parse(h.start, h.end)),
);
const holidays = new Set(definition.holidays);
const extraDays = new Map(
  definition.extraWorkingDays.map((d) => [
    d.date,
    typeof d.hours === 'string'
      ? (weekly[(WEEKDAYS.indexOf(d.hours) + 1) % 7] ?? [])
      : d.hours.map((h) => parse(h.start, h.end)),
  ]),
);

/** A local date: its midnight and its working intervals, as instants. */
interface Day {
  start: number;
  intervals: [number, number][];
}

const memo = new Map<string, Day>();

function dayIntervals(y: number, m: number, d: number): Day {
  const key = `${y}-${m}-${d}`;
  let day = memo.get(key);
  if (!day) {
    const midnight = startOfDay(new TZDate(y, m, d, ZONE));
    const date = lightFormat(midnight, 'yyyy-MM-dd');
    const hours = extraDays.get(date) ?? (holidays.has(date) ? [] : (weekly[getDay(midnight)] ?? []));
    day = {
      start: midnight.getTime(),
      intervals: hours.map(([sh, sm, eh, em]) => [
        set(midnight, { hours: sh, minutes: sm, seconds: 0, milliseconds: 0 }).getTime(),
        (eh === 24
          ? addDays(midnight, 1)
          : set(midnight, { hours: eh, minutes: em, seconds: 0, milliseconds: 0 })
        ).getTime(),
      ]),
    };
    memo.set(key, day);
  }
  return day;
}

/** The local dates from the one holding `t` onwards (stepped in UTC, so no zone is involved in the stepping). */
function* localDays(t: number): Generator<Day> {
  const local = new TZDate(t, ZONE);
  let date = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  for (let n = 0; n < 1000; n++) {
    const d = new Date(date);
    yield dayIntervals(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    date = addDays(d, 1).getTime();
  }
  throw new Error('no working time within 1000 days');
}

function naiveBetween(a: number, b: number): number {
  let sum = 0;
  for (const day of localDays(a)) {
    if (day.start >= b) break;
    for (const [s, e] of day.intervals) sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return sum;
}

/** The earliest instant by which `ms > 0` of working time has passed since `t`. */
function naiveAdd(t: number, ms: number): number {
  let remaining = ms;
  for (const day of localDays(t)) {
    for (const [from, to] of day.intervals) {
      const s = Math.max(from, t);
      if (to <= s) continue;
      if (remaining <= to - s) return s + remaining;
      remaining -= to - s;
    }
  }
  throw new Error('unreachable');
}

/** The due instant of a ticket whose clock ran in `[open, pause)` and `[resume, …)` (or from `open` only). */
function naiveDue(open: number, pause: number, resume: number, budget: number): number {
  if (Number.isNaN(pause)) return naiveAdd(open, budget);
  const before = naiveBetween(open, pause);
  if (before >= budget) return naiveAdd(open, budget);
  return naiveAdd(resume, budget - before);
}

// --- inputs ------------------------------------------------------------------------------------------------------

interface Tickets {
  open: Float64Array;
  /** NaN when the ticket was never pending. */
  pause: Float64Array;
  resume: Float64Array;
  budget: Float64Array;
  /** The clocks as stored on the tickets. */
  clocks: SlaClock[];
}

const FROM = Date.UTC(2026, 0, 5);
const TO = Date.UTC(2026, 10, 30);

function makeTickets(n: number, calendar: BusinessCalendar): Tickets {
  const next = random(20_260_302);
  const open = new Float64Array(n);
  const pause = new Float64Array(n);
  const resume = new Float64Array(n);
  const budget = new Float64Array(n);
  const clocks: SlaClock[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = next();
    const priority = r < 0.1 ? 0 : r < 0.3 ? 1 : r < 0.85 ? 2 : 3;
    budget[i] = (BUDGET_MINUTES[priority]?.[next() < 0.5 ? 0 : 1] ?? 60) * MINUTE;
    open[i] = FROM + Math.floor((next() * (TO - FROM)) / MINUTE) * MINUTE;
    let clock = startSlaClock(new Date(open[i]!));
    if (next() < 0.35) {
      pause[i] = open[i]! + Math.floor(next() * 6 * 60) * MINUTE + MINUTE;
      resume[i] = pause[i]! + Math.floor(next() * 72 * 60) * MINUTE;
      clock = resumeSlaClock(pauseSlaClock(clock, new Date(pause[i]!), calendar), new Date(resume[i]!));
    } else {
      pause[i] = Number.NaN;
      resume[i] = Number.NaN;
    }
    clocks[i] = clock;
  }
  return { open, pause, resume, budget, clocks };
}

function replayed(t: Tickets, i: number, calendar: BusinessCalendar): SlaClock {
  const clock = startSlaClock(new Date(t.open[i]!));
  const pause = t.pause[i]!;
  if (Number.isNaN(pause)) return clock;
  return resumeSlaClock(pauseSlaClock(clock, new Date(pause), calendar), new Date(t.resume[i]!));
}

function dueCase(n: number): BenchCase {
  let calendar = createBusinessCalendar(definition);
  let tickets: Tickets = {
    open: new Float64Array(0),
    pause: new Float64Array(0),
    resume: new Float64Array(0),
    budget: new Float64Array(0),
    clocks: [],
  };
  let out = new Float64Array(0);
  return {
    name: `SLA due instants for ${n.toLocaleString('en-US')} tickets (split shifts, Hungarian holidays, 35 % paused once)`,
    itemsPerOp: n,
    unit: 'ticket',
    iterations: 2,
    time: 200,
    setup: () => {
      calendar = createBusinessCalendar(definition);
      tickets = makeTickets(n, calendar);
      out = new Float64Array(n);
      const sample = Math.min(n, 20_000);
      for (let i = 0; i < sample; i++) {
        const budget = tickets.budget[i]!;
        const expected = naiveDue(tickets.open[i]!, tickets.pause[i]!, tickets.resume[i]!, budget);
        const stored = slaClockReaches(tickets.clocks[i]!, calendar, budget)?.getTime();
        const replay = slaClockReaches(replayed(tickets, i, calendar), calendar, budget)?.getTime();
        if (stored !== expected || replay !== expected) {
          throw new Error(`ticket ${i}: baseline ${expected}, SDK stored ${stored}, SDK replayed ${replay}`);
        }
      }
    },
    teardown: () => {
      tickets = {
        open: new Float64Array(0),
        pause: new Float64Array(0),
        resume: new Float64Array(0),
        budget: new Float64Array(0),
        clocks: [],
      };
      out = new Float64Array(0);
    },
    baseline: {
      name: 'date-fns + TZDate, interval-by-interval walk, memoised day intervals',
      fn: () => {
        const { open, pause, resume, budget } = tickets;
        for (let i = 0; i < n; i++) out[i] = naiveDue(open[i]!, pause[i]!, resume[i]!, budget[i]!);
        return out[n - 1];
      },
    },
    candidates: [
      {
        name: 'SDK slaClockReaches on stored clocks (warm calendar)',
        fn: () => {
          const { clocks, budget } = tickets;
          for (let i = 0; i < n; i++)
            out[i] = slaClockReaches(clocks[i]!, calendar, budget[i]!)?.getTime() ?? Number.NaN;
          return out[n - 1];
        },
      },
      {
        name: 'SDK clocks replayed from instants + slaClockReaches',
        fn: () => {
          for (let i = 0; i < n; i++) {
            out[i] =
              slaClockReaches(replayed(tickets, i, calendar), calendar, tickets.budget[i]!)?.getTime() ??
              Number.NaN;
          }
          return out[n - 1];
        },
      },
    ],
  };
}

export default defineBenchSuite({
  name: 'core',
  cases: async () => [dueCase(benchSize(1_000_000))],
});
