import { FrontlineError } from '@frontline/core';
import {
  emptyKpiPartial,
  firstContactResolution,
  type KpiPartial,
  kpiGroups,
  kpiPartialOf,
  mergeKpiPartials,
  parseKpiPartial,
  settleFirstContacts,
} from '@frontline/core/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  contact,
  grouping,
  minutes,
  type Rows,
  rows,
  SPAN_MIN,
  T0,
  withIds,
} from '../../test/kpi-arbitraries';

const ASOF = minutes(SPAN_MIN / 2);

/** Cuts each list at the given points into `n` consecutive chunks. */
function split(all: Rows, n: number, cuts: readonly number[]): Rows[] {
  const cut = <T>(list: T[], salt: number): T[][] => {
    const points = Array.from(
      { length: n - 1 },
      (_, i) => (cuts[(i + salt) % cuts.length] ?? 0) % (list.length + 1),
    );
    const edges = [0, ...points.sort((a, b) => a - b), list.length];
    return Array.from({ length: n }, (_, i) => list.slice(edges[i], edges[i + 1]));
  };
  const c = cut(all.contacts, 0);
  const s = cut(all.sessions, 1);
  const t = cut(all.tickets, 2);
  const v = cut(all.surveys, 3);
  return Array.from({ length: n }, (_, i) => ({
    contacts: c[i] ?? [],
    sessions: s[i] ?? [],
    tickets: t[i] ?? [],
    surveys: v[i] ?? [],
  }));
}

/** The list in an order picked by `seed` (Fisher–Yates with a small linear congruential generator). */
function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Merges partials in an order and tree shape chosen by `choices`, flipping arguments on odd choices. */
function mergeInSomeOrder(partials: KpiPartial[], choices: readonly number[]): KpiPartial {
  const list = [...partials];
  let j = 0;
  while (list.length > 1) {
    const choice = choices[j++ % choices.length] ?? 0;
    const i = choice % (list.length - 1);
    const [a, b] = list.splice(i, 2) as [KpiPartial, KpiPartial];
    list.splice(i, 0, choice % 2 === 0 ? mergeKpiPartials(a, b) : mergeKpiPartials(b, a));
  }
  return list[0] as KpiPartial;
}

