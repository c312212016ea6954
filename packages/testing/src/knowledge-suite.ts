import { KnowledgeArticles } from '@frontline/core/storage';
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
import { runKnowledgeReadSuite } from './knowledge-suite-reads';
import { runKnowledgeVoteSuite } from './knowledge-suite-votes';
import { describe, expect } from './runner';

export {
  type KnowledgeSuiteOptions,
  type KnowledgeSuiteTest,
  knowledgeActors,
  knowledgeArticle,
  solvedTicket,
} from './knowledge-suite-fixtures';

/**
 * The knowledge-base suite: registers vitest tests that run the knowledge base over an adapter — drafting
 * from solved tickets, the review cycle with its four-eyes rule, permissions, refused transitions that store
 * nothing, votes (one per voter, concurrent ones all counted) that move ranking, and an index built from the
 * store, kept current, persisted and restored.
 * @example
 * // my-adapter.knowledge.test.ts
 * import { runKnowledgeSuite } from '@frontline/testing';
 * runKnowledgeSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runKnowledgeSuite(options: KnowledgeSuiteOptions): void {
  const test = knowledgeCase(options);
  const { writer, reviewer, writerWhoPublishes, outsider } = knowledgeActors;

  describe(`knowledge base: ${options.name}`, () => {
    test(
      'draft-from-ticket',
      'drafts an article from a solved ticket with an audit entry and an outbox message, once per ticket',
      async ({ store, kb }) => {
        const result = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-100') });
        expect(result.article).toMatchObject({
          title: 'A router nem kapcsol be',
          problem: 'Az ügyfél routere nem kapcsol be, a LED nem világít.',
          cause: 'Hibás tápegység.',
          solution: 'Tápegység cseréje, majd a router újraindítása.',
          product: 'router',
          locale: 'hu',
          status: 'draft',
          sourceTicketId: 'T-100',
          authorId: writer.id,
          helpfulVotes: 0,
          notHelpfulVotes: 0,
        });
        expect(result.version).toBe(1);
        expect(result.events.map((e) => e.type)).toEqual(['knowledge.article_drafted.v1']);
        const stored = await store.repository(KnowledgeArticles).get(result.article.id);
        expect(stored.data).toEqual(result.article);
        const after = await footprint(store);
        expect(after.audit).toBe(1);
        expect(after.outbox).toBe(1);

        const again = await kb.draftFromSolvedTicket({
          actor: writer,
          ...solvedTicket('T-100', { subject: 'Más tárgy' }),
        });
        expect(again.article.id).toBe(result.article.id);
        expect(again.events).toEqual([]);
        expect(await footprint(store)).toEqual(after);

        await kb.archiveArticle({ actor: writer, articleId: result.article.id });
        const fresh = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-100') });
        expect(fresh.article.id).not.toBe(result.article.id);
      },
    );

    test(
      'review-cycle',
      'takes an article from draft through review to published and archived, recording each step',
      async ({ store, clock, kb }) => {
        const draft = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-1') });
        clock.advance(60_000);
        const submitted = await kb.submitForReview({
          actor: writer,
          articleId: draft.article.id,
          expectedVersion: 1,
        });
        expect(submitted.article.status).toBe('in_review');
        expect(submitted.article.submittedAt?.toISOString()).toBe('2026-03-02T08:01:00.000Z');
        clock.advance(60_000);
        const published = await kb.approveArticle({ actor: reviewer, articleId: draft.article.id });
        expect(published.article).toMatchObject({ status: 'published', reviewerId: reviewer.id });
        expect(published.article.publishedAt?.toISOString()).toBe('2026-03-02T08:02:00.000Z');
        expect(published.version).toBe(3);
        expect(ids(await kb.search({ actor: writer, query: 'tapegyseg' }))).toEqual([draft.article.id]);
        const archived = await kb.archiveArticle({ actor: reviewer, articleId: draft.article.id });
        expect(archived.article.status).toBe('archived');
        const types: string[] = [];
        for await (const entry of store.audit.read({ entityId: draft.article.id })) types.push(entry.type);
        expect(types).toEqual([
          'knowledge.article_drafted.v1',
          'knowledge.article_submitted.v1',
          'knowledge.article_published.v1',
          'knowledge.article_archived.v1',
        ]);
        expect((await footprint(store)).outbox).toBe(4);
      },
    );

    test(
      'author-may-not-review',
      "refuses the author's own approval or rejection as FORBIDDEN, storing nothing",
      async ({ store, kb }) => {
        const draft = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-2') });
        await kb.submitForReview({ actor: writer, articleId: draft.article.id });
        const before = await footprint(store);
        const error = await expectCode(
          kb.approveArticle({ actor: writerWhoPublishes, articleId: draft.article.id }),
          'FORBIDDEN',
        );
        expect(error.details).toMatchObject({ actorId: writer.id, articleId: draft.article.id });
        await expectCode(
          kb.rejectArticle({ actor: writerWhoPublishes, articleId: draft.article.id, reason: 'mine' }),
          'FORBIDDEN',
        );
        expect(await footprint(store)).toEqual(before);
        expect(await kb.search({ actor: writer, query: 'router' })).toEqual([]);
      },
    );

    test(
      'permissions',
      'refuses actors without knowledge.write or knowledge.publish as FORBIDDEN, storing nothing',
      async ({ store, kb }) => {
        await expectCode(kb.draftFromSolvedTicket({ actor: outsider, ...solvedTicket('T-3') }), 'FORBIDDEN');
        await expectCode(kb.draftArticle({ actor: outsider, ...draftContent('Cím') }), 'FORBIDDEN');
        const draft = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-3') });
        await kb.submitForReview({ actor: writer, articleId: draft.article.id });
        const before = await footprint(store);
        const error = await expectCode(
          kb.approveArticle({ actor: writer, articleId: draft.article.id }),
          'FORBIDDEN',
        );
        expect(error.details).toMatchObject({ permission: 'knowledge.publish' });
        await expectCode(kb.submitForReview({ actor: outsider, articleId: draft.article.id }), 'FORBIDDEN');
        await expectCode(
          kb.approveArticle({ actor: { id: '', permissions: [] }, articleId: draft.article.id }),
          'VALIDATION',
        );
        expect(await footprint(store)).toEqual(before);
        await kb.approveArticle({ actor: reviewer, articleId: draft.article.id });
        await expectCode(kb.archiveArticle({ actor: writer, articleId: draft.article.id }), 'FORBIDDEN');
      },
    );

    test(
      'invalid-transitions',
      'refuses a command its status does not allow as INVALID_TRANSITION, storing nothing',
      async ({ store, kb }) => {
        const draft = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-4') });
        const id = draft.article.id;
        const before = await footprint(store);
        const error = await expectCode(
          kb.approveArticle({ actor: reviewer, articleId: id }),
          'INVALID_TRANSITION',
        );
        expect(error.details).toMatchObject({ state: 'draft', command: 'approve' });
        await expectCode(
          kb.rejectArticle({ actor: reviewer, articleId: id, reason: 'x' }),
          'INVALID_TRANSITION',
        );
        await expectCode(
          kb.voteOnArticle({ actor: reviewer, articleId: id, helpful: true }),
          'INVALID_TRANSITION',
        );
        await expectCode(kb.approveArticle({ actor: reviewer, articleId: 'no-such-article' }), 'NOT_FOUND');
        expect(await footprint(store)).toEqual(before);
        await publish(kb, solvedTicket('T-5'));
        const published = (await kb.search({ actor: writer, query: 'router' }))[0]!.article.id;
        await expectCode(
          kb.editDraft({ actor: writer, articleId: published, changes: { title: 'Új cím' } }),
          'INVALID_TRANSITION',
        );
        await expectCode(kb.submitForReview({ actor: writer, articleId: published }), 'INVALID_TRANSITION');
        await kb.archiveArticle({ actor: reviewer, articleId: published });
        await expectCode(kb.archiveArticle({ actor: reviewer, articleId: published }), 'INVALID_TRANSITION');
      },
    );

    test(
      'rejection',
      'sends a rejected article back to draft with the reason, and publishes it once fixed',
      async ({ kb }) => {
        const draft = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-6') });
        const id = draft.article.id;
        await kb.submitForReview({ actor: writer, articleId: id });
        await expectCode(kb.rejectArticle({ actor: reviewer, articleId: id, reason: '   ' }), 'VALIDATION');
        const rejected = await kb.rejectArticle({
          actor: reviewer,
          articleId: id,
          reason: 'Hiányzik a lépések sorrendje.',
        });
        expect(rejected.article).toMatchObject({
          status: 'draft',
          reviewerId: reviewer.id,
          rejectionReason: 'Hiányzik a lépések sorrendje.',
        });
        expect(rejected.events[0]).toMatchObject({ type: 'knowledge.article_rejected.v1' });
        await kb.editDraft({
          actor: writer,
          articleId: id,
          changes: { solution: '1. Tápegység csere. 2. Újraindítás.' },
        });
        await kb.submitForReview({ actor: writer, articleId: id });
        const published = await kb.approveArticle({ actor: reviewer, articleId: id });
        expect(published.article).toMatchObject({ status: 'published', rejectionReason: null });
      },
    );

    test(
      'edit-draft',
      'edits only the named fields of a draft and refuses a stale version as CONFLICT',
      async ({ store, kb }) => {
        const draft = await kb.draftFromSolvedTicket({ actor: writer, ...solvedTicket('T-7') });
        const id = draft.article.id;
        const edited = await kb.editDraft({
          actor: writer,
          articleId: id,
          expectedVersion: 1,
          changes: { title: '  Router: nincs áram  ', tags: ['táp', 'táp', 'LED'] },
        });
        expect(edited.version).toBe(2);
        expect(edited.article).toMatchObject({
          title: 'Router: nincs áram',
          tags: ['táp', 'LED'],
          product: 'router',
        });
        expect(edited.events[0]).toMatchObject({
          type: 'knowledge.article_edited.v1',
          payload: { fields: ['title', 'tags'] },
        });
        const before = await footprint(store);
        const error = await expectCode(
          kb.editDraft({ actor: writer, articleId: id, expectedVersion: 1, changes: { title: 'Régi' } }),
          'CONFLICT',
        );
        expect(error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        await expectCode(
          kb.editDraft({ actor: writer, articleId: id, changes: { status: 'published' } } as never),
          'VALIDATION',
        );
        await expectCode(
          kb.editDraft({ actor: writer, articleId: id, changes: { title: '' } }),
          'VALIDATION',
        );
        expect(await footprint(store)).toEqual(before);
      },
    );

    test(
      'unpublished-not-searchable',
      'finds neither drafts nor articles in review, by search or suggestion',
      async ({ kb }) => {
        const draft = await kb.draftFromSolvedTicket({
          actor: writer,
          ...solvedTicket('T-8', { subject: 'Zöld villogás a modemen' }),
        });
        const review = await kb.draftFromSolvedTicket({
          actor: writer,
          ...solvedTicket('T-9', { subject: 'Kék villogás a modemen' }),
        });
        await kb.submitForReview({ actor: writer, articleId: review.article.id });
        expect(await kb.search({ actor: writer, query: 'villogas' })).toEqual([]);
        expect(
          await kb.suggestArticles({ actor: writer, subject: 'modem villog', text: 'zöld és kék fény' }),
        ).toEqual([]);
        await kb.approveArticle({ actor: reviewer, articleId: review.article.id });
        expect(ids(await kb.search({ actor: writer, query: 'villogas' }))).toEqual([review.article.id]);
        expect(ids(await kb.search({ actor: writer, query: 'villogas' }))).not.toContain(draft.article.id);
      },
    );
  });
  runKnowledgeVoteSuite(options);
  runKnowledgeReadSuite(options);
}
