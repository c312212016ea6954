import { parseInput } from '../errors/validate';
import { EntityId } from '../kernel/id';
import type { KnowledgeArticle } from './article.schema';
import { createIndexInternals, type KnowledgeIndexInternals, restoreIndexInternals } from './knowledge-index';
import type {
  KnowledgeIndexStats,
  KnowledgeSearch,
  KnowledgeSearchContext,
  KnowledgeSearchEngine,
} from './knowledge-search-engine';

/**
 * The in-memory search engine (MiniSearch), the default: each knowledge base keeps its own index of the
 * published articles, built from the store on first use, moved by the base's own commits, by other processes'
 * through `syncArticle`, rebuilt, persisted and restored on request. Fast and simple for a small base (up to some
 * ten thousand articles); a large one belongs in the database (`postgresKnowledgeSearch()` of
 * `@frontline/postgres`).
 * @example
 * const kb = createKnowledgeBase({ store, clock, ids, search: miniSearchKnowledgeSearch() });
 * @category Knowledge
 */
export function miniSearchKnowledgeSearch(): KnowledgeSearch {
  return { name: 'minisearch', inProcess: true, open: createLiveIndex };
}

/**
 * The search index a knowledge base keeps current from its store: built on first use, moved by the base's own
 * commits (`committed`), by others' through `sync`, rebuilt or restored on request. Internal.
 */
export function createLiveIndex(context: KnowledgeSearchContext): KnowledgeSearchEngine {
  let index: KnowledgeIndexInternals = createIndexInternals();
  /** The newest version the index saw of each article: a late callback never overwrites a newer state. */
  let versions = new Map<string, number>();
  let ready = false;
  let loading: Promise<KnowledgeIndexStats> | null = null;
  let generation = 0;
  /** Commits seen while a rebuild streams, replayed onto its index before the swap. */
  const collectors = new Set<Map<string, { article: KnowledgeArticle; version: number }>>();

  function apply(article: KnowledgeArticle, version: number): void {
    for (const collector of collectors) {
      const seen = collector.get(article.id);
      if (!seen || seen.version <= version) collector.set(article.id, { article, version });
    }
    const known = versions.get(article.id);
    if (known !== undefined && known > version) return;
    index.upsertTrusted(article);
    // Kept for unpublished articles too, so a late callback of an older, published state cannot revive one.
    versions.set(article.id, version);
  }

  async function rebuild(): Promise<KnowledgeIndexStats> {
    const gen = ++generation;
    const collector = new Map<string, { article: KnowledgeArticle; version: number }>();
    collectors.add(collector);
    try {
      const next = createIndexInternals();
      const nextVersions = new Map<string, number>();
      for await (const stored of context.published()) {
        next.upsertTrusted(stored.data);
        nextVersions.set(stored.data.id, stored.version);
      }
      for (const { article, version } of collector.values()) {
        if ((nextVersions.get(article.id) ?? 0) > version) continue;
        next.upsertTrusted(article);
        nextVersions.set(article.id, version);
      }
      if (gen === generation) {
        index = next;
        versions = nextVersions;
        ready = true;
      }
      return { articles: next.size };
    } finally {
      collectors.delete(collector);
    }
  }

  function load(): Promise<KnowledgeIndexStats> {
    if (ready) return Promise.resolve({ articles: index.size });
    loading ??= rebuild().finally(() => {
      loading = null;
    });
    return loading;
  }

  async function current(): Promise<KnowledgeIndexInternals> {
    if (!ready) await load();
    return index;
  }

  return {
    committed: apply,
    load,
    rebuild,
    query: async (query) => (await current()).query(query),
    async sync(articleId: string): Promise<void> {
      const id = parseInput(EntityId, articleId, 'article id');
      const stored = await context.find(id);
      if (stored) {
        apply(stored.data, stored.version);
      } else {
        index.remove(id);
        versions.delete(id);
      }
    },
    async serialize(): Promise<string> {
      return (await current()).serialize();
    },
    restore(serialized: string): KnowledgeIndexStats {
      const restored = restoreIndexInternals(serialized);
      generation++;
      index = restored;
      versions = new Map();
      ready = true;
      return { articles: restored.size };
    },
  };
}
