import type { KpiDimension, KpiGrouping, KpiGroupKey } from './kpi-partial';
import { periodOf } from './kpi-period';

/** A row's values of the grouping dimensions. @internal */
export type KpiDimensionValues = Record<KpiDimension, string | null>;

/** The group of a row at the instant `ms`: its key object and that key's string id. @internal */
export function groupKeyOf(
  grouping: KpiGrouping,
  ms: number,
  values: KpiDimensionValues,
): { id: string; key: KpiGroupKey } {
  const key: KpiGroupKey = {};
  const parts: (string | null)[] = [];
  if (grouping.period !== null) {
    const period = periodOf(ms, grouping.period, grouping.timeZone);
    key.period = { start: period.start.toISOString(), end: period.end.toISOString() };
    parts.push(key.period.start);
  }
  for (const dim of grouping.by) {
    key[dim] = values[dim];
    parts.push(values[dim]);
  }
  return { id: JSON.stringify(parts), key };
}
