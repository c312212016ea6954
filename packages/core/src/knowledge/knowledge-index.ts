import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { KnowledgeArticle } from './article.schema';
import { helpfulnessBoostRaw } from './helpfulness';
import {
  type Fields,
  FUZZINESS,
  fingerprintOf,
  type IndexedArticle,
  MIN_FUZZY_LENGTH,
  MIN_PREFIX_LENGTH,
  miniSearchOptions,
  StoredFields,
  type StoredSummary,
  toHit,
  toIndexed,
  votesBoost,
} from './indexed-article';
import { type KnowledgeEngineQuery, searchQuery, suggestionQuery } from './knowledge-search-engine';
import {
  ArticleSuggestionInput,
  COMMON_TERM_MIN_POSTINGS,
  COMMON_TERM_SHARE,
  FREQUENCY_MEMO_LIMIT,
  type KnowledgeSearchHit,
  KnowledgeSearchInput,
  SHORTLIST_PER_RESULT,
} from './knowledge-search-input';

/**
 * The in-memory full-text index of published articles (MiniSearch underneath): accent-folded terms, prefix
 * and typo-tolerant matching, title boosted, ranking moved by helpfulness votes. Pure — no storage; the
 * {@link KnowledgeBase} keeps one current from the store, and a host may use one directly (in a worker that
 * restores a persisted index, say).
 * @category Knowledge
 */
export interface KnowledgeIndex {
  /** How many articles are indexed. */
  readonly size: number;
  /** True when the article is indexed (that is, was published when last given). */
  has(articleId: string): boolean;
  /** Indexes a published article (replacing an older copy), or removes one in any other status. */
  upsert(article: KnowledgeArticle): void;
  /** Removes an article; nothing happens when it is not indexed. */
  remove(articleId: string): void;
  /** Full-text search; see {@link KnowledgeSearchInput}. */
  search(input: KnowledgeSearchInput): KnowledgeSearchHit[];
  /** Articles that may solve a new ticket; see {@link ArticleSuggestionInput}. */
  suggest(input: ArticleSuggestionInput): KnowledgeSearchHit[];
  /** The index as a JSON string, for {@link restoreKnowledgeIndex}. */
  serialize(): string;
}

/** The index with an unvalidated insert, for bulk loads of articles the repository already parsed. */
export interface KnowledgeIndexInternals extends KnowledgeIndex {
  upsertTrusted(article: KnowledgeArticle): void;
  /** Runs a query the knowledge base built (terms already folded, keys already compared folded). */
  query(query: KnowledgeEngineQuery): KnowledgeSearchHit[];
}

const HEADER = '{"format":"frontline.knowledge-index","version":1,"index":';

