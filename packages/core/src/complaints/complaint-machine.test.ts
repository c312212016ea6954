import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { COMPLAINT_TRANSITIONS, ComplaintCommand, ComplaintStatus, decideComplaintTransition } from './index';

const now = new Date('2026-03-10T08:00:00Z');
const ctx = { aboveAuthority: false, closedAt: null, now, reopenWindowMs: 0 };

describe('the complaint machine', () => {
  it('walks the happy path', () => {
    const path: [ComplaintStatus, ComplaintCommand][] = [
      ['received', 'acknowledge'],
      ['acknowledged', 'investigate'],
      ['under_investigation', 'decide'],
      ['decided', 'send_answer'],
      ['awaiting_customer', 'accept'],
      ['accepted', 'close'],
    ];
    expect(path.map(([s, c]) => decideComplaintTransition(s, c, ctx).to)).toEqual([
      'acknowledged',
      'under_investigation',
      'decided',
      'awaiting_customer',
      'accepted',
      'closed',
    ]);
  });

  it('sends a decision above authority to approval, which needs complaint.approve', () => {
    const t = decideComplaintTransition('under_investigation', 'decide', { ...ctx, aboveAuthority: true });
    expect(t.to).toBe('awaiting_approval');
    expect(decideComplaintTransition('awaiting_approval', 'approve', ctx)).toMatchObject({
      to: 'decided',
      permission: 'complaint.approve',
    });
    expect(decideComplaintTransition('awaiting_approval', 'refuse', ctx).to).toBe('under_investigation');
  });

  it('refuses a decision on a closed complaint and a reopen outside the window, naming state and command', () => {
    try {
      decideComplaintTransition('closed', 'decide', ctx);
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'INVALID_TRANSITION')).toBe(true);
      expect((error as FrontlineError).details).toMatchObject({ state: 'closed', command: 'decide' });
    }
    const closedAt = new Date('2026-03-01T08:00:00Z');
    expect(
      decideComplaintTransition('closed', 'reopen', { ...ctx, closedAt, reopenWindowMs: 10 * 86_400_000 }).to,
    ).toBe('under_investigation');
    try {
      decideComplaintTransition('closed', 'reopen', { ...ctx, closedAt, reopenWindowMs: 86_400_000 });
      expect.unreachable();
    } catch (error) {
      expect((error as FrontlineError).details.failedGuards).toEqual([
        'within_reopen_window: the complaint was closed no longer ago than the reopen window',
      ]);
    }
  });

  it('has a table with every state reachable and only known states and commands', () => {
    const reachable = new Set<string>(['received']);
    for (let i = 0; i < 10; i++)
      for (const t of COMPLAINT_TRANSITIONS) if (reachable.has(t.from)) reachable.add(t.to);
    expect([...reachable].sort()).toEqual([...ComplaintStatus.options].sort());
    expect(COMPLAINT_TRANSITIONS.every((t) => ComplaintCommand.options.includes(t.command))).toBe(true);
    expect(Object.isFrozen(COMPLAINT_TRANSITIONS)).toBe(true);
  });
});
