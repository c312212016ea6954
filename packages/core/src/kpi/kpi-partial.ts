import { z } from 'zod';
import { BUDAPEST, TimeZone } from '../kernel/time-zone';
import { type DurationHistogram, emptyHistogram } from './duration-histogram';
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

/**
 * The values of one group's dimensions: `period` (ISO instants) when grouped by period, and each dimension of
 * `by` (`null` where the row has none, e.g. the agent of an abandoned call).
 * @category KPIs
 */
export interface KpiGroupKey {
  period?: { start: string; end: string };
  agent?: string | null;
  queue?: string | null;
  channel?: string | null;
  category?: string | null;
}

/**
 * The counts and sums of one group: a fixed set of numbers and histograms (constant memory).
 * Contact figures (`offered`, `answered`, `abandoned`, the waits) are about **inbound** contacts; `handled`
 * and the handling times about every answered contact, inbound or outbound.
 * @category KPIs
 */
export interface KpiTotals {
  contacts: {
    /** Inbound contacts offered. */
    offered: number;
    /** …of them answered, with their waits (offered → answered). */
    answered: number;
    answeredWait: DurationHistogram;
    /** …of them abandoned, with the time the customer waited before giving up (offered → abandoned). */
    abandoned: number;
    abandonedWait: DurationHistogram;
    /** Contacts answered, either direction, with their talk (without hold), hold and wrap-up times. */
    handled: number;
    talkMs: number;
    holdMs: number;
    wrapUpMs: number;
    /** Handled contacts resolved, escalated to L2, and resolved without escalation. */
    resolved: number;
    escalated: number;
    resolvedWithoutEscalation: number;
  };
  /** First-contact resolution of inbound answered contacts of known customers. */
  firstContact: {
    /** Counted contacts. */
    eligible: number;
    /** Resolved and not followed by a contact of the same customer within the window. */
    met: number;
    /** Resolved, and the window is still open: not decided yet (see `settleFirstContacts`). */
    pending: number;
  };
  /** Agent state time. */
  agents: { availableMs: number; onCallMs: number; wrapUpMs: number; breakMs: number };
  tickets: {
    opened: number;
    resolved: number;
    /** Resolved tickets that had reached L2. */
    resolvedEscalated: number;
    closed: number;
  };
  /** Answer counts by score: `csat[0]` is the number of 1s, `nps[0]` of 0s, `ces[0]` of 1s. */
  surveys: { csat: number[]; nps: number[]; ces: number[] };
}

/**
 * Tickets open at an instant (`asOf`, ISO), with their ages, per group. A snapshot, not a flow: partials with
 * the same `asOf` add up (shards, queues); of different `asOf`, the later wins (a month's roll-up of daily
 * partials shows the backlog at its last snapshot).
 * @category KPIs
 */
export interface KpiBacklog {
  asOf: string | null;
  groups: Record<string, { key: KpiGroupKey; count: number; age: DurationHistogram }>;
}

/**
 * A customer's inbound contacts as first-contact resolution needs them: maximal runs of contacts each within
 * the re-contact window of the one before (`start`, `end` in epoch milliseconds), and the keys of the groups of
 * resolved contacts at `end` whose window is still open (they are decided when the next partial or
 * `settleFirstContacts` shows whether the customer came back). @internal
 */
export interface ContactRun {
  start: number;
  end: number;
  pending: string[];
}

/**
 * A mergeable KPI partial: a plain, JSON-serialisable object built in one pass over rows and combined with
 * `mergeKpiPartials` across periods, shards and workers.
 *
 * `groups` and `backlog` take constant memory per group. `firstContact` keeps, per customer, the runs of
 * contacts whose re-contact window may still be open (see {@link ContactRun}); `settleFirstContacts` decides
 * and drops them once no earlier contact can arrive, so a store of daily roll-ups stays small.
 * @category KPIs
 */
export interface KpiPartial {
  version: 1;
  grouping: KpiGrouping;
  groups: Record<string, { key: KpiGroupKey; totals: KpiTotals }>;
  backlog: KpiBacklog;
  firstContact: Record<string, ContactRun[]>;
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
