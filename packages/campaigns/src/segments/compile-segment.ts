import { BUDAPEST, Instant, parseInput } from '@frontline/core';
import { z } from 'zod';
import { localDateOf } from '../calendar/local-date-of';
import type { SegmentCondition } from './segment-condition';
import { SegmentFilter } from './segment-filter';
import type { SegmentProfile } from './segment-profile';
import { tenureOn } from './tenure-on';

/**
 * When a segment is evaluated: `asOf`, the instant "now" for tenure, age and recency (from the `Clock` port,
 * never read by the SDK itself). Tenure and age count calendar dates in the profile's time zone
 * (`Europe/Budapest` when absent).
 * @category Segments
 */
export const SegmentMatchOptions = z.strictObject({ asOf: Instant });
/** The options as given (`asOf` a `Date` or an ISO string). @category Segments */
export type SegmentMatchOptionsInput = z.input<typeof SegmentMatchOptions>;

/**
 * A compiled segment: true when a profile is in the segment as of an instant. It does not validate the
 * profile (parse profiles with {@link SegmentProfile} where they enter the system); it validates `asOf`.
 * @category Segments
 */
export type SegmentPredicate = (profile: SegmentProfile, options: SegmentMatchOptionsInput) => boolean;

const DAY_MS = 86_400_000;

/** What a predicate needs to know about the as-of instant, computed once per instant (and zone). */
interface AsOf {
  readonly ms: number;
  dateIn(timeZone: string | undefined): string;
}

type Test = (p: SegmentProfile, asOf: AsOf) => boolean;

function compileCondition(c: SegmentCondition): Test {
  const field = c.field;
  if (c.op === 'exists') {
    const want = c.value;
    return (p) => (p[field] !== undefined) === want;
  }
  switch (c.field) {
    case 'tags':
    case 'segmentTags': {
      const f = c.field;
      if (c.op === 'hasTag') {
        const tag = c.tag;
        return (p) => p[f].includes(tag);
      }
      const tags = [...c.tags];
      return c.op === 'hasAllTags'
        ? (p) => tags.every((t) => p[f].includes(t))
        : (p) => tags.some((t) => p[f].includes(t));
    }
    case 'lastContactAt': {
      const days = c.days;
      const within = c.op === 'within';
      return (p, asOf) => {
        const at = p.lastContactAt;
        if (at === undefined) return false;
        return at.getTime() >= asOf.ms - days * DAY_MS === within;
      };
    }
    case 'value': {
      if (c.op !== 'range') break;
      const { currency, min = -Infinity, max = Infinity } = c;
      return (p) =>
        p.value !== undefined &&
        p.value.currency === currency &&
        p.value.amount >= min &&
        p.value.amount <= max;
    }
    case 'contactCount': {
      if (c.op === 'eq') {
        const v = c.value;
        return (p) => p.contactCount === v;
      }
      if (c.op !== 'range') break;
      const { min = -Infinity, max = Infinity } = c;
      return (p) => p.contactCount !== undefined && p.contactCount >= min && p.contactCount <= max;
    }
    case 'birthDate':
    case 'customerSince':
    case 'contractStart': {
      const f = c.field;
      if (c.op === 'range') {
        const { from = '', to = '\uffff' } = c;
        return (p) => {
          const d = p[f];
          return d !== undefined && d >= from && d <= to;
        };
      }
      if (c.op !== 'tenure') break;
      const { unit, min = 0, max = Infinity } = c;
      return (p, asOf) => {
        const d = p[f];
        if (d === undefined) return false;
        const today = asOf.dateIn(p.timeZone);
        if (d > today) return false;
        const t = tenureOn(d, today, unit);
        return t >= min && t <= max;
      };
    }
    default: {
      const f = c.field;
      if (c.op === 'eq') {
        const v = c.value;
        return (p) => p[f] === v;
      }
      if (c.op !== 'in') break;
      const values = new Set<string>(c.values);
      return (p) => {
        const v = p[f];
        return v !== undefined && values.has(v);
      };
    }
  }
  // A validated filter never gets here: the schema allows only the operators handled above.
  const unhandled = c as SegmentCondition;
  throw new Error(`Unhandled segment condition ${unhandled.field} ${unhandled.op}`);
}

function compileNode(f: SegmentFilter): Test {
  if ('all' in f) {
    const parts = f.all.map(compileNode);
    return (p, a) => parts.every((t) => t(p, a));
  }
  if ('any' in f) {
    const parts = f.any.map(compileNode);
    return (p, a) => parts.some((t) => t(p, a));
  }
  if ('not' in f) {
    const part = compileNode(f.not);
    return (p, a) => !part(p, a);
  }
  return compileCondition(f);
}

function asOfFor(ms: number): AsOf {
  const dates = new Map<string, string>();
  const instant = new Date(ms);
  return {
    ms,
    dateIn(timeZone = BUDAPEST) {
      let date = dates.get(timeZone);
      if (date === undefined) {
        date = localDateOf(instant, timeZone);
        dates.set(timeZone, date);
      }
      return date;
    },
  };
}

/**
 * Validates a segment filter once and turns it into a fast predicate over profiles. The predicate keeps the
 * last as-of instant's local dates per time zone, so evaluating a base of profiles for one instant costs
 * one date computation per zone.
 * @throws ValidationError naming the path of every bad node (see {@link SegmentFilter}).
 * @example
 * const isLoyal = compileSegment({ field: 'customerSince', op: 'tenure', unit: 'years', min: 5 });
 * const audience = profiles.filter((p) => isLoyal(p, { asOf: clock.now() }));
 * @category Segments
 */
export function compileSegment(filter: unknown): SegmentPredicate {
  const test = compileNode(parseInput(SegmentFilter, filter, 'segment filter', ['filter']));
  let last: AsOf | undefined;
  return (profile, options) => {
    const asOf = options?.asOf;
    const ms =
      asOf instanceof Date && !Number.isNaN(asOf.getTime())
        ? asOf.getTime()
        : parseInput(SegmentMatchOptions, options, 'segment options', ['options']).asOf.getTime();
    if (last?.ms !== ms) last = asOfFor(ms);
    return test(profile, last);
  };
}
