import { parseInput } from '../errors/validate';
import { EntityId } from '../kernel/id';
import type { Page } from '../kit/read-policy';
import { ServicePorts } from '../kit/service-ports';
import type { ServiceDeps } from '../services/domain-events';
import { KnowledgeArticles } from './article.schema';
import { articleCommands, type KnowledgeArticleResult } from './article-commands';
import type {
  ArticleCommandInput,
  DraftArticleInput,
  DraftFromSolvedTicketInput,
  EditArticleInput,
  GetArticleInput,
  ListArticlesInput,
  RejectArticleInput,
  SearchArticlesInput,
  SuggestArticlesInput,
  VoteOnArticleInput,
} from './article-inputs';
import { type KnowledgeVoteResult, voteOnArticle } from './article-vote';
import { type KnowledgeArticleRecord, knowledgeQueries } from './knowledge-queries';
import {
  type KnowledgeIndexStats,
  type KnowledgeSearch,
  KnowledgeSearchPort,
  knowledgeSearchDocument,
} from './knowledge-search-engine';
import type { KnowledgeSearchHit } from './knowledge-search-input';
import { miniSearchKnowledgeSearch } from './live-index';

/**
 * The knowledge base (tudásbázis): articles drafted from solved tickets or from scratch, reviewed by a
 * second person, published into a full-text index, voted helpful or not, archived.
 *
 * Every command takes one input naming its actor, runs on the kit's command runner — validation, the
 * permissions of the article state machine ({@link KNOWLEDGE_ARTICLE_TRANSITIONS}), the article, its audit
 * entry and its typed `.v1` event in one unit of work — so a failed command leaves no trace anywhere. Reads go
 * through `KnowledgeReadPolicy`.
 *
 * The index covers published articles only, and lives where its engine ({@link KnowledgeSearch}) keeps it:
 * - in memory (`miniSearchKnowledgeSearch()`, the default): built from the store on first use (or by
 *   {@link load}), kept current by this object's commands once they commit, persisted with
 *   {@link serializeIndex} and brought back with {@link restoreIndex}. Several processes each keep their own:
 *   call {@link syncArticle} on the `knowledge.article_*.v1` outbox messages of the others, or {@link rebuild}
 *   now and then;
 * - in the database (`postgresKnowledgeSearch()` of `@frontline/postgres`): written in each command's unit of
 *   work, seen by every process at once; {@link rebuild} re-derives it from the articles, and
 *   {@link serializeIndex} / {@link restoreIndex} refuse with a `ValidationError`.
 * @category Knowledge
 */
