import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Locale } from '../kernel/locale';
import { KnowledgeArticle } from './article.schema';
import { createTermProcessor, foldRaw, searchTermsRaw, tokenizeRaw } from './fold-text';
import { helpfulnessBoostRaw } from './helpfulness';

/**
 * What a search hit shows of an article: enough for a result list, without the full text.
 * @category Knowledge
 */
export interface KnowledgeArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly product: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly locale: Locale;
  /** The start of the problem description (at most {@link KNOWLEDGE_EXCERPT_LENGTH} characters). */
  readonly excerpt: string;
  readonly sourceTicketId: string | null;
  readonly helpfulVotes: number;
  readonly notHelpfulVotes: number;
  readonly publishedAt: Date | null;
}

/**
 * One search result: the article's summary, its score (BM25+ over the fields, times the helpfulness and
 * preference boosts), the article terms that matched (`terms`, folded), the query terms they matched
 * (`queryTerms`) and, per matched term, the fields it was found in (`match`).
 * @category Knowledge
 */
export interface KnowledgeSearchHit {
  readonly article: KnowledgeArticleSummary;
  readonly score: number;
  readonly terms: readonly string[];
  readonly queryTerms: readonly string[];
  readonly match: Readonly<Record<string, readonly string[]>>;
}

/**
 * How long the problem excerpt in a {@link KnowledgeArticleSummary} is at most.
 * @category Knowledge
 */
export const KNOWLEDGE_EXCERPT_LENGTH = 240;

const Label = z.string().trim().min(1).max(120);
const Limit = z.number().int().min(1).max(100);

/**
 * A full-text query over published articles.
 *
 * Matching: the query is split into words, folded (`Számla` = `szamla`, see `foldText`) and stripped of stop
 * words and single letters; each word matches in the title (weight 3), product and tags (1.5), problem and
 * solution (1), also as the beginning of a longer word (from 3 letters: `nyomt` → `nyomtató`) and with
 * typos (one edit from 4 letters, two from 8: `routr` → `router`). Ranking is BM25+, times the
 * article's helpfulness boost (see `helpfulnessBoost`). On a large base, words found in more than
 * {@link COMMON_TERM_SHARE} of the articles match only as written and only articles sharing a rarer word
 * of the query are ranked, which keeps the work proportional to the rarer words; `match: 'all'` stays exact.
 *
 * `locale`, `product` and `category` narrow the results (compared folded: `szamla` selects `Számla`);
 * `match: 'all'` keeps only articles matching every word.
 * @category Knowledge
 */
export const KnowledgeSearchInput = z.object({
  query: z.string().max(2000),
  locale: Locale.optional(),
  product: Label.optional(),
  category: Label.optional(),
  match: z.enum(['any', 'all']).default('any'),
  limit: Limit.default(10),
});
/** @category Knowledge */
export type KnowledgeSearchInput = z.input<typeof KnowledgeSearchInput>;

/**
 * A new ticket to find solutions for. Subject and text are combined with OR, subject terms weighing double;
 * `product` and `locale` do not filter but lift matching articles (×{@link SUGGESTION_PRODUCT_BOOST} and
 * ×{@link SUGGESTION_LOCALE_BOOST}), so a solution filed under a neighbouring product still shows.
 * @category Knowledge
 */
export const ArticleSuggestionInput = z.object({
  subject: z.string().max(500),
  text: z.string().max(50_000).default(''),
  product: Label.optional(),
  locale: Locale.optional(),
  limit: Limit.default(5),
});
/** @category Knowledge */
export type ArticleSuggestionInput = z.input<typeof ArticleSuggestionInput>;

/**
 * The factor by which a suggestion whose product matches the ticket's is lifted.
 * @category Knowledge
 */
export const SUGGESTION_PRODUCT_BOOST = 2;
/**
 * The factor by which a suggestion in the ticket's language is lifted.
 * @category Knowledge
 */
export const SUGGESTION_LOCALE_BOOST = 1.25;
/** Subject and text of a long ticket are cut to this many distinct terms (subject first). */
const MAX_SUGGESTION_TERMS = 48;
const SUBJECT_TERM_BOOST = 2;

/**
 * The share of articles above which a word counts as common for query planning (see `KnowledgeIndex.search`):
 * such words still score, but only articles that match a rarer word of the query are scored.
 * @category Knowledge
 */
export const COMMON_TERM_SHARE = 0.05;
/** Below this many postings no word counts as common, so small bases always run the plain query. */
const COMMON_TERM_MIN_POSTINGS = 2_000;
/** The whole query re-scores at most this many of the best first-pass articles per result asked for. */
const SHORTLIST_PER_RESULT = 50;
/** How many terms' posting counts an index remembers between changes. */
const FREQUENCY_MEMO_LIMIT = 50_000;

