import { FrontlineError } from '@frontline/core';
import {
  createKnowledgeIndex,
  type KnowledgeArticle,
  type KnowledgeSearchHit,
  restoreKnowledgeIndex,
} from '@frontline/core/service-desk';
import { knowledgeArticle } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ids = (hits: readonly KnowledgeSearchHit[]) => hits.map((h) => h.article.id);

const articles: KnowledgeArticle[] = [
  knowledgeArticle('printer', {
    title: 'A nyomtató nem nyomtat',
    problem: 'Az irodai nyomtató papírelakadást jelez.',
    solution: 'Nyissa ki a hátsó fedelet és húzza ki a papírt.',
    product: 'Nyomtató',
    category: 'eszköz',
  }),
  knowledgeArticle('drill', {
    title: 'Árvíztűrő tükörfúrógép',
    problem: 'A fúrógép leáll terhelés alatt.',
    solution: 'Cserélje a szénkeféket.',
    product: 'fúrógép',
  }),
  knowledgeArticle('plain', {
    title: 'Arvizturo keszulek beallitasa',
    problem: 'Ekezet nelkul irt cikk.',
    solution: 'Nincs teendo.',
    product: 'egyeb',
  }),
  knowledgeArticle('router-en', {
    title: 'Router keeps restarting',
    problem: 'The router restarts every few minutes.',
    solution: 'Update the router firmware and move it away from heat.',
    product: 'router',
    category: 'fault',
    tags: ['firmware', 'wifi'],
    locale: 'en',
  }),
  knowledgeArticle('invoice', {
    title: 'Hibás összeg a számlán',
    problem: 'A számla kétszer tartalmazza a havidíjat.',
    solution: 'Jóváírás a következő számlán.',
    product: 'Számla',
    category: 'számlázás',
  }),
  knowledgeArticle('router-hu', {
    title: 'Lassú internet a routeren',
    problem: 'Este lassú az internet, a router túlmelegszik.',
    solution: 'Helyezze a routert szellős helyre.',
    product: 'router',
    category: 'hibabejelentés',
  }),
];

