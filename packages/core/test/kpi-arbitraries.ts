/**
 * fast-check arbitraries of KPI rows for the property tests of `@frontline/core/kpi`: three days around the
 * autumn clock change in Budapest, few customers, queues and agents so that groups and re-contacts collide.
 */
import type {
  KpiAgentSessionInput,
  KpiContactInput,
  KpiGroupingInput,
  KpiSurveyInput,
  KpiTicketInput,
} from '@frontline/core/kpi';
import fc from 'fast-check';

// Three days around the autumn change in Budapest (25 October 2026 has 25 hours).
export const T0 = Date.parse('2026-10-24T18:00:00Z');
export const SPAN_MIN = 3 * 24 * 60;
export const minutes = (n: number) => new Date(T0 + n * 60_000);

const queue = fc.constantFrom('q1', 'q2', null);
const agent = fc.constantFrom('a1', 'a2', 'a3', null);
const channel = fc.constantFrom('phone' as const, 'chat' as const, 'email' as const);
const category = fc.constantFrom('billing', 'network.outage', null);

export const contact = fc
  .record({
    customerId: fc.constantFrom(null, 'c1', 'c2', 'c3', 'c4'),
    at: fc.integer({ min: 0, max: SPAN_MIN }),
    outcome: fc.constantFrom('answered', 'abandoned', 'none'),
    outbound: fc.boolean(),
    waitMs: fc.integer({ min: 0, max: 600_000 }),
    connectedMs: fc.integer({ min: 0, max: 900_000 }),
    holdShare: fc.double({ min: 0, max: 1, noNaN: true }),
    wrapUpMs: fc.integer({ min: 0, max: 120_000 }),
    resolved: fc.boolean(),
    escalated: fc.boolean(),
    queue,
    agentId: agent,
    channel,
    category,
  })
  .map((c) => {
    const offered = T0 + c.at * 60_000;
    const answered = c.outcome === 'answered';
    const direction = c.outcome === 'abandoned' || !c.outbound ? 'inbound' : 'outbound';
    const holdMs = answered ? Math.floor(c.connectedMs * c.holdShare) : 0;
    return {
      customerId: c.customerId,
      channel: c.channel,
      direction,
      queue: c.queue,
      agentId: answered ? c.agentId : null,
      category: c.category,
      offeredAt: new Date(offered),
      answeredAt: answered ? new Date(offered + c.waitMs) : null,
      abandonedAt: c.outcome === 'abandoned' ? new Date(offered + c.waitMs) : null,
      endedAt: new Date(offered + c.waitMs + (answered ? c.connectedMs : 0)),
      holdMs,
      wrapUpMs: answered ? c.wrapUpMs : 0,
      resolved: answered && c.resolved,
      escalated: answered && c.escalated,
    } satisfies Omit<KpiContactInput, 'id'>;
  });

const session = fc
  .record({
    agentId: fc.constantFrom('a1', 'a2', 'a3'),
    at: fc.integer({ min: 0, max: SPAN_MIN }),
    parts: fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ agentId, at, parts }): KpiAgentSessionInput => {
    const [availableMs = 0, onCallMs = 0, wrapUpMs = 0, breakMs = 0] = parts;
    const span = availableMs + onCallMs + wrapUpMs + breakMs;
    return {
      agentId,
      from: minutes(at),
      to: new Date(T0 + at * 60_000 + span),
      availableMs,
      onCallMs,
      wrapUpMs,
      breakMs,
    };
  });

const ticket = fc
  .record({
    at: fc.integer({ min: -SPAN_MIN, max: SPAN_MIN }),
    resolvedAfter: fc.option(fc.integer({ min: 0, max: SPAN_MIN })),
    closedAfter: fc.option(fc.integer({ min: 0, max: SPAN_MIN })),
    escalated: fc.boolean(),
    queue,
    agentId: agent,
    channel,
    category,
  })
  .map(
    ({ at, resolvedAfter, closedAfter, ...rest }): Omit<KpiTicketInput, 'id'> => ({
      ...rest,
      openedAt: minutes(at),
      resolvedAt: resolvedAfter === null ? null : minutes(at + resolvedAfter),
      closedAt: closedAfter === null ? null : minutes(at + closedAfter),
    }),
  );

const survey = fc
  .record({
    at: fc.integer({ min: 0, max: SPAN_MIN }),
    csat: fc.option(fc.integer({ min: 1, max: 5 })),
    nps: fc.integer({ min: 0, max: 10 }),
    ces: fc.option(fc.integer({ min: 1, max: 7 })),
    agentId: agent,
    queue,
  })
  .map(({ at, ...rest }): Omit<KpiSurveyInput, 'id'> => ({ ...rest, answeredAt: minutes(at) }));

export const grouping: fc.Arbitrary<KpiGroupingInput> = fc.record({
  period: fc.constantFrom(null, '15min', '60min', 'day', 'week', 'month'),
  timeZone: fc.constantFrom('Europe/Budapest', 'America/New_York', 'Asia/Kathmandu', 'UTC'),
  by: fc.subarray(['agent', 'queue', 'channel', 'category'] as const),
  recontactWindowHours: fc.constantFrom(1, 6, 24),
});

export const withIds = <T>(prefix: string, rows: T[]) =>
  rows.map((row, i) => ({ ...row, id: `${prefix}${i}` }));

export const rows = fc.record({
  contacts: fc.array(contact, { maxLength: 40 }).map((cs) =>
    // one pass over time-ordered rows
    withIds('k', cs).sort((a, b) => a.offeredAt.getTime() - b.offeredAt.getTime()),
  ),
  sessions: fc.array(session, { maxLength: 10 }).map((s) => s),
  tickets: fc.array(ticket, { maxLength: 15 }).map((t) => withIds('t', t)),
  surveys: fc.array(survey, { maxLength: 10 }).map((s) => withIds('s', s)),
});

export type Rows = {
  contacts: KpiContactInput[];
  sessions: KpiAgentSessionInput[];
  tickets: KpiTicketInput[];
  surveys: KpiSurveyInput[];
};
