import type { ActorInput, FixedClock, Store } from '@frontline/core';
import { collect, createFrontline, createSequentialIds, FrontlineError } from '@frontline/core';
import {
  type KpiContactInput,
  type KpiSurveyInput,
  kpiContactFromInteraction,
  kpiGroups,
  kpiPartialOf,
  kpiSurveyFromInteraction,
  settleFirstContacts,
} from '@frontline/core/kpi';
import { KpiRollupMarks, kpis, serviceDesk } from '@frontline/core/service-desk';
import { describe, expect } from './runner';
import { type SuiteHooks, suiteCase } from './suite-harness';

/** The names of the KPI roll-up suite's tests, for `skip`. */
export type KpiRollupSuiteTest =
  | 'matches-one-pass'
  | 'corrections'
  | 'unit-of-work'
  | 'concurrent-recorders'
  | 'masking'
  | 'rebuild'
  | 'tickets'
  | 'agents';

/** What the KPI roll-up suite needs from an adapter (the hooks every suite takes). */
export interface KpiRollupSuiteOptions extends SuiteHooks<KpiRollupSuiteTest> {
  name: string;
}

const lead = {
  id: 'lead-csilla',
  roles: ['team-lead'],
  permissions: [
    'customer.write',
    'interaction.write',
    'ticket.write',
    'ticket.escalate',
    'ticket.work_l2',
    'ticket.supervise',
    'agent.manage',
    'agent.control_sessions',
    'kpi.read',
    'kpi.read_agents',
    'kpi.manage',
  ],
} as const satisfies ActorInput;
const analyst: ActorInput = { id: 'analyst-ede', roles: ['analyst'], permissions: ['kpi.read'] };
const TZ = 'Europe/Budapest';
const WINDOW_HOURS = 24;
const AGENTS = ['anna', 'bence', 'csilla'];
const QUEUES = ['billing', 'technical'];

async function setup(store: Store, clock: FixedClock) {
  const fl = await createFrontline({
    store,
    clock,
    ids: createSequentialIds('k'),
    modules: [serviceDesk(), kpis({ timeZone: TZ, recontactWindowHours: WINDOW_HOURS })],
  });
  const customers: string[] = [];
  for (const name of ['Anna', 'Béla', 'Cecília', 'Dénes']) {
    const { customer } = await fl.serviceDesk.customers.registerCustomer({
      actor: lead,
      familyName: 'Kiss',
      givenNames: [name],
    });
    customers.push(customer.id);
  }
  /** Records contact `i` of a deterministic set offered at `at`: answered, abandoned or outbound by `i`. */
  const record = (i: number, at: Date) => {
    const kind = i % 5 === 3 ? 'abandoned' : i % 7 === 6 ? 'outbound' : 'answered';
    const wait = ((i * 37) % 90) * 1000;
    const answeredAt = kind === 'abandoned' ? null : new Date(at.getTime() + wait);
    return fl.serviceDesk.interactions.recordInteraction({
      actor: lead,
      customerId: customers[i % customers.length]!,
      channel: i % 4 === 0 ? 'chat' : 'phone',
      direction: kind === 'outbound' ? 'outbound' : 'inbound',
      queue: QUEUES[i % QUEUES.length]!,
      agentId: kind === 'abandoned' ? null : AGENTS[i % AGENTS.length]!,
      offeredAt: at,
      answeredAt,
      endedAt: new Date(at.getTime() + wait + (kind === 'abandoned' ? 0 : 240_000 + i * 1000)),
      holdMs: kind === 'abandoned' ? 0 : (i % 3) * 10_000,
      wrapUpMs: kind === 'abandoned' ? 0 : 30_000,
      outcome: kind === 'abandoned' ? null : i % 2 === 0 ? 'resolved' : 'follow_up',
      notes: `Contact ${i}`,
    });
  };
  const marks = () => store.repository(KpiRollupMarks).count();
  /**
   * One pass over every stored contact and answer of `[from, to)` and of the re-contact window after it (whose
   * contacts decide first-contact resolution): what the roll-ups must add up to, the period's groups.
   */
  const onePass = async (from: Date, to: Date) => {
    const contacts: KpiContactInput[] = [];
    const surveys: KpiSurveyInput[] = [];
    const windowEnd = new Date(to.getTime() + WINDOW_HOURS * 3_600_000);
    const all = fl.serviceDesk.interactions.offeredInteractions({ actor: lead, from, to: windowEnd });
    for (const i of await collect(all)) {
      const c = kpiContactFromInteraction(i);
      if (c) contacts.push(c);
      const s = kpiSurveyFromInteraction(i);
      if (s && s.answeredAt < to) surveys.push(s);
    }
    const by = ['agent', 'category', 'channel', 'queue'] as const;
    const partial = kpiPartialOf(
      { contacts, surveys },
      { period: 'day', by: [...by], timeZone: TZ, recontactWindowHours: WINDOW_HOURS },
    );
    const settled = settleFirstContacts(partial, { completeThrough: clock.now() });
    const inPeriod = Object.entries(settled.groups).filter(([, g]) => g.key.period!.start < to.toISOString());
    return { ...settled, groups: Object.fromEntries(inPeriod) };
  };
  return { fl, record, marks, onePass, customers };
}

