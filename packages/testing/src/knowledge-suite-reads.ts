import {
  draftContent,
  expectCode,
  footprint,
  ids,
  type KnowledgeSuiteOptions,
  knowledgeActors,
  knowledgeCase,
  publish,
  solvedTicket,
} from './knowledge-suite-fixtures';
import { describe, expect } from './runner';

/** Reads of the knowledge suite: the review queue paged, who may read, unknown keys refused. */
export function runKnowledgeReadSuite(options: KnowledgeSuiteOptions): void {
  const test = knowledgeCase(options);
  const { writer, reviewer, outsider, reader } = knowledgeActors;
  describe(`knowledge base, reads: ${options.name}`, () => {
    test('review-queue', 'pages the articles waiting for review by cursor, in id order', async ({ kb }) => {
      const drafts = [];
      for (const ticket of ['T-21', 'T-22', 'T-23', 'T-24', 'T-25']) {
        drafts.push((await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket(ticket) })).article.id);
      }
      for (const id of [drafts[3]!, drafts[1]!, drafts[0]!, drafts[4]!]) {
        await kb.submitForReview({ actor: writer, articleId: id });
      }
      const queue: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 5; pages++) {
        const page = await kb.listArticles({
          actor: reviewer,
          status: 'in_review',
          limit: 3,
          ...(cursor === undefined ? {} : { cursor }),
        });
        queue.push(...page.items.map((r) => r.article.id));
        expect(page.items.every((r) => r.version === 2)).toBe(true);
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(queue).toEqual([drafts[0]!, drafts[1]!, drafts[3]!, drafts[4]!].sort());
      expect((await kb.getArticle({ actor: reader, id: drafts[0]! })).version).toBe(2);
      await expectCode(kb.getArticle({ actor: writer, id: 'missing' }), 'NOT_FOUND');
    });

    test(
      'read-permissions',
      'lets knowledge.read search and read, and refuses an actor without a knowledge permission',
      async ({ kb }) => {
        const { article } = await publish(kb, solvedTicket('T-26'));
        expect(ids(await kb.search({ actor: reader, query: 'router' }))).toEqual([article.id]);
        expect(ids(await kb.suggestArticles({ actor: reader, subject: 'router', text: '' }))).toEqual([
          article.id,
        ]);
        const refused = [
          kb.search({ actor: outsider, query: 'router' }),
          kb.suggestArticles({ actor: outsider, subject: 'router' }),
          kb.getArticle({ actor: outsider, id: article.id }),
          kb.listArticles({ actor: outsider, status: 'published' }),
        ];
        for (const call of refused) {
          const error = await expectCode(call, 'FORBIDDEN');
          expect(error.details).toMatchObject({ actorId: outsider.id });
        }
        await expectCode(
          kb.draftArticle({ actor: reader, ...solvedTicket('x'), title: 'Cím' } as never),
          'VALIDATION',
        );
      },
    );

    test(
      'unknown-keys',
      'refuses unknown keys in the input of every function, storing nothing',
      async ({ store, kb }) => {
        const { article } = await publish(kb, solvedTicket('T-27'));
        const draft = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-28') });
        const before = await footprint(store);
        const extra = { unexpected: true };
        const calls: Promise<unknown>[] = [
          kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-29'), ...extra } as never),
          kb.draftArticle({ actor: writer, ...draftContent('Cím'), ...extra } as never),
          kb.editDraft({ actor: writer, articleId: draft.article.id, changes: {}, ...extra } as never),
          kb.editDraft({ actor: writer, articleId: draft.article.id, changes: { ...extra } } as never),
          kb.submitForReview({ actor: writer, articleId: draft.article.id, ...extra } as never),
          kb.approveArticle({ actor: reviewer, articleId: draft.article.id, ...extra } as never),
          kb.rejectArticle({ actor: reviewer, articleId: draft.article.id, reason: 'r', ...extra } as never),
          kb.archiveArticle({ actor: reviewer, articleId: article.id, ...extra } as never),
          kb.voteOnArticle({ actor: writer, articleId: article.id, helpful: true, ...extra } as never),
          kb.getArticle({ actor: writer, id: article.id, ...extra } as never),
          kb.listArticles({ actor: writer, status: 'published', ...extra } as never),
          kb.search({ actor: writer, query: 'router', ...extra } as never),
          kb.suggestArticles({ actor: writer, subject: 'router', ...extra } as never),
        ];
        for (const call of calls) {
          const error = await expectCode(call, 'VALIDATION');
          expect(JSON.stringify(error.details)).toContain('unexpected');
        }
        expect(await footprint(store)).toEqual(before);
      },
    );
  });
}
