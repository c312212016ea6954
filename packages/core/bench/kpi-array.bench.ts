/**
 * Issue 11: the full KPI set by local day × queue over 1,000,000 contacts (quick: 20,000) held in an array —
 * 30 days in Europe/Budapest (fixtures/kpi-contacts.ts: phone, chat and e-mail, 4 queues, 50 agents, answered,
 * abandoned and overflowed contacts, talk, hold and wrap-up, resolved and escalated, returning customers).
 * The KPI set per group: answer and abandonment rates, service level at 20 s in its four variants (short
 * abandons ≤ 5 s), ASA, AHT, first-contact resolution (re-contact window 72 h), escalation and resolved-without-
 * escalation rates (contact basis), and the 90th percentile of the answered waits.
 *
 * Candidates: `kpiPartialOf` over the array (every row validated), `settleFirstContacts` through the end of the
 * data (every first contact decided, as the SQL assumes no later contact), then the calculators on each group
 * (`kpiGroups`); and the same through `kpiPartialOfStream(…, { ordered: true })`, which settles as it reads.
 *
 * Baselines (fixtures/kpi-sql.ts), the same figures in one SQL statement each, rows loaded before timing:
 * - DuckDB in memory (`@duckdb/node-api`), typed columns (`TIMESTAMPTZ`, `BOOLEAN`, `INTEGER`) filled through its
 *   appender; the query computes the local day itself (`timezone('Europe/Budapest', offered_at)` with DuckDB's
 *   built-in ICU), the waits from the instants, first-contact resolution with `lead(offered_at)` over each
 *   customer's inbound contacts — the same work as the SDK, in a vectorised, multi-threaded engine;
 * - PostgreSQL (PGlite, in process), the same table with indexes on (customer, inbound, offered_at) and
 *   offered_at, `ANALYZE`d; the same query with `AT TIME ZONE` and `percentile_disc`.
 * Setup checks that the SDK and both SQL results agree on every day × queue group (offered, answered, abandoned,
 * answered within 20 s, handled, first contacts met) and throws if not. The targets: ≥ 0.5× DuckDB ('x baseline'
 * of the DuckDB case) and ≥ 10× PGlite (that of the PGlite case). The SDK's p90 is the upper edge of its 1-second
 * bucket (never below the true value, see DurationHistogram); the SQL's is over whole seconds, likewise.
 */
import { PGlite } from '@electric-sql/pglite';
import { type BenchCase, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { kpiPartialOf, kpiPartialOfStream, settleFirstContacts } from '../src/kpi';
import { contactArray } from './fixtures/kpi-contacts';
import {
  appendContacts,
  assertSameCounts,
  DAY_BY_QUEUE,
  duckDbKpis,
  loadPglite,
  openDuckDb,
  POSTGRES_KPI_SQL,
  sdkCounts,
  sdkKpis,
  sqlCounts,
  WINDOW_HOURS,
} from './fixtures/kpi-sql';

const COUNT = benchSize(1_000_000, 20_000);
const rowsOptions = { count: COUNT, days: 30 };
const grouping = DAY_BY_QUEUE;

/** Through the end of the data: every first contact decided. */
function completeThrough(): Date {
  const rows = contactArray(rowsOptions);
  return new Date(new Date(rows[rows.length - 1]?.offeredAt ?? 0).getTime() + WINDOW_HOURS * 3_600_000);
}

/** The first candidate: the KPI set of every day × queue group. */
function sdkDayQueueKpis() {
  const rows = contactArray(rowsOptions);
  return sdkKpis(
    settleFirstContacts(kpiPartialOf({ contacts: rows }, grouping), { completeThrough: completeThrough() }),
  );
}

const candidates = () => {
  const rows = contactArray(rowsOptions);
  const end = { completeThrough: completeThrough() };
  return [
    { name: 'SDK kpiPartialOf + settleFirstContacts + calculators', fn: sdkDayQueueKpis },
    {
      name: 'SDK kpiPartialOfStream (ordered: settles as it reads) + calculators',
      fn: async () =>
        sdkKpis(
          settleFirstContacts(await kpiPartialOfStream({ contacts: rows }, grouping, { ordered: true }), end),
        ),
    },
  ];
};

function duckCase(): BenchCase {
  let db: Awaited<ReturnType<typeof openDuckDb>> | undefined;
  return {
    name: `KPI set by day × queue, ${COUNT.toLocaleString('en-US')} contacts from an array, vs DuckDB`,
    itemsPerOp: COUNT,
    unit: 'contact',
    iterations: 3,
    time: 0,
    setup: async () => {
      const rows = contactArray(rowsOptions);
      db = await openDuckDb();
      await appendContacts(db.connection, rows);
      assertSameCounts('DuckDB', sdkCounts(sdkDayQueueKpis()), sqlCounts(await duckDbKpis(db.connection)));
    },
    teardown: () => db?.close(),
    baseline: {
      name: 'DuckDB SQL (in memory, day by timezone(), FCR by lead())',
      fn: () => duckDbKpis((db as NonNullable<typeof db>).connection),
    },
    candidates: candidates(),
  };
}

function pgliteCase(): BenchCase {
  let pg: PGlite | undefined;
  return {
    name: `KPI set by day × queue, ${COUNT.toLocaleString('en-US')} contacts from an array, vs PGlite`,
    itemsPerOp: COUNT,
    unit: 'contact',
    iterations: 3,
    time: 0,
    setup: async () => {
      pg = await PGlite.create();
      await loadPglite(pg, contactArray(rowsOptions));
      const sql = (await pg.query<Record<string, unknown>>(POSTGRES_KPI_SQL)).rows;
      assertSameCounts('PGlite', sdkCounts(sdkDayQueueKpis()), sqlCounts(sql));
    },
    teardown: () => pg?.close(),
    baseline: {
      name: 'PostgreSQL SQL on PGlite (indexed, day AT TIME ZONE, FCR by lead())',
      fn: () => (pg as PGlite).query(POSTGRES_KPI_SQL),
    },
    candidates: candidates(),
  };
}

export default defineBenchSuite({ name: 'core', cases: () => [duckCase(), pgliteCase()] });
