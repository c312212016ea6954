/**
 * The knowledge base's two search engines against each other, in the same run, over the same 100,000 generated
 * Hungarian and English articles of about 1.6 kB (stored JSON) and the same 200 queries: MiniSearch in memory (the
 * baseline) and PostgreSQL full-text search (`postgresKnowledgeSearch()`, on the server when FRONTLINE_PG_URL is
 * set, else on PGlite in this process). Per engine: the time to index, query latency p50/p95/p99, and memory —
 * the process's resident set size and V8 heap after the engine is built, and for PostgreSQL the table and index
 * size in the database. The PostgreSQL engine is built first, so the process's peak RSS at that point is its own.
 *
 *   BENCH_FILTER="knowledge search engines" npm run bench        (BENCH_QUICK=1: 1,000 articles)
 */
import type { Store } from '@frontline/core';
import {
  type KnowledgeArticle,
  type KnowledgeEngineQuery,
  type KnowledgeSearch,
  type KnowledgeSearchContext,
  type KnowledgeSearchEngine,
  knowledgeSearchDocument,
  miniSearchKnowledgeSearch,
  searchTerms,
} from '@frontline/core/service-desk';
import { benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { generateArticles, generateQueries } from '../../core/bench/fixtures/knowledge-articles';
import { createPgliteStore, createPostgresStore, postgresKnowledgeSearch, type SqlStore } from '../src/index';

const ARTICLES = benchSize(100_000, 1_000);
const LIMIT = 10;
const LOAD_BATCH = 1_000;
const serverUrl = process.env.FRONTLINE_PG_URL || undefined;

const queryOf = (text: string): KnowledgeEngineQuery => ({
  terms: searchTerms(text),
  match: 'any',
  emphasis: [],
  emphasisBoost: 1,
  filter: {},
  prefer: { productBoost: 1, localeBoost: 1 },
  limit: LIMIT,
});

function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function contextOver(store: Store, articles: readonly KnowledgeArticle[]): KnowledgeSearchContext {
  return {
    store,
    async *published() {
      for (const [i, data] of articles.entries()) {
        yield { data, version: 1 };
        if (i % 5_000 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    },
    find: async (id) => {
      const data = articles.find((a) => a.id === id);
      return data && { data, version: 1 };
    },
    document: knowledgeSearchDocument,
  };
}

interface Measured {
  engine: KnowledgeSearchEngine;
  buildMs: number;
  latency: { p50: number; p95: number; p99: number };
  hits: string[][];
}

async function measureQueries(engine: KnowledgeSearchEngine, queries: readonly string[]) {
  const samples: number[] = [];
  const hits: string[][] = [];
  for (const text of queries) {
    const t0 = performance.now();
    const found = await engine.query(queryOf(text));
    samples.push(performance.now() - t0);
    hits.push(found.map((h) => h.article.id));
  }
  return { latency: percentiles(samples), hits };
}

/** Top-10 overlap of two engines' answers, averaged over the queries both answered. */
function overlap(a: string[][], b: string[][]): number {
  let sum = 0;
  let n = 0;
  for (const [i, x] of a.entries()) {
    const y = new Set(b[i]);
    if (x.length === 0 && y.size === 0) continue;
    sum += x.filter((id) => y.has(id)).length / Math.max(x.length, y.size);
    n++;
  }
  return n === 0 ? 1 : sum / n;
}

export default defineBenchSuite({
  name: 'postgres',
  cases: () => {
    let articles: KnowledgeArticle[] | undefined;
    let store: SqlStore | undefined;
    let mini: Measured | undefined;
    let pg: Measured | undefined;
    let nextMini = 0;
    let nextPg = 0;
    const queries = generateQueries();
    const where = serverUrl ? 'the PostgreSQL server' : 'PGlite';
    return [
      {
        name: `knowledge search engines over ${ARTICLES.toLocaleString('en-US')} articles (~1.6 kB, 200 fixed queries): PostgreSQL FTS on ${where} vs MiniSearch`,
        itemsPerOp: 1,
        unit: 'query',
        iterations: 10,
        time: 5_000,
        setup: async () => {
          gc();
          const rss0 = process.memoryUsage().rss;
          articles = generateArticles(ARTICLES, { detailed: true });
          const json = articles.reduce((sum, a) => sum + JSON.stringify(a).length, 0) / articles.length;
          gc();
          const base = process.memoryUsage();
          const schema = `bench_kb_${process.pid}`;
          store = serverUrl
            ? await createPostgresStore({ connectionString: serverUrl, schema, poolConfig: { max: 4 } })
            : await createPgliteStore({ schema });
          const search: KnowledgeSearch = postgresKnowledgeSearch();
          const t0 = performance.now();
          for (let i = 0; i < articles.length; i += LOAD_BATCH) {
            const batch = articles.slice(i, i + LOAD_BATCH).map(knowledgeSearchDocument);
            await store.transaction((tx) => search.write!(tx, { index: batch, remove: [] }));
          }
          await store.raw.query(`ANALYZE "${schema}".knowledge_search`);
          const pgEngine = search.open(contextOver(store, articles));
          await pgEngine.load();
          const pgBuild = performance.now() - t0;
          gc();
          const afterPg = process.memoryUsage();
          const peakAfterPg = peakRss();
          const [size] = await store.raw.query<{ table: string; index: string }>(
            `SELECT pg_size_pretty(pg_table_size('"${schema}".knowledge_search')) AS table,
                    pg_size_pretty(pg_indexes_size('"${schema}".knowledge_search')) AS index`,
          );
          await measureQueries(pgEngine, queries); // first pass: caches
          pg = { engine: pgEngine, buildMs: pgBuild, ...(await measureQueries(pgEngine, queries)) };

          const t1 = performance.now();
          const miniEngine = miniSearchKnowledgeSearch().open(contextOver(store, articles));
          await miniEngine.load();
          const miniBuild = performance.now() - t1;
          gc();
          const afterMini = process.memoryUsage();
          await measureQueries(miniEngine, queries);
          mini = { engine: miniEngine, buildMs: miniBuild, ...(await measureQueries(miniEngine, queries)) };
          const peakAfterMini = peakRss();
          const answered = (m: Measured) => m.hits.filter((h) => h.length > 0).length;
          console.error(
            [
              `  ${articles.length} articles, ${json.toFixed(0)} B of JSON each on average; generated: RSS ${mb(base.rss)} (was ${mb(rss0)}), heap ${mb(base.heapUsed)}`,
              `  PostgreSQL FTS (${where}): indexed in ${ms(pgBuild)}; table ${size?.table}, indexes ${size?.index}; process RSS ${mb(afterPg.rss)} (+${mb(afterPg.rss - base.rss)}), heap +${mb(afterPg.heapUsed - base.heapUsed)}, peak RSS so far ${mb(peakAfterPg)}`,
              `    200 queries: p50 ${ms(pg.latency.p50)}  p95 ${ms(pg.latency.p95)}  p99 ${ms(pg.latency.p99)}  (${answered(pg)}/200 with hits)`,
              `  MiniSearch (in memory): indexed in ${ms(miniBuild)}; process RSS ${mb(afterMini.rss)} (+${mb(afterMini.rss - afterPg.rss)}), heap +${mb(afterMini.heapUsed - afterPg.heapUsed)}, peak RSS ${mb(peakAfterMini)}`,
              `    200 queries: p50 ${ms(mini.latency.p50)}  p95 ${ms(mini.latency.p95)}  p99 ${ms(mini.latency.p99)}  (${answered(mini)}/200 with hits)`,
              `  MiniSearch / PostgreSQL: p50 ${(mini.latency.p50 / pg.latency.p50).toFixed(2)}×, p95 ${(mini.latency.p95 / pg.latency.p95).toFixed(2)}×; top-${LIMIT} overlap ${(overlap(mini.hits, pg.hits) * 100).toFixed(0)} %`,
            ].join('\n'),
          );
        },
        teardown: async () => {
          if (store) {
            await store.raw.query(`DROP SCHEMA "${store.schema}" CASCADE`);
            await store.close();
          }
          store = undefined;
          articles = undefined;
          mini = undefined;
          pg = undefined;
        },
        baseline: {
          name: 'MiniSearch engine (in memory)',
          fn: () => mini!.engine.query(queryOf(queries[nextMini++ % queries.length]!)),
        },
        candidates: [
          {
            name: `PostgreSQL engine (${where}: tsvector, unaccent, GIN, ts_rank_cd top-k)`,
            fn: () => pg!.engine.query(queryOf(queries[nextPg++ % queries.length]!)),
          },
        ],
      },
    ];
  },
});
