import { z } from 'zod';
import { InvalidTransitionError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { KnowledgeArticleStatus } from './article.schema';

/**
 * What can be done to an article. `edit` and `vote` keep the status; the table says in which status they
 * are allowed.
 * @category Knowledge
 */
export const KnowledgeArticleCommand = z.enum(['edit', 'submit', 'approve', 'reject', 'archive', 'vote']);
/** @category Knowledge */
export type KnowledgeArticleCommand = z.infer<typeof KnowledgeArticleCommand>;

/**
 * One row of the article state machine: in `from`, `command` leads to `to`, for an actor holding
 * `permission` (`null`: any identified actor) and passing `guard` when one is named.
 * @category Knowledge
 */
export interface KnowledgeArticleTransition {
  readonly from: KnowledgeArticleStatus;
  readonly command: KnowledgeArticleCommand;
  readonly to: KnowledgeArticleStatus;
  readonly permission: 'knowledge.write' | 'knowledge.publish' | null;
  /** `reviewer-is-not-author`: the actor may not be the article's author (four-eyes review). */
  readonly guard: 'reviewer-is-not-author' | null;
}

/**
 * The article review cycle as data — draft → in_review → published → archived, back to draft on rejection —
 * so a host can draw it or list what a user may do next:
 *
 * | from | command | to | permission | guard |
 * |---|---|---|---|---|
 * | draft | edit | draft | knowledge.write | |
 * | draft | submit | in_review | knowledge.write | |
 * | draft | archive | archived | knowledge.write | |
 * | in_review | approve | published | knowledge.publish | reviewer is not the author |
 * | in_review | reject | draft | knowledge.publish | reviewer is not the author |
 * | published | vote | published | (any actor) | |
 * | published | archive | archived | knowledge.publish | |
 * @category Knowledge
 */
export const KNOWLEDGE_ARTICLE_TRANSITIONS: readonly KnowledgeArticleTransition[] = Object.freeze([
  { from: 'draft', command: 'edit', to: 'draft', permission: 'knowledge.write', guard: null },
  { from: 'draft', command: 'submit', to: 'in_review', permission: 'knowledge.write', guard: null },
  { from: 'draft', command: 'archive', to: 'archived', permission: 'knowledge.write', guard: null },
  {
    from: 'in_review',
    command: 'approve',
    to: 'published',
    permission: 'knowledge.publish',
    guard: 'reviewer-is-not-author',
  },
  {
    from: 'in_review',
    command: 'reject',
    to: 'draft',
    permission: 'knowledge.publish',
    guard: 'reviewer-is-not-author',
  },
  { from: 'published', command: 'vote', to: 'published', permission: null, guard: null },
  { from: 'published', command: 'archive', to: 'archived', permission: 'knowledge.publish', guard: null },
] satisfies KnowledgeArticleTransition[]);

/**
 * The transition `command` takes in `status`, or an {@link InvalidTransitionError} naming both.
 * Pure: it checks neither permissions nor guards (the knowledge base does, with the actor in hand).
 * @example articleTransition('in_review', 'approve').to // 'published'
 * @category Knowledge
 */
export function articleTransition(
  status: KnowledgeArticleStatus,
  command: KnowledgeArticleCommand,
): KnowledgeArticleTransition {
  const from = parseInput(KnowledgeArticleStatus, status, 'article status');
  const cmd = parseInput(KnowledgeArticleCommand, command, 'article command');
  const row = KNOWLEDGE_ARTICLE_TRANSITIONS.find((t) => t.from === from && t.command === cmd);
  if (!row) throw new InvalidTransitionError('knowledge article', from, cmd);
  return row;
}

/**
 * The commands allowed in a status, in table order.
 * @example allowedArticleCommands('draft') // ['edit', 'submit', 'archive']
 * @category Knowledge
 */
export function allowedArticleCommands(status: KnowledgeArticleStatus): KnowledgeArticleCommand[] {
  const from = parseInput(KnowledgeArticleStatus, status, 'article status');
  return KNOWLEDGE_ARTICLE_TRANSITIONS.filter((t) => t.from === from).map((t) => t.command);
}
