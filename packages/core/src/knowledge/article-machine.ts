import { z } from 'zod';
import type { InvalidTransitionError } from '../errors/frontline-error';
import { defineMachine, type MachineTransition } from '../kit/define-machine';
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
 * `permission` (`null`: any identified actor). `fourEyes`: the actor may not be the article's author — the
 * knowledge base refuses an author's own review as `FORBIDDEN` (an authorization rule, so it is not a guard).
 * @category Knowledge
 */
export interface KnowledgeArticleTransition
  extends MachineTransition<KnowledgeArticleStatus, KnowledgeArticleCommand, never> {
  readonly permission: 'knowledge.write' | 'knowledge.publish' | null;
  readonly fourEyes: boolean;
}

const row = (
  from: KnowledgeArticleStatus,
  command: KnowledgeArticleCommand,
  to: KnowledgeArticleStatus,
  permission: KnowledgeArticleTransition['permission'],
  fourEyes = false,
): KnowledgeArticleTransition =>
  Object.freeze({ from, command, to, permission, fourEyes, guards: Object.freeze([]) });

/**
 * The article review cycle as data — draft → in_review → published → archived, back to draft on rejection —
 * so a host can draw it or list what a user may do next:
 *
 * | from | command | to | permission | four-eyes |
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
  row('draft', 'edit', 'draft', 'knowledge.write'),
  row('draft', 'submit', 'in_review', 'knowledge.write'),
  row('draft', 'archive', 'archived', 'knowledge.write'),
  row('in_review', 'approve', 'published', 'knowledge.publish', true),
  row('in_review', 'reject', 'draft', 'knowledge.publish', true),
  row('published', 'vote', 'published', null),
  row('published', 'archive', 'archived', 'knowledge.publish'),
]);

/**
 * The article machine on the one engine of the kit. It has no guards, so its context is empty.
 * @category Knowledge
 */
export const knowledgeArticleMachine = defineMachine({
  name: 'knowledge article',
  states: KnowledgeArticleStatus,
  commands: KnowledgeArticleCommand,
  context: z.object({}).strict().default({}),
  guards: {},
  transitions: KNOWLEDGE_ARTICLE_TRANSITIONS,
});

/**
 * The transition `command` takes in `status`, or an {@link InvalidTransitionError} naming both.
 * Pure: it checks neither permissions nor the four-eyes rule (the knowledge base does, with the actor in hand).
 * @example articleTransition('in_review', 'approve').to // 'published'
 * @category Knowledge
 */
export function articleTransition(
  status: KnowledgeArticleStatus,
  command: KnowledgeArticleCommand,
): KnowledgeArticleTransition {
  return knowledgeArticleMachine.decide(status, command, undefined);
}

/**
 * The commands allowed in a status, in table order.
 * @example allowedArticleCommands('draft') // ['edit', 'submit', 'archive']
 * @category Knowledge
 */
export function allowedArticleCommands(status: KnowledgeArticleStatus): KnowledgeArticleCommand[] {
  return knowledgeArticleMachine.available(status, undefined);
}
