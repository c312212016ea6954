/**
 * Issue 11: the KPI set by local day × queue from a stream of 10,000,000 contacts (quick: 50,000) with peak
 * memory under 100 MB. The rows come from an async generator (fixtures/kpi-contacts.ts, 365 days; quick 30) that
 * keeps nothing, so the figure is the pass's own memory.
 *
 * Candidate: `kpiPartialOfStream(…, { ordered: true })` — each row validated, the first-contact state settled as
 * the stream goes (the customers of the last 72 hours only) — then `settleFirstContacts` at the end and the KPI
 * set of fixtures/kpi-sql.ts on every group.
 * Baseline: DuckDB reading the same generated rows through its appender into an in-memory table (instants as
 * epoch-millisecond numbers, turned into `TIMESTAMPTZ` by a view), then the same KPI query as the array bench
 * (local day by `timezone()`, FCR by `lead()`). That is the usual way to get a
 * stream's figures from an engine; it keeps every row (DuckDB's memory, not the JS heap) where the SDK keeps
 * groups. Both read the same async generator, so the generation cost (a few µs a row) is in both times.
 *
 * Memory: setup runs one candidate pass in a fresh process (fixtures/kpi-stream-probe.ts, nothing else loaded
 * besides tsx) and prints its peak RSS and heap, sampled every 65,536 rows; teardown prints the peaks sampled
 * during the timed runs in this process (RSS there includes what earlier suites left). Setup also checks on
 * 50,000 rows that the candidate and DuckDB agree on every group's counts.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchCase, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { kpiPartialOfStream, settleFirstContacts } from '../src/kpi';
import { contactStream } from './fixtures/kpi-contacts';
import { type MemoryPeak, memoryPeak, sampled } from './fixtures/kpi-memory';
import {
  appendContacts,
  assertSameCounts,
  DAY_BY_QUEUE,
  duckDbKpis,
  openDuckDb,
  sdkCounts,
  sdkKpis,
  sqlCounts,
} from './fixtures/kpi-sql';

const COUNT = benchSize(10_000_000, 50_000);
const DAYS = benchSize(365, 30);
const TARGET_MB = 100;
// the generator starts on 1 March 2026; a year and a window later every first contact is decided
const END = { completeThrough: new Date('2027-03-10T00:00:00Z') };

async function sdk(count: number, days: number, peak: MemoryPeak) {
  const partial = await kpiPartialOfStream(
    { contacts: sampled(contactStream({ count, days }), peak) },
    DAY_BY_QUEUE,
    { ordered: true },
  );
  return sdkKpis(settleFirstContacts(partial, END));
}

async function duck(count: number, days: number, peak: MemoryPeak) {
  const db = await openDuckDb(true);
  try {
    await appendContacts(db.connection, sampled(contactStream({ count, days }), peak), true);
    return await duckDbKpis(db.connection);
  } finally {
    db.close();
  }
}

const fmtPeak = (p: MemoryPeak) =>
  `peak RSS ${p.peakRssMb} MB (from ${p.startRssMb}), peak heap ${p.peakHeapMb} MB (from ${p.startHeapMb})`;

function streamCase(): BenchCase {
  const peaks = { sdk: memoryPeak(), duck: memoryPeak() };
  return {
    name: `KPI set by day × queue from a stream of ${COUNT.toLocaleString('en-US')} contacts`,
    itemsPerOp: COUNT,
    unit: 'contact',
    iterations: 1,
    time: 0,
    setup: async () => {
      const check = { count: 50_000, days: 10 };
      assertSameCounts(
        'DuckDB (stream)',
        sdkCounts(await sdk(check.count, check.days, memoryPeak())),
        sqlCounts(await duck(check.count, check.days, memoryPeak())),
      );
      const probe = fileURLToPath(new URL('./fixtures/kpi-stream-probe.ts', import.meta.url));
      const out = execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--conditions=@frontline/source',
          '--import',
          'tsx',
          probe,
          String(COUNT),
          String(DAYS),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const p = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as MemoryPeak & {
        ms: number;
        maxRssMb: number;
        customersHeld: number;
      };
      console.error(
        `  stream memory, own process: ${fmtPeak(p)}, max RSS ${p.maxRssMb} MB over ${p.rows.toLocaleString('en-US')} rows in ${p.ms} ms; ${p.customersHeld.toLocaleString('en-US')} customers held at the end — target < ${TARGET_MB} MB peak RSS: ${p.maxRssMb < TARGET_MB ? 'met' : 'MISSED'}`,
      );
      peaks.sdk = memoryPeak();
      peaks.duck = memoryPeak();
    },
    teardown: () => {
      console.error(`  stream memory in the bench process, SDK: ${fmtPeak(peaks.sdk)}`);
      console.error(`  stream memory in the bench process, DuckDB baseline: ${fmtPeak(peaks.duck)}`);
    },
    baseline: {
      name: 'DuckDB: appender into an in-memory table, then the KPI SQL',
      fn: () => duck(COUNT, DAYS, peaks.duck),
    },
    candidates: [
      {
        name: 'SDK kpiPartialOfStream (ordered) + settleFirstContacts + calculators',
        fn: () => sdk(COUNT, DAYS, peaks.sdk),
      },
    ],
  };
}

export default defineBenchSuite({ name: 'core', cases: () => [streamCase()] });
