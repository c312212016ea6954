import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { createFrontline } from '../kit/create-frontline';
import { emit, payloadJsonSchema } from '../kit/define-event';
import { serviceDesk } from '../modules/service-desk';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { TICKET_EVENT_TYPES } from './apply-ticket-command';
import { TICKET_EVENTS, TicketEscalated, TicketOpened } from './ticket-events';

describe('the ticket events', () => {
  it('are versioned, named once, cover every command and have JSON Schema payloads', () => {
    const types = TICKET_EVENTS.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types.every((t) => /^(ticket|sla_policy)\.[a-z_]+\.v1$/.test(t))).toBe(true);
    expect(Object.values(TICKET_EVENT_TYPES).every((t) => types.includes(t))).toBe(true);
    expect(types).toEqual(
      expect.arrayContaining([
        'ticket.opened.v1',
        'ticket.escalated.v1',
        'ticket.sla_warning.v1',
        'ticket.sla_breached.v1',
        'sla_policy.saved.v1',
      ]),
    );
    for (const event of TICKET_EVENTS) expect(payloadJsonSchema(event), event.type).not.toBeNull();
  });

  it('refuse free text in a payload: a reason or a subject is a VALIDATION error, not carried along', () => {
    const about = { entityType: 'ticket', entityId: 't-1' };
    const transition = { command: 'escalate', from: 'open', to: 'escalated', reasonGiven: true } as const;
    expect(emit(TicketEscalated, about, transition).payload).toEqual(transition);
    expect(() => emit(TicketEscalated, about, { ...transition, reason: 'Kiss Anna' } as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    const opened = {
      customerId: 'c-1',
      priority: 'normal',
      category: 'network',
      slaPolicyId: null,
      slaTargetRow: null,
    };
    expect(() => emit(TicketOpened, about, { ...opened, subject: 'Kiss Anna' } as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('are declared by the service-desk module, so the root exports them in its catalogue', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const fl = await createFrontline({
      store: createMemoryStore({ clock }),
      clock,
      ids: createSequentialIds('e'),
      modules: [serviceDesk()],
    });
    const declared = fl.plan.events.filter((e) => e.module === 'serviceDesk').map((e) => e.type);
    expect(declared).toEqual(expect.arrayContaining(TICKET_EVENTS.map((e) => e.type)));
  });
});
