import { FrontlineError } from '@frontline/core';
import { KpiContact, type KpiRows, kpiPartialOf } from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const call = {
  id: 'k1',
  channel: 'phone',
  offeredAt: '2026-03-02T08:00:00Z',
  answeredAt: '2026-03-02T08:00:20Z',
  endedAt: '2026-03-02T08:05:00Z',
} as const;

/** The issues of the validation error `kpiPartialOf(rows)` throws. */
function issuesOf(rows: KpiRows): unknown {
  try {
    kpiPartialOf(rows);
  } catch (error) {
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    return (error as FrontlineError).details.issues;
  }
  throw new Error('expected a validation error');
}

describe('KPI input rows', () => {
  it('reads a contact with defaults for what it leaves out', () => {
    expect(KpiContact.parse(call)).toMatchObject({
      customerId: null,
      direction: 'inbound',
      queue: null,
      abandonedAt: null,
      talkMs: null,
      holdMs: 0,
      wrapUpMs: 0,
      escalated: false,
      resolved: false,
    });
  });

  it('refuses a contact that ends before it starts, naming the row and the field', () => {
    expect(
      issuesOf({ contacts: [call, { ...call, id: 'k2', endedAt: '2026-03-02T07:59:00Z' }] }),
    ).toMatchObject([{ path: ['contacts', 1, 'endedAt'], message: 'Ends before it starts' }]);
    expect(issuesOf({ contacts: [{ ...call, answeredAt: '2026-03-02T07:00:00Z' }] })).toMatchObject([
      { path: ['contacts', 0, 'answeredAt'] },
    ]);
  });

  it('refuses negative and impossible durations', () => {
    expect(issuesOf({ contacts: [{ ...call, holdMs: -1 }] })).toMatchObject([
      { path: ['contacts', 0, 'holdMs'] },
    ]);
    expect(issuesOf({ contacts: [{ ...call, wrapUpMs: 1.5 }] })).toMatchObject([
      { path: ['contacts', 0, 'wrapUpMs'] },
    ]);
    // connected 280 s; 200 s talk and 100 s hold do not fit
    expect(issuesOf({ contacts: [{ ...call, talkMs: 200_000, holdMs: 100_000 }] })).toMatchObject([
      { path: ['contacts', 0, 'talkMs'] },
    ]);
  });

  it('refuses a contact both answered and abandoned, an abandoned outbound call, and talk on an unanswered one', () => {
    expect(issuesOf({ contacts: [{ ...call, abandonedAt: '2026-03-02T08:00:10Z' }] })).toMatchObject([
      { path: ['contacts', 0, 'abandonedAt'] },
    ]);
    const unanswered = {
      id: 'k1',
      channel: 'phone',
      offeredAt: call.offeredAt,
      endedAt: call.endedAt,
    } as const;
    expect(
      issuesOf({ contacts: [{ ...unanswered, direction: 'outbound', abandonedAt: call.endedAt }] }),
    ).toMatchObject([{ path: ['contacts', 0, 'abandonedAt'] }]);
    expect(issuesOf({ contacts: [{ ...unanswered, holdMs: 5 }] })).toMatchObject([
      { path: ['contacts', 0, 'talkMs'] },
    ]);
    expect(issuesOf({ contacts: [{ ...unanswered, resolved: true }] })).toMatchObject([
      { path: ['contacts', 0, 'resolved'] },
    ]);
  });

  it('refuses unknown keys and unknown channels', () => {
    expect(issuesOf({ contacts: [{ ...call, waitMs: 20_000 } as never] })).toMatchObject([
      { path: ['contacts', 0], code: 'unrecognized_keys' },
    ]);
    expect(issuesOf({ contacts: [{ ...call, channel: 'fax' as never }] })).toMatchObject([
      { path: ['contacts', 0, 'channel'] },
    ]);
  });

  it('refuses an agent session whose states add up to more than its span, or that ends before it starts', () => {
    const session = {
      agentId: 'a1',
      from: '2026-03-02T08:00:00Z',
      to: '2026-03-02T09:00:00Z',
      availableMs: 1_800_000,
      onCallMs: 1_800_000,
      wrapUpMs: 0,
      breakMs: 0,
    };
    expect(() => kpiPartialOf({ sessions: [session] })).not.toThrow();
    expect(issuesOf({ sessions: [{ ...session, breakMs: 1 }] })).toMatchObject([
      { path: ['sessions', 0, 'availableMs'] },
    ]);
    expect(issuesOf({ sessions: [{ ...session, to: '2026-03-02T07:00:00Z' }] })).toMatchObject([
      { path: ['sessions', 0, 'to'] },
    ]);
    expect(issuesOf({ sessions: [{ ...session, onCallMs: -1 }] })).toMatchObject([
      { path: ['sessions', 0, 'onCallMs'] },
    ]);
  });

  it('refuses a ticket resolved or closed before it was opened', () => {
    const ticket = { id: 't1', openedAt: '2026-03-02T08:00:00Z' };
    expect(issuesOf({ tickets: [{ ...ticket, resolvedAt: '2026-03-01T08:00:00Z' }] })).toMatchObject([
      { path: ['tickets', 0, 'resolvedAt'] },
    ]);
    expect(issuesOf({ tickets: [{ ...ticket, closedAt: '2026-03-01T08:00:00Z' }] })).toMatchObject([
      { path: ['tickets', 0, 'closedAt'] },
    ]);
  });

  it('refuses a survey answer without a score or with a score off its scale', () => {
    const survey = { id: 's1', answeredAt: '2026-03-02T08:00:00Z' };
    expect(issuesOf({ surveys: [survey] })).toMatchObject([{ path: ['surveys', 0, 'csat'] }]);
    expect(issuesOf({ surveys: [{ ...survey, nps: 11 }] })).toMatchObject([{ path: ['surveys', 0, 'nps'] }]);
    expect(issuesOf({ surveys: [{ ...survey, ces: 0 }] })).toMatchObject([{ path: ['surveys', 0, 'ces'] }]);
  });

  it('refuses a misspelt list and a list that is not one', () => {
    expect(issuesOf({ contact: [call] } as never)).toMatchObject([{ code: 'unrecognized_keys' }]);
    expect(issuesOf({ contacts: call } as never)).toMatchObject([{ path: ['contacts'] }]);
  });

  it('refuses a bad backlog instant and a bad grouping, naming them', () => {
    expect(issuesOf({ backlogAsOf: 'yesterday' })).toMatchObject([{ path: ['backlogAsOf'] }]);
    expect(() => kpiPartialOf({}, { by: ['agent', 'agent'] })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['grouping', 'by'] })],
      }),
    );
    expect(() => kpiPartialOf({}, { by: ['team' as never] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
