import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { ConflictError, ForbiddenError, FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, type ActorInput, hasPermission, requirePermission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { Store } from '../ports/storage';
import { type DomainEvent, recordEvents, type ServiceDeps } from '../services/domain-events';
import {
  ArticleCommandInput,
  DraftArticleInput,
  EditArticleInput,
  type KnowledgeArticle,
  KnowledgeArticleStatus,
  KnowledgeArticles,
  type KnowledgeVote,
  KnowledgeVotes,
  knowledgeVoteKey,
  RejectArticleInput,
  SolvedTicketFacts,
  type SolvedTicketFactsInput,
  VoteOnArticleInput,
} from './article.schema';
import {
  articleTransition,
  KNOWLEDGE_ARTICLE_TRANSITIONS,
  type KnowledgeArticleCommand,
  type KnowledgeArticleTransition,
} from './article-machine';
import {
  ArticleSuggestionInput,
  createIndexInternals,
  type KnowledgeIndexInternals,
  type KnowledgeSearchHit,
  KnowledgeSearchInput,
  restoreIndexInternals,
} from './knowledge-index';

/**
 * The `entityType` of the knowledge base's audit entries and outbox messages.
 * @category Knowledge
 */
export const KNOWLEDGE_ARTICLE_ENTITY = 'knowledge_article';

/**
 * An article as stored, with the version its next change must name (optimistic concurrency).
 * @category Knowledge
 */
export interface KnowledgeArticleRecord {
  readonly article: KnowledgeArticle;
  readonly version: number;
}

/**
 * What a knowledge-base command returns: the article as it now stands, its version, and the events it
 * recorded (audit entries and outbox messages, committed with it). No events means nothing changed.
 * @category Knowledge
 */
export interface KnowledgeArticleResult extends KnowledgeArticleRecord {
  readonly events: readonly DomainEvent[];
}

/**
 * What a vote returns: the article with its new counts, the voter's vote, and whether anything changed
 * (casting the same verdict twice changes nothing).
 * @category Knowledge
 */
export interface KnowledgeVoteResult extends KnowledgeArticleResult {
  readonly vote: KnowledgeVote;
  readonly changed: boolean;
}

/**
 * The state of a knowledge base's in-memory search index.
 * @category Knowledge
 */
export interface KnowledgeIndexStats {
  /** Published articles in the index. */
  readonly articles: number;
}

/**
 * Narrows {@link KnowledgeBase.listArticles} to one status.
 * @category Knowledge
 */
export const ListArticlesInput = z.object({
  status: KnowledgeArticleStatus,
  limit: z.number().int().min(1).max(100_000).optional(),
});
/** @category Knowledge */
export type ListArticlesInput = z.input<typeof ListArticlesInput>;

/**
 * The knowledge base (tudásbázis): articles drafted from solved tickets or from scratch, reviewed by a
 * second person, published into an in-memory full-text index, voted helpful or not, archived.
 *
 * Every command validates its input, checks the actor's permission and the article state machine
 * ({@link KNOWLEDGE_ARTICLE_TRANSITIONS}), and writes the article, its audit entry and its outbox message in
 * one transaction; the search index follows once the transaction has committed, so a failed command leaves
 * no trace anywhere.
 *
 * The index covers published articles only. It is built from the store on first use (or by {@link load}),
 * kept current by this object's commands, and can be persisted with {@link serializeIndex} and brought back
 * with {@link restoreIndex}. Several processes each keep their own: call {@link syncArticle} on the
 * `knowledge.article_*` outbox messages of the others, or {@link rebuild} now and then.
 * @category Knowledge
 */
export interface KnowledgeBase {
  /**
   * Drafts an article from a solved ticket: its subject becomes the title, problem, cause, solution, product,
   * category and locale carry over, the solving agent becomes the author. Idempotent per ticket: while an
   * article from the ticket is not archived, it is returned unchanged (with no events).
   * Needs `knowledge.write`.
   */
  draftFromSolvedTicket(facts: SolvedTicketFactsInput, actor: ActorInput): Promise<KnowledgeArticleResult>;
  /** Drafts an article from scratch; the actor is the author. Needs `knowledge.write`. */
  draftArticle(input: DraftArticleInput, actor: ActorInput): Promise<KnowledgeArticleResult>;
  /** Changes fields of a draft (only a draft). Needs `knowledge.write`. */
  editDraft(input: EditArticleInput, actor: ActorInput): Promise<KnowledgeArticleResult>;
  /** Sends a draft to review. Needs `knowledge.write`. */
  submitForReview(input: ArticleCommandInput, actor: ActorInput): Promise<KnowledgeArticleResult>;
  /**
   * Approves an article in review and publishes it (searchable from now on). Needs `knowledge.publish`, and
   * the reviewer may not be the author (`ForbiddenError`).
   */
  approveArticle(input: ArticleCommandInput, actor: ActorInput): Promise<KnowledgeArticleResult>;
  /** Sends an article in review back to draft with a reason. Same rights as {@link approveArticle}. */
  rejectArticle(input: RejectArticleInput, actor: ActorInput): Promise<KnowledgeArticleResult>;
  /**
   * Archives a draft (`knowledge.write`) or a published article (`knowledge.publish`); an archived article
   * leaves the index at once.
   */
  archiveArticle(input: ArticleCommandInput, actor: ActorInput): Promise<KnowledgeArticleResult>;
  /**
   * Records a helpful / not-helpful vote on a published article: one vote per voter per article (voting
   * again changes the verdict). Any identified actor may vote. The new counts move the article's ranking
   * at once (see `helpfulnessBoost`).
   */
  voteOnArticle(input: VoteOnArticleInput, actor: ActorInput): Promise<KnowledgeVoteResult>;
  /** The article with this id, in any status, or a `NotFoundError`. */
  getArticle(articleId: string): Promise<KnowledgeArticleRecord>;
  /** Streams the articles in one status (a reviewer's queue: `in_review`), in id order. */
  listArticles(input: ListArticlesInput): AsyncIterable<KnowledgeArticleRecord>;
  /** Full-text search over published articles; loads the index on first use. */
  search(input: KnowledgeSearchInput): Promise<KnowledgeSearchHit[]>;
  /** Published articles that may solve a new ticket, from its subject and text. */
  suggestArticles(input: ArticleSuggestionInput): Promise<KnowledgeSearchHit[]>;
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

const hasMethods = (value: unknown, ...names: string[]) =>
  typeof value === 'object' &&
  value !== null &&
  names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/** The ports a knowledge base needs, checked up front so a wiring mistake fails as a `ValidationError`. */
const Deps = z.object({
  store: z.custom<Store>((v) => hasMethods(v, 'transaction', 'repository'), 'Expected a Store'),
  clock: z.custom<Clock>((v) => hasMethods(v, 'now'), 'Expected a Clock'),
  ids: z.custom<IdGenerator>((v) => hasMethods(v, 'next'), 'Expected an IdGenerator'),
});

const EVENT_OF: Record<Exclude<KnowledgeArticleCommand, 'vote'>, string> = {
  edit: 'knowledge.article_edited',
  submit: 'knowledge.article_submitted',
  approve: 'knowledge.article_published',
  reject: 'knowledge.article_rejected',
  archive: 'knowledge.article_archived',
};

/** The permissions any row of `command` asks for: the actor must hold one before anything is read. */
function requireAnyPermissionFor(actorInput: ActorInput, command: KnowledgeArticleCommand): Actor {
  const actor = parseInput(Actor, actorInput, 'actor');
  const needed = [
    ...new Set(
      KNOWLEDGE_ARTICLE_TRANSITIONS.filter((t) => t.command === command).flatMap((t) =>
        t.permission === null ? [] : [t.permission],
      ),
    ),
  ];
  if (needed.length === 0 || needed.some((p) => hasPermission(actor, p))) return actor;
  throw new ForbiddenError(`${actor.id} lacks the permission "${needed.join('" or "')}".`, {
    details: { actorId: actor.id, permission: needed.join(' | '), roles: actor.roles },
  });
}

/** Votes commute, so a vote that lost an optimistic race is simply run again, a few times, with jitter. */
const VOTE_ATTEMPTS = 10;
const backoff = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));