export interface KnowledgeBase {
  /**
   * Drafts an article from a solved ticket: its subject becomes the title, problem, cause, solution, product,
   * category and locale carry over, the solving agent becomes the author. Idempotent per ticket: while an
   * article from the ticket is not archived, it is returned unchanged (with no events).
   * Needs `knowledge.write`. Emits `knowledge.article_drafted.v1`.
   */
  draftFromSolvedTicket(input: DraftFromSolvedTicketInput): Promise<KnowledgeArticleResult>;
  /** Drafts an article from scratch; the actor is the author. Needs `knowledge.write`. */
  draftArticle(input: DraftArticleInput): Promise<KnowledgeArticleResult>;
  /** Changes fields of a draft (only a draft). Needs `knowledge.write`. Emits `knowledge.article_edited.v1`. */
  editDraft(input: EditArticleInput): Promise<KnowledgeArticleResult>;
  /** Sends a draft to review. Needs `knowledge.write`. Emits `knowledge.article_submitted.v1`. */
  submitForReview(input: ArticleCommandInput): Promise<KnowledgeArticleResult>;
  /**
   * Approves an article in review and publishes it (searchable from now on). Needs `knowledge.publish`, and
   * the reviewer may not be the author (`ForbiddenError`). Emits `knowledge.article_published.v1`.
   */
  approveArticle(input: ArticleCommandInput): Promise<KnowledgeArticleResult>;
  /** Sends an article in review back to draft with a reason. Same rights as {@link approveArticle}. */
  rejectArticle(input: RejectArticleInput): Promise<KnowledgeArticleResult>;
  /**
   * Archives a draft (`knowledge.write`) or a published article (`knowledge.publish`); an archived article
   * leaves the index at once. Emits `knowledge.article_archived.v1`.
   */
  archiveArticle(input: ArticleCommandInput): Promise<KnowledgeArticleResult>;
  /**
   * Records a helpful / not-helpful vote on a published article: one vote per voter per article (voting
   * again changes the verdict). Any identified actor may vote. The new counts move the article's ranking
   * at once (see `helpfulnessBoost`). Emits `knowledge.article_voted.v1`.
   */
  voteOnArticle(input: VoteOnArticleInput): Promise<KnowledgeVoteResult>;
  /** The article with this id, in any status, or a `NotFoundError`. */
  getArticle(input: GetArticleInput): Promise<KnowledgeArticleRecord>;
  /** One page of the articles in one status (a reviewer's queue: `in_review`), in id order. */
  listArticles(input: ListArticlesInput): Promise<Page<KnowledgeArticleRecord>>;
  /** Full-text search over published articles; loads the index on first use. */
  search(input: SearchArticlesInput): Promise<KnowledgeSearchHit[]>;
  /** Published articles that may solve a new ticket, from its subject and text. */
  suggestArticles(input: SuggestArticlesInput): Promise<KnowledgeSearchHit[]>;
  /** Builds the index from the store unless it is built (or being built) already. */
  load(): Promise<KnowledgeIndexStats>;
  /**
   * Builds a fresh index from the store (streaming published articles) and swaps it in; searches keep using
   * the old one meanwhile, and commands that commit during the rebuild are replayed onto the new one.
   */
  rebuild(): Promise<KnowledgeIndexStats>;
  /** Re-reads one article from the store and puts it into (or takes it out of) the index. */
  syncArticle(articleId: string): Promise<void>;
  /** The index as a string a host can persist (loads it first when needed). */
  serializeIndex(): Promise<string>;
  /** Replaces the index with a persisted one; a damaged or foreign string fails with a `ValidationError`. */
  restoreIndex(serialized: string): KnowledgeIndexStats;
}

/**
 * What {@link createKnowledgeBase} takes: the service ports and, optionally, the search engine.
 * @category Knowledge
 */
export type KnowledgeBaseDeps = ServiceDeps & {
  /** The search engine; default `miniSearchKnowledgeSearch()` (in memory). */
  readonly search?: KnowledgeSearch;
};

/**
 * Makes the knowledge base over a store: the review cycle, votes, and the search index.
 * @example
 * const kb = createKnowledgeBase({ store, clock, ids });
 * const { article } = await kb.draftFromSolvedTicket({
 *   actor: agent, ticketId: 't-1', subject: 'A router nem kapcsol be', problem: 'Nem világít a LED.',
 *   cause: 'Hibás tápegység', solution: 'Tápegység cseréje.', product: 'router',
 *   category: 'hibabejelentés', locale: 'hu', solvedBy: 'agent-7' });
 * await kb.submitForReview({ actor: agent, articleId: article.id });
 * await kb.approveArticle({ actor: reviewer, articleId: article.id });
 * const hits = await kb.suggestArticles({ actor: agent, subject: 'router nem kapcsol be', text: '', product: 'router' });
 * @category Knowledge
 */
export function createKnowledgeBase(deps: KnowledgeBaseDeps): KnowledgeBase {
  parseInput(ServicePorts, deps, 'knowledge base dependencies');
  const search =
    deps.search === undefined
      ? miniSearchKnowledgeSearch()
      : parseInput(KnowledgeSearchPort, deps.search, 'knowledge search');
  const { store } = deps;
  const engine = search.open({
    store,
    published: (tx = store) =>
      tx.repository(KnowledgeArticles).query({ index: 'status', equals: 'published' }),
    find: (id) => store.repository(KnowledgeArticles).find(id),
    document: knowledgeSearchDocument,
  });
  const live = { search, engine };
  return {
    ...articleCommands(deps, live),
    voteOnArticle: (raw) => voteOnArticle(deps, live, raw),
    ...knowledgeQueries(deps.store, engine),
    load: engine.load,
    rebuild: engine.rebuild,
    syncArticle: async (articleId) => engine.sync(parseInput(EntityId, articleId, 'article id')),
    serializeIndex: engine.serialize,
    restoreIndex: engine.restore,
  };
}