function wrap(mini: MiniSearch<IndexedArticle>): KnowledgeIndexInternals {
  /** Postings per exact term, remembered until the indexed documents change (votes do not count). */
  const frequencies = new Map<string, number>();
  const upsertTrusted = (article: KnowledgeArticle) => {
    const fingerprint = fingerprintOf(article);
    const stored = mini.getStoredFields(article.id);
    if (stored) {
      if (stored.fingerprint === fingerprint) {
        if (article.status === 'published') {
          // Only the votes changed (a published article's text is frozen): update them in place, so the
          // index keeps exact BM25 statistics and no re-indexing is needed.
          stored.summary = {
            ...(stored.summary as StoredSummary),
            helpfulVotes: article.helpfulVotes,
            notHelpfulVotes: article.notHelpfulVotes,
          };
          stored.voteBoost = helpfulnessBoostRaw(article.helpfulVotes, article.notHelpfulVotes);
          return;
        }
        // Same text as indexed: remove it exactly (discarding would skew term statistics until a vacuum).
        mini.remove(toIndexed(article, fingerprint));
      } else {
        mini.discard(article.id);
      }
      frequencies.clear();
    }
    if (article.status === 'published') {
      mini.add(toIndexed(article, fingerprint));
      frequencies.clear();
    }
  };
  /**
   * How many (article, field) postings a term has — as written, or with the prefixes and typos it expands
   * to: a document-frequency probe that walks postings without scoring them, remembered until the index
   * changes.
   */
  const postings = (term: string, expanded: boolean): number => {
    const key = expanded ? `~${term}` : term; // "~" never occurs in a term: the tokenizer splits on symbols
    const known = frequencies.get(key);
    if (known !== undefined) return known;
    let count = 0;
    mini.search(term, {
      prefix: expanded && term.length >= MIN_PREFIX_LENGTH,
      fuzzy: expanded && term.length >= MIN_FUZZY_LENGTH ? FUZZINESS : false,
      boostDocument: () => {
        count++;
        return 0;
      },
    });
    if (frequencies.size >= FREQUENCY_MEMO_LIMIT) frequencies.clear();
    frequencies.set(key, count);
    return count;
  };

  /**
   * Runs a query so that the work follows the selective words, not the common ones (MiniSearch walks every
   * posting of every word; it has no top-k pruning). A word in more than {@link COMMON_TERM_SHARE} of the
   * articles scores little (low IDF) but costs the most, so:
   * 1. common words match as written (no prefix or typo expansion);
   * 2. the articles matching the query's selective words — or, when there are none (or with `AND`), its
   *    rarest word — are found first;
   * 3. the whole query scores the best {@link SHORTLIST_PER_RESULT} × `limit` of them, with the very scores
   *    a plain query would give them.
   * With `AND` the answer is exact. With `OR`, an article matching nothing but common words drops out, and
   * one whose selective words score low may miss the shortlist — unless the selective words match fewer
   * than `limit` articles, in which case the whole query runs as it is. Small bases (see
   * `COMMON_TERM_MIN_POSTINGS`) always run the plain query.
   */
  const run = (
    terms: readonly string[],
    combineWith: 'AND' | 'OR',
    baseOptions: Omit<SearchOptions, 'boostDocument' | 'combineWith'>,
    documentBoost: (fields: Fields) => number,
    limit: number,
  ): KnowledgeSearchHit[] => {
    const count = mini.documentCount;
    if (terms.length === 0 || count === 0) return [];
    let options = baseOptions;
    const boostDocument = (_id: unknown, _term: string, fields: Fields) => documentBoost(fields);
    const whole = () => mini.search(terms.join(' '), { ...options, combineWith, boostDocument });
    const common = Math.max(COMMON_TERM_MIN_POSTINGS, count * COMMON_TERM_SHARE);
    const exact = terms.map((term) => postings(term, false));
    // A common word needs no help to be found: matching its prefixes and typos too would only multiply the
    // postings to walk. Other words keep both, and are judged by what they expand to (a typo of a common
    // word is common once corrected).
    const frequent = new Set(terms.filter((_, i) => exact[i]! > common));
    const sizes = terms.map((term, i) => (frequent.has(term) ? exact[i]! : postings(term, true)));
    const selective = terms.filter((_, i) => sizes[i]! <= common);
    if (frequent.size > 0) {
      options = {
        ...options,
        prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH && !frequent.has(term),
        fuzzy: (term: string) => (term.length >= MIN_FUZZY_LENGTH && !frequent.has(term) ? FUZZINESS : false),
      };
    }
    let first: readonly string[];
    if (combineWith === 'AND' || selective.length === 0) {
      const rarest = sizes.indexOf(Math.min(...sizes));
      first = [terms[rarest]!];
    } else {
      first = selective;
    }
    if (first.length === terms.length) return whole().slice(0, limit).map(toHit);
    const candidates = mini.search(first.join(' '), { ...options, combineWith: 'OR', boostDocument });
    if (combineWith === 'OR' && candidates.length < limit) return whole().slice(0, limit).map(toHit);
    // Score the whole query on the best first-pass articles only; should that leave fewer than `limit` (an
    // AND whose matches ranked low on the first word), score it on every first-pass article.
    const rescore = (shortlist: readonly SearchResult[]) => {
      const ids = new Set<unknown>(shortlist.map((r) => r.id));
      return mini.search(terms.join(' '), {
        ...options,
        combineWith,
        boostDocument: (id: unknown, _term: string, fields: Fields) =>
          ids.has(id) ? documentBoost(fields) : 0,
      });
    };
    const cap = limit * SHORTLIST_PER_RESULT;
    let results = rescore(candidates.length > cap ? candidates.slice(0, cap) : candidates);
    if (results.length < limit && candidates.length > cap) results = rescore(candidates);
    return results.slice(0, limit).map(toHit);
  };
  /** Runs an engine query (see {@link KnowledgeEngineQuery}) with the planner above. */
  const query = (q: KnowledgeEngineQuery): KnowledgeSearchHit[] => {
    const { locale, productKey, categoryKey } = q.filter;
    const filtered = locale !== undefined || productKey !== undefined || categoryKey !== undefined;
    const emphasis = new Set(q.emphasis);
    const { prefer } = q;
    return run(
      q.terms,
      q.match === 'all' ? 'AND' : 'OR',
      emphasis.size === 0 ? {} : { boostTerm: (term: string) => (emphasis.has(term) ? q.emphasisBoost : 1) },
      (fields) => {
        if (filtered) {
          if (locale !== undefined && fields?.locale !== locale) return 0;
          if (productKey !== undefined && fields?.productKey !== productKey) return 0;
          if (categoryKey !== undefined && fields?.categoryKey !== categoryKey) return 0;
        }
        let boost = votesBoost(fields);
        if (prefer.productKey !== undefined && fields?.productKey === prefer.productKey) {
          boost *= prefer.productBoost;
        }
        if (prefer.locale !== undefined && fields?.locale === prefer.locale) boost *= prefer.localeBoost;
        return boost;
      },
      q.limit,
    );
  };
  return {
    get size() {
      return mini.documentCount;
    },
    has: (articleId) => mini.has(articleId),
    upsertTrusted,
    upsert: (article) => upsertTrusted(parseInput(KnowledgeArticle, article, 'knowledge article')),
    remove: (articleId) => {
      const id = parseInput(z.string(), articleId, 'article id');
      if (mini.has(id)) {
        mini.discard(id);
        frequencies.clear();
      }
    },
    search: (input) => query(searchQuery(parseInput(KnowledgeSearchInput, input, 'knowledge search'))),
    suggest: (input) =>
      query(suggestionQuery(parseInput(ArticleSuggestionInput, input, 'article suggestion'))),
    query,
    serialize: () => `${HEADER}${JSON.stringify(mini)}}`,
  };
}

