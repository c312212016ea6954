import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { BUDAPEST, TimeZone } from '../kernel/time-zone';
import { DurationHistogram, emptyHistogram } from './duration-histogram';
import { KpiPeriodGrain } from './kpi-period';

/**
 * A dimension KPI rows can be grouped by besides the period.
 * @category KPIs
 */
export const KpiDimension = z.enum(['agent', 'queue', 'channel', 'category']);
/** @category KPIs */
export type KpiDimension = z.infer<typeof KpiDimension>;

/**
 * How a partial groups its rows; partials merge only when they were built with the same grouping.
 * - `period` — the reporting period (`null`: no period dimension), in `timeZone` (default `Europe/Budapest`);
 * - `by` — further dimensions, in any order (kept sorted);
 * - `recontactWindowHours` — first-contact resolution: a resolved contact counts only when the same customer
 *   does not contact us again within this many hours (default 168, one week).
 * @category KPIs
 */
export const KpiGrouping = z.strictObject({
  period: KpiPeriodGrain.nullable().default('day'),
  timeZone: TimeZone.default(BUDAPEST),
  by: z
    .array(KpiDimension)
    .max(4)
    .default([])
    .refine((dims) => new Set(dims).size === dims.length, 'A dimension is named once')
    .transform((dims) => [...dims].sort()),
  recontactWindowHours: z
    .int()
    .min(1)
    .max(90 * 24)
    .default(168),
});
/** @category KPIs */
export type KpiGrouping = z.output<typeof KpiGrouping>;
/** @category KPIs */
export type KpiGroupingInput = z.input<typeof KpiGrouping>;

const Count = z.int().min(0);
const Ms = z.int().min(0);
const Label = z.string().nullable();

/**
 * The values of one group's dimensions: `period` (ISO instants) when grouped by period, and each dimension of
 * `by` (`null` where the row has none, e.g. the agent of an abandoned call).
 * @category KPIs
 */
export const KpiGroupKey = z.strictObject({
  period: z.strictObject({ start: z.iso.datetime(), end: z.iso.datetime() }).optional(),
  agent: Label.optional(),
  queue: Label.optional(),
  channel: Label.optional(),
  category: Label.optional(),
});
/** @category KPIs */
export type KpiGroupKey = z.output<typeof KpiGroupKey>;

/**
 * The counts and sums of one group: a fixed set of numbers and histograms (constant memory).
 * Contact figures (`offered`, `answered`, `abandoned`, the waits) are about **inbound** contacts; `handled`
 * and the handling times about every answered contact, inbound or outbound. Survey answers are counted by
 * score: `csat[0]` is the number of 1s, `nps[0]` of 0s, `ces[0]` of 1s.
 * @category KPIs
 */
export const KpiTotals = z.strictObject({
  contacts: z.strictObject({
    /** Inbound contacts offered. */
    offered: Count,
    /** …of them answered, with their waits (offered → answered). */
    answered: Count,
    answeredWait: DurationHistogram,
    /** …of them abandoned, with the time the customer waited before giving up (offered → abandoned). */
    abandoned: Count,
    abandonedWait: DurationHistogram,
    /** Contacts answered, either direction, with their talk (without hold), hold and wrap-up times. */
    handled: Count,
    talkMs: Ms,
    holdMs: Ms,
    wrapUpMs: Ms,
    /** Handled contacts resolved, escalated to L2, and resolved without escalation. */
    resolved: Count,
    escalated: Count,
    resolvedWithoutEscalation: Count,
  }),
  /** First-contact resolution of inbound answered contacts of known customers. */
  firstContact: z.strictObject({
    /** Counted contacts. */
    eligible: Count,
    /** Resolved and not followed by a contact of the same customer within the window. */
    met: Count,
    /** Resolved, and the window is still open: not decided yet (see `settleFirstContacts`). */
    pending: Count,
  }),
  /** Agent state time. */
  agents: z.strictObject({ availableMs: Ms, onCallMs: Ms, wrapUpMs: Ms, breakMs: Ms }),
  tickets: z.strictObject({
    opened: Count,
    resolved: Count,
    /** Resolved tickets that had reached L2. */
    resolvedEscalated: Count,
    closed: Count,
  }),
  surveys: z.strictObject({
    csat: z.array(Count).length(5),
    nps: z.array(Count).length(11),
    ces: z.array(Count).length(7),
  }),
});
/** @category KPIs */
export type KpiTotals = z.output<typeof KpiTotals>;

