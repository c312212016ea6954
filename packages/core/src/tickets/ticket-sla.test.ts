import { type Actor, Permissions } from '@frontline/core';
import { SlaPolicy, type SlaPolicyInput, type Ticket, ticketFacts } from '@frontline/core/service-desk';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../kernel/business-calendar';
import {
  applyTicketCommand,
  slaView,
  type TicketCommandInput,
  type TicketEnvironment,
} from './apply-ticket-command';
import { pendingEscalationRules, startTicketSla } from './ticket-sla';

const H = 3_600_000;
const split = ['08:00-12:00', '13:00-17:00'];
const policyInput: SlaPolicyInput = {
  id: 'standard',
  name: 'Standard',
  calendar: {
    zone: 'UTC',
    hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split },
  },
  targets: [
    { priorities: ['urgent'], firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 },
    { firstResponseMinutes: 120, nextResponseMinutes: 240, resolutionMinutes: 960 },
  ],
  escalationRules: [
    {
      id: 'slow-first-response',
      target: 'first_response',
      percentOfTarget: 50,
      actions: { setGroup: 'seniors' },
    },
  ],
};
const policy = SlaPolicy.parse(policyInput);
const calendar = createBusinessCalendar(policy.calendar);
const env: TicketEnvironment = { reopenWindowMs: 30 * 24 * H, sla: { policy, calendar } };
const agent: Actor = { id: 'agent-1', roles: [], permissions: Object.values(Permissions) };
const monday = new Date('2026-03-02T08:00:00Z');
const at = (hours: number) => new Date(monday.getTime() + hours * H);

function opened(priority: Ticket['priority'] = 'normal'): Ticket {
  const base: Ticket = {
    id: 't-1',
    customerId: 'c-1',
    subject: 'Invoice twice',
    description: '',
    status: 'new',
    priority,
    category: 'billing',
    tier: 'L1',
    assigneeId: null,
    group: null,
    openedAt: monday,
    openedBy: 'agent-1',
    updatedAt: monday,
    resolvedAt: null,
    closedAt: null,
    history: [],
    sla: null,
  };
  return { ...base, sla: startTicketSla(policy, calendar, slaView(base), monday) };
}

function run(
  ticket: Ticket,
  ...steps: [number, TicketCommandInput['command'], Partial<TicketCommandInput>?][]
): Ticket {
  return steps.reduce(
    (t, [hours, command, extra]) =>
      applyTicketCommand(t, { command, actor: agent, at: at(hours), ...extra }, env).ticket,
    ticket,
  );
}

const target = (t: Ticket, name: string) => t.sla!.targets.find((x) => x.target === name);

describe('ticket SLA', () => {
  it('sets due and warning instants on business time from the matching row', () => {
    const t = opened();
    expect(target(t, 'first_response')).toMatchObject({
      dueAt: at(2),
      warnAt: new Date(at(1).getTime() + 0.6 * H),
    });
    expect(target(t, 'resolution')?.dueAt).toEqual(new Date('2026-03-03T17:00:00Z')); // 16 business hours
    expect(t.sla!.nextDueAt).toEqual(at(2));
    expect(t.sla!.nextSignalAt).toEqual(at(1)); // the rule at 50 % of first response comes first
  });

  it('pauses every clock while pending and resumes on the customer reply', () => {
    const t = run(opened(), [1, 'respond'], [2, 'wait_on_customer'], [26, 'customer_reply']);
    // resolution: 2 h consumed before pending (08–10), resumed Tuesday 10:00 → 14 h more → Wed 17:00
    expect(target(t, 'resolution')?.dueAt).toEqual(new Date('2026-03-04T17:00:00Z'));
    expect(target(t, 'resolution')?.clock.consumedMs).toBe(2 * H);
    expect(t.sla!.paused).toBe(false);
    expect(target(t, 'next_response')).toMatchObject({ cycle: 1, dueAt: new Date('2026-03-03T15:00:00Z') });
  });

  it('has no due instant while pending, so a pending ticket never shows as breaching', () => {
    const t = run(opened(), [1, 'respond'], [2, 'wait_on_customer']);
    expect(t.sla!.paused).toBe(true);
    expect(target(t, 'resolution')?.dueAt).toBeNull();
    expect(t.sla!.nextDueAt).toBeNull();
  });

  it('stops first and next response on an answer and counts next-response cycles', () => {
    let t = run(opened(), [1, 'respond']);
    expect(target(t, 'first_response')?.stoppedAt).toEqual(at(1));
    t = run(t, [3, 'customer_reply'], [4, 'respond'], [5, 'customer_reply']);
    expect(target(t, 'next_response')?.cycle).toBe(2);
    expect(t.sla!.history.map((h) => [h.target, h.cycle, h.breached])).toEqual([
      ['first_response', 1, false],
      ['next_response', 1, false],
    ]);
  });

  it('records a late answer as a breach at the instant the budget ran out', () => {
    const t = run(opened(), [3, 'respond']);
    expect(target(t, 'first_response')?.breachedAt).toEqual(at(2));
    expect(t.sla!.history[0]).toMatchObject({ target: 'first_response', breached: true, consumedMs: 3 * H });
    expect(ticketFacts(t).breachedTargets).toEqual(['first_response']);
  });

  it('stops every clock on resolve and resumes resolution, not restarts it, on reopen', () => {
    let t = run(opened(), [1, 'respond'], [4, 'resolve']);
    expect(t.sla!.targets.every((x) => x.stoppedAt !== null)).toBe(true);
    expect(t.sla!.nextDueAt).toBeNull();
    t = run(t, [24, 'reopen']); // Tuesday 08:00
    expect(target(t, 'resolution')?.clock.consumedMs).toBe(4 * H);
    expect(target(t, 'resolution')?.dueAt).toEqual(new Date('2026-03-04T12:00:00Z')); // 12 h more
    expect(target(t, 'next_response')?.cycle).toBe(1);
  });

  it('follows a new priority with the budgets of its row', () => {
    const t = run(opened(), [0.25, 'classify', { changes: { priority: 'urgent' } }]);
    expect(t.sla!.targetRow).toBe(0);
    expect(target(t, 'first_response')?.dueAt).toEqual(at(0.5));
    expect(target(t, 'resolution')?.budgetMs).toBe(4 * H);
  });

  it('finds when an escalation rule fires and stops offering it once applied or met', () => {
    const t = opened();
    const [pending] = pendingEscalationRules(t.sla!, policy, calendar, slaView(t));
    expect(pending).toMatchObject({ key: 'slow-first-response:first_response:1', at: at(1) });
    const answered = run(t, [0.5, 'respond']);
    expect(pendingEscalationRules(answered.sla!, policy, calendar, slaView(answered))).toEqual([]);
  });
});