describe('mergeKpiPartials', () => {
  it('gives what one pass gives, for rows split at random points and merged in any order', () => {
    fc.assert(
      fc.property(
        rows,
        grouping,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        (all, g, n, cuts, shuffle, choices) => {
          const onePass = kpiPartialOf({ ...all, backlogAsOf: ASOF }, g);
          const chunks = split(all, n, cuts)
            .map((chunk, i) => ({ chunk, sortKey: shuffle[i % shuffle.length] ?? 0, i }))
            .sort((a, b) => a.sortKey - b.sortKey || a.i - b.i)
            .map(({ chunk }) => kpiPartialOf({ ...chunk, backlogAsOf: ASOF }, g));
          const merged = mergeInSomeOrder(chunks, choices);
          expect(merged).toEqual(onePass);
          const through = minutes(SPAN_MIN + 30 * 60);
          expect(settleFirstContacts(merged, { completeThrough: through })).toEqual(
            settleFirstContacts(onePass, { completeThrough: through }),
          );
        },
      ),
    );
  });

  it('gives what one pass gives when rows land in partials in no time order at all', () => {
    fc.assert(
      fc.property(rows, grouping, fc.array(fc.nat({ max: 3 }), { minLength: 1 }), (all, g, assignment) => {
        const onePass = kpiPartialOf(all, g);
        const parts = [0, 1, 2, 3].map((p) => {
          const pick = <T>(list: T[]) =>
            list.filter((_, i) => (assignment[i % assignment.length] ?? 0) === p);
          return kpiPartialOf(
            {
              contacts: pick(all.contacts),
              sessions: pick(all.sessions),
              tickets: pick(all.tickets),
              surveys: pick(all.surveys),
            },
            g,
          );
        });
        expect(parts.reduce(mergeKpiPartials)).toEqual(onePass);
      }),
      { numRuns: 60 },
    );
  });

  it('decides first contacts as a brute-force check of every pair of contacts does, in any row order', () => {
    fc.assert(
      fc.property(
        fc.array(contact, { minLength: 10, maxLength: 60 }).map((cs) => withIds('k', cs)),
        fc.constantFrom(1, 6, 24),
        fc.boolean(),
        fc.nat(),
        (contacts, hours, settle, seed) => {
          const windowMs = hours * 3_600_000;
          const through = new Date(T0 + (seed % (SPAN_MIN + 48 * 60)) * 60_000);
          const inbound = contacts.filter((c) => c.direction === 'inbound' && c.customerId !== null);
          const expected: Record<string, { met: number; decided: number; pending: number }> = {};
          for (const c of inbound) {
            if (!c.answeredAt) continue;
            const t = new Date(c.offeredAt).getTime();
            const agentKey = String(c.agentId);
            const figures = expected[agentKey] ?? { met: 0, decided: 0, pending: 0 };
            expected[agentKey] = figures;
            const recontacted = inbound.some((o) => {
              const u = new Date(o.offeredAt).getTime();
              return o.customerId === c.customerId && u > t && u <= t + windowMs;
            });
            if (!c.resolved || recontacted) figures.decided += 1;
            else if (settle && t + windowMs <= through.getTime()) {
              figures.decided += 1;
              figures.met += 1;
            } else figures.pending += 1;
          }
          const shuffled = shuffle(contacts, seed);
          const built = kpiPartialOf(
            { contacts: shuffled },
            { period: null, by: ['agent'], recontactWindowHours: hours },
          );
          const partial = settle ? settleFirstContacts(built, { completeThrough: through }) : built;
          const actual: typeof expected = {};
          for (const { key, totals } of kpiGroups(partial)) {
            const { met, decided, pending } = firstContactResolution(totals);
            if (totals.firstContact.eligible > 0) actual[String(key.agent)] = { met, decided, pending };
          }
          expect(actual).toEqual(expected);
        },
      ),
    );
  });

  it('has the empty partial as identity, leaves its inputs alone and survives a JSON round trip', () => {
    fc.assert(
      fc.property(rows, grouping, (all, g) => {
        const p = kpiPartialOf({ ...all, backlogAsOf: ASOF }, g);
        const empty = emptyKpiPartial(g);
        const before = structuredClone(p);
        mergeKpiPartials(p, p);
        settleFirstContacts(p, { completeThrough: minutes(SPAN_MIN) });
        expect(p).toEqual(before); // merging and settling change neither input
        expect(mergeKpiPartials(empty, p)).toEqual(p);
        expect(mergeKpiPartials(p, empty)).toEqual(p);
        const copy = parseKpiPartial(JSON.parse(JSON.stringify(p)));
        expect(copy).toEqual(p);
        expect(mergeKpiPartials(copy, empty)).toEqual(p);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the later backlog snapshot whole and adds snapshots of the same instant', () => {
    const ticketRow = { id: 't1', openedAt: minutes(0), queue: 'q1' };
    const early = kpiPartialOf({ tickets: [ticketRow], backlogAsOf: minutes(60) }, { period: null });
    const late = kpiPartialOf({ tickets: [], backlogAsOf: minutes(120) }, { period: null });
    expect(mergeKpiPartials(early, late).backlog).toEqual({ asOf: minutes(120).toISOString(), groups: {} });
    expect(mergeKpiPartials(late, early).backlog).toEqual({ asOf: minutes(120).toISOString(), groups: {} });
    const twice = mergeKpiPartials(early, early).backlog;
    expect(Object.values(twice.groups).map((g) => g.count)).toEqual([2]);
  });

  it('reads back a stored partial only when its shape is right, naming the bad field', () => {
    const stored = JSON.parse(
      JSON.stringify(
        kpiPartialOf({
          contacts: [{ id: 'k1', channel: 'phone', offeredAt: minutes(0), endedAt: minutes(1) }],
        }),
      ),
    );
    const id = Object.keys(stored.groups)[0] ?? '';
    stored.groups[id].totals.contacts.offered = -1;
    expect(() => parseKpiPartial(stored)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['groups', id, 'totals', 'contacts', 'offered'] })],
      }),
    );
    expect(() => parseKpiPartial({ ...stored, version: 2 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('refuses to merge something that is not a partial', () => {
    expect(() => mergeKpiPartials(emptyKpiPartial(), { version: 2 } as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', issues: [expect.objectContaining({ path: ['b'] })] }),
    );
  });

  it('refuses to merge partials of different groupings', () => {
    try {
      mergeKpiPartials(emptyKpiPartial({ period: 'day' }), emptyKpiPartial({ period: '15min' }));
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      expect((error as FrontlineError).details.issues).toMatchObject([{ path: ['grouping'] }]);
    }
  });
});
