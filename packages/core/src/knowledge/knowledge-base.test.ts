import {
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  FrontlineError,
  type Store,
} from '@frontline/core';
import { createKnowledgeBase, type KnowledgeBase } from '@frontline/core/service-desk';
import { KnowledgeArticles, KnowledgeVotes } from '@frontline/core/storage';
import { knowledgeActors, knowledgeArticle, solvedTicket } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

async function seeded(): Promise<{ store: Store; kb: KnowledgeBase; published: string; draft: string }> {
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const store = createMemoryStore({ clock });
  const kb = createKnowledgeBase({ store, clock, ids: createSequentialIds('kb') });
  const { writer, reviewer } = knowledgeActors;
  const a = await kb.draftFromSolvedTicket({
    actor: writer,
    ...solvedTicket('T-1', { subject: 'Nyomtató nem nyomtat' }),
  });
  await kb.submitForReview({ actor: writer, articleId: a.article.id });
  await kb.approveArticle({ actor: reviewer, articleId: a.article.id });
  const b = await kb.draftFromSolvedTicket({
    actor: writer,
    ...solvedTicket('T-2', {
      subject: 'Villogó LED a modemen',
      problem: 'A modem LED-je pirosan villog.',
      product: 'modem',
    }),
  });
  return { store, kb, published: a.article.id, draft: b.article.id };
}

/** Everything commands write: articles with versions, votes, the audit length and the outbox counts. */
async function snapshot(store: Store): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of store.repository(KnowledgeArticles).scan())
    rows.push(`${row.data.id}@${row.version}`);
  let audit = 0;
  for await (const _ of store.audit.read()) audit++;
  const votes = await store.repository(KnowledgeVotes).count();
  return [...rows, `votes:${votes}`, `audit:${audit}`, JSON.stringify(await store.outbox.stats())];
}

async function expectOnlyFrontlineErrors(call: () => unknown): Promise<void> {
  try {
    const result = call();
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _ of result as AsyncIterable<unknown>);
    } else {
      await result;
    }
  } catch (error) {
    expect(FrontlineError.is(error), `${String(error)}\n${(error as Error)?.stack ?? ''}`).toBe(true);
  }
}

