import { z } from 'zod';
import type { Locale } from '../kernel/locale';
import { hasMethods } from '../kit/service-ports';
import type { Store, Stored } from '../ports/storage';
import type { KnowledgeArticle } from './article.schema';
import { searchTermsRaw } from './fold-text';
import { helpfulnessBoostRaw } from './helpfulness';
import { labelKey } from './indexed-article';
import {
  type ArticleSuggestionInput,
  KNOWLEDGE_EXCERPT_LENGTH,
  type KnowledgeArticleSummary,
  type KnowledgeSearchHit,
  type KnowledgeSearchInput,
  MAX_SUGGESTION_TERMS,
  SUBJECT_TERM_BOOST,
  SUGGESTION_LOCALE_BOOST,
  SUGGESTION_PRODUCT_BOOST,
} from './knowledge-search-input';

/**
 * The state of a knowledge base's search index.
 * @category Knowledge
 */
export interface KnowledgeIndexStats {
  /** Published articles in the index. */
  readonly articles: number;
}

/**
 * What a search engine indexes for one published article: its text in three weighted groups, as written (the
 * engine folds it), the keys filters compare, the helpfulness boost and the summary a hit shows.
 * @category Knowledge
 */
export interface KnowledgeSearchDocument {
  readonly id: string;
  /** Weighs most (×3 in the in-memory engine, weight A in PostgreSQL). */
  readonly title: string;
  /** Product and tags (×1.5, weight B). */
  readonly keywords: string;
  /** The problem as the customer told it (×1, weight C). */
  readonly problem: string;
  /** What solved it (×1, weight D ranked as C). */
  readonly solution: string;
  readonly locale: Locale;
  /** The product, folded (see `labelKey`): what `product` filters and suggestion lifts compare. */
  readonly productKey: string;
  readonly categoryKey: string;
  /** The helpfulness boost of the article's votes (0.5–1.5). */
  readonly boost: number;
  /** The hit's article summary, instants as ISO strings (JSON as stored). */
  readonly summary: KnowledgeSummaryJson;
}

/**
 * A {@link KnowledgeArticleSummary} as JSON (the publishing instant as an ISO string).
 * @category Knowledge
 */
export type KnowledgeSummaryJson = Omit<KnowledgeArticleSummary, 'publishedAt' | 'id'> & {
  readonly publishedAt: string | null;
};

/**
 * One query as an engine runs it, built by the knowledge base from a search or a suggestion.
 * @category Knowledge
 */
export interface KnowledgeEngineQuery {
  /** Folded search terms, stop words removed, each once (see `searchTerms`); an empty list finds nothing. */
  readonly terms: readonly string[];
  /** `any`: an article matching one term is a hit; `all`: it must match every term. */
  readonly match: 'any' | 'all';
  /** Terms that count {@link KnowledgeEngineQuery.emphasisBoost} times (a suggestion's subject). */
  readonly emphasis: readonly string[];
  readonly emphasisBoost: number;
  /** Only articles with these keys (folded) are hits. */
  readonly filter: { readonly locale?: Locale; readonly productKey?: string; readonly categoryKey?: string };
  /** Articles with these keys are lifted by the factor beside each, the others still show. */
  readonly prefer: {
    readonly productKey?: string;
    readonly productBoost: number;
    readonly locale?: Locale;
    readonly localeBoost: number;
  };
  readonly limit: number;
}

/**
 * What one command changed in the search index: documents to (re)index and ids to remove.
 * @category Knowledge
 */
export interface KnowledgeSearchChange {
  readonly index: readonly KnowledgeSearchDocument[];
  readonly remove: readonly string[];
}

/**
 * What the knowledge base hands an engine when it opens it over its store: the store, the published articles
 * to (re)build from, one article by id, and the document of an article.
 * @category Knowledge
 */
export interface KnowledgeSearchContext {
  /** The store (and tenant) of the knowledge base. */
  readonly store: Store;
  /** Every published article with its version, streamed from the store (or from `tx`, a unit of work on it). */
  published(tx?: Store): AsyncIterable<Stored<KnowledgeArticle>>;
  /** One article as stored, or `undefined`. */
  find(articleId: string): Promise<Stored<KnowledgeArticle> | undefined>;
  /** What an engine indexes for a published article. */
  document(article: KnowledgeArticle): KnowledgeSearchDocument;
}

/**
 * A knowledge base's search engine, open over one store (one tenant). Two kinds exist: one that keeps its index
 * in this process (MiniSearch) and follows commits, and one that keeps it in the database beside the articles
 * and is written in their unit of work (see {@link KnowledgeSearch.write}).
 * @category Knowledge
 */
