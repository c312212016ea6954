/**
 * Knowledge-base search over 100,000 generated Hungarian and English support articles: per-query latency of
 * the SDK's index (MiniSearch with accent folding, prefix and typo tolerance, helpfulness boost) against a
 * straightforward scan, and the time to build the index against building a map of folded strings.
 */
import { createFixedClock, createMemoryStore, createSequentialIds, type Store } from '@frontline/core';
import {
  createKnowledgeBase,
  createKnowledgeIndex,
  type KnowledgeArticle,
  type KnowledgeBase,
  restoreKnowledgeIndex,
} from '@frontline/core/service-desk';
import { KnowledgeArticles } from '@frontline/core/storage';
import { benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { generateArticles, generateQueries } from './fixtures/knowledge-articles';

const ARTICLES = benchSize(100_000);
const LIMIT = 10;

/** The straightforward way: fold text with a regular expression, count the query words it contains. */
const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const articleText = (a: KnowledgeArticle) =>
  `${a.title} ${a.problem} ${a.solution} ${a.product} ${a.tags.join(' ')}`;

function topByCount(scores: Iterable<[string, number]>): string[] {
  const top: [string, number][] = [];
  for (const entry of scores) {
    if (entry[1] === 0) continue;
    if (top.length < LIMIT || entry[1] > top[top.length - 1]![1]) {
      top.push(entry);
      top.sort((x, y) => y[1] - x[1]);
      if (top.length > LIMIT) top.pop();
    }
  }
  return top.map(([id]) => id);
}

function scanSearch(articles: readonly KnowledgeArticle[], query: string): string[] {
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  function* scores(): Generator<[string, number]> {
    for (const a of articles) {
      const text = fold(articleText(a));
      let n = 0;
      for (const t of terms) if (text.includes(t)) n++;
      yield [a.id, n];
    }
  }
  return topByCount(scores());
}

function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function timeEach(queries: readonly string[], run: (q: string) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await run(q);
    samples.push(performance.now() - t0);
  }
  return samples;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

let cachedArticles: KnowledgeArticle[] | undefined;
const articles = () => {
  cachedArticles ??= generateArticles(ARTICLES);
  return cachedArticles;
};
const queries = generateQueries();

/** One memory store holding every article as published, shared by both cases (filled once, ~100k inserts). */
let sharedStore: Promise<{ store: Store; insertMs: number }> | undefined;
const storeWithArticles = () => {
  sharedStore ??= (async () => {
    const store = createMemoryStore({ clock: createFixedClock('2026-03-02T08:00:00Z') });
    const repo = store.repository(KnowledgeArticles);
    const t0 = performance.now();
    for (const article of articles()) await repo.insert(article);
    return { store, insertMs: performance.now() - t0 };
  })();
  return sharedStore;
};
/** The agent the searches are made as: one who may read the knowledge base. */
const reader = { id: 'bench-reader', roles: [], permissions: ['knowledge.read'] };
const knowledgeBaseOver = (store: Store) =>
  createKnowledgeBase({
    store,
    clock: createFixedClock('2026-03-02T08:00:00Z'),
    ids: createSequentialIds('bench'),
  });

export default defineBenchSuite({
  name: 'core',
  cases: () => {
    let kb: KnowledgeBase | undefined;
    let serialized: string | undefined;
    let nextQuery = 0;
    let nextScan = 0;
    let folded: Map<string, string> | undefined;
    return [
      {
        name: `knowledge search over ${ARTICLES.toLocaleString('en-US')} articles (200 fixed queries)`,
        itemsPerOp: 1,
        unit: 'query',
        // Each op is the next query of the list: run long enough that the SDK's samples cover all 200.
        iterations: 10,
        time: 10_000,
        setup: async () => {
          const list = articles();
          const { store, insertMs } = await storeWithArticles();
          const t1 = performance.now();
          kb = knowledgeBaseOver(store);
          const stats = await kb.load();
          const t2 = performance.now();
          const base = kb;
          const cold = percentiles(
            await timeEach(queries, (q) => base.search({ actor: reader, query: q, limit: LIMIT })),
          );
          const sdk = percentiles(
            await timeEach(queries, (q) => base.search({ actor: reader, query: q, limit: LIMIT })),
          );
          const every10th = queries.filter((_, i) => i % 10 === 0);
          const scan = percentiles(await timeEach(every10th, (q) => scanSearch(list, q)));
          const preFolded = new Map(list.map((a) => [a.id, fold(articleText(a))]));
          const pre = percentiles(
            await timeEach(queries, (q) => {
              const terms = fold(q)
                .split(/[^\p{L}\p{N}]+/u)
                .filter((t) => t.length > 0);
              return topByCount(
                (function* () {
                  for (const [id, text] of preFolded) {
                    let n = 0;
                    for (const t of terms) if (text.includes(t)) n++;
                    yield [id, n] as [string, number];
                  }
                })(),
              );
            }),
          );
          const hits = (
            await Promise.all(queries.map((q) => base.search({ actor: reader, query: q, limit: LIMIT })))
          ).filter((h) => h.length > 0).length;
          console.error(
            [
              `  stored ${list.length} articles in the memory store in ${ms(insertMs)}; KnowledgeBase.load() indexed ${stats.articles} in ${ms(t2 - t1)}`,
              `  SDK search, 200 queries, first pass: p50 ${ms(cold.p50)}  p95 ${ms(cold.p95)}  p99 ${ms(cold.p99)}`,
              `  SDK search, 200 queries, again:      p50 ${ms(sdk.p50)}  p95 ${ms(sdk.p95)}  p99 ${ms(sdk.p99)}  (${hits}/200 queries with hits)`,
              `  baseline scan (fold per query), 20:  p50 ${ms(scan.p50)}  p95 ${ms(scan.p95)}  p99 ${ms(scan.p99)}`,
              `  scan over pre-folded text, 200:      p50 ${ms(pre.p50)}  p95 ${ms(pre.p95)}  p99 ${ms(pre.p99)}  (for reference, not in the table)`,
            ].join('\n'),
          );
        },
        teardown: () => {
          kb = undefined;
        },
        baseline: {
          name: 'scan: fold every article per query, count term matches (includes)',
          fn: () => scanSearch(articles(), queries[nextScan++ % queries.length]!),
        },
        candidates: [
          {
            name: 'KnowledgeBase.search (MiniSearch, folded, prefix + fuzzy, vote boost)',
            fn: () =>
              kb!.search({ actor: reader, query: queries[nextQuery++ % queries.length]!, limit: LIMIT }),
          },
        ],
      },
      {
        name: `knowledge index build for ${ARTICLES.toLocaleString('en-US')} articles`,
        itemsPerOp: ARTICLES,
        unit: 'article',
        iterations: 3,
        setup: async () => {
          const { store } = await storeWithArticles();
          kb = knowledgeBaseOver(store);
          serialized = createKnowledgeIndex(articles()).serialize();
          console.error(`  serialised index: ${(serialized.length / 1024 / 1024).toFixed(1)} MB of JSON`);
        },
        teardown: async () => {
          folded = undefined;
          serialized = undefined;
          kb = undefined;
          const shared = sharedStore;
          sharedStore = undefined;
          await (await shared)?.store.close();
        },
        baseline: {
          name: 'Map of folded strings',
          fn: () => {
            folded = new Map();
            for (const a of articles()) folded.set(a.id, fold(articleText(a)));
            return folded.size;
          },
        },
        candidates: [
          {
            name: 'createKnowledgeIndex (validates each article, then indexes)',
            fn: () => createKnowledgeIndex(articles()).size,
          },
          {
            name: 'KnowledgeBase.rebuild (streams published articles from the memory store)',
            fn: async () => (await kb!.rebuild()).articles,
          },
          {
            name: 'restoreKnowledgeIndex (from a serialised index)',
            fn: () => restoreKnowledgeIndex(serialized!).size,
          },
        ],
      },
    ];
  },
});
