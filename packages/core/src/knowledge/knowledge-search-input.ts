import { z } from 'zod';
import { Locale } from '../kernel/locale';

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
export const KnowledgeSearchInput = z.strictObject({
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
export const ArticleSuggestionInput = z.strictObject({
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
export const MAX_SUGGESTION_TERMS = 48;
export const SUBJECT_TERM_BOOST = 2;

/**
 * The share of articles above which a word counts as common for query planning (see `KnowledgeIndex.search`):
 * such words still score, but only articles that match a rarer word of the query are scored.
 * @category Knowledge
 */
export const COMMON_TERM_SHARE = 0.05;
/** Below this many postings no word counts as common, so small bases always run the plain query. */
export const COMMON_TERM_MIN_POSTINGS = 2_000;
/** The whole query re-scores at most this many of the best first-pass articles per result asked for. */
export const SHORTLIST_PER_RESULT = 50;
/** How many terms' posting counts an index remembers between changes. */
export const FREQUENCY_MEMO_LIMIT = 50_000;
