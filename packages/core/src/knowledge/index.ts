/**
 * Area barrel: explicit named re-exports of this bounded context, re-exported by the package index.
 * The knowledge base (CS-5): articles drafted from solved tickets, reviewed, published into an accent-folding
 * full-text index, suggested for new tickets and ranked by helpfulness votes.
 * @module
 */
export {
  ArticleCommandInput,
  DraftArticleInput,
  EditArticleInput,
  KnowledgeArticle,
  KnowledgeArticleContent,
  type KnowledgeArticleContentInput,
  KnowledgeArticleStatus,
  KnowledgeArticles,
  KnowledgeVote,
  KnowledgeVotes,
  knowledgeVoteKey,
  RejectArticleInput,
  SolvedTicketFacts,
  type SolvedTicketFactsInput,
  VoteOnArticleInput,
} from './article.schema';
export {
  allowedArticleCommands,
  articleTransition,
  KNOWLEDGE_ARTICLE_TRANSITIONS,
  KnowledgeArticleCommand,
  type KnowledgeArticleTransition,
  knowledgeArticleMachine,
} from './article-machine';
export { foldText, KNOWLEDGE_STOP_WORDS, searchTerms } from './fold-text';
export { helpfulnessBoost, wilsonLowerBound } from './helpfulness';
export {
  createKnowledgeBase,
  KNOWLEDGE_ARTICLE_ENTITY,
  type KnowledgeArticleRecord,
  type KnowledgeArticleResult,
  type KnowledgeBase,
  type KnowledgeIndexStats,
  type KnowledgeVoteResult,
  ListArticlesInput,
} from './knowledge-base';
export {
  ArticleSuggestionInput,
  COMMON_TERM_SHARE,
  createKnowledgeIndex,
  KNOWLEDGE_EXCERPT_LENGTH,
  type KnowledgeArticleSummary,
  type KnowledgeIndex,
  type KnowledgeSearchHit,
  KnowledgeSearchInput,
  restoreKnowledgeIndex,
  SUGGESTION_LOCALE_BOOST,
  SUGGESTION_PRODUCT_BOOST,
} from './knowledge-index';
