import {
  averageHandleTime,
  customerSatisfaction,
  escalationRate,
  firstContactResolution,
  kpiContactFromInteraction,
  kpiPartialOf,
  kpiSurveyFromInteraction,
  kpiTotals,
} from '@frontline/core/kpi';
import type { Interaction } from '@frontline/core/service-desk';
import { describe, expect, it } from 'vitest';

const t = (s: number) => new Date(Date.UTC(2026, 2, 2, 8, 0, s));
const call: Interaction = {
  id: 'i-1',
  customerId: 'c-1',
  channel: 'phone',
  direction: 'inbound',
  queue: 'hotline',
  agentId: 'agent-1',
  offeredAt: t(0),
  answeredAt: t(42),
  endedAt: t(402),
  holdMs: 30_000,
  wrapUpMs: 60_000,
  outcome: 'resolved',
  subject: 'Invoice',
  notes: 'Explained the invoice',
  links: { ticketIds: [], complaintIds: [], orderIds: [] },
  externalRef: null,
  recordedAt: t(500),
  recordedBy: 'agent-1',
  amendments: [],
  feedback: null,
};

describe('rows from documented contacts', () => {
  it('reads a contact after its amendments: talk without hold, resolved from the outcome', () => {
    const amended: Interaction = {
      ...call,
      amendments: [
        { seq: 1, at: t(600), by: 'agent-1', reason: 'Wrap-up was longer', changes: { wrapUpMs: 90_000 } },
      ],
    };
    const row = kpiContactFromInteraction(amended, { category: 'billing', escalated: true });
    expect(row).toMatchObject({
      id: 'i-1',
      wrapUpMs: 90_000,
      resolved: true,
      escalated: true,
      category: 'billing',
    });
    const { totals } = kpiTotals(kpiPartialOf({ contacts: row ? [row] : [] }));
    // connected 360 s = 330 s talk + 30 s hold; + 90 s wrap-up
    expect(averageHandleTime(totals)).toBe(450);
    expect(escalationRate(totals, { basis: 'contacts' })).toBe(1);
    expect(firstContactResolution(totals).pending).toBe(1);
  });

  it('makes an inbound contact that ended unanswered an abandoned one, and skips one still running', () => {
    expect(kpiContactFromInteraction({ ...call, answeredAt: null, holdMs: 0, outcome: null })).toMatchObject({
      abandonedAt: t(402),
      resolved: false,
    });
    expect(
      kpiContactFromInteraction({
        ...call,
        direction: 'outbound',
        answeredAt: null,
        holdMs: 0,
        outcome: 'no_contact',
      }),
    ).toMatchObject({ abandonedAt: null });
    expect(kpiContactFromInteraction({ ...call, endedAt: null })).toBeNull();
  });

  it('reads the feedback answer as a survey row, or null without one', () => {
    expect(kpiSurveyFromInteraction(call)).toBeNull();
    const answered: Interaction = {
      ...call,
      feedback: {
        requestId: 'f-1',
        requestedAt: t(500),
        requestedBy: 'agent-1',
        via: 'sms',
        expiresAt: null,
        answer: { answeredAt: t(900), csat: 4, nps: 9, comment: null },
      },
    };
    const survey = kpiSurveyFromInteraction(answered);
    expect(survey).toMatchObject({ id: 'f-1', agentId: 'agent-1', queue: 'hotline', csat: 4, nps: 9 });
    const { totals } = kpiTotals(kpiPartialOf({ surveys: survey ? [survey] : [] }));
    expect(customerSatisfaction(totals)).toEqual({ responses: 1, topTwoBox: 1, mean: 4 });
  });

  it('refuses an invalid interaction and unknown extras with a validation error', () => {
    expect(() => kpiContactFromInteraction({ ...call, holdMs: -1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => kpiContactFromInteraction(call, { tier: 'L2' } as never)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['extras'] })],
      }),
    );
  });
});
