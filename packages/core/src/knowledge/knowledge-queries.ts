import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { authorizeRead, type Page, pageOf, type ReadPolicy } from '../kit/read-policy';
import type { Store } from '../ports/storage';
import { type KnowledgeArticle, KnowledgeArticles } from './article.schema';
import {
  GetArticleInput,
  ListArticlesInput,
  SearchArticlesInput,
  SuggestArticlesInput,
} from './article-inputs';
import { type KnowledgeSearchEngine, searchQuery, suggestionQuery } from './knowledge-search-engine';
import type { KnowledgeSearchHit } from './knowledge-search-input';

/**
 * An article as stored, with the version its next change must name (optimistic concurrency).
 * @category Knowledge
 */
export interface KnowledgeArticleRecord {
  readonly article: KnowledgeArticle;
  readonly version: number;
}

/**
 * How the knowledge base is read: by whoever reads, writes or publishes articles. Articles hold no personal
 * data of their own (the erasure of a customer redacts what a ticket brought in), so nothing is masked.
 * @category Knowledge
 */
export const KnowledgeReadPolicy: ReadPolicy<KnowledgeArticle> = {
  what: 'knowledge article',
  anyOf: [Permissions.knowledgeRead, Permissions.knowledgeWrite, Permissions.knowledgePublish],
};

/** The read side of a knowledge base. Internal: `createKnowledgeBase` wires it. */
export function knowledgeQueries(store: Store, engine: KnowledgeSearchEngine) {
  return {
    async getArticle(raw: unknown): Promise<KnowledgeArticleRecord> {
      const input = parseInput(GetArticleInput, raw, 'article read');
      authorizeRead(KnowledgeReadPolicy, input.actor);
      const stored = await store.repository(KnowledgeArticles).get(input.id);
      return { article: stored.data, version: stored.version };
    },

    async listArticles(raw: unknown): Promise<Page<KnowledgeArticleRecord>> {
      const input = parseInput(ListArticlesInput, raw, 'article listing');
      authorizeRead(KnowledgeReadPolicy, input.actor);
      return pageOf(
        () => store.repository(KnowledgeArticles).query({ index: 'status', equals: input.status }),
        (a) => a.status,
        input,
        (row) => ({ article: row.data, version: row.version }),
      );
    },

    async search(raw: unknown): Promise<KnowledgeSearchHit[]> {
      const { actor, ...query } = parseInput(SearchArticlesInput, raw, 'knowledge search');
      authorizeRead(KnowledgeReadPolicy, actor);
      return engine.query(searchQuery(query));
    },

    async suggestArticles(raw: unknown): Promise<KnowledgeSearchHit[]> {
      const { actor, ...ticket } = parseInput(SuggestArticlesInput, raw, 'article suggestion');
      authorizeRead(KnowledgeReadPolicy, actor);
      return engine.query(suggestionQuery(ticket));
    },
  };
}
