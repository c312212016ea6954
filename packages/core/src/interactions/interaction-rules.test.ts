import { FrontlineError } from '@frontline/core';
import {
  contactRole,
  effectiveInteraction,
  feedbackState,
  type Interaction,
  interactionTimes,
  isAbandoned,
} from '@frontline/core/service-desk';
import fc from 'fast-check';
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

describe('contact times', () => {
  it('derives wait, talk and handle time', () => {
    expect(interactionTimes(call)).toEqual({
      waitMs: 42_000,
      talkMs: 360_000,
      holdMs: 30_000,
      wrapUpMs: 60_000,
      handleMs: 420_000,
      abandoned: false,
    });
  });

  it('calls an inbound contact abandoned when it was offered, never answered, and ended', () => {
    const gaveUp = { ...call, answeredAt: null, endedAt: t(95), holdMs: 0 };
    expect(isAbandoned(gaveUp)).toBe(true);
    expect(interactionTimes(gaveUp)).toMatchObject({
      waitMs: 95_000,
      talkMs: null,
      handleMs: null,
      abandoned: true,
    });
    expect(isAbandoned({ ...gaveUp, endedAt: null })).toBe(false); // still waiting
    expect(isAbandoned({ ...gaveUp, direction: 'outbound' })).toBe(false); // nobody picked up our call
  });

  it('reads a contact through its amendments without losing what was documented', () => {
    const amended: Interaction = {
      ...call,
      links: { ticketIds: ['t-1'], complaintIds: [], orderIds: [] },
      amendments: [
        { seq: 2, at: t(700), by: 'lead', reason: 'Wrong outcome', changes: { outcome: 'follow_up' } },
        {
          seq: 1,
          at: t(600),
          by: 'agent-1',
          reason: 'Typo',
          changes: {
            notes: 'Explained the invoice; promised a credit note',
            addLinks: { ticketIds: ['t-1', 't-2'] },
          },
        },
      ],
    };
    const current = effectiveInteraction(amended);
    expect(current).toMatchObject({
      outcome: 'follow_up',
      notes: 'Explained the invoice; promised a credit note',
    });
    expect(current.links.ticketIds).toEqual(['t-1', 't-2']);
    expect(amended.notes).toBe('Explained the invoice');
    expect(
      isAbandoned({
        ...amended,
        amendments: [{ seq: 1, at: t(600), by: 'x', reason: 'r', changes: { answeredAt: null, holdMs: 0 } }],
      }),
    ).toBe(true);
  });
});

describe('contactRole', () => {
  it('tells an answer from a customer message from a contact that reached nobody', () => {
    expect(contactRole(call)).toBe('agent_response');
    expect(contactRole({ ...call, answeredAt: null, holdMs: 0 })).toBe('none');
    expect(contactRole({ ...call, channel: 'email', answeredAt: null, holdMs: 0 })).toBe('customer_message');
    expect(
      contactRole({ ...call, channel: 'letter', direction: 'outbound', answeredAt: null, holdMs: 0 }),
    ).toBe('agent_response');
    expect(contactRole({ ...call, direction: 'outbound', answeredAt: null, holdMs: 0 })).toBe('none');
  });
});

describe('feedbackState', () => {
  const requested: Interaction = {
    ...call,
    feedback: {
      requestId: 'f-1',
      requestedAt: t(500),
      requestedBy: 'agent-1',
      via: 'sms',
      expiresAt: t(1000),
      answer: null,
    },
  };
  it('follows a request from asked to answered or expired', () => {
    expect(feedbackState(call, t(600))).toBe('not_requested');
    expect(feedbackState(requested, t(600))).toBe('requested');
    expect(feedbackState(requested, t(1000))).toBe('expired');
    const answered = {
      ...requested,
      feedback: { ...requested.feedback!, answer: { answeredAt: t(900), csat: 5, nps: 9, comment: null } },
    };
    expect(feedbackState(answered, t(2000))).toBe('answered');
  });
});

describe('interaction rules and garbage', () => {
  it('answers garbage with FrontlineErrors, never TypeErrors', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const call of [
          () => effectiveInteraction(a as Interaction),
          () => interactionTimes(a as Interaction),
          () => isAbandoned(a as Interaction),
          () => contactRole(a as Interaction),
          () => feedbackState(a as Interaction, b as Date),
        ]) {
          try {
            call();
          } catch (error) {
            expect(FrontlineError.is(error), String(error)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
