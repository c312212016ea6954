import { type DurationHistogram, emptyHistogram, mergeHistograms } from './duration-histogram';
import { emptyKpiTotals, type KpiGroupKey, type KpiPartial, type KpiTotals } from './kpi-partial';

const addArrays = (a: readonly number[], b: readonly number[]) => a.map((n, i) => n + (b[i] ?? 0));

/**
 * The sum of two groups' totals (a new object): every count, sum and histogram bucket added.
 * @category KPIs
 */
export function mergeKpiTotals(a: KpiTotals, b: KpiTotals): KpiTotals {
  const c = a.contacts;
  const d = b.contacts;
  return {
    contacts: {
      offered: c.offered + d.offered,
      answered: c.answered + d.answered,
      answeredWait: mergeHistograms(c.answeredWait, d.answeredWait),
      abandoned: c.abandoned + d.abandoned,
      abandonedWait: mergeHistograms(c.abandonedWait, d.abandonedWait),
      handled: c.handled + d.handled,
      talkMs: c.talkMs + d.talkMs,
      holdMs: c.holdMs + d.holdMs,
      wrapUpMs: c.wrapUpMs + d.wrapUpMs,
      resolved: c.resolved + d.resolved,
      escalated: c.escalated + d.escalated,
      resolvedWithoutEscalation: c.resolvedWithoutEscalation + d.resolvedWithoutEscalation,
    },
    firstContact: {
      eligible: a.firstContact.eligible + b.firstContact.eligible,
      met: a.firstContact.met + b.firstContact.met,
      pending: a.firstContact.pending + b.firstContact.pending,
    },
    agents: {
      availableMs: a.agents.availableMs + b.agents.availableMs,
      onCallMs: a.agents.onCallMs + b.agents.onCallMs,
      wrapUpMs: a.agents.wrapUpMs + b.agents.wrapUpMs,
      breakMs: a.agents.breakMs + b.agents.breakMs,
    },
    tickets: {
      opened: a.tickets.opened + b.tickets.opened,
      resolved: a.tickets.resolved + b.tickets.resolved,
      resolvedEscalated: a.tickets.resolvedEscalated + b.tickets.resolvedEscalated,
      closed: a.tickets.closed + b.tickets.closed,
    },
    surveys: {
      csat: addArrays(a.surveys.csat, b.surveys.csat),
      nps: addArrays(a.surveys.nps, b.surveys.nps),
      ces: addArrays(a.surveys.ces, b.surveys.ces),
    },
  };
}

const ZERO = emptyKpiTotals();

/** A copy of `totals` (every count, sum and bucket), without `structuredClone`'s serialisation. @internal */
export function cloneKpiTotals(totals: KpiTotals): KpiTotals {
  return mergeKpiTotals(totals, ZERO);
}

/** A copy of a group: its key (with its period) and its totals. @internal */
export function cloneKpiGroup<G extends { key: KpiGroupKey; totals: KpiTotals }>(group: G): G {
  const key = group.key.period ? { ...group.key, period: { ...group.key.period } } : { ...group.key };
  return { ...group, key, totals: cloneKpiTotals(group.totals) };
}

/**
 * One group of a partial, ready for the KPI functions: its key, its totals, and its part of the backlog
 * snapshot (`null` when the partial holds no snapshot).
 * @category KPIs
 */
export interface KpiGroup {
  key: KpiGroupKey;
  totals: KpiTotals;
  backlog: KpiBacklogFigures | null;
}

/**
 * The backlog of a group at `asOf`: open tickets and their ages (see `DurationHistogram`).
 * @category KPIs
 */
export interface KpiBacklogFigures {
  asOf: string;
  count: number;
  age: DurationHistogram;
}

/**
 * Every group of a partial with its totals and backlog, sorted by key (periods in time order).
 * @example
 * for (const { key, totals } of kpiGroups(partial)) console.log(key.period?.start, key.queue, answerRate(totals))
 * @category KPIs
 */
export function kpiGroups(partial: KpiPartial): KpiGroup[] {
  const keys = new Set([...Object.keys(partial.groups), ...Object.keys(partial.backlog.groups)]);
  const asOf = partial.backlog.asOf;
  return [...keys].sort().map((id) => {
    const group = partial.groups[id];
    const backlog = partial.backlog.groups[id];
    return {
      key: group?.key ?? backlog?.key ?? {},
      totals: group?.totals ?? emptyKpiTotals(),
      backlog:
        asOf === null ? null : { asOf, count: backlog?.count ?? 0, age: backlog?.age ?? emptyHistogram() },
    };
  });
}

/**
 * The totals (and backlog) of the groups of a partial that match `where` (all groups when left out), added into
 * one — e.g. a whole day from its 15-minute groups, or one queue across agents. An empty selection gives zero
 * totals, for which every KPI is defined (mostly `null`).
 * @example
 * const billing = kpiTotals(partial, (key) => key.queue === 'billing');
 * serviceLevel(billing.totals, { thresholdSeconds: 20, variant: 'answered-and-abandoned' })
 * @category KPIs
 */
export function kpiTotals(
  partial: KpiPartial,
  where: (key: KpiGroupKey) => boolean = () => true,
): Omit<KpiGroup, 'key'> {
  let totals = emptyKpiTotals();
  let count = 0;
  let age = emptyHistogram();
  for (const group of kpiGroups(partial)) {
    if (!where(group.key)) continue;
    totals = mergeKpiTotals(totals, group.totals);
    if (group.backlog) {
      count += group.backlog.count;
      age = mergeHistograms(age, group.backlog.age);
    }
  }
  const asOf = partial.backlog.asOf;
  return { totals, backlog: asOf === null ? null : { asOf, count, age } };
}
