import { FrontlineError } from '../errors/frontline-error';
import { collect } from '../kit/collect';
import { runCommand } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { ServiceDeps } from '../services/domain-events';
import { KnowledgeArticles, type KnowledgeVote, KnowledgeVotes, knowledgeVoteKey } from './article.schema';
import type { LiveSearch } from './article-commands';
import { KNOWLEDGE_ARTICLE_ENTITY, type KnowledgeArticleResult } from './article-commands';
import { VoteOnArticleInput } from './article-inputs';
import { articleTransition } from './article-machine';
import { ArticleVoted } from './knowledge-events';
import { changeOf } from './knowledge-search-engine';

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
 * Votes commute, so a vote that lost its races inside the runner (three attempts) is run again, a few more
 * times, with jitter — many agents voting on one article at once must all be counted.
 */
const VOTE_ROUNDS = 10;
const backoff = (round: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 4 * round));

function castVote(deps: ServiceDeps, live: LiveSearch, raw: unknown) {
  return runCommand(
    deps,
    {
      name: 'article vote',
      input: VoteOnArticleInput,
      collection: KnowledgeArticles,
      id: (input) => input.articleId,
      permission: null,
      execute: async ({ input, actor, current, at, tx }) => {
        articleTransition(current.data.status, 'vote');
        const voterId = input.voterId ?? actor.id;
        const votes = tx.repository(KnowledgeVotes);
        const [existing] = await collect(
          votes.query({
            index: 'article_voter',
            equals: knowledgeVoteKey(input.articleId, voterId),
            limit: 1,
          }),
        );
        if (existing?.data.helpful === input.helpful) {
          return { entity: current.data, events: [], extra: { vote: existing.data, changed: false } };
        }
        const helpful = input.helpful;
        const vote = existing
          ? (await votes.update({ ...existing.data, helpful, votedAt: at }, existing.version)).data
          : (
              await votes.insert({
                id: deps.ids.next(),
                articleId: input.articleId,
                voterId,
                helpful,
                votedAt: at,
              })
            ).data;
        const undo = existing === undefined ? 0 : 1;
        const article = {
          ...current.data,
          helpfulVotes: current.data.helpfulVotes + (helpful ? 1 : -undo),
          notHelpfulVotes: current.data.notHelpfulVotes + (helpful ? -undo : 1),
        };
        const event = emit(
          ArticleVoted,
          { entityType: KNOWLEDGE_ARTICLE_ENTITY, entityId: article.id },
          {
            voterId,
            helpful,
            changedVerdict: existing !== undefined,
            helpfulVotes: article.helpfulVotes,
            notHelpfulVotes: article.notHelpfulVotes,
            version: current.version + 1,
          },
        );
        await live.search.write?.(tx, changeOf(article));
        return { entity: article, events: [event], extra: { vote, changed: true } };
      },
    },
    raw,
  );
}

/** Records a helpful / not-helpful vote (one per voter per article) and moves the article's ranking. */
export async function voteOnArticle(
  deps: ServiceDeps,
  live: LiveSearch,
  raw: unknown,
): Promise<KnowledgeVoteResult> {
  for (let round = 1; ; round++) {
    try {
      const result = await castVote(deps, live, raw);
      const { vote, changed } = result.extra!;
      if (changed) live.engine.committed(result.entity, result.version);
      return { article: result.entity, version: result.version, events: result.events, vote, changed };
    } catch (error) {
      if (!FrontlineError.is(error, 'CONFLICT') || round >= VOTE_ROUNDS) throw error;
      await backoff(round);
    }
  }
}
