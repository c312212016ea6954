/**
 * Cold import time of the built packages: each sample is a fresh `node` that times `await import(entry)` (the
 * process start is left out, it is the same for every entry). The entries are sampled in turn, so a busy spell
 * on a shared machine falls on all of them, and each median is set beside importing zod alone, measured in the
 * same run — core cannot import faster than its peer dependency, so that is the floor.
 *
 * `npx tsx scripts/import-time.ts [runs] [entry …]` prints the table (15 runs of zod, `@frontline/core` and
 * each of its subpaths by default); `npm run bench` runs the same measurement as the `import-time` suite
 * (packages/core/bench/import-time.bench.ts). Both read `dist`: build first (`npm run build -w @frontline/core`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** What the import-time measurements compare by default: the peer baseline, then core's entries. */
export const BASELINE_ENTRY = 'zod';

/** `@frontline/core` and every subpath its package.json exports (but `./package.json`). */
export function coreEntries(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  return Object.keys(pkg.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
}

/** Fails with a hint when core has not been built (the measurement reads `dist`, not the sources). */
export function assertBuilt(): void {
  if (!existsSync(join(root, 'packages/core/dist/index.js'))) {
    throw new Error('packages/core/dist is missing: run `npm run build -w @frontline/core` first');
  }
}

const CHILD = `const t0 = performance.now();
await import(process.argv[1]);
process.stdout.write(String(performance.now() - t0));`;

/**
 * Milliseconds one fresh `node` takes to import `entry` (an ES module import, as a host's `import` does),
 * resolved from the repository root without the `@frontline/source` condition, so from `dist`.
 */
export function coldImportMs(entry: string): number {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, entry], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = Number(out);
  if (!Number.isFinite(ms)) throw new Error(`importing ${entry} printed ${JSON.stringify(out)}`);
  return ms;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `runs` cold imports of each entry, taken in turn (entry 1, 2, …, then again), by entry. */
export function sampleColdImports(entries: readonly string[], runs: number): Map<string, number[]> {
  const samples = new Map(entries.map((entry) => [entry, [] as number[]]));
  for (let run = 0; run < runs; run++) {
    for (const entry of entries) samples.get(entry)!.push(coldImportMs(entry));
  }
  return samples;
}

function main(): void {
  assertBuilt();
  const [runsArg, ...rest] = process.argv.slice(2);
  const runs = Number(runsArg ?? 15);
  const entries = [BASELINE_ENTRY, ...(rest.length > 0 ? rest : coreEntries())];
  const samples = sampleColdImports(entries, runs);
  const base = median(samples.get(BASELINE_ENTRY)!);
  console.table(
    entries.map((entry) => {
      const ms = samples.get(entry)!;
      const p50 = median(ms);
      return {
        entry,
        'median ms': Number(p50.toFixed(1)),
        'min ms': Number(Math.min(...ms).toFixed(1)),
        'max ms': Number(Math.max(...ms).toFixed(1)),
        'over zod ms': Number((p50 - base).toFixed(1)),
        'x zod': Number((p50 / base).toFixed(2)),
      };
    }),
  );
  console.error(`${runs} cold runs each, interleaved; node ${process.version}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
