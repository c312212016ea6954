import type { ContactRun } from './kpi-partial';

/**
 * Merges two lists of a customer's contact runs (each sorted by `start`, runs further apart than `windowMs`)
 * into the runs of their union. A pending contact at a run's end is decided as re-contacted — reported through
 * `recontacted` with its group key — when the other list has a contact within `(end, end + windowMs]`; runs
 * overlap or lie within the window of each other exactly then, because the contacts of a run are never more
 * than `windowMs` apart. Pending contacts at the same latest instant stay pending (contacts at one instant do
 * not re-contact each other), so the result does not depend on the order of merging.
 * @internal
 */
export function mergeRuns(
  a: readonly ContactRun[],
  b: readonly ContactRun[],
  windowMs: number,
  recontacted: (groupKey: string) => void,
): ContactRun[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: ContactRun[] = [];
  for (const run of all) {
    const current = out[out.length - 1];
    if (current !== undefined && run.start - current.end <= windowMs) {
      out[out.length - 1] = combine(current, run, recontacted);
    } else {
      out.push({ ...run, pending: [...run.pending] });
    }
  }
  return out;
}

/** One run from two that overlap or lie within the window (`x.start ≤ y.start`). */
function combine(x: ContactRun, y: ContactRun, recontacted: (groupKey: string) => void): ContactRun {
  const end = Math.max(x.end, y.end);
  const pending: string[] = [];
  for (const run of [x, y]) {
    if (run.end === end) pending.push(...run.pending);
    else for (const key of run.pending) recontacted(key);
  }
  return { start: x.start, end, pending: pending.sort() };
}
