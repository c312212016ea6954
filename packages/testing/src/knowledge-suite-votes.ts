import { FrontlineError } from '@frontline/core';
import { KnowledgeArticles, KnowledgeVotes } from '@frontline/core/storage';
import {
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

/** Search upkeep and votes of the knowledge suite. */
export function runKnowledgeVoteSuite(options: KnowledgeSuiteOptions): void {
  const test = knowledgeCase(options);
  const { writer, reviewer, outsider } = knowledgeActors;
  describe(`knowledge base, search and votes: ${options.name}`, () => {
    test('archived-leaves-index', 'removes an archived article from search at once', async ({ kb }) => {
      const a = await publish(kb, solvedTicket('T-10', { subject: 'SIM kártya aktiválása' }));
      const b = await publish(kb, solvedTicket('T-11', { subject: 'SIM kártya csere' }));
      expect(ids(await kb.search({ actor: writer, query: 'sim kartya' })).sort()).toEqual(
        [a.article.id, b.article.id].sort(),
      );
      await kb.archiveArticle({ actor: reviewer, articleId: a.article.id });
      expect(ids(await kb.search({ actor: writer, query: 'sim kartya' }))).toEqual([b.article.id]);
      expect(
        ids(await kb.suggestArticles({ actor: writer, subject: 'SIM kártya aktiválása', text: '' })),
      ).toEqual([b.article.id]);
    });

    test(
      'votes',
      'stores one vote per voter per article; voting again changes the verdict, repeating it changes nothing',
      async ({ store, kb }) => {
        const { article } = await publish(kb, solvedTicket('T-12'));
        const first = await kb.voteOnArticle({ actor: writer, articleId: article.id, helpful: true });
        expect(first).toMatchObject({ changed: true, article: { helpfulVotes: 1, notHelpfulVotes: 0 } });
        expect(first.vote).toMatchObject({ articleId: article.id, voterId: writer.id, helpful: true });
        const before = await footprint(store);
        const repeat = await kb.voteOnArticle({ actor: writer, articleId: article.id, helpful: true });
        expect(repeat).toMatchObject({ changed: false, events: [], article: { helpfulVotes: 1 } });
        expect(await footprint(store)).toEqual(before);
        const flipped = await kb.voteOnArticle({ actor: writer, articleId: article.id, helpful: false });
        expect(flipped.article).toMatchObject({ helpfulVotes: 0, notHelpfulVotes: 1 });
        await kb.voteOnArticle({
          actor: outsider,
          articleId: article.id,
          helpful: true,
          voterId: 'customer-42',
        });
        const stored = await store.repository(KnowledgeArticles).get(article.id);
        expect(stored.data).toMatchObject({ helpfulVotes: 1, notHelpfulVotes: 1 });
        expect(await store.repository(KnowledgeVotes).count({ index: 'article', equals: article.id })).toBe(
          2,
        );
        const [hit] = await kb.search({ actor: writer, query: 'router' });
        expect(hit?.article).toMatchObject({ helpfulVotes: 1, notHelpfulVotes: 1 });
      },
    );

    test('vote-ranking', 'moves an article voted helpful above an equally relevant one', async ({ kb }) => {
      const a = await publish(kb, solvedTicket('T-13', { subject: 'Lassú internet este' }));
      const b = await publish(kb, solvedTicket('T-14', { subject: 'Lassú internet este' }));
      const before = await kb.search({ actor: writer, query: 'lassu internet' });
      expect(before[0]!.score).toBeCloseTo(before[1]!.score, 6);
      const underdog = ids(before)[1]!;
      expect([a.article.id, b.article.id]).toContain(underdog);
      for (const voter of ['v1', 'v2', 'v3']) {
        await kb.voteOnArticle({ actor: writer, articleId: underdog, helpful: true, voterId: voter });
      }
      expect(ids(await kb.search({ actor: writer, query: 'lassu internet' }))[0]).toBe(underdog);
      expect(
        ids(await kb.suggestArticles({ actor: writer, subject: 'lassú az internet', text: 'este' }))[0],
      ).toBe(underdog);
    });

    test(
      'concurrent-votes',
      'counts every one of many concurrent votes on one article',
      async ({ store, kb }) => {
        const { article } = await publish(kb, solvedTicket('T-15'));
        const voters = Array.from({ length: 8 }, (_, i) => `voter-${i}`);
        const settled = await Promise.allSettled(
          voters.map((voterId, i) =>
            kb.voteOnArticle({ actor: writer, articleId: article.id, helpful: i % 3 !== 0, voterId }),
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
      async ({ kb, another, inProcess }) => {
        const a = await publish(kb, solvedTicket('T-16', { subject: 'Árvíztűrő tükörfúrógép' }));
        await kb.draftFromSolvedTicket({
          actor: writer,
          ...solvedTicket('T-17', { subject: 'Árvíztűrő piszkozat' }),
        });
        const other = another('other');
        expect(await other.load()).toEqual({ articles: 1 });
        expect(ids(await other.search({ actor: writer, query: 'arvizturo' }))).toEqual([a.article.id]);
        const b = await publish(kb, solvedTicket('T-18', { subject: 'Árvíztűrő második' }));
        // an in-process index follows another process's commits once synced; a database index at once
        expect(ids(await other.search({ actor: writer, query: 'masodik' }))).toEqual(
          inProcess ? [] : [b.article.id],
        );
        await other.syncArticle(b.article.id);
        expect(ids(await other.search({ actor: writer, query: 'masodik' }))).toEqual([b.article.id]);
        await kb.archiveArticle({ actor: reviewer, articleId: a.article.id });
        expect(await other.rebuild()).toEqual({ articles: 1 });
        expect(ids(await other.search({ actor: writer, query: 'arvizturo' }))).toEqual([b.article.id]);
        await expectCode(other.syncArticle('../etc'), 'VALIDATION');
      },
    );

    test(
      'serialize-restore',
      'persists the index as a string and restores it without reading the store',
      async ({ kb, another, inProcess }) => {
        await publish(kb, solvedTicket('T-19', { subject: 'Nyomtató nem nyomtat', product: 'nyomtató' }));
        const b = await publish(kb, solvedTicket('T-20', { subject: 'Router jelszó csere', locale: 'en' }));
        await kb.voteOnArticle({ actor: writer, articleId: b.article.id, helpful: true });
        const expected = await kb.search({ actor: writer, query: 'nyomtato router' });
        if (!inProcess) {
          // nothing to persist: the index is in the database, and every knowledge base over it sees the same
          await expectCode(kb.serializeIndex(), 'VALIDATION');
          expect(() => kb.restoreIndex('{}')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
          expect(await another('elsewhere').search({ actor: writer, query: 'nyomtato router' })).toEqual(
            expected,
          );
          return;
        }
        const serialized = await kb.serializeIndex();
        const elsewhere = another('elsewhere');
        expect(elsewhere.restoreIndex(serialized)).toEqual({ articles: 2 });
        expect(await elsewhere.search({ actor: writer, query: 'nyomtato router' })).toEqual(expected);
        expect(ids(await elsewhere.search({ actor: writer, query: 'router', locale: 'en' }))).toEqual([
          b.article.id,
        ]);
        expect(() => elsewhere.restoreIndex('{"format":"something else"}')).toThrow(
          expect.objectContaining({ code: 'VALIDATION' }),
        );
        expect(() => elsewhere.restoreIndex(`${serialized.slice(0, 100)}}`)).toThrow(
          expect.objectContaining({ code: 'VALIDATION' }),
        );
        expect(await elsewhere.search({ actor: writer, query: 'nyomtato router' })).toEqual(expected);
      },
    );
  });
}
