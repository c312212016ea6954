import {
  type BusinessCalendarDefinitionInput,
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  FrontlineError,
  hungarianCalendarDefinition,
  hungarianHolidays,
  hungarianWorkingSaturdays,
} from '@frontline/core';
import { createTicketService, SlaPolicy, type SlaPolicyInput } from '@frontline/core/service-desk';
import { CustomerCollection, SlaPolicies, Tickets } from '@frontline/core/storage';
import { serviceDeskActors as A, suiteCustomer } from '@frontline/testing';
import { describe, expect, it } from 'vitest';

const split = ['08:00-12:00', '12:30-16:30'];
const hours = { monday: split, tuesday: split, wednesday: split, thursday: split, friday: ['08:00-14:00'] };

const policy = (calendar: BusinessCalendarDefinitionInput): SlaPolicyInput => ({
  id: 'hotline',
  name: 'Hotline',
  calendar,
  targets: [{ firstResponseMinutes: 60, resolutionMinutes: 960 }],
});

/** A calendar as releases before the holiday rules saved it: every 2020–2027 day listed, coverage 2020–2027. */
function legacyCalendar(): BusinessCalendarDefinitionInput {
  const holidays: string[] = [];
  const extraWorkingDays: {
    date: string;
    hours: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday';
  }[] = [];
  const weekday = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
  for (let year = 2020; year <= 2027; year++) {
    holidays.push(...hungarianHolidays(year).map((d) => d.date));
    for (const s of hungarianWorkingSaturdays(year)) {
      const hoursOf = weekday[(new Date(`${s.replaces}T00:00:00Z`).getUTCDay() + 6) % 7] ?? 'monday';
      extraWorkingDays.push({ date: s.date, hours: hoursOf });
    }
  }
  return {
    zone: 'Europe/Budapest',
    hours,
    holidays: holidays.sort(),
    extraWorkingDays,
    coverage: { from: '2020-01-01', to: '2027-12-31' },
  };
}

async function desk(today: string) {
  const clock = createFixedClock(today);
  const store = createMemoryStore({ clock });
  await store.repository(CustomerCollection).insert(suiteCustomer('cust-1', clock.now()));
  const tickets = createTicketService({
    store,
    clock,
    ids: createSequentialIds('t'),
    defaultSlaPolicyId: 'hotline',
  });
  const open = async () =>
    (
      await tickets.openTicket({
        actor: A.agent,
        customerId: 'cust-1',
        subject: 'Nincs net',
        category: 'network',
      })
    ).ticket;
  const due = async () => {
    const ticket = await open();
    return Object.fromEntries((ticket.sla?.targets ?? []).map((t) => [t.target, t.dueAt?.toISOString()]));
  };
  return { clock, store, tickets, due };
}

describe('SLA policy calendar: a reference to the holidays, resolved at use', () => {
  it('stores no holiday dates, and a policy saved in 2026 computes deadlines over Easter 2031 and 2035', async () => {
    const { clock, tickets, due } = await desk('2026-03-02T08:00:00Z');
    const { policy: saved } = await tickets.saveSlaPolicy({
      actor: A.supervisor,
      policy: policy(hungarianCalendarDefinition({ hours })),
    });
    expect(saved.calendar.holidays).toEqual([]);
    expect(saved.calendar.publicHolidays).toMatchObject({ source: 'hu' });
    expect(JSON.stringify(saved)).not.toMatch(/20\d\d-\d\d-\d\d/);

    // Thursday 10 April 2031, 16:00 in Budapest: Good Friday and Easter Monday 2031 are closed (no decree data)
    clock.set('2031-04-10T14:00:00Z');
    expect(await due()).toEqual({
      first_response: '2031-04-15T06:30:00.000Z', // Tuesday 08:30
      resolution: '2031-04-16T14:00:00.000Z', // 0.5 h Thursday + 8 h Tuesday + 7.5 h Wednesday → 16:00
    });
    // Thursday 22 March 2035, 16:00 CET; Easter Sunday is 25 March, the night the clocks go forward
    clock.set('2035-03-22T15:00:00Z');
    expect((await due()).first_response).toBe('2035-03-27T06:30:00.000Z'); // Tuesday 08:30 CEST
    // Whit Monday 2031 (2 June) is closed too: Friday 30 May 13:30 + 1 h → Tuesday 08:30
    clock.set('2031-05-30T11:30:00Z');
    expect((await due()).first_response).toBe('2031-06-03T06:30:00.000Z');
  });

  it('reads a policy saved with every 2020–2027 date listed as the reference, so it runs past 2027', async () => {
    const { clock, store, due } = await desk('2026-03-02T08:00:00Z');
    // as an older release stored it, bypassing today's save
    await store.repository(SlaPolicies).insert(SlaPolicy.parse(policy(legacyCalendar())));
    clock.set('2026-12-23T15:00:00Z'); // Wednesday 16:00; 24 December 2026 is a decreed rest day
    expect((await due()).first_response).toBe('2026-12-28T07:30:00.000Z');
    clock.set('2031-04-10T14:00:00Z');
    expect((await due()).first_response).toBe('2031-04-15T06:30:00.000Z');
  });

  it('refuses a date before 2013 with a ValidationError naming the option, and stores nothing', async () => {
    const { clock, store, tickets } = await desk('2026-03-02T08:00:00Z');
    await tickets.saveSlaPolicy({
      actor: A.supervisor,
      policy: policy(hungarianCalendarDefinition({ hours })),
    });
    clock.set('2012-06-01T08:00:00Z');
    const error = await tickets
      .openTicket({ actor: A.agent, customerId: 'cust-1', subject: 'x', category: 'network' })
      .catch((e: unknown) => e);
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    expect((error as Error).message).toMatch(/start in 2013.*without `publicHolidays`.*`holidays`/);
    expect(await store.repository(Tickets).count()).toBe(0);

    const early = await tickets
      .saveSlaPolicy({
        actor: A.supervisor,
        policy: {
          ...policy({
            ...hungarianCalendarDefinition({ hours }),
            coverage: { from: '2010-01-01', to: '2030-12-31' },
          }),
          id: 'early',
        },
      })
      .catch((e: unknown) => e);
    expect(FrontlineError.is(early, 'VALIDATION')).toBe(true);
    expect((early as Error).message).toMatch(/coverage\.from: coverage starts before 2013/);
    expect(await store.repository(SlaPolicies).find('early')).toBeUndefined();
  });
});
