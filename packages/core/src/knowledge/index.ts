/**
 * Area barrel: explicit named re-exports of this bounded context, re-exported by the package index.
 * The knowledge base (CS-5): articles drafted from solved tickets, reviewed, published into an accent-folding
 * full-text index, suggested for new tickets and ranked by helpfulness votes.
 * @module
 */

export {
  KnowledgeArticle,
  KnowledgeArticleContent,
  type KnowledgeArticleContentInput,
  KnowledgeArticleStatus,
  KnowledgeVote,
  knowledgeVoteKey,
  SolvedTicketFacts,
  type SolvedTicketFactsInput,
} from './article.schema';
export { KNOWLEDGE_ARTICLE_ENTITY, type KnowledgeArticleResult } from './article-commands';
export {
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
export {
  allowedArticleCommands,
  articleTransition,
  KNOWLEDGE_ARTICLE_TRANSITIONS,
  KnowledgeArticleCommand,
  type KnowledgeArticleTransition,
  knowledgeArticleMachine,
} from './article-machine';
export type { KnowledgeVoteResult } from './article-vote';
export { createKnowledgeIndex, restoreKnowledgeIndex } from './create-knowledge-index';
export { foldText, KNOWLEDGE_STOP_WORDS, searchTerms } from './fold-text';
export { helpfulnessBoost, wilsonLowerBound } from './helpfulness';
export { createKnowledgeBase, type KnowledgeBase, type KnowledgeBaseDeps } from './knowledge-base';
export {
  ArticleArchived,
  ArticleDrafted,
  ArticleEdited,
  ArticlePublished,
  ArticleRejected,
  ArticleSubmitted,
  ArticleVoted,
  KNOWLEDGE_EVENTS,
} from './knowledge-events';
export type { KnowledgeIndex } from './knowledge-index';
export { type KnowledgeArticleRecord, KnowledgeReadPolicy } from './knowledge-queries';
export {
  type KnowledgeEngineQuery,
  type KnowledgeIndexStats,
  type KnowledgeSearch,
  type KnowledgeSearchChange,
  type KnowledgeSearchContext,
  type KnowledgeSearchDocument,
  type KnowledgeSearchEngine,
  type KnowledgeSummaryJson,
  knowledgeSearchDocument,
} from './knowledge-search-engine';
export {
  ArticleSuggestionInput,
  COMMON_TERM_SHARE,
  KNOWLEDGE_EXCERPT_LENGTH,
  type KnowledgeArticleSummary,
  type KnowledgeSearchHit,
  KnowledgeSearchInput,
  SUGGESTION_LOCALE_BOOST,
  SUGGESTION_PRODUCT_BOOST,
} from './knowledge-search-input';
export { miniSearchKnowledgeSearch } from './live-index';