/**
 * Makes the knowledge base over a store: the review cycle, votes, and the search index.
 * @example
 * const kb = createKnowledgeBase({ store, clock, ids });
 * const { article } = await kb.draftFromSolvedTicket({
 *   ticketId: 't-1', subject: 'A router nem kapcsol be', problem: 'Nem világít a LED.',
 *   cause: 'Hibás tápegység', solution: 'Tápegység cseréje.', product: 'router',
 *   category: 'hibabejelentés', locale: 'hu', solvedBy: 'agent-7' }, agent);
 * await kb.submitForReview({ articleId: article.id }, agent);
 * await kb.approveArticle({ articleId: article.id }, reviewer);
 * const hits = await kb.suggestArticles({ subject: 'router nem kapcsol be', text: '', product: 'router' });
 * @category Knowledge
 */
export function createKnowledgeBase(deps: ServiceDeps): KnowledgeBase {
  const { store, clock, ids } = parseInput(Deps, deps, 'knowledge base dependencies');

  let index: KnowledgeIndexInternals = createIndexInternals();
  /** The newest version the index saw of each article: a late callback never overwrites a newer state. */
  let versions = new Map<string, number>();
  let ready = false;
  let loading: Promise<KnowledgeIndexStats> | null = null;
  let generation = 0;
  /** Commits seen while a rebuild streams, replayed onto its index before the swap. */
  const collectors = new Set<Map<string, KnowledgeArticleRecord>>();

  function applyToIndex(article: KnowledgeArticle, version: number): void {
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
    const collector = new Map<string, KnowledgeArticleRecord>();
    collectors.add(collector);
    try {
      const next = createIndexInternals();
      const nextVersions = new Map<string, number>();
      const published = store.repository(KnowledgeArticles).query({ index: 'status', equals: 'published' });
      for await (const stored of published) {
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

  async function ready_(): Promise<KnowledgeIndexInternals> {
    if (!ready) await load();
    return index;
  }

  /** Runs a review-cycle command on one article: the shared shape of edit, submit, approve, reject, archive. */
  async function reviewCommand<I extends { articleId: string; expectedVersion?: number | undefined }>(
    command: Exclude<KnowledgeArticleCommand, 'vote'>,
    input: I,
    actorInput: ActorInput,
    change: (
      article: KnowledgeArticle,
      row: KnowledgeArticleTransition,
      actor: Actor,
      now: Date,
    ) => { article: KnowledgeArticle; payload?: Record<string, z.core.util.JSONType> },
  ): Promise<KnowledgeArticleResult> {
    const actor = requireAnyPermissionFor(actorInput, command);
    const result = await store.transaction(async (tx) => {
      const repo = tx.repository(KnowledgeArticles);
      const stored = await repo.get(input.articleId);
      if (input.expectedVersion !== undefined && stored.version !== input.expectedVersion) {
        throw new ConflictError(
          `Knowledge article "${input.articleId}" changed: version ${stored.version}, not ${input.expectedVersion}. Reload it and try again.`,
          {
            details: {
              id: input.articleId,
              expectedVersion: input.expectedVersion,
              actualVersion: stored.version,
            },
          },
        );
      }
      const row = articleTransition(stored.data.status, command);
      if (row.permission !== null) requirePermission(actor, row.permission);
      if (row.fourEyes && actor.id === stored.data.authorId) {
        throw new ForbiddenError(
          `${actor.id} wrote this article and may not review it; another reviewer must.`,
          {
            details: { actorId: actor.id, articleId: stored.data.id, command },
          },
        );
      }
      const now = clock.now();
      const changed = change(stored.data, row, actor, now);
      const saved = await repo.update({ ...changed.article, status: row.to, updatedAt: now }, stored.version);
      const events: DomainEvent[] = [
        {
          type: EVENT_OF[command],
          entityType: KNOWLEDGE_ARTICLE_ENTITY,
          entityId: saved.data.id,
          payload: { from: row.from, to: row.to, version: saved.version, ...changed.payload },
        },
      ];
      await recordEvents(tx, clock, actor.id, events);
      return { article: saved.data, version: saved.version, events };
    });
    applyToIndex(result.article, result.version);
    return result;
  }

  async function insertDraft(
    content: Omit<
      KnowledgeArticle,
      | 'id'
      | 'status'
      | 'reviewerId'
      | 'rejectionReason'
      | 'createdAt'
      | 'updatedAt'
      | 'submittedAt'
      | 'publishedAt'
      | 'archivedAt'
      | 'helpfulVotes'
      | 'notHelpfulVotes'
    >,
    actor: Actor,
  ): Promise<KnowledgeArticleResult> {
    return store.transaction(async (tx) => {
      const repo = tx.repository(KnowledgeArticles);
      if (content.sourceTicketId !== null) {
        const live = repo.query({ index: 'live_source_ticket', equals: content.sourceTicketId, limit: 1 });
        for await (const existing of live)
          return { article: existing.data, version: existing.version, events: [] };
      }
      const now = clock.now();
      const saved = await repo.insert({
        ...content,
        id: ids.next(),
        status: 'draft',
        reviewerId: null,
        rejectionReason: null,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
        publishedAt: null,
        archivedAt: null,
        helpfulVotes: 0,
        notHelpfulVotes: 0,
      });
      const events: DomainEvent[] = [
        {
          type: 'knowledge.article_drafted',
          entityType: KNOWLEDGE_ARTICLE_ENTITY,
          entityId: saved.data.id,
          payload: {
            to: 'draft',
            version: saved.version,
            sourceTicketId: content.sourceTicketId,
            authorId: content.authorId,
          },
        },
      ];
      await recordEvents(tx, clock, actor.id, events);
      return { article: saved.data, version: saved.version, events };
    });
  }

  async function castVote(
    articleId: string,
    voterId: string,
    helpful: boolean,
    actor: Actor,
  ): Promise<KnowledgeVoteResult> {
    return store.transaction(async (tx) => {
      const repo = tx.repository(KnowledgeArticles);
      const votes = tx.repository(KnowledgeVotes);
      const stored = await repo.get(articleId);
      articleTransition(stored.data.status, 'vote');
      let existing: { data: KnowledgeVote; version: number } | undefined;
      const previous = votes.query({
        index: 'article_voter',
        equals: knowledgeVoteKey(articleId, voterId),
        limit: 1,
      });
      for await (const v of previous) existing = v;
      if (existing?.data.helpful === helpful) {
        return {
          article: stored.data,
          version: stored.version,
          events: [],
          vote: existing.data,
          changed: false,
        };
      }
      const now = clock.now();
      let vote: KnowledgeVote;
      if (existing) {
        vote = (await votes.update({ ...existing.data, helpful, votedAt: now }, existing.version)).data;
      } else {
        vote = (await votes.insert({ id: ids.next(), articleId, voterId, helpful, votedAt: now })).data;
      }
      const article = stored.data;
      const undo = existing === undefined ? 0 : 1;
      const saved = await repo.update(
        {
          ...article,
          helpfulVotes: article.helpfulVotes + (helpful ? 1 : 0) - (helpful ? 0 : undo),
          notHelpfulVotes: article.notHelpfulVotes + (helpful ? 0 : 1) - (helpful ? undo : 0),
        },
        stored.version,
      );
      const events: DomainEvent[] = [
        {
          type: 'knowledge.article_voted',
          entityType: KNOWLEDGE_ARTICLE_ENTITY,
          entityId: articleId,
          payload: {
            voterId,
            helpful,
            changedVerdict: existing !== undefined,
            helpfulVotes: saved.data.helpfulVotes,
            notHelpfulVotes: saved.data.notHelpfulVotes,
            version: saved.version,
          },
        },
      ];
      await recordEvents(tx, clock, actor.id, events);
      return { article: saved.data, version: saved.version, events, vote, changed: true };
    });
  }

  return {
    draftFromSolvedTicket: async (input, actorInput) => {
      const facts = parseInput(SolvedTicketFacts, input, 'solved ticket facts');
      const actor = requirePermission(actorInput, Permissions.knowledgeWrite);
      const result = await insertDraft(
        {
          title: facts.subject,
          problem: facts.problem,
          cause: facts.cause,
          solution: facts.solution,
          product: facts.product,
          category: facts.category,
          tags: [],
          locale: facts.locale,
          sourceTicketId: facts.ticketId,
          authorId: facts.solvedBy,
        },
        actor,
      );
      applyToIndex(result.article, result.version);
      return result;
    },

    draftArticle: async (input, actorInput) => {
      const content = parseInput(DraftArticleInput, input, 'knowledge article');
      const actor = requirePermission(actorInput, Permissions.knowledgeWrite);
      const result = await insertDraft({ ...content, sourceTicketId: null, authorId: actor.id }, actor);
      applyToIndex(result.article, result.version);
      return result;
    },

    editDraft: async (input, actorInput) => {
      const parsed = parseInput(EditArticleInput, input, 'article edit');
      const changes = Object.fromEntries(Object.entries(parsed.changes).filter(([, v]) => v !== undefined));
      return reviewCommand('edit', parsed, actorInput, (article) => ({
        article: { ...article, ...changes },
        payload: { fields: Object.keys(changes) },
      }));
    },

    submitForReview: async (input, actorInput) => {
      const parsed = parseInput(ArticleCommandInput, input, 'article submission');
      return reviewCommand('submit', parsed, actorInput, (article, _row, _actor, now) => ({
        article: { ...article, submittedAt: now },
      }));
    },

    approveArticle: async (input, actorInput) => {
      const parsed = parseInput(ArticleCommandInput, input, 'article approval');
      return reviewCommand('approve', parsed, actorInput, (article, _row, actor, now) => ({
        article: { ...article, reviewerId: actor.id, rejectionReason: null, publishedAt: now },
        payload: { reviewerId: actor.id },
      }));
    },

    rejectArticle: async (input, actorInput) => {
      const parsed = parseInput(RejectArticleInput, input, 'article rejection');
      return reviewCommand('reject', parsed, actorInput, (article, _row, actor) => ({
        article: { ...article, reviewerId: actor.id, rejectionReason: parsed.reason },
        payload: { reviewerId: actor.id },
      }));
    },

    archiveArticle: async (input, actorInput) => {
      const parsed = parseInput(ArticleCommandInput, input, 'article archiving');
      return reviewCommand('archive', parsed, actorInput, (article, _row, _actor, now) => ({
        article: { ...article, archivedAt: now },
      }));
    },

    voteOnArticle: async (input, actorInput) => {
      const parsed = parseInput(VoteOnArticleInput, input, 'article vote');
      const actor = requireAnyPermissionFor(actorInput, 'vote');
      const voterId = parsed.voterId ?? actor.id;
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await castVote(parsed.articleId, voterId, parsed.helpful, actor);
          if (result.changed) applyToIndex(result.article, result.version);
          return result;
        } catch (error) {
          // A concurrent vote on the same article (or the same voter's twin request) only needs the
          // transaction run again on the new state.
          if (!FrontlineError.is(error, 'CONFLICT') || attempt >= VOTE_ATTEMPTS) throw error;
          await backoff(attempt);
        }
      }
    },

    getArticle: async (articleId) => {
      const id = parseInput(EntityId, articleId, 'article id');
      const stored = await store.repository(KnowledgeArticles).get(id);
      return { article: stored.data, version: stored.version };
    },

    listArticles: (input) => {
      const { status, limit } = parseInput(ListArticlesInput, input, 'article listing');
      const rows = store
        .repository(KnowledgeArticles)
        .query(
          limit === undefined
            ? { index: 'status', equals: status }
            : { index: 'status', equals: status, limit },
        );
      return {
        async *[Symbol.asyncIterator]() {
          for await (const stored of rows) yield { article: stored.data, version: stored.version };
        },
      };
    },

    search: async (input) => {
      const query = parseInput(KnowledgeSearchInput, input, 'knowledge search');
      return (await ready_()).search(query);
    },

    suggestArticles: async (input) => {
      const ticket = parseInput(ArticleSuggestionInput, input, 'article suggestion');
      return (await ready_()).suggest(ticket);
    },

    load,
    rebuild,

    syncArticle: async (articleId) => {
      const id = parseInput(EntityId, articleId, 'article id');
      const stored = await store.repository(KnowledgeArticles).find(id);
      if (stored) {
        applyToIndex(stored.data, stored.version);
      } else {
        index.remove(id);
        versions.delete(id);
      }
    },

    serializeIndex: async () => (await ready_()).serialize(),

    restoreIndex: (serialized) => {
      const restored = restoreIndexInternals(serialized);
      generation++;
      index = restored;
      versions = new Map();
      ready = true;
      return { articles: restored.size };
    },
  };
}
