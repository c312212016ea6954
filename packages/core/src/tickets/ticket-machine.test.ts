import { type Actor, FrontlineError, Permissions } from '@frontline/core';
import {
  canApplyTicketCommand,
  decideTicketTransition,
  TICKET_TRANSITIONS,
  type Ticket,
  TicketCommand,
  TicketStatus,
} from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTicketCommand, type TicketEnvironment } from './apply-ticket-command';

const DAY = 86_400_000;
const now = new Date('2026-03-02T08:00:00Z');
const l1 = { tier: 'L1' as const, closedAt: null, now, reopenWindowMs: 7 * DAY };
const everything: Actor = { id: 'agent-1', roles: [], permissions: Object.values(Permissions) };
const env: TicketEnvironment = { reopenWindowMs: 7 * DAY, sla: null };

function newTicket(): Ticket {
  return {
    id: 't-1',
    customerId: 'c-1',
    subject: 'No dial tone',
    description: '',
    status: 'new',
    priority: 'normal',
    category: 'network',
    tier: 'L1',
    assigneeId: null,
    group: null,
    openedAt: now,
    openedBy: 'agent-1',
    updatedAt: now,
    resolvedAt: null,
    closedAt: null,
    history: [],
    sla: null,
  };
}

describe('ticket transition table', () => {
  it('refuses every pair the table lacks with an InvalidTransitionError naming state and command', () => {
    for (const state of TicketStatus.options) {
      for (const command of TicketCommand.options) {
        const rows = TICKET_TRANSITIONS.filter((t) => t.from === state && t.command === command);
        if (rows.length > 0) continue;
        try {
          decideTicketTransition(state, command, l1);
          expect.unreachable(`${state} × ${command} should be refused`);
        } catch (error) {
          expect(FrontlineError.is(error, 'INVALID_TRANSITION')).toBe(true);
          expect((error as FrontlineError).details).toMatchObject({ machine: 'ticket', state, command });
        }
      }
    }
  });

  it('keeps new and open at first level and escalated at second level', () => {
    for (const row of TICKET_TRANSITIONS) {
      if (row.to === 'escalated')
        expect(row.tier === 'L2' || row.guards.includes('tier_l2') || row.from === 'escalated').toBe(true);
      if (row.to === 'open')
        expect(
          row.tier === 'L1' || row.guards.includes('tier_l1') || ['new', 'open'].includes(row.from),
        ).toBe(true);
    }
  });

  it('returns a pending ticket to the level it came from when the customer replies', () => {
    expect(decideTicketTransition('pending', 'customer_reply', l1).to).toBe('open');
    expect(decideTicketTransition('pending', 'customer_reply', { ...l1, tier: 'L2' }).to).toBe('escalated');
  });

  it('lets a closed ticket be reopened only within the reopen window', () => {
    const closedAt = new Date(now.getTime() - 7 * DAY);
    expect(decideTicketTransition('closed', 'reopen', { ...l1, closedAt }).to).toBe('open');
    try {
      decideTicketTransition('closed', 'reopen', { ...l1, closedAt: new Date(closedAt.getTime() - 1) });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'INVALID_TRANSITION')).toBe(true);
      expect(JSON.stringify((error as FrontlineError).details)).toContain('within_reopen_window');
    }
    for (const command of TicketCommand.options.filter((c) => c !== 'reopen')) {
      expect(canApplyTicketCommand('closed', command, { ...l1, closedAt })).toBe(false);
    }
  });

  it('asks for second-level permission to resolve an escalated ticket', () => {
    expect(decideTicketTransition('escalated', 'resolve', { ...l1, tier: 'L2' }).permission).toBe(
      'ticket.work_l2',
    );
    expect(decideTicketTransition('pending', 'resolve', { ...l1, tier: 'L2' }).permission).toBe(
      'ticket.work_l2',
    );
    expect(decideTicketTransition('pending', 'resolve', l1).permission).toBe('ticket.write');
  });

  it('requires a reason to escalate and the escalation permission', () => {
    const ticket = newTicket();
    expect(() =>
      applyTicketCommand(ticket, { command: 'escalate', actor: everything, at: now }, env),
    ).toThrow(/reason/);
    const l1Agent: Actor = { id: 'l1', roles: [], permissions: [Permissions.ticketWrite] };
    try {
      applyTicketCommand(ticket, { command: 'escalate', actor: l1Agent, at: now, reason: 'Line fault' }, env);
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'FORBIDDEN')).toBe(true);
    }
    const escalated = applyTicketCommand(
      ticket,
      { command: 'escalate', actor: everything, at: now, reason: 'Line fault' },
      env,
    );
    expect(escalated.ticket).toMatchObject({ status: 'escalated', tier: 'L2' });
    expect(escalated.event).toMatchObject({ type: 'ticket.escalated.v1', payload: { reasonGiven: true } });
    // the reason stays in the history; the event carries no free text
    expect(JSON.stringify(escalated.event.payload)).not.toContain('Line fault');
    expect(escalated.ticket.history.at(-1)?.reason).toBe('Line fault');
  });
});

describe('ticket machine properties', () => {
  const step = fc.record({
    command: fc.constantFrom(...TicketCommand.options),
    advance: fc.integer({ min: 0, max: 10 * DAY }),
  });

  it('stays in the table, keeps closed final but for a timely reopen, and adds one event per accepted command', () => {
    const reachable = new Set<string>(['new', ...TICKET_TRANSITIONS.map((t) => t.to)]);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let ticket = newTicket();
        let at = now.getTime();
        let accepted = 0;
        for (const { command, advance } of steps) {
          at += advance;
          const before = ticket;
          try {
            const result = applyTicketCommand(
              ticket,
              {
                command,
                actor: everything,
                at: new Date(at),
                reason: 'because',
                changes: { priority: 'high', group: 'g' },
              },
              env,
            );
            ticket = result.ticket;
            accepted++;
            expect(result.event.type).toMatch(/^ticket\./);
            expect(result.event.entityId).toBe(ticket.id);
          } catch (error) {
            expect(FrontlineError.is(error, 'INVALID_TRANSITION'), String(error)).toBe(true);
            expect(ticket).toBe(before);
            if (before.status === 'closed') {
              const inWindow = at - before.closedAt!.getTime() <= env.reopenWindowMs;
              expect(command !== 'reopen' || !inWindow).toBe(true);
            }
            continue;
          }
          expect(reachable.has(ticket.status)).toBe(true);
          if (before.status === 'closed') expect(command).toBe('reopen');
          if (ticket.status === 'new' || ticket.status === 'open') expect(ticket.tier).toBe('L1');
          if (ticket.status === 'escalated') expect(ticket.tier).toBe('L2');
          expect(ticket.history.length).toBe(accepted);
          expect(ticket.history.at(-1)).toMatchObject({ command, from: before.status, to: ticket.status });
        }
      }),
      { numRuns: 500 },
    );
  });
});
