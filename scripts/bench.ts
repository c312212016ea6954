/**
 * Runs every `packages/*\/bench/*.bench.ts`, prints one table and writes bench-results.json.
 * Filter with `BENCH_FILTER=<substring of suite or case name>`; `BENCH_QUICK=1` shrinks the inputs.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import type { BenchCase, BenchSuite, BenchTask } from './bench-kit';

interface TaskResult {
  suite: string;
  case: string;
  task: string;
  role: 'baseline' | 'candidate';
  unit: string;
  itemsPerOp: number;
  samples: number;
  opsPerSec: number;
  itemsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  ratioToBaseline: number;
  heapDeltaMb: number;
  peakRssMb: number;
}

const root = resolve(import.meta.dirname, '..');
const filter = process.env.BENCH_FILTER?.toLowerCase();

function benchFiles(): string[] {
  const files: string[] = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', pkg, 'bench');
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of entries.sort()) if (file.endsWith('.bench.ts')) files.push(join(dir, file));
  }
  return files;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function measure(suite: string, benchCase: BenchCase, task: BenchTask, role: TaskResult['role']) {
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const bench = new Bench({
    name: benchCase.name,
    iterations: benchCase.iterations ?? 5,
    time: benchCase.time ?? 500,
    warmup: true,
    warmupIterations: 1,
    warmupTime: 0,
    throws: true,
  });
  bench.add(task.name, task.fn);
  await bench.run();
  const heapAfter = process.memoryUsage().heapUsed;
  const result = bench.tasks[0]?.result;
  if (result?.state !== 'completed') {
    throw new Error(
      `${suite} / ${benchCase.name} / ${task.name} did not complete: ${JSON.stringify(result)}`,
    );
  }
  // total time over samples, not the mean of per-sample throughputs (which fast samples would dominate)
  const opsPerSec = 1000 / result.latency.mean;
  return {
    suite,
    case: benchCase.name,
    task: task.name,
    role,
    unit: benchCase.unit,
    itemsPerOp: benchCase.itemsPerOp,
    samples: result.latency.samplesCount,
    opsPerSec,
    itemsPerSec: opsPerSec * benchCase.itemsPerOp,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    ratioToBaseline: 1,
    heapDeltaMb: mb(heapAfter - heapBefore),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  } satisfies TaskResult;
}

const fmt = (n: number) =>
  n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 1 ? n.toFixed(2) : n.toPrecision(3);

async function main() {
  const results: TaskResult[] = [];
  for (const file of benchFiles()) {
    const mod = (await import(pathToFileURL(file).href)) as { default: BenchSuite };
    const suite = mod.default;
    for (const benchCase of await suite.cases()) {
      const label = `${suite.name} ${benchCase.name}`.toLowerCase();
      if (filter && !label.includes(filter)) continue;
      console.error(`▶ ${relative(root, file)} — ${benchCase.name}`);
      await benchCase.setup?.();
      try {
        const baseline = await measure(suite.name, benchCase, benchCase.baseline, 'baseline');
        results.push(baseline);
        for (const candidate of benchCase.candidates) {
          const r = await measure(suite.name, benchCase, candidate, 'candidate');
          r.ratioToBaseline = r.itemsPerSec / baseline.itemsPerSec;
          results.push(r);
        }
      } finally {
        await benchCase.teardown?.();
      }
    }
  }
  console.table(
    results.map((r) => ({
      case: `${r.suite}: ${r.case}`,
      task: `${r.role === 'baseline' ? '(baseline) ' : ''}${r.task}`,
      'items/s': `${fmt(r.itemsPerSec)} ${r.unit}s/s`,
      'op p50 ms': fmt(r.latencyP50Ms),
      'op p99 ms': fmt(r.latencyP99Ms),
      'x baseline': r.role === 'baseline' ? '1' : `${r.ratioToBaseline.toFixed(2)}x`,
      'heap Δ MB': r.heapDeltaMb,
      'peak RSS MB': r.peakRssMb,
    })),
  );
  const out = join(root, 'bench-results.json');
  writeFileSync(
    out,
    `${JSON.stringify({ node: process.version, date: new Date().toISOString(), quick: process.env.BENCH_QUICK === '1', results }, null, 2)}\n`,
  );
  console.error(`wrote ${relative(root, out)} (${results.length} rows)`);
}

await main();
