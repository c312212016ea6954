import { agentSessionRows, kpiGroups, kpiPartialOf, occupancy, utilisation } from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00.000Z`);
const min = 60_000;
const log = [
  { state: 'available', at: at('08:00'), command: 'login' },
  { state: 'on_call', at: at('08:05'), command: 'take_call' },
  { state: 'wrap_up', at: at('08:20'), command: 'end_call' },
  { state: 'available', at: at('08:25'), command: 'end_wrap_up' },
  { state: 'break', at: at('09:00'), command: 'start_break' },
  { state: 'available', at: at('09:15'), command: 'end_break' },
  { state: 'logged_out', at: at('10:00'), command: 'logout' },
] as const;

describe('agentSessionRows', () => {
  it('cuts a state log at the period edges (Budapest hours start at :00 UTC in winter)', () => {
    const rows = agentSessionRows({
      agentId: 'a1',
      log: [...log],
      from: at('07:00'),
      to: at('11:00'),
      grain: '60min',
    });
    expect(rows.map((r) => [r.from.toISOString(), r.availableMs, r.onCallMs, r.wrapUpMs, r.breakMs])).toEqual(
      [
        ['2026-03-02T08:00:00.000Z', 40 * min, 15 * min, 5 * min, 0],
        ['2026-03-02T09:00:00.000Z', 45 * min, 0, 0, 15 * min],
      ],
    );
  });

  it('feeds occupancy and utilisation by period', () => {
    const sessions = agentSessionRows({
      agentId: 'a1',
      log: [...log],
      from: at('08:00'),
      to: at('10:00'),
      grain: '60min',
    });
    const [first, second] = kpiGroups(kpiPartialOf({ sessions }, { period: '60min' }));
    expect(first && occupancy(first.totals)).toBe(20 / 60);
    expect(second && occupancy(second.totals)).toBe(0);
    expect(second && utilisation(second.totals)).toBe(0);
  });

  it('refuses a window that ends before it starts and an unknown zone', () => {
    expect(() =>
      agentSessionRows({ agentId: 'a1', log: [], from: at('09:00'), to: at('08:00'), grain: 'day' }),
    ).toThrow(
      expect.objectContaining({ code: 'VALIDATION', issues: [expect.objectContaining({ path: ['to'] })] }),
    );
    expect(() =>
      agentSessionRows({
        agentId: 'a1',
        log: [],
        from: at('08:00'),
        to: at('09:00'),
        grain: 'day',
        timeZone: 'Nowhere/Land',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['timeZone'] })],
      }),
    );
  });
});
