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

const ARTICLES = benchSize(100_000);
const QUERY_COUNT = 200;
const LIMIT = 10;

/** mulberry32: a small seeded PRNG, so every run generates the same base. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const HU = {
  products: [
    'router',
    'SIM kártya',
    'számla',
    'internet',
    'mobil',
    'TV',
    'modem',
    'vezetékes telefon',
    'set-top box',
    'e-mail fiók',
    'roaming',
    'előfizetés',
  ],
  problems: [
    'nem működik',
    'lassú',
    'akadozik',
    'megszakad a kapcsolat',
    'nem kapcsol be',
    'hibaüzenetet jelez',
    'nem csatlakozik',
    'túl magas összeg',
    'nem érkezik meg',
    'folyamatosan újraindul',
    'nincs térerő',
    'recseg a vonal',
    'nem tölt be az oldal',
    'letiltották',
    'elfelejtett jelszó',
    'kétszer terhelték',
  ],
  contexts: [
    'este',
    'reggelente',
    'hétvégén',
    'eső után',
    'költözés óta',
    'szoftverfrissítés után',
    'készülékcsere után',
    'a lakás hátsó szobájában',
    'külföldön',
    'minden nap',
    'áramszünet után',
    'új tarifára váltás óta',
  ],
  causes: [
    'hibás tápegység',
    'elavult firmware',
    'túlterhelt adótorony',
    'rossz APN beállítás',
    'lejárt előfizetés',
    'dupla terhelés a rendszerben',
    'sérült csatlakozókábel',
    'szomszédos wifi hálózatok interferenciája',
    'háromszor hibásan megadott PIN kód',
    'hibás díjcsomag besorolás',
  ],
  steps: [
    'Indítsa újra a készüléket.',
    'Frissítse a firmware-t a legújabb verzióra.',
    'Ellenőrizze a kábelek csatlakozását.',
    'Cserélje ki a tápegységet.',
    'Állítsa be az APN-t „internet” értékre.',
    'Kérjen jóváírást a következő számlára.',
    'Helyezze a routert szellős, magas helyre.',
    'Váltson 5 GHz-es csatornára.',
    'Adja meg a PUK kódot a SIM kártya feloldásához.',
    'Kapcsolja ki, majd be a repülő üzemmódot.',
    'Állítsa vissza a gyári beállításokat.',
    'Jelentse be a hibát a hálózatüzemeltetésnek.',
    'Igényeljen új jelszót az ügyfélkapun.',
    'Ellenőrizze az egyenleget és a havi keretet.',
  ],
  categories: ['hibabejelentés', 'számlázás', 'beállítás', 'tarifa', 'készülék'],
};

const EN = {
  products: [
    'router',
    'SIM card',
    'invoice',
    'internet',
    'mobile',
    'TV',
    'modem',
    'landline',
    'set-top box',
    'email account',
    'roaming',
    'subscription',
  ],
  problems: [
    'does not work',
    'is slow',
    'keeps dropping',
    'will not turn on',
    'shows an error message',
    'cannot connect',
    'amount is too high',
    'never arrives',
    'keeps restarting',
    'has no signal',
    'line is crackling',
    'page will not load',
    'was blocked',
    'forgotten password',
    'charged twice',
  ],
  contexts: [
    'in the evening',
    'in the morning',
    'at weekends',
    'after rain',
    'since moving',
    'after a software update',
    'after replacing the device',
    'abroad',
    'every day',
    'after a power cut',
  ],
  causes: [
    'faulty power supply',
    'outdated firmware',
    'overloaded cell tower',
    'wrong APN setting',
    'expired subscription',
    'double charge in billing',
    'damaged cable',
    'interference from neighbouring wifi networks',
    'PIN entered wrongly three times',
  ],
  steps: [
    'Restart the device.',
    'Update the firmware to the latest version.',
    'Check that the cables are plugged in.',
    'Replace the power supply.',
    'Set the APN to "internet".',
    'Credit the amount on the next invoice.',
    'Place the router somewhere high and ventilated.',
    'Switch to a 5 GHz channel.',
    'Enter the PUK code to unlock the SIM card.',
    'Toggle airplane mode off and on.',
    'Reset to factory settings.',
    'Report the fault to network operations.',
    'Request a new password in the customer portal.',
  ],
  categories: ['fault', 'billing', 'settings', 'tariff', 'device'],
};

const MODELS = [
  'Huawei HG8245',
  'ZTE F660',
  'TP-Link Archer C6',
  'Nokia G-240W',
  'Samsung Galaxy A54',
  'iPhone 13',
  'Xiaomi Redmi Note 12',
  'Sagemcom F@st 5670',
  'Technicolor TG789',
  'AVM FRITZ!Box 7530',
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Deterministic, realistic articles: 70 % Hungarian, 30 % English. */
function generateArticles(count: number): KnowledgeArticle[] {
  const random = prng(20260302);
  const start = Date.UTC(2024, 0, 1);
  const out: KnowledgeArticle[] = [];
  for (let i = 0; i < count; i++) {
    const hu = random() < 0.7;
    const words = hu ? HU : EN;
    const product = pick(random, words.products);
    const problem = pick(random, words.problems);
    const context = pick(random, words.contexts);
    const cause = pick(random, words.causes);
    const model = pick(random, MODELS);
    const code = `E-${1000 + Math.floor(random() * 9000)}`;
    const steps = [pick(random, words.steps), pick(random, words.steps), pick(random, words.steps)];
    const at = new Date(start + Math.floor(random() * 2 * 365 * 86_400_000));
    out.push({
      id: `kb-${String(i).padStart(6, '0')}`,
      title: hu
        ? `${capitalise(product)}: ${problem} ${context}`
        : `${capitalise(product)} ${problem} ${context}`,
      problem: hu
        ? `Az ügyfél jelzi, hogy a(z) ${product} ${problem} ${context}. Készülék: ${model}, hibakód ${code}.`
        : `The customer reports that the ${product} ${problem} ${context}. Device: ${model}, error code ${code}.`,
      cause: hu ? `Ok: ${cause}.` : `Cause: ${cause}.`,
      solution: steps.map((s, n) => `${n + 1}. ${s}`).join(' '),
      product,
      category: pick(random, words.categories),
      tags: [product, model.split(' ')[0]!, code],
      locale: hu ? 'hu' : 'en',
      status: 'published',
      sourceTicketId: `T-${100000 + i}`,
      authorId: `agent-${i % 50}`,
      reviewerId: `lead-${i % 7}`,
      rejectionReason: null,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      publishedAt: at,
      archivedAt: null,
      helpfulVotes: Math.floor(random() * random() * 40),
      notHelpfulVotes: Math.floor(random() * random() * 10),
    });
  }
  return out;
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** 200 fixed queries as agents type them: with and without accents, cut short, mistyped, codes, English. */
function generateQueries(): string[] {
  const random = prng(42);
  const typo = (word: string) => {
    if (word.length < 5) return word;
    const at = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const queries: string[] = [];
  while (queries.length < QUERY_COUNT) {
    const kind = random();
    const hu = random() < 0.7;
    const words = hu ? HU : EN;
    let q: string;
    if (kind < 0.35) q = `${pick(random, words.products)} ${pick(random, words.problems)}`;
    else if (kind < 0.55)
      q = stripAccents(
        `${pick(random, words.products)} ${pick(random, words.problems)} ${pick(random, words.contexts)}`,
      );
    else if (kind < 0.7)
      q = `${pick(random, words.products)} ${pick(random, words.problems)}`.split(' ').map(typo).join(' ');
    else if (kind < 0.8) {
      const cause = pick(random, words.causes);
      q = cause.slice(0, Math.max(4, Math.floor(cause.length * 0.6)));
    } else if (kind < 0.9)
      q = `${pick(random, MODELS).split(' ')[0]} E-${1000 + Math.floor(random() * 9000)}`;
    else q = stripAccents(pick(random, words.steps).replace(/[.„”"]/g, '')).toLowerCase();
    queries.push(q);
  }
  return queries;
}

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