/** A new, empty index with its internals. */
export function createIndexInternals(): KnowledgeIndexInternals {
  return wrap(new MiniSearch<IndexedArticle>(miniSearchOptions()));
}

function corrupt(message: string, cause?: unknown): ValidationError {
  return new ValidationError(
    `Not a serialised knowledge index: ${message}`,
    [{ path: [], message, code: 'custom' }],
    cause === undefined ? {} : { cause },
  );
}

/** Restores an index's internals from {@link KnowledgeIndex.serialize} output. */
export function restoreIndexInternals(serialized: string): KnowledgeIndexInternals {
  const text = parseInput(z.string(), serialized, 'serialised knowledge index');
  if (!text.startsWith(HEADER) || !text.endsWith('}')) {
    throw corrupt('the header is missing or of another format version');
  }
  let mini: MiniSearch<IndexedArticle>;
  try {
    mini = MiniSearch.loadJSON<IndexedArticle>(text.slice(HEADER.length, -1), miniSearchOptions());
  } catch (error) {
    throw corrupt(error instanceof Error ? error.message : String(error), error);
  }
  // Every stored document must carry what summaries and boosts read; one pass, at restore time only.
  try {
    for (const result of mini.search(MiniSearch.wildcard)) {
      const check = StoredFields.safeParse(result);
      if (!check.success) throw corrupt(`document "${String(result.id)}" lacks its summary fields`);
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw corrupt(error instanceof Error ? error.message : String(error), error);
  }
  return wrap(mini);
}