/**
 * Tickets open at an instant (`asOf`, ISO), with their ages, per group. A snapshot, not a flow: partials with
 * the same `asOf` add up (shards, queues); of different `asOf`, the later wins (a month's roll-up of daily
 * partials shows the backlog at its last snapshot).
 * @category KPIs
 */
export const KpiBacklog = z.strictObject({
  asOf: z.iso.datetime().nullable(),
  groups: z.record(z.string(), z.strictObject({ key: KpiGroupKey, count: Count, age: DurationHistogram })),
});
/** @category KPIs */
export type KpiBacklog = z.output<typeof KpiBacklog>;

/**
 * A customer's inbound contacts as first-contact resolution needs them: a maximal run of contacts each within
 * the re-contact window of the one before (`start`, `end` in epoch milliseconds), and the group keys of the
 * resolved contacts at `end` whose window is still open (decided when another partial or
 * `settleFirstContacts` shows whether the customer came back).
 * @category KPIs
 */
export const ContactRun = z
  .strictObject({ start: z.int(), end: z.int(), pending: z.array(z.string()) })
  .refine((run) => run.start <= run.end, { message: 'A run ends before it starts', path: ['end'] });
/** @category KPIs */
export type ContactRun = z.output<typeof ContactRun>;

/**
 * A record keyed by customer id, read into an object without a prototype: `z.record` assigns keys to a plain
 * object, where a customer id `__proto__` would set the prototype instead of a key.
 */
function customerRecord<V extends z.ZodType>(value: V) {
  return z.unknown().transform((input, ctx): Record<string, z.output<V>> => {
    const out = Object.create(null) as Record<string, z.output<V>>;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: 'Expected an object of runs by customer id' });
      return out;
    }
    for (const key of Object.keys(input)) {
      const parsed = value.safeParse((input as Record<string, unknown>)[key]);
      if (parsed.success) out[key] = parsed.data;
      else
        for (const issue of parsed.error.issues)
          ctx.addIssue({ ...issue, path: [key, ...issue.path] } as never);
    }
    return out;
  });
}

/**
 * A mergeable KPI partial: a plain, JSON-serialisable object built in one pass over rows (`kpiPartialOf`) and
 * combined with `mergeKpiPartials` across periods, shards and workers. Read a stored one back with
 * {@link parseKpiPartial}.
 *
 * `groups` and `backlog` take constant memory per group. `firstContact` keeps, per customer, the runs of
 * contacts whose re-contact window may still be open (see {@link ContactRun}); `settleFirstContacts` decides
 * and drops them once no earlier contact can arrive, so a store of daily roll-ups stays small.
 * @category KPIs
 */
export const KpiPartial = z.strictObject({
  version: z.literal(1),
  grouping: KpiGrouping,
  groups: z.record(z.string(), z.strictObject({ key: KpiGroupKey, totals: KpiTotals })),
  backlog: KpiBacklog,
  firstContact: customerRecord(z.array(ContactRun)),
});
/** @category KPIs */
export type KpiPartial = z.output<typeof KpiPartial>;

/**
 * Reads a stored partial (its JSON parsed) back, checking its shape, or throws a `ValidationError` naming the
 * first bad field. Partials made by this package need no parse; this is for what comes from storage or a wire.
 * @example
 * const day = parseKpiPartial(JSON.parse(row.partial));
 * @category KPIs
 */
export function parseKpiPartial(value: unknown): KpiPartial {
  return parseInput(KpiPartial, value, 'KPI partial');
}

/**
 * An empty first-contact state: an object without a prototype, so a customer id such as `__proto__` or
 * `constructor` is a key like any other. Read another partial's state with `Object.hasOwn`. @internal
 */
export function emptyFirstContactState(): KpiPartial['firstContact'] {
  return Object.create(null) as KpiPartial['firstContact'];
}

/** Totals with every count at zero. @category KPIs */
export function emptyKpiTotals(): KpiTotals {
  return {
    contacts: {
      offered: 0,
      answered: 0,
      answeredWait: emptyHistogram(),
      abandoned: 0,
      abandonedWait: emptyHistogram(),
      handled: 0,
      talkMs: 0,
      holdMs: 0,
      wrapUpMs: 0,
      resolved: 0,
      escalated: 0,
      resolvedWithoutEscalation: 0,
    },
    firstContact: { eligible: 0, met: 0, pending: 0 },
    agents: { availableMs: 0, onCallMs: 0, wrapUpMs: 0, breakMs: 0 },
    tickets: { opened: 0, resolved: 0, resolvedEscalated: 0, closed: 0 },
    surveys: { csat: [0, 0, 0, 0, 0], nps: new Array(11).fill(0), ces: new Array(7).fill(0) },
  };
}
