import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { Locale } from '../kernel/locale';
import { defineCollection } from '../ports/storage';

/**
 * Where an article stands in its review cycle: `draft` (being written), `in_review` (waiting for a
 * reviewer), `published` (searchable), `archived` (kept, no longer searchable).
 * @category Knowledge
 */
export const KnowledgeArticleStatus = z.enum(['draft', 'in_review', 'published', 'archived']);
/** @category Knowledge */
export type KnowledgeArticleStatus = z.infer<typeof KnowledgeArticleStatus>;

const Title = z.string().trim().min(1).max(300);
const Body = z.string().trim().min(1).max(20_000);
const OptionalBody = z.string().trim().max(20_000);
const Label = z.string().trim().min(1).max(120);
const Tag = z.string().trim().min(1).max(60);
const Tags = z
  .array(Tag)
  .max(30)
  .transform((tags) => [...new Set(tags)]);
const PersonId = z.string().min(1).max(200);

/** The field schemas the inputs share with the article. Internal. */
export const ArticleFields = { Title, Body, OptionalBody, Label, Tags, PersonId };

/**
 * The editable content of a knowledge-base article (tudásbázis-cikk): the problem a customer had, its
 * cause when known, the solution that worked, and where it belongs.
 * @category Knowledge
 */
export const KnowledgeArticleContent = z.object({
  /** A short headline an agent scans in a result list. */
  title: Title,
  /** What the customer experienced, in the customer's words where possible (probléma). */
  problem: Body,
  /** Why it happened, when known (ok); empty when not. */
  cause: OptionalBody.default(''),
  /** What solved it, step by step (megoldás). */
  solution: Body,
  /** The product or service concerned (`router`, `SIM kártya`, `számla`). */
  product: Label,
  /** The host's category (`hibabejelentés`, `számlázás`, …). */
  category: Label,
  /** Free keywords that help finding the article. Duplicates are dropped. */
  tags: Tags.default([]),
  /** The language the article is written in. */
  locale: Locale,
});
/** @category Knowledge */
export type KnowledgeArticleContent = z.output<typeof KnowledgeArticleContent>;
/** @category Knowledge */
export type KnowledgeArticleContentInput = z.input<typeof KnowledgeArticleContent>;

/**
 * A knowledge-base article with its review state and its helpfulness votes. The storage `version`
 * (optimistic concurrency) travels beside it, in {@link KnowledgeArticleResult}.
 * @category Knowledge
 */
export const KnowledgeArticle = KnowledgeArticleContent.extend({
  id: EntityId,
  status: KnowledgeArticleStatus,
  /** The solved ticket the article was drafted from, or `null` for an article written from scratch. */
  sourceTicketId: EntityId.nullable(),
  /** Whose knowledge it is: the agent who solved the ticket or wrote the draft. May not review it. */
  authorId: PersonId,
  /** Who approved or rejected it last, `null` until reviewed. */
  reviewerId: PersonId.nullable(),
  /** Why the last review sent it back to draft; `null` otherwise. */
  rejectionReason: z.string().max(2000).nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  submittedAt: Instant.nullable(),
  publishedAt: Instant.nullable(),
  archivedAt: Instant.nullable(),
  /** Votes of agents (or customers, through a host) who found the article helpful. */
  helpfulVotes: z.number().int().min(0),
  /** Votes of those who did not. */
  notHelpfulVotes: z.number().int().min(0),
});
/** @category Knowledge */
export type KnowledgeArticle = z.output<typeof KnowledgeArticle>;

/**
 * The storage collection of articles, indexed by status (the search index streams `published`, reviewers
 * read `in_review`), by author, uniquely by source ticket among articles not archived (one live article
 * per solved ticket; an archived one may be replaced by a new draft), and by source ticket whatever the status
 * (`source_ticket`: an erasure finds every article drawn from the customer's tickets).
 * @category Knowledge
 */
export const KnowledgeArticles = defineCollection<KnowledgeArticle>({
  name: 'knowledge_articles',
  schema: KnowledgeArticle,
  indexes: {
    status: { key: (a) => a.status },
    live_source_ticket: { key: (a) => (a.status === 'archived' ? null : a.sourceTicketId), unique: true },
    author: { key: (a) => a.authorId },
    source_ticket: { key: (a) => a.sourceTicketId },
  },
});

/**
 * One voter's verdict on one article. The unique `article_voter` index keeps it to one vote per voter per
 * article; voting again changes the verdict.
 * @category Knowledge
 */
export const KnowledgeVote = z.object({
  id: EntityId,
  articleId: EntityId,
  /** An agent id, or the host's id for a customer who voted in self-service. */
  voterId: PersonId,
  helpful: z.boolean(),
  votedAt: Instant,
});
/** @category Knowledge */
export type KnowledgeVote = z.output<typeof KnowledgeVote>;

/**
 * The key of the unique `article_voter` index: one vote per voter per article.
 * @category Knowledge
 */
export function knowledgeVoteKey(articleId: string, voterId: string): string {
  return JSON.stringify([articleId, voterId]);
}

/**
 * The storage collection of votes.
 * @category Knowledge
 */
export const KnowledgeVotes = defineCollection<KnowledgeVote>({
  name: 'knowledge_votes',
  schema: KnowledgeVote,
  indexes: {
    article_voter: { key: (v) => knowledgeVoteKey(v.articleId, v.voterId), unique: true },
    article: { key: (v) => v.articleId },
  },
});

/**
 * What the ticket service knows when a ticket is solved, and all the knowledge base needs to draft an
 * article from it. Defined here so tickets can call the knowledge base without either importing the other's
 * internals.
 * @category Knowledge
 */
export const SolvedTicketFacts = z.object({
  ticketId: EntityId,
  /** The ticket's subject; becomes the article's title. */
  subject: Title,
  problem: Body,
  cause: OptionalBody.default(''),
  solution: Body,
  product: Label,
  category: Label,
  locale: Locale,
  /** The agent who solved the ticket; becomes the author. */
  solvedBy: PersonId,
});
/** @category Knowledge */
export type SolvedTicketFacts = z.output<typeof SolvedTicketFacts>;
/** @category Knowledge */
export type SolvedTicketFactsInput = z.input<typeof SolvedTicketFacts>;
