import { z } from 'zod';
import { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Locale } from '../kernel/locale';
import { PageInput } from '../kit/read-policy';
import {
  ArticleFields,
  KnowledgeArticleContent,
  KnowledgeArticleStatus,
  SolvedTicketFacts,
} from './article.schema';
import { ArticleSuggestionInput, KnowledgeSearchInput } from './knowledge-search-input';

const { Title, Body, OptionalBody, Label, Tags, PersonId } = ArticleFields;
const ExpectedVersion = z.number().int().min(1).optional();

/**
 * Drafts an article from a solved ticket: the actor and the ticket's facts (see `SolvedTicketFacts`).
 * @category Knowledge
 */
export const DraftFromSolvedTicketInput = z.strictObject({ actor: Actor, ...SolvedTicketFacts.shape });
/** @category Knowledge */
export type DraftFromSolvedTicketInput = z.input<typeof DraftFromSolvedTicketInput>;

/**
 * A new draft written from scratch (not from a ticket). The actor becomes the author.
 * @category Knowledge
 */
export const DraftArticleInput = z.strictObject({ actor: Actor, ...KnowledgeArticleContent.shape });
/** @category Knowledge */
export type DraftArticleInput = z.input<typeof DraftArticleInput>;

/**
 * Names the article a review-cycle command acts on (submit, approve, archive). `expectedVersion`, when given,
 * must be the version the actor loaded, else the command fails with a `ConflictError`.
 * @category Knowledge
 */
export const ArticleCommandInput = z.strictObject({
  actor: Actor,
  articleId: EntityId,
  expectedVersion: ExpectedVersion,
});
/** @category Knowledge */
export type ArticleCommandInput = z.input<typeof ArticleCommandInput>;

/**
 * Changes to a draft: only the fields given change.
 * @category Knowledge
 */
export const EditArticleInput = z.strictObject({
  ...ArticleCommandInput.shape,
  changes: z
    .strictObject({
      title: Title,
      problem: Body,
      cause: OptionalBody,
      solution: Body,
      product: Label,
      category: Label,
      tags: Tags,
      locale: Locale,
    })
    .partial(),
});
/** @category Knowledge */
export type EditArticleInput = z.input<typeof EditArticleInput>;

/**
 * A rejection sends the article back to draft with the reviewer's reason.
 * @category Knowledge
 */
export const RejectArticleInput = z.strictObject({
  ...ArticleCommandInput.shape,
  reason: z.string().trim().min(1).max(2000),
});
/** @category Knowledge */
export type RejectArticleInput = z.input<typeof RejectArticleInput>;

/**
 * A helpful / not-helpful vote. `voterId` defaults to the actor; a self-service host acting as a system
 * actor passes the customer's id instead.
 * @category Knowledge
 */
export const VoteOnArticleInput = z.strictObject({
  actor: Actor,
  articleId: EntityId,
  helpful: z.boolean(),
  voterId: PersonId.optional(),
});
/** @category Knowledge */
export type VoteOnArticleInput = z.input<typeof VoteOnArticleInput>;

/**
 * Input of `getArticle`: the article, read by an actor.
 * @category Knowledge
 */
export const GetArticleInput = z.strictObject({ actor: Actor, id: EntityId });
/** @category Knowledge */
export type GetArticleInput = z.input<typeof GetArticleInput>;

/**
 * Input of `listArticles`: one page of the articles in a status (a reviewer's queue: `in_review`), in id
 * order, resumed by the `nextCursor` of the page before.
 * @category Knowledge
 */
export const ListArticlesInput = z.strictObject({
  actor: Actor,
  status: KnowledgeArticleStatus,
  ...PageInput,
});
/** @category Knowledge */
export type ListArticlesInput = z.input<typeof ListArticlesInput>;

/**
 * Input of `search`: the actor and a full-text query (see `KnowledgeSearchInput`).
 * @category Knowledge
 */
export const SearchArticlesInput = z.strictObject({ actor: Actor, ...KnowledgeSearchInput.shape });
/** @category Knowledge */
export type SearchArticlesInput = z.input<typeof SearchArticlesInput>;

/**
 * Input of `suggestArticles`: the actor and the new ticket (see `ArticleSuggestionInput`).
 * @category Knowledge
 */
export const SuggestArticlesInput = z.strictObject({ actor: Actor, ...ArticleSuggestionInput.shape });
/** @category Knowledge */
export type SuggestArticlesInput = z.input<typeof SuggestArticlesInput>;
