/**
 * The KPI module on PGlite: what stored daily roll-ups buy and what they cost.
 *
 * 1. A year's dashboard (months × queues, the whole KPI set's inputs, first contacts settled). Baseline: recompute
 *    it from the contacts — stream the year's interactions through the service desk's `offeredInteractions` (the
 *    `offered_at` index), turn each into its KPI row and fold them with `kpiPartialOf`, as a host without roll-ups
 *    would. Candidate: `kpis.rollup` over the 365 stored daily partials (refreshed beforehand by `rebuildRollups`,
 *    whose time setup prints). Both give the same partial (checked in setup).
 * 2. The price on the recording path: `recordInteraction` with the `kpis()` module (one stale-mark inserted in the
 *    recording unit of work) against the same command without it.
 *
 *   BENCH_FILTER=roll-up npm run bench
 */
import { isDeepStrictEqual } from 'node:util';
import type { ActorInput } from '@frontline/core';
import { createFixedClock, createFrontline, createSequentialIds } from '@frontline/core';
import {
  kpiContactFromInteraction,
  kpiPartialOf,
  regroupKpiPartial,
  settleFirstContacts,
} from '@frontline/core/kpi';
import { type Interaction, kpis, serviceDesk } from '@frontline/core/service-desk';
import { Interactions } from '@frontline/core/storage';
import { type BenchCase, benchSize, defineBenchSuite, seededRandom } from '../../../scripts/bench-kit';
import { createPgliteStore, type SqlStore } from '../src/index';

const lead = {
  id: 'lead',
  roles: ['team-lead'],
  permissions: [
    'customer.write',
    'customer.read',
    'interaction.write',
    'kpi.read',
    'kpi.read_agents',
    'kpi.manage',
  ],
} satisfies ActorInput;
const TZ = 'Europe/Budapest';
const WINDOW_HOURS = 72;
/** A year (quick runs: its January). */
const DAYS = benchSize(365, 31);
const YEAR = { from: '2025-01-01', to: DAYS === 365 ? '2025-12-31' : '2025-01-31' };
/** The local midnight after the last day, and a few days on (the re-contact window). */
const YEAR_END = DAYS === 365 ? '2025-12-31T23:00:00.000Z' : '2025-01-31T23:00:00.000Z';
const QUEUES = ['billing', 'technical', 'sales', 'retention'];

/** `n` contacts spread over the period in time order, 5% abandoned, 10% outbound, 2,000 customers. */
function yearOfContacts(n: number): Interaction[] {
  const random = seededRandom(2025);
  const start = Date.parse('2025-01-01T06:00:00Z');
  const span = DAYS * 86_400_000 - 12 * 3_600_000;
  return Array.from({ length: n }, (_, i) => {
    const offered = start + Math.floor((i / n) * span);
    const roll = random();
    const abandoned = roll < 0.05;
    const outbound = !abandoned && roll > 0.9;
    const wait = Math.floor(random() * 120_000);
    const answeredAt = abandoned ? null : new Date(offered + wait);
    const endedAt = new Date(offered + wait + (abandoned ? 0 : 60_000 + Math.floor(random() * 600_000)));
    return {
      id: `c${String(i).padStart(8, '0')}`,
      customerId: `cust-${Math.floor(random() * 2_000)}`,
      channel: random() < 0.8 ? 'phone' : 'chat',
      direction: outbound ? 'outbound' : 'inbound',
      queue: QUEUES[i % QUEUES.length]!,
      agentId: abandoned ? null : `agent-${Math.floor(random() * 40)}`,
      offeredAt: new Date(offered),
      answeredAt,
      endedAt,
      holdMs: abandoned ? 0 : Math.floor(random() * 30_000),
      wrapUpMs: abandoned ? 0 : 20_000 + Math.floor(random() * 40_000),
      outcome: abandoned ? null : random() < 0.7 ? 'resolved' : 'follow_up',
      subject: null,
      notes: '',
      links: { ticketIds: [], complaintIds: [], orderIds: [] },
      externalRef: null,
      recordedAt: endedAt,
      recordedBy: 'lead',
      amendments: [],
      feedback: null,
    } satisfies Interaction;
  });
}

