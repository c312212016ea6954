import { describe, expect } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import type { ActorInput } from '../kernel/actor';
import {
  type KnowledgeArticle,
  KnowledgeArticles,
  KnowledgeVotes,
  type SolvedTicketFactsInput,
} from '../knowledge/article.schema';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base';
import type { FixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import type { Store } from '../ports/storage';
import { suiteCase } from './suite-harness';

/** The names of the knowledge suite's tests, for {@link KnowledgeSuiteOptions.skip}. */
export type KnowledgeSuiteTest =
  | 'draft-from-ticket'
  | 'review-cycle'
  | 'author-may-not-review'
  | 'permissions'
  | 'invalid-transitions'
  | 'rejection'
  | 'edit-draft'
  | 'unpublished-not-searchable'
  | 'archived-leaves-index'
  | 'votes'
  | 'vote-ranking'
  | 'concurrent-votes'
  | 'index-from-store'
  | 'serialize-restore'
  | 'review-queue';

/** What the knowledge suite needs from an adapter: the shape of the storage conformance suite's options. */
export interface KnowledgeSuiteOptions {
  /** The adapter's name, used in test titles. */
  name: string;
  /** A fresh, empty store reading time from `clock`; called once per test. */
  createStore: (context: { clock: FixedClock }) => Promise<Store> | Store;
  /** Called after each test with the store it used. */
  dispose?: (store: Store) => Promise<void> | void;
  /** Tests to leave out, each with the reason why (printed in the test title). */
  skip?: Partial<Record<KnowledgeSuiteTest, string>>;
}

/**
 * Actors the knowledge suite works with: a writer, a reviewer, the writer holding publish rights too (who
 * still may not review her own article), and an agent with no knowledge rights.
 * @category Testing
 */
export const knowledgeActors = {
  writer: { id: 'agent-anna', roles: ['agent'], permissions: ['knowledge.write', 'ticket.write'] },
  reviewer: { id: 'lead-bela', roles: ['team-lead'], permissions: ['knowledge.write', 'knowledge.publish'] },
  writerWhoPublishes: {
    id: 'agent-anna',
    roles: ['agent', 'team-lead'],
    permissions: ['knowledge.write', 'knowledge.publish'],
  },
  outsider: { id: 'agent-csaba', roles: ['agent'], permissions: ['ticket.write'] },
} as const satisfies Record<string, ActorInput>;

/**
 * Facts of a solved ticket with sensible Hungarian defaults, for tests.
 * @category Testing
 */
export function solvedTicket(
  ticketId: string,
  overrides: Partial<SolvedTicketFactsInput> = {},
): SolvedTicketFactsInput {
  return {
    ticketId,
    subject: 'A router nem kapcsol be',
    problem: 'Az ügyfél routere nem kapcsol be, a LED nem világít.',
    cause: 'Hibás tápegység.',
    solution: 'Tápegység cseréje, majd a router újraindítása.',
    product: 'router',
    category: 'hibabejelentés',
    locale: 'hu',
    solvedBy: knowledgeActors.writer.id,
    ...overrides,
  };
}

/**
 * A complete article (published unless overridden), for index tests that need no store.
 * @category Testing
 */
export function knowledgeArticle(id: string, overrides: Partial<KnowledgeArticle> = {}): KnowledgeArticle {
  const at = new Date('2026-01-05T08:00:00.000Z');
  return {
    id,
    title: 'A router nem kapcsol be',
    problem: 'Az ügyfél routere nem kapcsol be.',
    cause: '',
    solution: 'Tápegység cseréje.',
    product: 'router',
    category: 'hibabejelentés',
    tags: [],
    locale: 'hu',
    status: 'published',
    sourceTicketId: null,
    authorId: knowledgeActors.writer.id,
    reviewerId: knowledgeActors.reviewer.id,
    rejectionReason: null,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    publishedAt: at,
    archivedAt: null,
    helpfulVotes: 0,
    notHelpfulVotes: 0,
    ...overrides,
  };
}

interface Ctx {
  store: Store;
  clock: FixedClock;
  kb: KnowledgeBase;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<FrontlineError> {
  try {
    await promise;
  } catch (error) {
    expect(FrontlineError.is(error), `expected a FrontlineError, got ${String(error)}`).toBe(true);
    expect((error as FrontlineError).code).toBe(code);
    return error as FrontlineError;
  }
  throw new Error(`expected the call to fail with ${code}, but it succeeded`);
}

/** Everything a command may write, so a test can prove a failed command wrote nothing. */
async function footprint(
  store: Store,
): Promise<{ articles: string[]; votes: number; audit: number; outbox: number }> {
  const articles: string[] = [];
  for await (const row of store.repository(KnowledgeArticles).scan()) {
    articles.push(`${row.data.id}@${row.version}:${row.data.status}`);
  }
  let audit = 0;
  for await (const _ of store.audit.read()) audit++;
  const stats = await store.outbox.stats();
  return {
    articles,
    votes: await store.repository(KnowledgeVotes).count(),
    audit,
    outbox: stats.pending + stats.claimed + stats.done + stats.dead,
  };
}

async function publish(kb: KnowledgeBase, facts: SolvedTicketFactsInput) {
  const { writer, reviewer } = knowledgeActors;
  const draft = await kb.draftFromSolvedTicket(facts, writer);
  await kb.submitForReview({ articleId: draft.article.id }, writer);
  return kb.approveArticle({ articleId: draft.article.id }, reviewer);
}

const ids = (hits: readonly { article: { id: string } }[]) => hits.map((h) => h.article.id);

/**
 * The knowledge-base suite: registers vitest tests that run the knowledge base over an adapter — drafting
 * from solved tickets, the review cycle with its four-eyes rule, permissions, refused transitions that store
 * nothing, votes (one per voter, concurrent ones all counted) that move ranking, and an index built from the
 * store, kept current, persisted and restored.
 * @example
 * // my-adapter.knowledge.test.ts
 * import { runKnowledgeSuite } from '@frontline/core/testing';
 * runKnowledgeSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runKnowledgeSuite(options: KnowledgeSuiteOptions): void {
  const test = (name: KnowledgeSuiteTest, title: string, body: (ctx: Ctx) => Promise<void>) =>
    suiteCase(
      options,
      name,
      title,
      '2026-03-02T08:00:00.000Z',
      ({ store, clock }) => ({
        store,
        clock,
        kb: createKnowledgeBase({ store, clock, ids: createSequentialIds('kb') }),
      }),
      body,
    );
  const { writer, reviewer, writerWhoPublishes, outsider } = knowledgeActors;

  describe(`knowledge base: ${options.name}`, () => {
    test(
      'draft-from-ticket',
      'drafts an article from a solved ticket with an audit entry and an outbox message, once per ticket',
      async ({ store, kb }) => {
        const result = await kb.draftFromSolvedTicket(solvedTicket('T-100'), writer);
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
        expect(result.events.map((e) => e.type)).toEqual(['knowledge.article_drafted']);
        const stored = await store.repository(KnowledgeArticles).get(result.article.id);
        expect(stored.data).toEqual(result.article);
        const after = await footprint(store);
        expect(after.audit).toBe(1);
        expect(after.outbox).toBe(1);

        const again = await kb.draftFromSolvedTicket(solvedTicket('T-100', { subject: 'Más tárgy' }), writer);
        expect(again.article.id).toBe(result.article.id);
        expect(again.events).toEqual([]);
        expect(await footprint(store)).toEqual(after);

        await kb.archiveArticle({ articleId: result.article.id }, writer);
        const fresh = await kb.draftFromSolvedTicket(solvedTicket('T-100'), writer);
        expect(fresh.article.id).not.toBe(result.article.id);
      },
    );

    test(
      'review-cycle',
      'takes an article from draft through review to published and archived, recording each step',
      async ({ store, clock, kb }) => {
        const draft = await kb.draftFromSolvedTicket(solvedTicket('T-1'), writer);
        clock.advance(60_000);
        const submitted = await kb.submitForReview(
          { articleId: draft.article.id, expectedVersion: 1 },
          writer,
        );
        expect(submitted.article.status).toBe('in_review');
        expect(submitted.article.submittedAt?.toISOString()).toBe('2026-03-02T08:01:00.000Z');
        clock.advance(60_000);
        const published = await kb.approveArticle({ articleId: draft.article.id }, reviewer);
        expect(published.article).toMatchObject({ status: 'published', reviewerId: reviewer.id });
        expect(published.article.publishedAt?.toISOString()).toBe('2026-03-02T08:02:00.000Z');
        expect(published.version).toBe(3);
        expect(ids(await kb.search({ query: 'tapegyseg' }))).toEqual([draft.article.id]);
        const archived = await kb.archiveArticle({ articleId: draft.article.id }, reviewer);
        expect(archived.article.status).toBe('archived');
        const types: string[] = [];
        for await (const entry of store.audit.read({ entityId: draft.article.id })) types.push(entry.type);
        expect(types).toEqual([
          'knowledge.article_drafted',
          'knowledge.article_submitted',
          'knowledge.article_published',
          'knowledge.article_archived',
        ]);
        expect((await footprint(store)).outbox).toBe(4);
      },
    );

    test(
      'author-may-not-review',
      "refuses the author's own approval or rejection as FORBIDDEN, storing nothing",
      async ({ store, kb }) => {
        const draft = await kb.draftFromSolvedTicket(solvedTicket('T-2'), writer);
        await kb.submitForReview({ articleId: draft.article.id }, writer);
        const before = await footprint(store);
        const error = await expectCode(
          kb.approveArticle({ articleId: draft.article.id }, writerWhoPublishes),
          'FORBIDDEN',
        );
        expect(error.details).toMatchObject({ actorId: writer.id, articleId: draft.article.id });
        await expectCode(
          kb.rejectArticle({ articleId: draft.article.id, reason: 'mine' }, writerWhoPublishes),
          'FORBIDDEN',
        );
        expect(await footprint(store)).toEqual(before);
        expect(await kb.search({ query: 'router' })).toEqual([]);
      },
    );

    test(
      'permissions',
      'refuses actors without knowledge.write or knowledge.publish as FORBIDDEN, storing nothing',
      async ({ store, kb }) => {
        await expectCode(kb.draftFromSolvedTicket(solvedTicket('T-3'), outsider), 'FORBIDDEN');
        await expectCode(kb.draftArticle({ ...solvedTicket('x'), title: 'Cím' }, outsider), 'FORBIDDEN');
        const draft = await kb.draftFromSolvedTicket(solvedTicket('T-3'), writer);
        await kb.submitForReview({ articleId: draft.article.id }, writer);
        const before = await footprint(store);
        const error = await expectCode(
          kb.approveArticle({ articleId: draft.article.id }, writer),
          'FORBIDDEN',
        );
        expect(error.details).toMatchObject({ permission: 'knowledge.publish' });
        await expectCode(kb.submitForReview({ articleId: draft.article.id }, outsider), 'FORBIDDEN');
        await expectCode(
          kb.approveArticle({ articleId: draft.article.id }, { id: '', permissions: [] }),
          'VALIDATION',
        );
        expect(await footprint(store)).toEqual(before);
        await kb.approveArticle({ articleId: draft.article.id }, reviewer);
        await expectCode(kb.archiveArticle({ articleId: draft.article.id }, writer), 'FORBIDDEN');
      },
    );

    test(
      'invalid-transitions',
      'refuses a command its status does not allow as INVALID_TRANSITION, storing nothing',
      async ({ store, kb }) => {
        const draft = await kb.draftFromSolvedTicket(solvedTicket('T-4'), writer);
        const id = draft.article.id;
        const before = await footprint(store);
        const error = await expectCode(kb.approveArticle({ articleId: id }, reviewer), 'INVALID_TRANSITION');
        expect(error.details).toMatchObject({ state: 'draft', command: 'approve' });
        await expectCode(kb.rejectArticle({ articleId: id, reason: 'x' }, reviewer), 'INVALID_TRANSITION');
        await expectCode(kb.voteOnArticle({ articleId: id, helpful: true }, reviewer), 'INVALID_TRANSITION');
        await expectCode(kb.approveArticle({ articleId: 'no-such-article' }, reviewer), 'NOT_FOUND');
        expect(await footprint(store)).toEqual(before);
        await publish(kb, solvedTicket('T-5'));
        const published = (await kb.search({ query: 'router' }))[0]!.article.id;
        await expectCode(
          kb.editDraft({ articleId: published, changes: { title: 'Új cím' } }, writer),
          'INVALID_TRANSITION',
        );
        await expectCode(kb.submitForReview({ articleId: published }, writer), 'INVALID_TRANSITION');
        await kb.archiveArticle({ articleId: published }, reviewer);
        await expectCode(kb.archiveArticle({ articleId: published }, reviewer), 'INVALID_TRANSITION');
      },
    );

    test(
      'rejection',
      'sends a rejected article back to draft with the reason, and publishes it once fixed',
      async ({ kb }) => {
        const draft = await kb.draftFromSolvedTicket(solvedTicket('T-6'), writer);
        const id = draft.article.id;
        await kb.submitForReview({ articleId: id }, writer);
        await expectCode(kb.rejectArticle({ articleId: id, reason: '   ' }, reviewer), 'VALIDATION');
        const rejected = await kb.rejectArticle(
          { articleId: id, reason: 'Hiányzik a lépések sorrendje.' },
          reviewer,
        );
        expect(rejected.article).toMatchObject({
          status: 'draft',
          reviewerId: reviewer.id,
          rejectionReason: 'Hiányzik a lépések sorrendje.',
        });
        expect(rejected.events[0]).toMatchObject({ type: 'knowledge.article_rejected' });
        await kb.editDraft(
          { articleId: id, changes: { solution: '1. Tápegység csere. 2. Újraindítás.' } },
          writer,
        );
        await kb.submitForReview({ articleId: id }, writer);
        const published = await kb.approveArticle({ articleId: id }, reviewer);
        expect(published.article).toMatchObject({ status: 'published', rejectionReason: null });
      },
    );

    test(
      'edit-draft',
      'edits only the named fields of a draft and refuses a stale version as CONFLICT',
      async ({ store, kb }) => {
        const draft = await kb.draftFromSolvedTicket(solvedTicket('T-7'), writer);
        const id = draft.article.id;
        const edited = await kb.editDraft(
          {
            articleId: id,
            expectedVersion: 1,
            changes: { title: '  Router: nincs áram  ', tags: ['táp', 'táp', 'LED'] },
          },
          writer,
        );
        expect(edited.version).toBe(2);
        expect(edited.article).toMatchObject({
          title: 'Router: nincs áram',
          tags: ['táp', 'LED'],
          product: 'router',
        });
        expect(edited.events[0]).toMatchObject({
          type: 'knowledge.article_edited',
          payload: { fields: ['title', 'tags'] },
        });
        const before = await footprint(store);
        const error = await expectCode(
          kb.editDraft({ articleId: id, expectedVersion: 1, changes: { title: 'Régi' } }, writer),
          'CONFLICT',
        );
        expect(error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        await expectCode(
          kb.editDraft({ articleId: id, changes: { status: 'published' } } as never, writer),
          'VALIDATION',
        );
        await expectCode(kb.editDraft({ articleId: id, changes: { title: '' } }, writer), 'VALIDATION');
        expect(await footprint(store)).toEqual(before);
      },
    );

    test(
      'unpublished-not-searchable',
      'finds neither drafts nor articles in review, by search or suggestion',
      async ({ kb }) => {
        const draft = await kb.draftFromSolvedTicket(
          solvedTicket('T-8', { subject: 'Zöld villogás a modemen' }),
          writer,
        );
        const review = await kb.draftFromSolvedTicket(
          solvedTicket('T-9', { subject: 'Kék villogás a modemen' }),
          writer,
        );
        await kb.submitForReview({ articleId: review.article.id }, writer);
        expect(await kb.search({ query: 'villogas' })).toEqual([]);
        expect(await kb.suggestArticles({ subject: 'modem villog', text: 'zöld és kék fény' })).toEqual([]);
        await kb.approveArticle({ articleId: review.article.id }, reviewer);
        expect(ids(await kb.search({ query: 'villogas' }))).toEqual([review.article.id]);
        expect(ids(await kb.search({ query: 'villogas' }))).not.toContain(draft.article.id);
      },
    );

    test('archived-leaves-index', 'removes an archived article from search at once', async ({ kb }) => {
      const a = await publish(kb, solvedTicket('T-10', { subject: 'SIM kártya aktiválása' }));
      const b = await publish(kb, solvedTicket('T-11', { subject: 'SIM kártya csere' }));
      expect(ids(await kb.search({ query: 'sim kartya' })).sort()).toEqual(
        [a.article.id, b.article.id].sort(),
      );
      await kb.archiveArticle({ articleId: a.article.id }, reviewer);
      expect(ids(await kb.search({ query: 'sim kartya' }))).toEqual([b.article.id]);
      expect(ids(await kb.suggestArticles({ subject: 'SIM kártya aktiválása', text: '' }))).toEqual([
        b.article.id,
      ]);
    });

    test(
      'votes',
      'stores one vote per voter per article; voting again changes the verdict, repeating it changes nothing',
      async ({ store, kb }) => {
        const { article } = await publish(kb, solvedTicket('T-12'));
        const first = await kb.voteOnArticle({ articleId: article.id, helpful: true }, writer);
        expect(first).toMatchObject({ changed: true, article: { helpfulVotes: 1, notHelpfulVotes: 0 } });
        expect(first.vote).toMatchObject({ articleId: article.id, voterId: writer.id, helpful: true });
        const before = await footprint(store);
        const repeat = await kb.voteOnArticle({ articleId: article.id, helpful: true }, writer);
        expect(repeat).toMatchObject({ changed: false, events: [], article: { helpfulVotes: 1 } });
        expect(await footprint(store)).toEqual(before);
        const flipped = await kb.voteOnArticle({ articleId: article.id, helpful: false }, writer);
        expect(flipped.article).toMatchObject({ helpfulVotes: 0, notHelpfulVotes: 1 });
        await kb.voteOnArticle({ articleId: article.id, helpful: true, voterId: 'customer-42' }, outsider);
        const stored = await store.repository(KnowledgeArticles).get(article.id);
        expect(stored.data).toMatchObject({ helpfulVotes: 1, notHelpfulVotes: 1 });
        expect(await store.repository(KnowledgeVotes).count({ index: 'article', equals: article.id })).toBe(
          2,
        );
        const [hit] = await kb.search({ query: 'router' });
        expect(hit?.article).toMatchObject({ helpfulVotes: 1, notHelpfulVotes: 1 });
      },
    );

    test('vote-ranking', 'moves an article voted helpful above an equally relevant one', async ({ kb }) => {
      const a = await publish(kb, solvedTicket('T-13', { subject: 'Lassú internet este' }));
      const b = await publish(kb, solvedTicket('T-14', { subject: 'Lassú internet este' }));
      const before = await kb.search({ query: 'lassu internet' });
      expect(before[0]!.score).toBeCloseTo(before[1]!.score, 6);
      const underdog = ids(before)[1]!;
      expect([a.article.id, b.article.id]).toContain(underdog);
      for (const voter of ['v1', 'v2', 'v3']) {
        await kb.voteOnArticle({ articleId: underdog, helpful: true, voterId: voter }, writer);
      }
      expect(ids(await kb.search({ query: 'lassu internet' }))[0]).toBe(underdog);
      expect(ids(await kb.suggestArticles({ subject: 'lassú az internet', text: 'este' }))[0]).toBe(underdog);
    });

    test(
      'concurrent-votes',
      'counts every one of many concurrent votes on one article',
      async ({ store, kb }) => {
        const { article } = await publish(kb, solvedTicket('T-15'));
        const voters = Array.from({ length: 8 }, (_, i) => `voter-${i}`);
        const settled = await Promise.allSettled(
          voters.map((voterId, i) =>
            kb.voteOnArticle({ articleId: article.id, helpful: i % 3 !== 0, voterId }, writer),
          ),
        );
        const failed = settled.filter((s) => s.status === 'rejected');
        for (const f of failed)
          expect(FrontlineError.is((f as PromiseRejectedResult).reason, 'CONFLICT')).toBe(true);
        const stored = await store.repository(KnowledgeArticles).get(article.id);
        const votes = await store.repository(KnowledgeVotes).count({ index: 'article', equals: article.id });
        expect(votes).toBe(voters.length - failed.length);
        expect(stored.data.helpfulVotes + stored.data.notHelpfulVotes).toBe(votes);
        expect(failed.length).toBe(0);
      },
    );

    test(
      'index-from-store',
      'builds the index from published articles in the store and follows changes made elsewhere',
      async ({ store, clock, kb }) => {
        const a = await publish(kb, solvedTicket('T-16', { subject: 'Árvíztűrő tükörfúrógép' }));
        await kb.draftFromSolvedTicket(solvedTicket('T-17', { subject: 'Árvíztűrő piszkozat' }), writer);
        const other = createKnowledgeBase({ store, clock, ids: createSequentialIds('other') });
        expect(await other.load()).toEqual({ articles: 1 });
        expect(ids(await other.search({ query: 'arvizturo' }))).toEqual([a.article.id]);
        const b = await publish(kb, solvedTicket('T-18', { subject: 'Árvíztűrő második' }));
        expect(ids(await other.search({ query: 'masodik' }))).toEqual([]);
        await other.syncArticle(b.article.id);
        expect(ids(await other.search({ query: 'masodik' }))).toEqual([b.article.id]);
        await kb.archiveArticle({ articleId: a.article.id }, reviewer);
        expect(await other.rebuild()).toEqual({ articles: 1 });
        expect(ids(await other.search({ query: 'arvizturo' }))).toEqual([b.article.id]);
        await expectCode(other.syncArticle('../etc'), 'VALIDATION');
      },
    );

    test(
      'serialize-restore',
      'persists the index as a string and restores it without reading the store',
      async ({ store, clock, kb }) => {
        await publish(kb, solvedTicket('T-19', { subject: 'Nyomtató nem nyomtat', product: 'nyomtató' }));
        const b = await publish(kb, solvedTicket('T-20', { subject: 'Router jelszó csere', locale: 'en' }));
        await kb.voteOnArticle({ articleId: b.article.id, helpful: true }, writer);
        const serialized = await kb.serializeIndex();
        const expected = await kb.search({ query: 'nyomtato router' });
        const elsewhere = createKnowledgeBase({ store, clock, ids: createSequentialIds('elsewhere') });
        expect(elsewhere.restoreIndex(serialized)).toEqual({ articles: 2 });
        expect(await elsewhere.search({ query: 'nyomtato router' })).toEqual(expected);
        expect(ids(await elsewhere.search({ query: 'router', locale: 'en' }))).toEqual([b.article.id]);
        expect(() => elsewhere.restoreIndex('{"format":"something else"}')).toThrow(
          expect.objectContaining({ code: 'VALIDATION' }),
        );
        expect(() => elsewhere.restoreIndex(`${serialized.slice(0, 100)}}`)).toThrow(
          expect.objectContaining({ code: 'VALIDATION' }),
        );
        expect(await elsewhere.search({ query: 'nyomtato router' })).toEqual(expected);
      },
    );

    test('review-queue', 'lists the articles waiting for review', async ({ kb }) => {
      const a = await kb.draftFromSolvedTicket(solvedTicket('T-21'), writer);
      const b = await kb.draftFromSolvedTicket(solvedTicket('T-22'), writer);
      await kb.draftFromSolvedTicket(solvedTicket('T-23'), writer);
      await kb.submitForReview({ articleId: b.article.id }, writer);
      await kb.submitForReview({ articleId: a.article.id }, writer);
      const queue: string[] = [];
      for await (const row of kb.listArticles({ status: 'in_review' })) queue.push(row.article.id);
      expect(queue).toEqual([a.article.id, b.article.id].sort());
      expect((await kb.getArticle(a.article.id)).version).toBe(2);
      await expectCode(kb.getArticle('missing'), 'NOT_FOUND');
    });
  });
}
