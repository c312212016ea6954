import { type Actor, FrontlineError, Permissions } from '@frontline/core';
import { type Ticket, type TicketContact, ticketFacts } from '@frontline/core/service-desk';
import { describe, expect, it } from 'vitest';
import { applyTicketCommand, type TicketCommandInput } from './apply-ticket-command';

const agent: Actor = { id: 'agent-1', roles: [], permissions: Object.values(Permissions) };
const t0 = new Date('2026-03-02T08:00:00Z');
const env = { reopenWindowMs: 86_400_000, sla: null };
const call = (id: string, direction: 'inbound' | 'outbound' = 'inbound'): TicketContact => ({
  interactionId: id,
  direction,
  channel: 'phone',
  role: 'agent_response',
  at: t0,
});
const blank: Ticket = {
  id: 't-1',
  customerId: 'c-1',
  subject: 'Router',
  description: '',
  status: 'new',
  priority: 'normal',
  category: 'network',
  tier: 'L1',
  assigneeId: null,
  group: null,
  openedAt: t0,
  openedBy: 'agent-1',
  updatedAt: t0,
  resolvedAt: null,
  closedAt: null,
  history: [],
  sla: null,
};
const run = (...steps: Partial<TicketCommandInput>[]) =>
  steps.reduce(
    (t, s) => applyTicketCommand(t, { command: 'respond', actor: agent, at: t0, ...s }, env).ticket,
    blank,
  );

describe('ticketFacts', () => {
  it('counts first-contact resolution: settled with one inbound contact and never reopened', () => {
    const t = run(
      { command: 'link_contact', contact: call('i-1') },
      { command: 'respond' },
      { command: 'resolve' },
    );
    expect(ticketFacts(t)).toMatchObject({ settled: true, firstContactResolution: true, inboundContacts: 1 });
    expect(ticketFacts(t).firstResponseAt).toEqual(t0);
  });

  it('denies first-contact resolution after a second inbound contact or a reopen', () => {
    const twice = run(
      { command: 'link_contact', contact: call('i-1') },
      { command: 'link_contact', contact: call('i-2') },
      { command: 'resolve' },
    );
    expect(ticketFacts(twice).firstContactResolution).toBe(false);
    const reopened = run(
      { command: 'link_contact', contact: call('i-1') },
      { command: 'resolve' },
      { command: 'reopen' },
      { command: 'resolve' },
    );
    expect(ticketFacts(reopened)).toMatchObject({ firstContactResolution: false, reopenCount: 1 });
    const outboundOnly = run(
      { command: 'link_contact', contact: call('o-1', 'outbound') },
      { command: 'resolve' },
    );
    expect(ticketFacts(outboundOnly).firstContactResolution).toBe(false);
  });

  it('knows whether a ticket was resolved without escalation, even after it came back to first level', () => {
    expect(ticketFacts(run({ command: 'resolve' })).resolvedWithoutEscalation).toBe(true);
    const bounced = run(
      { command: 'escalate', reason: 'needs L2' },
      { command: 'deescalate', reason: 'L1 can do it' },
      { command: 'resolve' },
    );
    expect(ticketFacts(bounced)).toMatchObject({ resolvedWithoutEscalation: false, escalated: true });
    expect(ticketFacts(run({ command: 'assign', changes: { group: 'g' } })).resolvedWithoutEscalation).toBe(
      false,
    );
  });

  it('refuses what is not a ticket with a ValidationError', () => {
    expect(() => ticketFacts({ ...blank, status: 'lost' } as unknown as Ticket)).toThrow(FrontlineError);
  });
});
