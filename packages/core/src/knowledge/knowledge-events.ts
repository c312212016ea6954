import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { defineEvent, type EventDefinition } from '../kit/define-event';
import { KnowledgeArticleStatus } from './article.schema';

const PersonId = z.string().min(1).max(200);
const Step = {
  from: KnowledgeArticleStatus,
  to: KnowledgeArticleStatus,
  /** The article's storage version after the step. */
  version: z.int().min(1),
};

/**
 * An article was drafted, from a solved ticket (`sourceTicketId`) or from scratch. No text in the payload.
 * @category Knowledge
 */
export const ArticleDrafted = defineEvent({
  type: 'knowledge.article_drafted.v1',
  description: 'A knowledge-base article was drafted, from a solved ticket or from scratch.',
  payload: z.object({
    to: z.literal('draft'),
    version: z.int().min(1),
    sourceTicketId: EntityId.nullable(),
    authorId: PersonId,
  }),
});

/**
 * Fields of a draft changed (their names, not their text).
 * @category Knowledge
 */
export const ArticleEdited = defineEvent({
  type: 'knowledge.article_edited.v1',
  description: 'Fields of a draft article changed; the payload names them.',
  payload: z.object({ ...Step, fields: z.array(z.string()) }),
});

/**
 * A draft was sent to review.
 * @category Knowledge
 */
export const ArticleSubmitted = defineEvent({
  type: 'knowledge.article_submitted.v1',
  description: 'A draft article was sent to review.',
  payload: z.object(Step),
});

/**
 * A reviewer (not the author) approved an article: it is published and searchable.
 * @category Knowledge
 */
export const ArticlePublished = defineEvent({
  type: 'knowledge.article_published.v1',
  description: 'A second person approved the article; it is published and searchable.',
  payload: z.object({ ...Step, reviewerId: PersonId }),
});

/**
 * A reviewer sent an article back to draft (the reason stays on the article, not in the event).
 * @category Knowledge
 */
export const ArticleRejected = defineEvent({
  type: 'knowledge.article_rejected.v1',
  description: 'A reviewer sent the article back to draft; the reason is on the article.',
  payload: z.object({ ...Step, reviewerId: PersonId }),
});

/**
 * An article was archived and left the search index.
 * @category Knowledge
 */
export const ArticleArchived = defineEvent({
  type: 'knowledge.article_archived.v1',
  description: 'An article was archived; it is no longer searchable.',
  payload: z.object(Step),
});

/**
 * A helpful / not-helpful vote was cast or changed, with the article's new counts.
 * @category Knowledge
 */
export const ArticleVoted = defineEvent({
  type: 'knowledge.article_voted.v1',
  description:
    "A vote on a published article was cast or changed; the payload holds the article's new counts.",
  payload: z.object({
    voterId: PersonId,
    helpful: z.boolean(),
    changedVerdict: z.boolean(),
    helpfulVotes: z.int().min(0),
    notHelpfulVotes: z.int().min(0),
    version: z.int().min(1),
  }),
});

/**
 * Every event the knowledge base records, for the module's catalogue.
 * @category Knowledge
 */
export const KNOWLEDGE_EVENTS: readonly EventDefinition[] = Object.freeze([
  ArticleDrafted,
  ArticleEdited,
  ArticleSubmitted,
  ArticlePublished,
  ArticleRejected,
  ArticleArchived,
  ArticleVoted,
]);
