import { FrontlineError } from '@frontline/core';
import { type SlaPolicyInput, selectSlaTargets } from '@frontline/core/service-desk';
import { describe, expect, it } from 'vitest';

const policy: SlaPolicyInput = {
  id: 'p',
  name: 'P',
  calendar: { zone: 'Europe/Budapest', hours: { monday: ['08:00-16:00'] } },
  targets: [
    { priorities: ['urgent'], categories: ['network'], firstResponseMinutes: 15, resolutionMinutes: 240 },
    { priorities: ['urgent', 'high'], firstResponseMinutes: 60 },
    { categories: ['billing'], nextResponseMinutes: 480 },
  ],
};

describe('selectSlaTargets', () => {
  it('takes the first row whose priorities and categories match, and says why', () => {
    const urgentNetwork = selectSlaTargets(policy, { priority: 'urgent', category: 'network' });
    expect(urgentNetwork).toMatchObject({
      row: 0,
      budgetsMs: { first_response: 900_000, resolution: 14_400_000 },
    });
    expect(urgentNetwork.explanation).toContain('row 1');
    expect(selectSlaTargets(policy, { priority: 'urgent', category: 'billing' }).row).toBe(1);
    expect(selectSlaTargets(policy, { priority: 'low', category: 'billing' }).budgetsMs).toEqual({
      next_response: 28_800_000,
    });
  });

  it('sets no targets when no row matches', () => {
    const none = selectSlaTargets(policy, { priority: 'low', category: 'network' });
    expect(none).toMatchObject({ row: null, budgetsMs: {} });
    expect(none.explanation).toMatch(/No row/);
  });

  it('refuses an invalid policy, naming the field', () => {
    try {
      selectSlaTargets(
        { ...policy, targets: [{ firstResponseMinutes: 0 }] },
        { priority: 'low', category: 'x' },
      );
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      expect(JSON.stringify((error as FrontlineError).details)).toContain('firstResponseMinutes');
    }
    expect(() =>
      selectSlaTargets(
        { ...policy, escalationRules: [{ id: 'r', target: 'resolution', actions: { setGroup: 'x' } }] },
        { priority: 'low', category: 'x' },
      ),
    ).toThrow(/exactly one of afterBusinessMinutes and percentOfTarget/);
  });
});