export interface KnowledgeSearchEngine {
  /** After a unit of work that changed the article committed: an in-process engine follows it here. */
  committed(article: KnowledgeArticle, version: number): void;
  /** Ranked hits, best first, at most `limit`. */
  query(query: KnowledgeEngineQuery): Promise<KnowledgeSearchHit[]>;
  /** Prepares the index (builds it from the store, or back-fills a new table) unless it is ready. */
  load(): Promise<KnowledgeIndexStats>;
  /** Builds the index afresh from the store's published articles. */
  rebuild(): Promise<KnowledgeIndexStats>;
  /** Re-reads one article from the store and indexes (or removes) it. */
  sync(articleId: string): Promise<void>;
  /** The index as a string (in-process engines; a database engine refuses with a `ValidationError`). */
  serialize(): Promise<string>;
  /** Replaces the index with a serialised one (in-process engines). */
  restore(serialized: string): KnowledgeIndexStats;
}

/**
 * The search port of the knowledge base: a factory of engines, one per knowledge base (that is, per store and
 * tenant). `@frontline/core` ships `miniSearchKnowledgeSearch()` (in memory, the default); `@frontline/postgres`
 * ships `postgresKnowledgeSearch()` (full-text search in the database, for large bases).
 * @example
 * const frontline = await createFrontline({ store, modules: [serviceDesk({ knowledgeSearch: postgresKnowledgeSearch() })] });
 * @category Knowledge
 */
export interface KnowledgeSearch {
  /** A short name for diagnostics (`minisearch`, `postgres`). */
  readonly name: string;
  /**
   * `true` when the index lives in this process: each process keeps its own, follows its own commits and needs
   * `syncArticle` (or `rebuild`) for other processes' changes. `false` when it lives with the articles: every
   * process sees every commit at once.
   */
  readonly inProcess: boolean;
  /**
   * Writes a change into the index in the unit of work `tx` that changes the articles, so both commit or roll
   * back together. Engines that live in the database implement it; in-process ones leave it out.
   */
  write?(tx: Store, change: KnowledgeSearchChange): Promise<void>;
  /** Opens the engine of one knowledge base. */
  open(context: KnowledgeSearchContext): KnowledgeSearchEngine;
}

/** Checks a host's search port. */
export const KnowledgeSearchPort = z.custom<KnowledgeSearch>(
  (v) => hasMethods(v, 'open') && typeof (v as KnowledgeSearch).inProcess === 'boolean',
  'Expected a KnowledgeSearch (miniSearchKnowledgeSearch(), postgresKnowledgeSearch() …)',
);

/**
 * The document an engine indexes for an article.
 * @category Knowledge
 */
export function knowledgeSearchDocument(article: KnowledgeArticle): KnowledgeSearchDocument {
  return {
    id: article.id,
    title: article.title,
    keywords: [article.product, ...article.tags].join(' '),
    problem: article.problem,
    solution: article.solution,
    locale: article.locale,
    productKey: labelKey(article.product),
    categoryKey: labelKey(article.category),
    boost: helpfulnessBoostRaw(article.helpfulVotes, article.notHelpfulVotes),
    summary: {
      title: article.title,
      product: article.product,
      category: article.category,
      tags: article.tags,
      locale: article.locale,
      excerpt: article.problem.slice(0, KNOWLEDGE_EXCERPT_LENGTH),
      sourceTicketId: article.sourceTicketId,
      helpfulVotes: article.helpfulVotes,
      notHelpfulVotes: article.notHelpfulVotes,
      publishedAt: article.publishedAt?.toISOString() ?? null,
    },
  };
}

/** The search change of one article: indexed when published, removed otherwise. */
export function changeOf(article: KnowledgeArticle): KnowledgeSearchChange {
  return article.status === 'published'
    ? { index: [knowledgeSearchDocument(article)], remove: [] }
    : { index: [], remove: [article.id] };
}

/** The engine query of a parsed search. */
export function searchQuery(q: z.output<typeof KnowledgeSearchInput>): KnowledgeEngineQuery {
  return {
    terms: searchTermsRaw(q.query),
    match: q.match,
    emphasis: [],
    emphasisBoost: 1,
    filter: {
      ...(q.locale === undefined ? {} : { locale: q.locale }),
      ...(q.product === undefined ? {} : { productKey: labelKey(q.product) }),
      ...(q.category === undefined ? {} : { categoryKey: labelKey(q.category) }),
    },
    prefer: { productBoost: 1, localeBoost: 1 },
    limit: q.limit,
  };
}

/** The engine query of a parsed suggestion: subject and text combined with OR, subject terms weighing double. */
export function suggestionQuery(q: z.output<typeof ArticleSuggestionInput>): KnowledgeEngineQuery {
  const subject = searchTermsRaw(q.subject);
  return {
    terms: [...new Set([...subject, ...searchTermsRaw(q.text)])].slice(0, MAX_SUGGESTION_TERMS),
    match: 'any',
    emphasis: subject,
    emphasisBoost: SUBJECT_TERM_BOOST,
    filter: {},
    prefer: {
      ...(q.product === undefined ? {} : { productKey: labelKey(q.product) }),
      productBoost: SUGGESTION_PRODUCT_BOOST,
      ...(q.locale === undefined ? {} : { locale: q.locale }),
      localeBoost: SUGGESTION_LOCALE_BOOST,
    },
    limit: q.limit,
  };
}
