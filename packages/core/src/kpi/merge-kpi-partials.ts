import { ValidationError } from '../errors/frontline-error';
import { emptyHistogram, mergeHistograms } from './duration-histogram';
import { mergeRuns } from './first-contact-runs';
import { emptyFirstContactState, type KpiBacklog, type KpiPartial } from './kpi-partial';
import { recontacted } from './kpi-partial-of';
import { cloneKpiGroup, mergeKpiTotals } from './kpi-totals';

function sameGrouping(a: KpiPartial, b: KpiPartial): boolean {
  const x = a.grouping;
  const y = b.grouping;
  return (
    x.period === y.period &&
    x.timeZone === y.timeZone &&
    x.recontactWindowHours === y.recontactWindowHours &&
    x.by.join() === y.by.join()
  );
}

/**
 * Combines two partials of the same grouping into the partial of all their rows (a new object; neither input
 * changes). Associative and commutative, with `emptyKpiPartial(grouping)` as identity, so partials from any
 * split of the rows (days, shards, workers), merged in any order, equal one pass over all of them:
 * - group totals add count by count and bucket by bucket;
 * - backlog snapshots of the same instant add up; of different instants, the later one is kept whole;
 * - each customer's first-contact runs merge (see `kpiPartialOf`): a pending resolved contact that the other
 *   partial shows was followed by a re-contact within the window is decided as not met.
 *
 * Partials of different groupings are a `ValidationError` at `grouping`.
 * @example
 * const week = days.reduce(mergeKpiPartials, emptyKpiPartial(grouping));
 * @category KPIs
 */
export function mergeKpiPartials(a: KpiPartial, b: KpiPartial): KpiPartial {
  for (const [name, p] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (typeof p !== 'object' || p === null || p.version !== 1 || typeof p.grouping !== 'object') {
      const message = 'Not a KPI partial of version 1 (build one with kpiPartialOf or emptyKpiPartial)';
      throw new ValidationError(`Invalid KPI partial: ${name}: ${message}`, [
        { path: [name], message, code: 'custom' },
      ]);
    }
  }
  if (!sameGrouping(a, b)) {
    const message = 'Partials built with different groupings cannot be merged';
    throw new ValidationError(message, [{ path: ['grouping'], message, code: 'custom' }]);
  }
  const merged: KpiPartial = {
    version: 1,
    grouping: a.grouping,
    groups: {},
    backlog: mergeBacklogs(a.backlog, b.backlog),
    firstContact: emptyFirstContactState(),
  };
  for (const [id, group] of Object.entries(a.groups)) {
    const other = b.groups[id];
    merged.groups[id] = other
      ? { key: group.key, totals: mergeKpiTotals(group.totals, other.totals) }
      : cloneKpiGroup(group);
  }
  for (const [id, group] of Object.entries(b.groups)) {
    if (!(id in merged.groups)) merged.groups[id] = cloneKpiGroup(group);
  }
  const windowMs = a.grouping.recontactWindowHours * 3_600_000;
  for (const [customer, runs] of Object.entries(a.firstContact)) {
    const other = Object.hasOwn(b.firstContact, customer) ? b.firstContact[customer] : undefined;
    merged.firstContact[customer] = other
      ? mergeRuns(runs, other, windowMs, (id) => recontacted(merged, id))
      : runs.map((run) => ({ ...run, pending: [...run.pending] }));
  }
  for (const [customer, runs] of Object.entries(b.firstContact)) {
    if (!Object.hasOwn(merged.firstContact, customer)) {
      merged.firstContact[customer] = runs.map((run) => ({ ...run, pending: [...run.pending] }));
    }
  }
  return merged;
}

function mergeBacklogs(a: KpiBacklog, b: KpiBacklog): KpiBacklog {
  if (a.asOf === null || (b.asOf !== null && b.asOf > a.asOf)) return cloneBacklog(b);
  if (b.asOf === null || a.asOf > b.asOf) return cloneBacklog(a);
  const groups: KpiBacklog['groups'] = cloneBacklog(a).groups;
  for (const [id, group] of Object.entries(b.groups)) {
    const mine = groups[id];
    groups[id] = mine
      ? { key: mine.key, count: mine.count + group.count, age: mergeHistograms(mine.age, group.age) }
      : cloneBacklogGroup(group);
  }
  return { asOf: a.asOf, groups };
}

type BacklogGroup = KpiBacklog['groups'][string];

function cloneBacklogGroup(group: BacklogGroup): BacklogGroup {
  const key = group.key.period ? { ...group.key, period: { ...group.key.period } } : { ...group.key };
  return { key, count: group.count, age: mergeHistograms(group.age, emptyHistogram()) };
}

/** A copy of a backlog snapshot. @internal */
export function cloneBacklog(backlog: KpiBacklog): KpiBacklog {
  const groups: KpiBacklog['groups'] = {};
  for (const [id, group] of Object.entries(backlog.groups)) groups[id] = cloneBacklogGroup(group);
  return { asOf: backlog.asOf, groups };
}