async function yearCase(): Promise<BenchCase> {
  const n = benchSize(200_000, 3_000);
  let store: SqlStore | undefined;
  let fl: Awaited<ReturnType<typeof open>> | undefined;
  const open = (s: SqlStore) =>
    createFrontline({
      store: s,
      clock: createFixedClock('2026-03-01T12:00:00Z'),
      ids: createSequentialIds('b'),
      modules: [serviceDesk(), kpis({ timeZone: TZ, recontactWindowHours: WINDOW_HOURS })],
    });
  const recompute = async () => {
    const contacts = [];
    const from = new Date('2024-12-31T23:00:00Z');
    const to = new Date(YEAR_END);
    for await (const i of fl!.serviceDesk.interactions.offeredInteractions({ actor: lead, from, to })) {
      const row = kpiContactFromInteraction(i);
      if (row) contacts.push(row);
    }
    const by = ['agent', 'category', 'channel', 'queue'] as const;
    const day = kpiPartialOf(
      { contacts },
      { period: 'day', by: [...by], timeZone: TZ, recontactWindowHours: WINDOW_HOURS },
    );
    const settled = settleFirstContacts(day, {
      completeThrough: new Date(Date.parse(YEAR_END) + WINDOW_HOURS * 3_600_000),
    });
    const inYear = Object.entries(settled.groups).filter(([, g]) => g.key.period!.start < YEAR_END);
    return regroupKpiPartial(
      { ...settled, groups: Object.fromEntries(inYear), firstContact: {} },
      { period: 'month', by: ['queue'] },
    ).groups;
  };
  const fromRollups = async () =>
    (await fl!.kpis.rollup({ actor: lead, ...YEAR, period: 'month', by: ['queue'], refresh: false })).partial
      .groups;
  return {
    name: `${DAYS === 365 ? "a year's" : "a month's"} dashboard (months × queues) from ${DAYS} daily roll-ups over ${n} contacts on PGlite`,
    itemsPerOp: n,
    unit: 'contact',
    iterations: benchSize(5, 1),
    time: benchSize(2_000, 50),
    setup: async () => {
      store = await createPgliteStore({ schema: `kpi_year_${process.pid}` });
      fl = await open(store);
      const rows = yearOfContacts(n);
      for (let i = 0; i < rows.length; i += 5_000)
        await store.repository(Interactions).insertMany(rows.slice(i, i + 5_000));
      const t0 = performance.now();
      const rebuilt = await fl.kpis.rebuildRollups({ actor: lead, ...YEAR });
      console.error(
        `[kpi roll-ups bench] rebuildRollups: ${rebuilt.days.length} days, ${rebuilt.contacts} contacts in ${Math.round(performance.now() - t0)} ms`,
      );
      const [a, b] = [await recompute(), await fromRollups()];
      if (!isDeepStrictEqual(a, b)) throw new Error('roll-ups and recomputation disagree');
    },
    teardown: async () => {
      await store?.close();
    },
    baseline: { name: 'recompute from interactions (offeredInteractions + kpiPartialOf)', fn: recompute },
    candidates: [{ name: `kpis.rollup over ${DAYS} stored days`, fn: fromRollups }],
  };
}

async function recordCase(): Promise<BenchCase> {
  const n = benchSize(200, 20);
  const stores: SqlStore[] = [];
  const services = new Map<string, Awaited<ReturnType<typeof build>>>();
  const build = async (withKpis: boolean) => {
    const store = await createPgliteStore({ schema: `kpi_rec_${withKpis ? 'k' : 'n'}_${process.pid}` });
    stores.push(store);
    const fl = await createFrontline({
      store,
      clock: createFixedClock('2026-03-02T12:00:00Z'),
      ids: createSequentialIds(withKpis ? 'k' : 'n'),
      modules: withKpis ? [serviceDesk(), kpis()] : [serviceDesk()],
    });
    const { customer } = await fl.serviceDesk.customers.registerCustomer({
      actor: lead,
      familyName: 'Kiss',
      givenNames: ['Anna'],
    });
    return { interactions: fl.serviceDesk.interactions, customerId: customer.id };
  };
  let serial = 0;
  const task = (name: string, key: string) => ({
    name,
    fn: async () => {
      const { interactions, customerId } = services.get(key)!;
      for (let i = 0; i < n; i++) {
        const at = Date.parse('2026-03-02T08:00:00Z') + ++serial * 1000;
        await interactions.recordInteraction({
          actor: lead,
          customerId,
          channel: 'phone',
          direction: 'inbound',
          queue: 'billing',
          agentId: 'anna',
          offeredAt: new Date(at),
          answeredAt: new Date(at + 100),
          endedAt: new Date(at + 200),
          outcome: 'resolved',
          notes: '',
        });
      }
    },
  });
  return {
    name: `recordInteraction × ${n} on PGlite, with and without the kpis() module`,
    itemsPerOp: n,
    unit: 'contact',
    iterations: benchSize(5, 1),
    time: benchSize(1_000, 50),
    setup: async () => {
      services.set('plain', await build(false));
      services.set('kpis', await build(true));
    },
    teardown: async () => {
      for (const store of stores) await store.close();
    },
    baseline: task('service desk only', 'plain'),
    candidates: [task('service desk + kpis() (stale-mark in the unit of work)', 'kpis')],
  };
}

export default defineBenchSuite({
  name: 'postgres: KPI roll-ups',
  cases: async () => [await yearCase(), await recordCase()],
});