/** Contacts every 47 minutes from Saturday 24 October 2026 06:00 local, across the 25-hour Sunday. */
const CONTACTS = Array.from(
  { length: 90 },
  (_, i) => new Date(Date.parse('2026-10-24T04:00:00Z') + i * 47 * 60_000),
);

/**
 * The KPI module's suite: registers vitest tests proving that the daily roll-ups an adapter stores add up to one
 * pass over the contacts (a 25-hour day included), follow corrections and survey answers, are marked stale in the
 * recording unit of work only (a rolled-back one leaves no mark), survive concurrent recorders, mask agents and
 * rebuild to the same figures.
 * @example
 * runKpiRollupSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runKpiRollupSuite(options: KpiRollupSuiteOptions): void {
  const test = (
    name: KpiRollupSuiteTest,
    title: string,
    body: (ctx: Awaited<ReturnType<typeof setup>> & { store: Store; clock: FixedClock }) => Promise<void>,
  ) =>
    suiteCase(
      options,
      name,
      title,
      '2026-10-29T12:00:00.000Z',
      async ({ store, clock }) => ({ ...(await setup(store, clock)), store, clock }),
      body,
      60_000,
    );

  describe(`KPI roll-up suite: ${options.name}`, () => {
    test(
      'matches-one-pass',
      'adds up, day by day, to one pass over every contact — the 25-hour day included — and reads 3 stored days',
      async ({ fl, record, marks, onePass }) => {
        for (const [i, at] of CONTACTS.entries()) await record(i, at);
        expect(await marks()).toBeGreaterThan(0);
        const view = await fl.kpis.rollup({ actor: lead, from: '2026-10-24', to: '2026-10-26' });
        expect(await marks()).toBe(0);
        expect(view.storedDays).toBe(3);
        expect(view.end.getTime() - view.start.getTime()).toBe(73 * 3_600_000);
        const expected = await onePass(view.start, view.end);
        expect(view.partial.groups).toEqual(expected.groups);
        const days = kpiGroups(view.partial).map((g) => g.key.period?.start);
        expect(new Set(days)).toEqual(
          new Set(['2026-10-23T22:00:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']),
        );
        // nothing changed: a second read recomputes nothing
        const refreshed = (await collect(fl.store.audit.read({ entityType: 'kpi_daily_rollup' }))).length;
        await fl.kpis.rollup({ actor: lead, from: '2026-10-24', to: '2026-10-26' });
        expect((await collect(fl.store.audit.read({ entityType: 'kpi_daily_rollup' }))).length).toBe(
          refreshed,
        );
      },
    );

    test(
      'corrections',
      'follows an amendment and a survey answer given days later, recomputing only the days they touch',
      async ({ fl, record, onePass, clock }) => {
        const ids: string[] = [];
        for (const [i, at] of CONTACTS.slice(0, 30).entries()) ids.push((await record(i, at)).interaction.id);
        await fl.kpis.rollup({ actor: lead, from: '2026-10-24', to: '2026-10-25' });
        await fl.serviceDesk.interactions.amendInteraction({
          actor: lead,
          interactionId: ids[4]!,
          reason: 'Wrong queue',
          changes: { queue: 'technical', outcome: 'resolved' },
        });
        const { interaction } = await fl.serviceDesk.interactions.requestFeedback({
          actor: lead,
          interactionId: ids[2]!,
          via: 'sms',
          validForHours: 96,
        });
        clock.set(new Date('2026-10-30T09:00:00Z'));
        await fl.serviceDesk.interactions.recordFeedback({
          actor: lead,
          requestId: interaction.feedback!.requestId,
          csat: 4,
          nps: 9,
        });
        const view = await fl.kpis.rollup({ actor: lead, from: '2026-10-24', to: '2026-10-30' });
        const expected = await onePass(view.start, view.end);
        const surveys = kpiGroups(view.partial).reduce((n, g) => n + g.totals.surveys.csat[3]!, 0);
        expect(surveys).toBe(1);
        // the survey counts on the day it was answered, not the day of the contact
        const answered = kpiGroups(view.partial).find((g) => g.totals.surveys.nps[9] === 1);
        expect(answered?.key.period?.start).toBe('2026-10-29T23:00:00.000Z');
        expect(view.partial.groups).toEqual(expected.groups);
        const refreshes = await collect(fl.store.audit.read({ entityType: 'kpi_daily_rollup' }));
        expect(refreshes.map((e) => e.entityId).sort()).toEqual(
          ['2026-10-24', '2026-10-24', '2026-10-25', '2026-10-30'].sort(),
        );
      },
    );

    test(
      'unit-of-work',
      'marks a day stale inside the recording unit of work only: a rolled-back one leaves no mark',
      async ({ fl, marks }) => {
        const message = {
          topic: 'interaction.recorded.v1',
          payload: {
            entityType: 'interaction',
            entityId: 'i-x',
            actor: lead.id,
            data: { offeredAt: '2026-10-27T10:00:00.000Z' },
          },
        };
        await expect(
          fl.store.transaction(async (tx) => {
            await tx.outbox.enqueue([message]);
            expect(await tx.repository(KpiRollupMarks).count()).toBe(1);
            throw new Error('the host changed its mind');
          }),
        ).rejects.toThrow('the host changed its mind');
        expect(await marks()).toBe(0);
        await fl.store.outbox.enqueue([message]);
        expect(await marks()).toBe(1);
      },
    );

    test(
      'concurrent-recorders',
      'counts every contact of 24 recorded at once on the same day exactly once',
      async ({ fl, record }) => {
        const at = Date.parse('2026-10-27T08:00:00Z');
        await Promise.all(Array.from({ length: 24 }, (_, i) => record(i, new Date(at + i * 60_000))));
        const view = await fl.kpis.rollup({ actor: lead, from: '2026-10-27', to: '2026-10-27', by: [] });
        const offered = kpiGroups(view.partial).reduce((n, g) => n + g.totals.contacts.offered, 0);
        const outbound = Array.from({ length: 24 }, (_, i) => i).filter((i) => i % 5 !== 3 && i % 7 === 6);
        expect(offered).toBe(24 - outbound.length);
      },
    );

    test(
      'masking',
      'merges agents away for an actor without kpi.read_agents and refuses one without kpi.read',
      async ({ fl, record }) => {
        for (const [i, at] of CONTACTS.slice(0, 20).entries()) await record(i, at);
        const lead_ = await fl.kpis.rollup({
          actor: lead,
          from: '2026-10-24',
          to: '2026-10-24',
          period: null,
        });
        const seen = await fl.kpis.rollup({
          actor: analyst,
          from: '2026-10-24',
          to: '2026-10-24',
          period: null,
        });
        expect(lead_.agentsMerged).toBe(false);
        expect(seen.agentsMerged).toBe(true);
        expect(kpiGroups(seen.partial).every((g) => !('agent' in g.key))).toBe(true);
        expect(kpiGroups(lead_.partial).some((g) => g.key.agent === 'anna')).toBe(true);
        const sum = (p: typeof seen.partial) =>
          kpiGroups(p).reduce((n, g) => n + g.totals.contacts.handled, 0);
        expect(sum(seen.partial)).toBe(sum(lead_.partial));
        const none = { id: 'agent-x', roles: [], permissions: ['interaction.write'] };
        await expect(fl.kpis.rollup({ actor: none, from: '2026-10-24', to: '2026-10-24' })).rejects.toSatisfy(
          (e: unknown) => FrontlineError.is(e, 'FORBIDDEN'),
        );
        await expect(fl.kpis.rollup({ actor: lead, from: '2026-10-25', to: '2026-10-24' })).rejects.toSatisfy(
          (e: unknown) => FrontlineError.is(e, 'VALIDATION'),
        );
      },
    );

    test(
      'rebuild',
      'rebuilds a period to the same figures, and refuses an actor without kpi.manage',
      async ({ fl, record }) => {
        for (const [i, at] of CONTACTS.slice(0, 40).entries()) await record(i, at);
        const before = await fl.kpis.rollup({ actor: lead, from: '2026-10-24', to: '2026-10-26' });
        const rebuilt = await fl.kpis.rebuildRollups({ actor: lead, from: '2026-10-24', to: '2026-10-26' });
        expect(rebuilt.days).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
        expect(rebuilt.contacts).toBe(40);
        const after = await fl.kpis.rollup({ actor: lead, from: '2026-10-24', to: '2026-10-26' });
        expect(after.partial).toEqual(before.partial);
        await expect(
          fl.kpis.rebuildRollups({ actor: analyst, from: '2026-10-24', to: '2026-10-26' }),
        ).rejects.toSatisfy((e: unknown) => FrontlineError.is(e, 'FORBIDDEN'));
      },
    );

    test(
      'tickets',
      'counts tickets opened, resolved (with and without L2) and closed on their days, following a reopen and a reassignment',
      async ({ fl, clock, customers }) => {
        const tickets = fl.serviceDesk.tickets;
        const open = async (group: string) =>
          (
            await tickets.openTicket({
              actor: lead,
              customerId: customers[0]!,
              subject: 'No dial tone',
              category: 'network',
              group,
              slaPolicyId: null,
            })
          ).ticket.id;
        clock.set('2026-10-24T08:00:00Z');
        const [a, b, c] = [await open('billing'), await open('billing'), await open('technical')];
        clock.set('2026-10-25T09:00:00Z');
        await tickets.resolveTicket({ actor: lead, ticketId: a });
        await tickets.escalateTicket({ actor: lead, ticketId: b, reason: 'Needs the network team' });
        await tickets.resolveTicket({ actor: lead, ticketId: b });
        clock.set('2026-10-26T10:00:00Z');
        await tickets.reopenTicket({ actor: lead, ticketId: a, reason: 'Still no dial tone' });
        await tickets.closeTicket({ actor: lead, ticketId: b });
        await tickets.assignTicket({ actor: lead, ticketId: c, group: 'billing' });
        const view = await fl.kpis.rollup({
          actor: lead,
          from: '2026-10-24',
          to: '2026-10-26',
          by: ['queue'],
        });
        const figures = kpiGroups(view.partial)
          .filter((g) => Object.values(g.totals.tickets).some((n) => n > 0))
          .map((g) => [g.key.period!.start.slice(0, 10), g.key.queue, g.totals.tickets]);
        expect(figures).toEqual([
          ['2026-10-23', 'billing', { opened: 3, resolved: 0, resolvedEscalated: 0, closed: 0 }],
          // b went to L2 (its group stayed billing); a's resolution was taken back by the reopen
          ['2026-10-24', 'billing', { opened: 0, resolved: 1, resolvedEscalated: 1, closed: 0 }],
          ['2026-10-25', 'billing', { opened: 0, resolved: 0, resolvedEscalated: 0, closed: 1 }],
        ]);
        // read during the 26th: a and c are open now, both in billing
        const backlog = kpiGroups(view.partial).filter((g) => (g.backlog?.count ?? 0) > 0);
        expect(backlog.map((g) => [g.key.queue, g.backlog!.count, g.backlog!.asOf])).toEqual([
          ['billing', 2, '2026-10-26T10:00:00.000Z'],
        ]);
        const rebuilt = await fl.kpis.rebuildRollups({ actor: lead, from: '2026-10-24', to: '2026-10-26' });
        expect(rebuilt.tickets).toBe(5);
        const again = await fl.kpis.rollup({
          actor: lead,
          from: '2026-10-24',
          to: '2026-10-26',
          by: ['queue'],
        });
        expect(again.partial).toEqual(view.partial);
      },
    );

    test(
      'agents',
      "cuts agents' time at local midnight and completes a day read before it ended",
      async ({ fl, clock }) => {
        const agents = fl.serviceDesk.agents;
        await agents.createAgent({
          actor: lead,
          id: 'anna',
          name: 'Kiss Anna',
          email: 'anna@example.hu',
          roleIds: ['operator_l1'],
        });
        const step = async (
          at: string,
          command?: 'take_call' | 'end_call' | 'end_wrap_up' | 'start_break' | 'logout',
        ) => {
          clock.set(at);
          if (command === undefined)
            await agents.login({
              actor: await agents.actorForAgent({ agentId: 'anna' }),
              agentId: 'anna',
            });
          else await agents.changeAgentState({ actor: lead, agentId: 'anna', command });
        };
        const minutes = (ms: number) => ms / 60_000;
        const agentTime = async () => {
          const view = await fl.kpis.rollup({ actor: lead, from: '2026-10-24', to: '2026-10-25', by: [] });
          return kpiGroups(view.partial).map((g) => {
            const a = g.totals.agents;
            return [
              g.key.period!.start.slice(0, 10),
              minutes(a.availableMs),
              minutes(a.onCallMs),
              minutes(a.wrapUpMs),
              minutes(a.breakMs),
            ];
          });
        };
        // local midnight before Sunday 25 October is 22:00 UTC
        await step('2026-10-24T21:00:00Z');
        await step('2026-10-24T21:30:00Z', 'take_call');
        clock.set('2026-10-24T21:45:00Z');
        expect(await agentTime()).toEqual([['2026-10-23', 30, 15, 0, 0]]);
        await step('2026-10-24T22:30:00Z', 'end_call');
        await step('2026-10-24T22:40:00Z', 'end_wrap_up');
        await step('2026-10-24T23:00:00Z', 'start_break');
        await step('2026-10-24T23:15:00Z', 'logout');
        expect(await agentTime()).toEqual([
          ['2026-10-23', 30, 30, 0, 0],
          ['2026-10-24', 20, 30, 10, 15],
        ]);
      },
    );
  });
}
