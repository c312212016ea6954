import type { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { ForbiddenError } from '../errors/frontline-error';
import { type Actor, requirePermission } from '../kernel/actor';
import { runCommand, runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { DomainEvent, ServiceDeps } from '../services/domain-events';
import { type KnowledgeArticle, type KnowledgeArticleStatus, KnowledgeArticles } from './article.schema';
import {
  ArticleCommandInput,
  DraftArticleInput,
  DraftFromSolvedTicketInput,
  EditArticleInput,
  RejectArticleInput,
} from './article-inputs';
import {
  articleTransition,
  KNOWLEDGE_ARTICLE_TRANSITIONS,
  type KnowledgeArticleCommand,
} from './article-machine';
import {
  ArticleArchived,
  ArticleDrafted,
  ArticleEdited,
  ArticlePublished,
  ArticleRejected,
  ArticleSubmitted,
} from './knowledge-events';
import { changeOf, type KnowledgeSearch, type KnowledgeSearchEngine } from './knowledge-search-engine';

/** The knowledge base's search: the port (for writes in a unit of work) and its open engine. Internal. */
export interface LiveSearch {
  readonly search: KnowledgeSearch;
  readonly engine: KnowledgeSearchEngine;
}

/**
 * The `entityType` of the knowledge base's audit entries and outbox messages.
 * @category Knowledge
 */
export const KNOWLEDGE_ARTICLE_ENTITY = 'knowledge_article';

/**
 * What a knowledge-base command returns: the article as it now stands, its version, and the events it
 * recorded (audit entries and outbox messages, committed with it). No events means nothing changed.
 * @category Knowledge
 */
export interface KnowledgeArticleResult {
  readonly article: KnowledgeArticle;
  readonly version: number;
  readonly events: readonly DomainEvent[];
}

const about = (id: string) => ({ entityType: KNOWLEDGE_ARTICLE_ENTITY, entityId: id });

/** The permissions any row of `command` asks for: the actor must hold one before anything is read. */
export function permissionsOf(command: KnowledgeArticleCommand): string[] | null {
  const needed = new Set(
    KNOWLEDGE_ARTICLE_TRANSITIONS.filter((t) => t.command === command).flatMap((t) =>
      t.permission === null ? [] : [t.permission],
    ),
  );
  return needed.size === 0 ? null : [...needed];
}

type ReviewCommand = Exclude<KnowledgeArticleCommand, 'vote'>;
type Step = { from: KnowledgeArticleStatus; to: KnowledgeArticleStatus; version: number };

/** Runs a review-cycle command on one article through its machine, then moves the search index. */
async function review<S extends z.ZodType<{ articleId: string }>>(
  deps: ServiceDeps,
  live: LiveSearch,
  spec: {
    name: string;
    input: S;
    command: ReviewCommand;
    decide: (c: { article: KnowledgeArticle; input: z.output<S>; actor: Actor; at: Date; step: Step }) => {
      article: KnowledgeArticle;
      event: DomainEvent;
    };
  },
  raw: unknown,
): Promise<KnowledgeArticleResult> {
  const result = await runCommand(
    deps,
    {
      name: spec.name,
      input: spec.input,
      collection: KnowledgeArticles,
      id: (input) => input.articleId,
      permission: permissionsOf(spec.command),
      updatedAt: (a) => a.updatedAt,
      execute: async ({ input, actor, current, at, tx }) => {
        const row = articleTransition(current.data.status, spec.command);
        if (row.permission !== null) requirePermission(actor, row.permission);
        if (row.fourEyes && actor.id === current.data.authorId) {
          throw new ForbiddenError(
            `${actor.id} wrote this article and may not review it; another reviewer must.`,
            {
              details: { actorId: actor.id, articleId: current.data.id, command: spec.command },
            },
          );
        }
        const step = { from: row.from, to: row.to, version: current.version + 1 };
        const { article, event } = spec.decide({ article: current.data, input, actor, at, step });
        const entity = { ...article, status: row.to, updatedAt: at };
        // Only published articles are indexed: a change into or out of that status moves the index.
        if (row.from === 'published' || row.to === 'published')
          await live.search.write?.(tx, changeOf(entity));
        return { entity, events: [event] };
      },
    },
    raw,
  );
  live.engine.committed(result.entity, result.version);
  return { article: result.entity, version: result.version, events: result.events };
}

/** The review-cycle commands of a knowledge base. Internal: `createKnowledgeBase` wires them. */
export function articleCommands(deps: ServiceDeps, live: LiveSearch) {
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
    at: Date,
  ) {
    const article: KnowledgeArticle = {
      ...content,
      id: deps.ids.next(),
      status: 'draft',
      reviewerId: null,
      rejectionReason: null,
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
      publishedAt: null,
      archivedAt: null,
      helpfulVotes: 0,
      notHelpfulVotes: 0,
    };
    const event = emit(ArticleDrafted, about(article.id), {
      to: 'draft',
      version: 1,
      sourceTicketId: article.sourceTicketId,
      authorId: article.authorId,
    });
    return { entity: article, events: [event] };
  }

  const drafted = (r: { entity: KnowledgeArticle; version: number; events: readonly DomainEvent[] }) => {
    if (r.events.length > 0) live.engine.committed(r.entity, r.version);
    return { article: r.entity, version: r.version, events: r.events };
  };

  return {
    draftFromSolvedTicket: async (raw: unknown): Promise<KnowledgeArticleResult> =>
      drafted(
        await runCreate(
          deps,
          {
            name: 'solved ticket facts',
            input: DraftFromSolvedTicketInput,
            collection: KnowledgeArticles,
            permission: Permissions.knowledgeWrite,
            create: async ({ input: facts, at, tx }) => {
              const sameTicket = tx
                .repository(KnowledgeArticles)
                .query({ index: 'live_source_ticket', equals: facts.ticketId, limit: 1 });
              for await (const existing of sameTicket) return { existing };
              return insertDraft(
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
                at,
              );
            },
          },
          raw,
        ),
      ),

    draftArticle: async (raw: unknown): Promise<KnowledgeArticleResult> =>
      drafted(
        await runCreate(
          deps,
          {
            name: 'knowledge article',
            input: DraftArticleInput,
            collection: KnowledgeArticles,
            permission: Permissions.knowledgeWrite,
            create: ({ input: { actor: _actor, ...content }, actor, at }) =>
              insertDraft({ ...content, sourceTicketId: null, authorId: actor.id }, at),
          },
          raw,
        ),
      ),

    editDraft: (raw: unknown) =>
      review(
        deps,
        live,
        {
          name: 'article edit',
          input: EditArticleInput,
          command: 'edit',
          decide: ({ article, input, step }) => {
            const changes = Object.fromEntries(
              Object.entries(input.changes).filter(([, v]) => v !== undefined),
            );
            const fields = Object.keys(changes);
            return {
              article: { ...article, ...changes },
              event: emit(ArticleEdited, about(article.id), { ...step, fields }),
            };
          },
        },
        raw,
      ),

    submitForReview: (raw: unknown) =>
      review(
        deps,
        live,
        {
          name: 'article submission',
          input: ArticleCommandInput,
          command: 'submit',
          decide: ({ article, at, step }) => ({
            article: { ...article, submittedAt: at },
            event: emit(ArticleSubmitted, about(article.id), step),
          }),
        },
        raw,
      ),

    approveArticle: (raw: unknown) =>
      review(
        deps,
        live,
        {
          name: 'article approval',
          input: ArticleCommandInput,
          command: 'approve',
          decide: ({ article, actor, at, step }) => ({
            article: { ...article, reviewerId: actor.id, rejectionReason: null, publishedAt: at },
            event: emit(ArticlePublished, about(article.id), { ...step, reviewerId: actor.id }),
          }),
        },
        raw,
      ),

    rejectArticle: (raw: unknown) =>
      review(
        deps,
        live,
        {
          name: 'article rejection',
          input: RejectArticleInput,
          command: 'reject',
          decide: ({ article, input, actor, step }) => ({
            article: { ...article, reviewerId: actor.id, rejectionReason: input.reason },
            event: emit(ArticleRejected, about(article.id), { ...step, reviewerId: actor.id }),
          }),
        },
        raw,
      ),

    archiveArticle: (raw: unknown) =>
      review(
        deps,
        live,
        {
          name: 'article archiving',
          input: ArticleCommandInput,
          command: 'archive',
          decide: ({ article, at, step }) => ({
            article: { ...article, archivedAt: at },
            event: emit(ArticleArchived, about(article.id), step),
          }),
        },
        raw,
      ),
  };
}
