import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { emptyFirstContactState, type KpiPartial } from './kpi-partial';
import { cloneKpiGroup } from './kpi-totals';
import { cloneBacklog } from './merge-kpi-partials';

const SettleOptions = z.strictObject({ completeThrough: Instant });

/**
 * Decides the first contacts whose re-contact window has passed and drops their customers' finished runs
 * (a new object). Call it when every contact offered up to `completeThrough` is in the partial: a resolved
 * contact whose window `(at, at + window]` ends by then, with no re-contact in the partial, can get none later,
 * so it counts as met; and a run that ended a window or more before `completeThrough` can no longer be joined
 * by a later contact, so it is dropped. What stays is the state of the last window, which is what a store of
 * daily roll-ups keeps. Settling a partial before all its earlier contacts are in would count some re-contacted
 * contacts as met.
 * @example
 * const settled = settleFirstContacts(monthSoFar, { completeThrough: endOfYesterday });
 * firstContactResolution(kpiTotals(settled).totals) // { rate: 0.71, met: 710, decided: 1000, pending: 0 }
 * @category KPIs
 */
export function settleFirstContacts(
  partial: KpiPartial,
  options: { completeThrough: Date | string },
): KpiPartial {
  const through = parseInput(SettleOptions, options, 'settle options').completeThrough.getTime();
  const windowMs = partial.grouping.recontactWindowHours * 3_600_000;
  // the runs are copied one by one below (most are dropped): no clone of the whole first-contact state
  const settled: KpiPartial = {
    ...partial,
    grouping: { ...partial.grouping, by: [...partial.grouping.by] },
    groups: Object.fromEntries(Object.entries(partial.groups).map(([id, g]) => [id, cloneKpiGroup(g)])),
    backlog: cloneBacklog(partial.backlog),
    firstContact: emptyFirstContactState(),
  };
  for (const [customer, runs] of Object.entries(partial.firstContact)) {
    const open = runs.filter((run) => {
      if (run.end + windowMs > through) return true;
      for (const id of run.pending) {
        const fc = settled.groups[id]?.totals.firstContact;
        if (fc) {
          fc.pending -= 1;
          fc.met += 1;
        }
      }
      return false;
    });
    if (open.length > 0)
      settled.firstContact[customer] = open.map((run) => ({ ...run, pending: [...run.pending] }));
  }
  return settled;
}