describe('knowledge base robustness', () => {
  it('refuses wrong dependencies as VALIDATION', () => {
    for (const deps of [undefined, null, {}, { store: {}, clock: {}, ids: {} }, 'store']) {
      expect(() => createKnowledgeBase(deps as never)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
  });

  it('answers any text given to search or suggestions, or throws only a FrontlineError (property)', async () => {
    const { kb } = await seeded();
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(text, text, fc.option(text), async (a, b, product) => {
        await expectOnlyFrontlineErrors(() =>
          kb.search({ actor: knowledgeActors.writer, query: a, ...(product === null ? {} : { product }) }),
        );
        await expectOnlyFrontlineErrors(() =>
          kb.suggestArticles({
            actor: knowledgeActors.writer,
            subject: a,
            text: b,
            ...(product === null ? {} : { product }),
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses garbage to every public function with a FrontlineError, never a TypeError, storing nothing (property)', async () => {
    const { store, kb, published, draft } = await seeded();
    const actor = fc.oneof(
      fc.anything(),
      fc.constantFrom(...Object.values(knowledgeActors)),
      fc.record({ id: fc.string(), permissions: fc.array(fc.string()) }),
    );
    const input = fc.oneof(
      fc.anything(),
      fc.record(
        {
          articleId: fc.oneof(fc.constantFrom(published, draft, 'missing'), fc.anything()),
          expectedVersion: fc.anything(),
          changes: fc.anything(),
          reason: fc.anything(),
          helpful: fc.anything(),
          voterId: fc.anything(),
          status: fc.anything(),
          query: fc.anything(),
          subject: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    /** The garbage with the actor in it, when it is an object (else the garbage itself). */
    const withActor = (x: unknown, a: unknown) =>
      typeof x === 'object' && x !== null && !Array.isArray(x) ? { ...x, actor: a } : x;
    const calls: [string, (x: unknown, a: unknown) => unknown][] = [
      ['draftFromSolvedTicket', (x, a) => kb.draftFromSolvedTicket(withActor(x, a) as never)],
      ['draftArticle', (x, a) => kb.draftArticle(withActor(x, a) as never)],
      ['editDraft', (x, a) => kb.editDraft(withActor(x, a) as never)],
      ['submitForReview', (x, a) => kb.submitForReview(withActor(x, a) as never)],
      ['approveArticle', (x, a) => kb.approveArticle(withActor(x, a) as never)],
      ['rejectArticle', (x, a) => kb.rejectArticle(withActor(x, a) as never)],
      ['archiveArticle', (x, a) => kb.archiveArticle(withActor(x, a) as never)],
      ['voteOnArticle', (x, a) => kb.voteOnArticle(withActor(x, a) as never)],
      ['getArticle', (x, a) => kb.getArticle(withActor(x, a) as never)],
      ['listArticles', (x, a) => kb.listArticles(withActor(x, a) as never)],
      ['search', (x, a) => kb.search(withActor(x, a) as never)],
      ['suggestArticles', (x, a) => kb.suggestArticles(withActor(x, a) as never)],
      ['syncArticle', (x) => kb.syncArticle(x as never)],
      ['restoreIndex', (x) => kb.restoreIndex(x as never)],
    ];
    const unexpected: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.nat(calls.length - 1), input, actor, async (i, x, a) => {
        const [name, call] = calls[i]!;
        const before = await snapshot(store);
        try {
          const result = call(x, a);
          if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
            for await (const _ of result as AsyncIterable<unknown>);
          } else {
            await result;
          }
          // Some random inputs are valid by chance (a vote by a real actor, a lookup): those may succeed.
        } catch (error) {
          if (!FrontlineError.is(error)) unexpected.push(`${name}: ${String(error)}`);
          expect(await snapshot(store), `${name} failed but stored something`).toEqual(before);
        }
      }),
      { numRuns: 1500 },
    );
    expect(unexpected).toEqual([]);
  });
});

describe('knowledge base index upkeep', () => {
  it('loads the index from the store on the first search', async () => {
    const { store } = await seeded();
    const clock = createFixedClock('2026-03-02T09:00:00Z');
    const fresh = createKnowledgeBase({ store, clock, ids: createSequentialIds('fresh') });
    const [first, second] = await Promise.all([
      fresh.search({ actor: knowledgeActors.writer, query: 'nyomtato' }),
      fresh.search({ actor: knowledgeActors.writer, query: 'nyomtat' }),
    ]);
    expect(first.map((h) => h.article.title)).toEqual(['Nyomtató nem nyomtat']);
    expect(second).toHaveLength(1);
  });

  it('keeps what commands commit while a rebuild streams the store', async () => {
    const { store, kb, draft } = await seeded();
    const { writer, reviewer } = knowledgeActors;
    // Enough published articles that the rebuild streams several batches, with the commands in between.
    const repo = store.repository(KnowledgeArticles);
    for (let i = 0; i < 3000; i++) await repo.insert(knowledgeArticle(`bulk-${String(i).padStart(4, '0')}`));
    const rebuilding = kb.rebuild();
    await kb.submitForReview({ actor: writer, articleId: draft });
    await kb.approveArticle({ actor: reviewer, articleId: draft });
    expect(await rebuilding).toMatchObject({ articles: expect.any(Number) });
    expect((await kb.search({ actor: writer, query: 'villog' })).map((h) => h.article.id)).toEqual([draft]);
    const archiving = kb.rebuild();
    await kb.archiveArticle({ actor: reviewer, articleId: draft });
    await archiving;
    expect(await kb.search({ actor: writer, query: 'villog' })).toEqual([]);
  });

  it('serialises the index it loads on demand', async () => {
    const { store } = await seeded();
    const fresh = createKnowledgeBase({
      store,
      clock: createFixedClock('2026-03-02T09:00:00Z'),
      ids: createSequentialIds('s'),
    });
    const other = createKnowledgeBase({
      store,
      clock: createFixedClock('2026-03-02T09:00:00Z'),
      ids: createSequentialIds('o'),
    });
    expect(other.restoreIndex(await fresh.serializeIndex())).toEqual({ articles: 1 });
  });
});