const FIELD_BOOST = { title: 3, tags: 1.5, product: 1.5, problem: 1, solution: 1 } as const;
const FIELDS = Object.keys(FIELD_BOOST);
/**
 * Stored per document: the summary as one object (a search result copies one field, not ten) and the keys
 * that scoring and filters read.
 */
const STORE_FIELDS = ['summary', 'locale', 'productKey', 'categoryKey', 'fingerprint', 'voteBoost'] as const;

/** What a hit shows of an article, as stored in the index (instants as ISO strings). */
interface StoredSummary {
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
interface IndexedArticle {
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

const StoredFields = z.object({
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
function labelKey(label: string): string {
  return foldRaw(label).trim().replace(/\s+/gu, ' ');
}

const MIN_PREFIX_LENGTH = 3;
const MIN_FUZZY_LENGTH = 4;
/** Edits allowed per letter: one in a 4–7 letter word, two from 8 letters (capped by `maxFuzzy`). */
const FUZZINESS = 0.2;

/** MiniSearch options; each index gets its own memoised term processor. */
const miniSearchOptions = (): Options<IndexedArticle> => ({
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
function fingerprintOf(article: KnowledgeArticle): string {
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

function toIndexed(article: KnowledgeArticle, fingerprint: string): IndexedArticle {
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
type Fields = Record<string, unknown> | undefined;
const votesBoost = (fields: Fields): number => {
  const boost = fields?.voteBoost;
  return typeof boost === 'number' ? boost : 1;
};

function toHit(result: SearchResult): KnowledgeSearchHit {
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
    search: (input) => {
      const q = parseInput(KnowledgeSearchInput, input, 'knowledge search');
      const productKey = q.product === undefined ? undefined : labelKey(q.product);
      const categoryKey = q.category === undefined ? undefined : labelKey(q.category);
      const filtered = q.locale !== undefined || productKey !== undefined || categoryKey !== undefined;
      return run(
        searchTermsRaw(q.query),
        q.match === 'all' ? 'AND' : 'OR',
        {},
        (fields) => {
          if (filtered) {
            if (q.locale !== undefined && fields?.locale !== q.locale) return 0;
            if (productKey !== undefined && fields?.productKey !== productKey) return 0;
            if (categoryKey !== undefined && fields?.categoryKey !== categoryKey) return 0;
          }
          return votesBoost(fields);
        },
        q.limit,
      );
    },
    suggest: (input) => {
      const q = parseInput(ArticleSuggestionInput, input, 'article suggestion');
      const subjectTerms = searchTermsRaw(q.subject);
      const terms = [...new Set([...subjectTerms, ...searchTermsRaw(q.text)])].slice(0, MAX_SUGGESTION_TERMS);
      const fromSubject = new Set(subjectTerms);
      const productKey = q.product === undefined ? undefined : labelKey(q.product);
      return run(
        terms,
        'OR',
        { boostTerm: (term: string) => (fromSubject.has(term) ? SUBJECT_TERM_BOOST : 1) },
        (fields) =>
          votesBoost(fields) *
          (productKey !== undefined && fields?.productKey === productKey ? SUGGESTION_PRODUCT_BOOST : 1) *
          (q.locale !== undefined && fields?.locale === q.locale ? SUGGESTION_LOCALE_BOOST : 1),
        q.limit,
      );
    },
    serialize: () => `${HEADER}${JSON.stringify(mini)}}`,
  };
}

/** A new, empty index with its internals. */
export function createIndexInternals(): KnowledgeIndexInternals {
  return wrap(new MiniSearch<IndexedArticle>(miniSearchOptions()));
}

const Iterable = z.custom<Iterable<unknown>>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function',
  'Expected an iterable of articles',
);

/**
 * A new in-memory index holding the published ones among `articles` (others are skipped).
 * @example
 * const index = createKnowledgeIndex(publishedArticles);
 * index.search({ query: 'arvizturo' }); // finds "árvíztűrő"
 * @category Knowledge
 */
export function createKnowledgeIndex(articles: Iterable<KnowledgeArticle> = []): KnowledgeIndex {
  const list = parseInput(
    z.array(KnowledgeArticle),
    [...parseInput(Iterable, articles, 'articles')],
    'articles',
  );
  const index = createIndexInternals();
  for (const article of list) index.upsertTrusted(article);
  return index;
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

/**
 * Rebuilds an index from what {@link KnowledgeIndex.serialize} (or `KnowledgeBase.serializeIndex`) wrote,
 * without reading a single article — a host persists the string and restores it at start-up. A string of
 * another format, version or a damaged one fails with a `ValidationError`.
 * @example
 * await fs.writeFile('kb-index.json', index.serialize());
 * const restored = restoreKnowledgeIndex(await fs.readFile('kb-index.json', 'utf8'));
 * @category Knowledge
 */
export function restoreKnowledgeIndex(serialized: string): KnowledgeIndex {
  return restoreIndexInternals(serialized);
}
