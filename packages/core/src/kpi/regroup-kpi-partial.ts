import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { mergeHistograms } from './duration-histogram';
import { groupKeyer, type KpiDimensionValues } from './kpi-group-key';
import { emptyFirstContactState, KpiDimension, type KpiGroupKey, type KpiPartial } from './kpi-partial';
import { KpiPeriodGrain, periodOf } from './kpi-period';
import { mergeKpiTotals } from './kpi-totals';

/**
 * What {@link regroupKpiPartial} coarsens a partial to: a longer `period` (or `null`: no period) and/or fewer `by`
 * dimensions. Left out, each stays as it is.
 * @category KPIs
 */
export const KpiRegrouping = z.strictObject({
  period: KpiPeriodGrain.nullable().optional(),
  by: z
    .array(KpiDimension)
    .max(4)
    .refine((dims) => new Set(dims).size === dims.length, 'A dimension is named once')
    .optional(),
});
/** @category KPIs */
export type KpiRegrouping = z.input<typeof KpiRegrouping>;

const NO_VALUES: KpiDimensionValues = { agent: null, queue: null, channel: null, category: null };

/**
 * The partial of the same rows under a coarser grouping — days into weeks or months, quarter hours into hours, a
 * dimension dropped (per agent → per queue) — without the rows: groups that fall together add up (totals,
 * histograms, backlog), and first-contact state follows its groups. Equal to `kpiPartialOf(rows, coarser)`
 * whenever every period of the partial lies inside one period of the new grain (a local day in a week or a month,
 * a quarter hour in an hour; the zone and re-contact window stay). A grain that cuts a period in two (weeks into
 * months), a period where the partial has none, or a dimension it does not have is a `ValidationError`.
 * Stored daily roll-ups become a month's figures per queue, and a read without the right to see agents loses
 * the agent dimension, this way.
 * @example
 * const monthByQueue = regroupKpiPartial(year, { period: 'month', by: ['queue'] });
 * @category KPIs
 */
export function regroupKpiPartial(partial: KpiPartial, regrouping: KpiRegrouping): KpiPartial {
  const to = parseInput(KpiRegrouping, regrouping, 'KPI regrouping', ['regrouping']);
  const from = partial.grouping;
  const period = to.period === undefined ? from.period : to.period;
  const by = to.by === undefined ? from.by : [...to.by].sort();
  const refuse = (path: string, message: string): never => {
    throw new ValidationError(`Invalid KPI regrouping: ${path}: ${message}`, [
      { path: ['regrouping', path], message, code: 'custom' },
    ]);
  };
  if (period !== null && from.period === null)
    refuse('period', `The partial has no period, so it cannot be split into ${period} periods`);
  for (const dim of by)
    if (!from.by.includes(dim))
      refuse('by', `The partial is not grouped by ${dim}, so it cannot be regrouped by it`);

  const grouping = { ...from, period, by };
  const keyOf = groupKeyer(grouping);
  const ids = new Map<string, string>();
  const rekey = (id: string, key: KpiGroupKey) => {
    let ms = 0;
    if (period !== null && key.period !== undefined) {
      const start = Date.parse(key.period.start);
      const end = Date.parse(key.period.end);
      if (periodOf(start, period, from.timeZone).end.getTime() < end)
        refuse(
          'period',
          `A ${from.period} period (${key.period.start}) does not lie inside one ${period} period`,
        );
      ms = start;
    }
    const values = { ...NO_VALUES };
    for (const dim of by) values[dim] = key[dim] ?? null;
    const next = keyOf(ms, values);
    ids.set(id, next.id);
    return next;
  };

  const groups: KpiPartial['groups'] = {};
  for (const [id, group] of Object.entries(partial.groups)) {
    const next = rekey(id, group.key);
    const had = groups[next.id];
    groups[next.id] = {
      key: next.key,
      totals: had ? mergeKpiTotals(had.totals, group.totals) : group.totals,
    };
  }
  const backlog: KpiPartial['backlog'] = { asOf: partial.backlog.asOf, groups: {} };
  for (const [id, group] of Object.entries(partial.backlog.groups)) {
    const next = rekey(id, group.key);
    const had = backlog.groups[next.id];
    backlog.groups[next.id] = had
      ? { key: next.key, count: had.count + group.count, age: mergeHistograms(had.age, group.age) }
      : { key: next.key, count: group.count, age: group.age };
  }
  const firstContact = emptyFirstContactState();
  for (const [customer, runs] of Object.entries(partial.firstContact)) {
    firstContact[customer] = runs.map((run) => ({
      ...run,
      pending: run.pending
        .map(
          (id) =>
            ids.get(id) ?? refuse('partial', `A pending contact names group ${id}, which it does not hold`),
        )
        .sort(),
    }));
  }
  return { version: 1, grouping, groups, backlog, firstContact };
}
