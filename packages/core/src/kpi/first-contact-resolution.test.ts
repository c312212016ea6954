import {
  firstContactResolution,
  type KpiContactInput,
  kpiGroups,
  kpiPartialOf,
  kpiTotals,
  mergeKpiPartials,
  settleFirstContacts,
} from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const MON = Date.parse('2026-03-02T00:00:00Z');
const at = (hours: number) => new Date(MON + hours * 3_600_000);
const call = (id: string, hours: number, extra: Record<string, unknown> = {}) => ({
  id,
  channel: 'phone' as const,
  offeredAt: at(hours),
  answeredAt: at(hours),
  endedAt: at(hours + 0.1),
  ...extra,
});

// Re-contact window 24 h. Hand-computed:
// c1: k1 Mon 09 resolved → k2 Mon 15 re-contacts it (not met); k2 resolved, next contact k3 Wed 16 (> 24 h
//     later) → met once settled; k3 unresolved → counted, not met.
// c2: k4 Mon 10 resolved → c2's abandoned call k5 Mon 10:30 re-contacts it (not met); k5 is not counted.
// c3: k6 Mon 11 resolved → our outbound call k7 is no re-contact → met once settled.
// k8 resolved without a known customer → not counted.
const contacts: KpiContactInput[] = [
  call('k1', 9, { customerId: 'c1', resolved: true, agentId: 'a1' }),
  call('k4', 10, { customerId: 'c2', resolved: true, agentId: 'a2' }),
  {
    id: 'k5',
    channel: 'phone',
    customerId: 'c2',
    offeredAt: at(10.5),
    abandonedAt: at(10.6),
    endedAt: at(10.6),
  },
  call('k6', 11, { customerId: 'c3', resolved: true, agentId: 'a2' }),
  call('k7', 12, { customerId: 'c3', direction: 'outbound', agentId: 'a1' }),
  call('k2', 15, { customerId: 'c1', resolved: true, agentId: 'a2', channel: 'chat' }),
  call('k8', 16, { resolved: true, agentId: 'a1' }),
  call('k3', 64, { customerId: 'c1', agentId: 'a1' }),
];
const grouping = { period: null, by: ['agent' as const], recontactWindowHours: 24 };

describe('firstContactResolution', () => {
  const partial = kpiPartialOf({ contacts }, grouping);

  it('decides re-contacted contacts at once and keeps resolved ones pending while their window may be open', () => {
    // eligible k1, k2, k3, k4, k6; pending k2, k6; decided k1, k3, k4 — none met
    expect(firstContactResolution(kpiTotals(partial).totals)).toEqual({
      rate: 0,
      met: 0,
      decided: 3,
      pending: 2,
    });
  });

  it('counts pending contacts as met once every contact through the end of their window is in', () => {
    const settled = settleFirstContacts(partial, { completeThrough: at(88) });
    expect(firstContactResolution(kpiTotals(settled).totals)).toEqual({
      rate: 0.4,
      met: 2,
      decided: 5,
      pending: 0,
    });
    expect(settled.firstContact).toEqual({});
  });

  it('settles only contacts whose whole window has passed: k6 by Tue 11:00, k2 not before Tue 15:00', () => {
    const tuesdayNoon = settleFirstContacts(partial, { completeThrough: at(36) });
    expect(firstContactResolution(kpiTotals(tuesdayNoon).totals)).toEqual({
      rate: 0.25,
      met: 1,
      decided: 4,
      pending: 1,
    });
    // c2's and c3's runs ended more than a window ago and are dropped; c1's is kept
    expect(Object.keys(tuesdayNoon.firstContact)).toEqual(['c1']);
  });

  it('refuses settling without a complete-through instant or with unknown options', () => {
    expect(() => settleFirstContacts(partial, {} as never)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['completeThrough'] })],
      }),
    );
    expect(() => settleFirstContacts(partial, { completeThrough: at(88), force: true } as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('credits the agent of the contact, whoever handles the re-contact', () => {
    const settled = settleFirstContacts(partial, { completeThrough: at(88) });
    const byAgent = Object.fromEntries(
      kpiGroups(settled).map((g) => [g.key.agent, firstContactResolution(g.totals)]),
    );
    // a1: k1 (re-contacted), k3 (unresolved); a2: k4 (re-contacted), k6 and k2 (met)
    expect(byAgent.a1).toEqual({ rate: 0, met: 0, decided: 2, pending: 0 });
    expect(byAgent.a2).toEqual({ rate: 2 / 3, met: 2, decided: 3, pending: 0 });
  });

  it('counts a contact exactly one window later as a re-contact, and one a millisecond later as none', () => {
    const twice = (gapMs: number) =>
      kpiPartialOf(
        {
          contacts: [
            call('x1', 0, { customerId: 'c', resolved: true }),
            {
              id: 'x2',
              channel: 'email',
              customerId: 'c',
              offeredAt: new Date(at(24).getTime() + gapMs),
              endedAt: at(25),
            },
          ],
        },
        grouping,
      );
    expect(firstContactResolution(kpiTotals(twice(0)).totals).pending).toBe(0);
    expect(firstContactResolution(kpiTotals(twice(1)).totals).pending).toBe(1);
  });

  it('does not let contacts at the same instant re-contact each other', () => {
    const p = kpiPartialOf(
      {
        contacts: [
          call('y1', 1, { customerId: 'c', resolved: true }),
          call('y2', 1, { customerId: 'c', resolved: true }),
        ],
      },
      grouping,
    );
    expect(firstContactResolution(kpiTotals(p).totals).pending).toBe(2);
  });

  it('finds a re-contact in another partial, whichever is merged first', () => {
    const first = kpiPartialOf({ contacts: contacts.slice(0, 5) }, grouping);
    const second = kpiPartialOf({ contacts: contacts.slice(5) }, grouping);
    expect(firstContactResolution(kpiTotals(first).totals).pending).toBe(2); // k1 and k6 undecided here
    for (const merged of [mergeKpiPartials(first, second), mergeKpiPartials(second, first)]) {
      expect(merged).toEqual(partial);
    }
  });

  it('decides a late-arriving contact inside a run as re-contacted by the later contact already there', () => {
    const p = kpiPartialOf(
      {
        contacts: [
          call('z1', 1, { customerId: 'c' }),
          call('z3', 3, { customerId: 'c' }),
          call('z2', 2, { customerId: 'c', resolved: true }), // arrives last, followed by z3 an hour later
        ],
      },
      grouping,
    );
    expect(firstContactResolution(kpiTotals(p).totals)).toEqual({ rate: 0, met: 0, decided: 3, pending: 0 });
  });

  it('gives the same answer for rows out of time order', () => {
    expect(kpiPartialOf({ contacts: [...contacts].reverse() }, grouping)).toEqual(partial);
  });
});
