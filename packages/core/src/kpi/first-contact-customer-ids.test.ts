import {
  type KpiContactInput,
  kpiGroups,
  kpiPartialOf,
  mergeKpiPartials,
  parseKpiPartial,
  regroupKpiPartial,
  settleFirstContacts,
} from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const at = (minutes: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000);

/** Each customer calls twice (the second time within the window, so the first is not first-contact resolved). */
function contacts(ids: readonly string[]): KpiContactInput[] {
  return ids.flatMap((customerId, i) =>
    [0, 30].map((offset, j) => ({
      id: `k${i}-${j}`,
      customerId,
      channel: 'phone' as const,
      offeredAt: at(i * 100 + offset),
      answeredAt: at(i * 100 + offset + 1),
      endedAt: at(i * 100 + offset + 5),
      resolved: true,
      queue: 'billing',
    })),
  );
}

describe('first-contact state keyed by customer id', () => {
  it('treats __proto__, constructor and toString as ids like any other, through merge, settle, regroup and storage', () => {
    const tricky = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const plain = ['c1', 'c2', 'c3', 'c4'];
    const grouping = { period: 'day' as const, by: ['queue' as const], recontactWindowHours: 24 };
    const figures = (ids: readonly string[]) => {
      const rows = contacts(ids);
      const halves = [
        kpiPartialOf({ contacts: rows.slice(0, 3) }, grouping),
        kpiPartialOf({ contacts: rows.slice(3) }, grouping),
      ];
      const stored = halves.map((p) => parseKpiPartial(JSON.parse(JSON.stringify(p))));
      const merged = mergeKpiPartials(stored[0]!, stored[1]!);
      expect(Object.keys(merged.firstContact).sort()).toEqual([...ids].sort());
      const settled = settleFirstContacts(regroupKpiPartial(merged, { period: 'week' }), {
        completeThrough: at(3000),
      });
      return kpiGroups(settled).map((g) => g.totals.firstContact);
    };
    expect(figures(tricky)).toEqual(figures(plain));
    expect(figures(tricky)).toEqual([{ eligible: 8, met: 4, pending: 0 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
