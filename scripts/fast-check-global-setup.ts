import { randomInt } from 'node:crypto';
import type { TestProject } from 'vitest/node';

/**
 * The seed every fast-check property runs with unless `FRONTLINE_FC_SEED` says otherwise, so a test run is
 * the same run every time: CI is never a lottery, and a failure reproduces with the seed the log printed.
 */
export const DEFAULT_FC_SEED = 424_242;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fast-check seed of this run (see `scripts/fast-check-setup.ts`). */
    fastCheckSeed: number;
    /** Runs for properties that do not set their own `numRuns`; `undefined` keeps fast-check's 100. */
    fastCheckNumRuns: number | undefined;
  }
}

/**
 * Reads `FRONTLINE_FC_SEED`: unset or empty → {@link DEFAULT_FC_SEED}; `random` → a fresh seed (exploration);
 * an integer → that seed (to replay a failure).
 */
export function resolveFastCheckSeed(value: string | undefined): { seed: number; source: string } {
  const text = value?.trim() ?? '';
  if (text === '') return { seed: DEFAULT_FC_SEED, source: 'default' };
  if (text === 'random') return { seed: randomInt(0, 2 ** 31), source: 'random' };
  if (/^-?\d{1,10}$/.test(text) && Number(text) >= -(2 ** 31) && Number(text) < 2 ** 32) {
    return { seed: Number(text), source: 'FRONTLINE_FC_SEED' };
  }
  throw new Error(`FRONTLINE_FC_SEED must be an integer (a 32-bit seed) or "random", got "${text}".`);
}

function resolveNumRuns(value: string | undefined): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (/^\d{1,7}$/.test(text) && Number(text) > 0) return Number(text);
  throw new Error(`FRONTLINE_FC_NUM_RUNS must be a positive integer, got "${text}".`);
}

/**
 * Vitest global setup: picks the run's fast-check seed once, prints it once, and hands it to every test
 * file, where `scripts/fast-check-setup.ts` configures fast-check with it.
 */
export default function setup(project: TestProject): void {
  const { seed, source } = resolveFastCheckSeed(process.env.FRONTLINE_FC_SEED);
  const numRuns = resolveNumRuns(process.env.FRONTLINE_FC_NUM_RUNS);
  const runs = numRuns === undefined ? '' : `, numRuns ${numRuns} where a property sets none`;
  console.log(
    `fast-check seed ${seed} (${source}${runs}); replay with FRONTLINE_FC_SEED=${seed}, explore with npm run test:explore`,
  );
  project.provide('fastCheckSeed', seed);
  project.provide('fastCheckNumRuns', numRuns);
}
