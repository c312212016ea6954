/**
 * The benchmark contract of the repository. Each package's `bench/*.bench.ts` default-exports a
 * {@link BenchSuite}; `npm run bench` (scripts/bench.ts) runs them all, prints a table and writes
 * bench-results.json. Every case measures its candidates against a baseline in the same run, so the
 * ratio means something on a shared, noisy machine.
 */

export interface BenchTask {
  /** Short label, unique within the case. */
  name: string;
  /** One operation. Should process `itemsPerOp` items. */
  fn: () => unknown;
}

export interface BenchCase {
  /** What is measured, e.g. `addBusinessHours over 1,000,000 instants`. */
  name: string;
  /** How many items (instants, tickets, messages) one operation handles; items/s = ops/s × this. */
  itemsPerOp: number;
  /** What an item is, for the table (`instant`, `ticket`, `message`). */
  unit: string;
  /** The straightforward way, measured in the same run. */
  baseline: BenchTask;
  /** The SDK's way (one or more). */
  candidates: BenchTask[];
  /** Minimum samples per task (default 5). */
  iterations?: number;
  /** Minimum time per task in ms (default 500). */
  time?: number;
  /** Before the tasks of this case run (build data, open stores). */
  setup?: () => unknown;
  /** After the tasks of this case ran. */
  teardown?: () => unknown;
}

export interface BenchSuite {
  /** The package or area, e.g. `core`. */
  name: string;
  /** The cases, built lazily so that importing a suite costs nothing. */
  cases: () => BenchCase[] | Promise<BenchCase[]>;
}

/** Identity helper that types a suite. */
export function defineBenchSuite(suite: BenchSuite): BenchSuite {
  return suite;
}

/** A size that shrinks under `BENCH_QUICK=1` (for smoke runs in CI), else the full figure. */
export function benchSize(full: number, quick = Math.max(1, Math.round(full / 100))): number {
  return process.env.BENCH_QUICK === '1' ? quick : full;
}

/**
 * A small seeded PRNG (mulberry32) returning numbers in [0, 1), so every run of a bench generates the same inputs —
 * the one the test kits use (`@frontline/testing/kpi`).
 */
export { seededRandom } from '@frontline/testing/kpi';
