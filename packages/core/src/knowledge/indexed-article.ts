import type { Options, SearchResult } from 'minisearch';
import { z } from 'zod';
import { Locale } from '../kernel/locale';
import type { KnowledgeArticle } from './article.schema';
import { createTermProcessor, foldRaw, tokenizeRaw } from './fold-text';
import { helpfulnessBoostRaw } from './helpfulness';
import { KNOWLEDGE_EXCERPT_LENGTH, type KnowledgeSearchHit } from './knowledge-search-input';

/* How an article becomes a MiniSearch document and a result becomes a hit. Internal to the index. */

const FIELD_BOOST = { title: 3, tags: 1.5, product: 1.5, problem: 1, solution: 1 } as const;
const FIELDS = Object.keys(FIELD_BOOST);
/**
 * Stored per document: the summary as one object (a search result copies one field, not ten) and the keys
 * that scoring and filters read.
 */
const STORE_FIELDS = ['summary', 'locale', 'productKey', 'categoryKey', 'fingerprint', 'voteBoost'] as const;

/** What a hit shows of an article, as stored in the index (instants as ISO strings). */
export interface StoredSummary {
  title: string;
  product: string;
  category: string;
  tags: string[];
  excerpt: string;
  sourceTicketId: string | null;
  helpfulVotes: number;
  notHelpfulVotes: number;
  publishedAt: string | null;
}

/** The document MiniSearch indexes and stores for one published article. */
export interface IndexedArticle {
  id: string;
  title: string;
  problem: string;
  solution: string;
  product: string;
  tags: string[];
  summary: StoredSummary;
  locale: Locale;
  productKey: string;
  categoryKey: string;
  /** A hash of everything indexed or stored except the votes: equal means only the votes changed. */
  fingerprint: string;
  /** {@link helpfulnessBoost} of the vote counts, kept with them so scoring does not recompute it. */
  voteBoost: number;
}

export const StoredFields = z.object({
  summary: z.object({
    title: z.string(),
    product: z.string(),
    category: z.string(),
    tags: z.array(z.string()),
    excerpt: z.string(),
    sourceTicketId: z.string().nullable(),
    helpfulVotes: z.number().int().min(0),
    notHelpfulVotes: z.number().int().min(0),
    publishedAt: z.string().nullable(),
  }),
  locale: Locale,
  productKey: z.string(),
  categoryKey: z.string(),
  fingerprint: z.string(),
  voteBoost: z.number().min(0.5).max(1.5),
});

/** A product or category as a comparison key: folded, inner spaces collapsed. */
export function labelKey(label: string): string {
  return foldRaw(label).trim().replace(/\s+/gu, ' ');
}

export const MIN_PREFIX_LENGTH = 3;
export const MIN_FUZZY_LENGTH = 4;
/** Edits allowed per letter: one in a 4–7 letter word, two from 8 letters (capped by `maxFuzzy`). */
export const FUZZINESS = 0.2;

/** MiniSearch options; each index gets its own memoised term processor. */
export const miniSearchOptions = (): Options<IndexedArticle> => ({
  fields: FIELDS,
  storeFields: [...STORE_FIELDS],
  tokenize: tokenizeRaw,
  processTerm: createTermProcessor(),
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value)),
  searchOptions: {
    boost: { ...FIELD_BOOST },
    // Short terms would expand to half the vocabulary: prefix from 3 letters, typos from 4.
    prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH,
    fuzzy: (term: string) => (term.length >= MIN_FUZZY_LENGTH ? FUZZINESS : false),
    maxFuzzy: 2,
  },
  logger: () => {},
});

/** FNV-1a (32 bit) over the fields that go into the index, votes left out. */
export function fingerprintOf(article: KnowledgeArticle): string {
  const text = [
    article.title,
    article.problem,
    article.solution,
    article.product,
    article.category,
    article.tags.join('\u0001'),
    article.locale,
    article.sourceTicketId ?? '',
    article.publishedAt?.toISOString() ?? '',
  ].join('\u0000');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16)}:${text.length}`;
}

export function toIndexed(article: KnowledgeArticle, fingerprint: string): IndexedArticle {
  return {
    id: article.id,
    title: article.title,
    problem: article.problem,
    solution: article.solution,
    product: article.product,
    tags: article.tags,
    summary: {
      title: article.title,
      product: article.product,
      category: article.category,
      tags: article.tags,
      excerpt: article.problem.slice(0, KNOWLEDGE_EXCERPT_LENGTH),
      sourceTicketId: article.sourceTicketId,
      helpfulVotes: article.helpfulVotes,
      notHelpfulVotes: article.notHelpfulVotes,
      publishedAt: article.publishedAt?.toISOString() ?? null,
    },
    locale: article.locale,
    productKey: labelKey(article.product),
    categoryKey: labelKey(article.category),
    fingerprint,
    voteBoost: helpfulnessBoostRaw(article.helpfulVotes, article.notHelpfulVotes),
  };
}

/** Stored fields of a document, as MiniSearch hands them to `boostDocument`. */
export type Fields = Record<string, unknown> | undefined;
export const votesBoost = (fields: Fields): number => {
  const boost = fields?.voteBoost;
  return typeof boost === 'number' ? boost : 1;
};

export function toHit(result: SearchResult): KnowledgeSearchHit {
  const summary = result.summary as StoredSummary;
  return {
    article: {
      id: String(result.id),
      title: summary.title,
      product: summary.product,
      category: summary.category,
      tags: [...summary.tags],
      locale: result.locale as Locale,
      excerpt: summary.excerpt,
      sourceTicketId: summary.sourceTicketId,
      helpfulVotes: summary.helpfulVotes,
      notHelpfulVotes: summary.notHelpfulVotes,
      publishedAt: summary.publishedAt === null ? null : new Date(summary.publishedAt),
    },
    score: result.score,
    terms: result.terms,
    queryTerms: result.queryTerms,
    match: result.match,
  };
}
