import type { KpiDimension, KpiGrouping, KpiGroupKey } from './kpi-partial';
import { type KpiPeriod, periodOf } from './kpi-period';

/** A row's values of the grouping dimensions. @internal */
export type KpiDimensionValues = Record<KpiDimension, string | null>;

/** Gives the group of a row at the instant `ms`: its key object and that key's string id. @internal */
export type GroupKeyer = (ms: number, values: KpiDimensionValues) => { id: string; key: KpiGroupKey };

/**
 * A {@link GroupKeyer} for `grouping`. It remembers the last period it computed, so rows in time order (most rows
 * of a period in a row) cost one time-zone conversion a period instead of one a row.
 * @internal
 */
export function groupKeyer(grouping: KpiGrouping): GroupKeyer {
  let last: { period: KpiPeriod; start: string; end: string } | undefined;
  return (ms, values) => {
    const key: KpiGroupKey = {};
    const parts: (string | null)[] = [];
    if (grouping.period !== null) {
      if (last === undefined || ms < last.period.start.getTime() || ms >= last.period.end.getTime()) {
        const period = periodOf(ms, grouping.period, grouping.timeZone);
        last = { period, start: period.start.toISOString(), end: period.end.toISOString() };
      }
      key.period = { start: last.start, end: last.end };
      parts.push(last.start);
    }
    for (const dim of grouping.by) {
      key[dim] = values[dim];
      parts.push(values[dim]);
    }
    return { id: JSON.stringify(parts), key };
  };
}