describe('knowledge index search', () => {
  const index = createKnowledgeIndex(articles);

  it('folds Hungarian accents in both directions', () => {
    expect(ids(index.search({ query: 'arvizturo' }))).toEqual(expect.arrayContaining(['drill', 'plain']));
    expect(ids(index.search({ query: 'árvíztűrő' }))).toEqual(expect.arrayContaining(['drill', 'plain']));
    expect(ids(index.search({ query: 'ÁRVÍZTŰRŐ' })).sort()).toEqual(
      ids(index.search({ query: 'arvizturo' })).sort(),
    );
    expect(ids(index.search({ query: 'nyomtato' }))[0]).toBe('printer');
    expect(ids(index.search({ query: 'szamla' }))[0]).toBe('invoice');
  });

  it('finds words by their beginning', () => {
    expect(ids(index.search({ query: 'tükör' }))).toEqual(['drill']);
    expect(ids(index.search({ query: 'nyomt' }))).toContain('printer');
    expect(ids(index.search({ query: 'firmw' }))).toEqual(['router-en']);
  });

  it('tolerates a typo', () => {
    expect(ids(index.search({ query: 'routr' }))).toEqual(expect.arrayContaining(['router-en', 'router-hu']));
    expect(ids(index.search({ query: 'nyomtaot' }))).toContain('printer');
    expect(ids(index.search({ query: 'firmwire' }))).toEqual(['router-en']);
  });

  it('carries the score, the matched terms and the summary of each hit', () => {
    const [hit] = index.search({ query: 'tukorfuro' });
    expect(hit).toMatchObject({
      article: {
        id: 'drill',
        title: 'Árvíztűrő tükörfúrógép',
        product: 'fúrógép',
        locale: 'hu',
        excerpt: 'A fúrógép leáll terhelés alatt.',
        helpfulVotes: 0,
        publishedAt: new Date('2026-01-05T08:00:00.000Z'),
      },
      terms: ['tukorfurogep'],
      queryTerms: ['tukorfuro'],
      match: { tukorfurogep: ['title'] },
    });
    expect(hit!.score).toBeGreaterThan(0);
  });

  it('ranks a title match above a match in the body', () => {
    expect(ids(index.search({ query: 'internet' }))).toEqual(['router-hu']);
    const hits = index.search({ query: 'router' });
    expect(hits.map((h) => h.article.id).slice(0, 2)).toContain('router-en');
    expect(hits.find((h) => h.article.id === 'router-en')!.match.router).toContain('title');
  });

  it('ignores stop words and empty queries', () => {
    expect(index.search({ query: 'a az the és' })).toEqual([]);
    expect(index.search({ query: '' })).toEqual([]);
    expect(index.search({ query: '!!! ...' })).toEqual([]);
  });

  it('narrows by locale, product and category, compared folded', () => {
    expect(ids(index.search({ query: 'router', locale: 'en' }))).toEqual(['router-en']);
    expect(ids(index.search({ query: 'router', category: 'hibabejelentes' }))).toEqual(['router-hu']);
    expect(ids(index.search({ query: 'havidij', product: 'szamla' }))).toEqual(['invoice']);
    expect(ids(index.search({ query: 'havidij', product: 'router' }))).toEqual([]);
  });

  it('keeps only articles matching every term with match "all"', () => {
    expect(ids(index.search({ query: 'router firmware' })).sort()).toEqual(['router-en', 'router-hu']);
    expect(ids(index.search({ query: 'router firmware', match: 'all' }))).toEqual(['router-en']);
  });

  it('honours the limit', () => {
    expect(index.search({ query: 'a router nyomtato szamla furogep', limit: 2 })).toHaveLength(2);
    expect(() => index.search({ query: 'x', limit: 0 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});

describe('knowledge index suggestions', () => {
  const index = createKnowledgeIndex(articles);

  it('combines subject and text with OR', () => {
    const hits = index.suggest({ subject: 'Nyomtató papírelakadás', text: 'Közben a számla is rossz lett.' });
    expect(ids(hits)).toEqual(expect.arrayContaining(['printer', 'invoice']));
    expect(ids(hits)[0]).toBe('printer');
  });

  it('lifts articles of the ticket’s product and language without filtering others out', () => {
    const plain = index.suggest({ subject: 'router', text: 'lassú' });
    const english = index.suggest({ subject: 'router', text: 'lassú', locale: 'en' });
    const en = (hits: KnowledgeSearchHit[]) => hits.find((h) => h.article.id === 'router-en')!.score;
    expect(en(english)).toBeGreaterThan(en(plain));
    const withProduct = index.suggest({
      subject: 'túlmelegszik a készülék',
      text: 'szellős hely',
      product: 'Router',
    });
    expect(ids(withProduct)[0]).toBe('router-hu');
    expect(
      index.suggest({ subject: 'papírelakadás', text: '', product: 'router' }).map((h) => h.article.id),
    ).toEqual(['printer']);
  });

  it('copes with a long ticket text', () => {
    const text = `${'A router este lassú, '.repeat(500)} ${Array.from({ length: 400 }, (_, i) => `szo${i}`).join(' ')}`;
    expect(ids(index.suggest({ subject: 'Lassú internet', text, limit: 3 }))[0]).toBe('router-hu');
  });
});

describe('knowledge index upkeep', () => {
  it('indexes only published articles and drops one that leaves that status', () => {
    const index = createKnowledgeIndex([
      knowledgeArticle('d', { status: 'draft', title: 'Piszkozat modem' }),
    ]);
    expect(index.size).toBe(0);
    expect(index.search({ query: 'modem' })).toEqual([]);
    index.upsert(knowledgeArticle('p', { title: 'Modem villog' }));
    expect(ids(index.search({ query: 'modem' }))).toEqual(['p']);
    index.upsert(knowledgeArticle('p', { title: 'Modem villog', status: 'archived' }));
    expect(index.has('p')).toBe(false);
    expect(index.search({ query: 'modem' })).toEqual([]);
    index.remove('nothing-here');
  });

  it('removes an archived article exactly, leaving the others scored as if it had never been indexed', () => {
    const index = createKnowledgeIndex([
      knowledgeArticle('kept', { title: 'Mobil roaming beállítás' }),
      knowledgeArticle('gone', { title: 'Mobil roaming beállítás' }),
    ]);
    index.upsert(knowledgeArticle('gone', { title: 'Mobil roaming beállítás', status: 'archived' }));
    const alone = createKnowledgeIndex([knowledgeArticle('kept', { title: 'Mobil roaming beállítás' })]);
    expect(index.search({ query: 'roaming' })).toEqual(alone.search({ query: 'roaming' }));
    expect(index.search({ query: 'roaming' })[0]!.score).toBeGreaterThan(0);
  });

  it('moves a helpful article above an equally relevant one as votes come in', () => {
    const index = createKnowledgeIndex([
      knowledgeArticle('first', { title: 'SIM kártya csere' }),
      knowledgeArticle('second', { title: 'SIM kártya csere' }),
    ]);
    const before = index.search({ query: 'sim kartya' });
    expect(before[0]!.score).toBeCloseTo(before[1]!.score, 10);
    const underdog = before[1]!.article.id;
    index.upsert(knowledgeArticle(underdog, { title: 'SIM kártya csere', helpfulVotes: 2 }));
    expect(ids(index.search({ query: 'sim kartya' }))[0]).toBe(underdog);
    index.upsert(
      knowledgeArticle(underdog, { title: 'SIM kártya csere', helpfulVotes: 2, notHelpfulVotes: 9 }),
    );
    expect(ids(index.search({ query: 'sim kartya' }))[1]).toBe(underdog);
  });

  it('serialises and restores to the same answers', () => {
    const index = createKnowledgeIndex(articles);
    const restored = restoreKnowledgeIndex(index.serialize());
    expect(restored.size).toBe(articles.length);
    for (const query of ['arvizturo', 'routr', 'szamla havidij']) {
      expect(restored.search({ query })).toEqual(index.search({ query }));
    }
    expect(JSON.parse(index.serialize())).toMatchObject({ format: 'frontline.knowledge-index', version: 1 });
  });

  it('refuses a damaged or foreign serialisation as VALIDATION', () => {
    const good = createKnowledgeIndex(articles).serialize();
    const bad = [
      '',
      'null',
      '{}',
      good.replace('"version":1', '"version":2'),
      `${good.slice(0, good.length / 2)}}`,
      good.replace(/"title":"[^"]*"/, '"title":7'),
    ];
    for (const text of bad) {
      expect(() => restoreKnowledgeIndex(text), text.slice(0, 40)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
  });
});

describe('knowledge index robustness', () => {
  const index = createKnowledgeIndex(articles);
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc
      .array(
        fc.constantFrom(
          'router',
          'nyomtató',
          'ő',
          'árvíz',
          'a',
          '*',
          '~',
          '"',
          '(',
          'OR',
          'AND',
          '__proto__',
          'constructor',
        ),
        {
          maxLength: 12,
        },
      )
      .map((words) => words.join(' ')),
  );

  it('answers any text given to search or suggest, or throws only a FrontlineError (property)', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, all) => {
        for (const call of [
          () => index.search({ query: a, match: all ? 'all' : 'any' }),
          () => index.suggest({ subject: a, text: b }),
          () => index.suggest({ subject: a, text: b, product: b, locale: 'en' }),
        ]) {
          try {
            for (const hit of call()) expect(hit.score).toBeGreaterThan(0);
          } catch (error) {
            expect(FrontlineError.is(error), String(error)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses garbage to every index function with a FrontlineError, never a TypeError (property)', () => {
    const calls: ((x: unknown) => unknown)[] = [
      (x) => createKnowledgeIndex(x as never),
      (x) => restoreKnowledgeIndex(x as never),
      (x) => index.search(x as never),
      (x) => index.suggest(x as never),
      (x) => index.upsert(x as never),
      (x) => index.remove(x as never),
    ];
    fc.assert(
      fc.property(fc.nat(calls.length - 1), fc.anything(), (i, x) => {
        try {
          calls[i]!(x);
        } catch (error) {
          expect(FrontlineError.is(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
    expect(index.size).toBe(articles.length);
  });
});

describe('knowledge index on a large base (query planning)', () => {
  // 2,500 articles about routers make "router" common; a few share a rarer word.
  const filler = Array.from({ length: 2500 }, (_, i) =>
    knowledgeArticle(`r${String(i).padStart(4, '0')}`, {
      title: `Router beállítás ${i}`,
      problem: `A router ${i}. számú esete.`,
      solution: 'Router újraindítása.',
      product: 'router',
    }),
  );
  const both = ['both-1', 'both-2', 'both-3'].map((id) =>
    knowledgeArticle(id, {
      title: 'Router villog pirosan',
      problem: 'A router LED villog.',
      product: 'router',
    }),
  );
  const rareOnly = ['rare-1', 'rare-2'].map((id) =>
    knowledgeArticle(id, { title: 'Modem villog', problem: 'A modem LED villog.', product: 'modem' }),
  );
  // "alfa" and "beta" are both common; only five articles hold both, with "alfa" deep in a long solution.
  const pairs = Array.from({ length: 2400 }, (_, i) =>
    knowledgeArticle(`p${String(i).padStart(4, '0')}`, {
      title: `Alfa ${i}`,
      problem: 'Leírás.',
      solution: 'Alfa lépés.',
      product: 'x',
    }),
  );
  const betas = Array.from({ length: 2450 }, (_, i) =>
    knowledgeArticle(`b${String(i).padStart(4, '0')}`, {
      title: `Beta ${i}`,
      problem: 'Leírás.',
      solution: 'Semmi.',
      product: 'y',
    }),
  );
  const hidden = ['h1', 'h2', 'h3', 'h4', 'h5'].map((id) =>
    knowledgeArticle(id, {
      title: 'Beta kézikönyv',
      problem: 'Leírás.',
      solution: `${'Hosszú lépéssor. '.repeat(40)} Végül alfa.`,
      product: 'z',
    }),
  );
  const index = createKnowledgeIndex([...filler, ...both, ...rareOnly, ...pairs, ...betas, ...hidden]);

  it('ranks articles with the rarer word first, scored as the whole query', () => {
    const top = ids(index.search({ query: 'router villog', limit: 5 }));
    expect(top.slice(0, 3).sort()).toEqual(['both-1', 'both-2', 'both-3']);
    expect(top.slice(3).sort()).toEqual(['rare-1', 'rare-2']);
    const [first] = index.search({ query: 'router villog', limit: 1 });
    expect([...first!.queryTerms].sort()).toEqual(['router', 'villog']);
  });

  it('falls back to the plain query when the rarer words match fewer articles than asked for', () => {
    const hits = index.search({ query: 'router villog', limit: 10 });
    expect(hits).toHaveLength(10);
    expect(ids(hits).slice(0, 5).sort()).toEqual(['both-1', 'both-2', 'both-3', 'rare-1', 'rare-2']);
  });

  it('answers a query of common words only', () => {
    const hits = index.search({ query: 'router beallitas', limit: 10 });
    expect(hits).toHaveLength(10);
    for (const hit of hits) expect(hit.article.product).toBe('router');
  });

  it('keeps "all" exact even when the matches rank low on the first word', () => {
    expect(ids(index.search({ query: 'router villog', match: 'all' })).sort()).toEqual([
      'both-1',
      'both-2',
      'both-3',
    ]);
    expect(ids(index.search({ query: 'alfa beta', match: 'all' })).sort()).toEqual([
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
    ]);
  });

  it('still corrects a typo and finds a prefix of a rare word', () => {
    expect(ids(index.search({ query: 'routr vilog', limit: 3 })).sort()).toEqual([
      'both-1',
      'both-2',
      'both-3',
    ]);
    expect(ids(index.search({ query: 'router vill', limit: 3 })).sort()).toEqual([
      'both-1',
      'both-2',
      'both-3',
    ]);
  });

  it('lets votes move an article within the shortlist', () => {
    const voted = createKnowledgeIndex([...filler, ...both]);
    voted.upsert({ ...both[2]!, helpfulVotes: 30 });
    expect(ids(voted.search({ query: 'router villog', limit: 3 }))[0]).toBe('both-3');
  });
});
