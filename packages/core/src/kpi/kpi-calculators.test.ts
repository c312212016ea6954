import {
  abandonmentRate,
  answerRate,
  averageHandleTime,
  averageSpeedOfAnswer,
  backlogAgeing,
  closedTickets,
  customerEffortScore,
  customerSatisfaction,
  emptyKpiTotals,
  escalationRate,
  firstContactResolution,
  kpiGroups,
  kpiPartialOf,
  kpiTotals,
  netPromoterScore,
  occupancy,
  resolvedRequests,
  resolvedWithoutEscalation,
  utilisation,
} from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const s = (seconds: number) => new Date(T0 + seconds * 1000);
const h = 3_600_000;

// A hand-computed day. Every expected figure below is worked out in the comment beside it.
const contacts = [
  // inbound, waited 10 s, connected 300 s of which 30 s hold (talk 270 s), wrap-up 60 s, resolved
  {
    id: 'c1',
    channel: 'phone',
    agentId: 'a1',
    offeredAt: s(0),
    answeredAt: s(10),
    endedAt: s(310),
    holdMs: 30_000,
    wrapUpMs: 60_000,
    resolved: true,
  },
  // inbound, waited 30 s, talk 150 s and hold 20 s given, wrap-up 30 s, escalated to L2
  {
    id: 'c2',
    channel: 'phone',
    agentId: 'a2',
    offeredAt: s(100),
    answeredAt: s(130),
    endedAt: s(330),
    talkMs: 150_000,
    holdMs: 20_000,
    wrapUpMs: 30_000,
    escalated: true,
  },
  // outbound, talk 100 s, wrap-up 20 s, resolved: handled, but not offered, answered or waited on
  {
    id: 'c3',
    channel: 'phone',
    direction: 'outbound',
    agentId: 'a1',
    offeredAt: s(200),
    answeredAt: s(205),
    endedAt: s(305),
    wrapUpMs: 20_000,
    resolved: true,
  },
  // inbound, abandoned after 4 s (a short abandon at T = 5 s) and after 50 s
  { id: 'c4', channel: 'phone', offeredAt: s(300), abandonedAt: s(304), endedAt: s(304) },
  { id: 'c5', channel: 'phone', offeredAt: s(400), abandonedAt: s(450), endedAt: s(450) },
] as const;

const sessions = [
  // a1: 8 h window, available 2 h, on call 4 h, wrap-up 1 h, break 0.5 h
  {
    agentId: 'a1',
    from: s(0),
    to: new Date(T0 + 8 * h),
    availableMs: 2 * h,
    onCallMs: 4 * h,
    wrapUpMs: h,
    breakMs: h / 2,
  },
  // a2: 4 h window, available 1 h, on call 2 h, wrap-up 1 h
  {
    agentId: 'a2',
    from: s(0),
    to: new Date(T0 + 4 * h),
    availableMs: h,
    onCallMs: 2 * h,
    wrapUpMs: h,
    breakMs: 0,
  },
];

const ASOF = '2026-03-05T12:00:00Z';
const tickets = [
  {
    id: 't1',
    openedAt: '2026-03-01T10:00:00Z',
    resolvedAt: '2026-03-02T10:00:00Z',
    closedAt: '2026-03-03T10:00:00Z',
  },
  { id: 't2', openedAt: '2026-03-02T09:00:00Z', resolvedAt: '2026-03-04T09:00:00Z', escalated: true },
  { id: 't3', openedAt: '2026-03-04T12:00:00Z' }, // open, 24 h old at ASOF
  { id: 't4', openedAt: '2026-03-03T00:00:00Z' }, // open, 60 h old
  { id: 't5', openedAt: '2026-02-20T12:00:00Z', closedAt: '2026-03-06T08:00:00Z' }, // open at ASOF, 13 days (312 h) old
  { id: 't6', openedAt: '2026-03-05T11:00:00Z', resolvedAt: '2026-03-05T11:30:00Z' }, // resolved before ASOF
];

const surveys = [
  { id: 's1', answeredAt: s(1000), csat: 5, nps: 10, ces: 7 },
  { id: 's2', answeredAt: s(1000), csat: 4, nps: 9, ces: 5 },
  { id: 's3', answeredAt: s(1000), csat: 2, nps: 8, ces: 2 },
  { id: 's4', answeredAt: s(1000), csat: 1, nps: 6 },
  { id: 's5', answeredAt: s(1000), nps: 0 },
];

const partial = kpiPartialOf({ contacts, sessions, tickets, surveys, backlogAsOf: ASOF }, { by: ['agent'] });
const { totals, backlog } = kpiTotals(partial);

describe('contact KPIs on a hand-computed day', () => {
  it('answer rate: 2 inbound answered of 4 offered', () => {
    expect(answerRate(totals)).toBe(0.5);
  });

  it('abandonment rate: 2 of 4, or (2 − 1) / (4 − 1) without the 4-second short abandon', () => {
    expect(abandonmentRate(totals)).toBe(0.5);
    expect(abandonmentRate(totals, { shortAbandonSeconds: 5 })).toBe(1 / 3);
  });

  it('ASA: (10 + 30) / 2 seconds; the outbound call does not wait', () => {
    expect(averageSpeedOfAnswer(totals)).toBe(20);
  });

  it('AHT: talk + hold + wrap-up over handled calls, both directions: (360 + 200 + 120) / 3 seconds', () => {
    expect(averageHandleTime(totals)).toBe(680 / 3);
  });

  it('AHT by agent: a1 handled c1 and c3, (360 + 120) / 2', () => {
    const a1 = kpiGroups(partial).find((g) => g.key.agent === 'a1');
    expect(a1 && averageHandleTime(a1.totals)).toBe(240);
  });

  it('resolved without escalation and escalation rate on contacts: 2 of 3 handled, 1 of 3', () => {
    expect(resolvedWithoutEscalation(totals, { basis: 'contacts' })).toEqual({ count: 2, rate: 2 / 3 });
    expect(escalationRate(totals, { basis: 'contacts' })).toBe(1 / 3);
  });
});

describe('agent KPIs', () => {
  it('occupancy: busy (4 + 1 + 2 + 1 h) over busy and available (8 + 3 h)', () => {
    expect(occupancy(totals)).toBe(8 / 11);
  });

  it('utilisation: busy over logged-in time with breaks (8 / 11.5 h)', () => {
    expect(utilisation(totals)).toBe(8 / 11.5);
  });
});

describe('ticket KPIs', () => {
  it('closed tickets and resolved requests over the data: t1 and t5 closed; t1, t2 and t6 resolved', () => {
    expect(closedTickets(totals)).toBe(2);
    expect(resolvedRequests(totals)).toBe(3);
  });

  it('counts a ticket in the periods of its own instants (opened, resolved, closed), by Budapest day', () => {
    const byDay = kpiPartialOf({ tickets }, { period: 'day' });
    const day = (start: string) =>
      kpiGroups(byDay).find((g) => g.key.period?.start === start)?.totals.tickets;
    expect(day('2026-03-02T23:00:00.000Z')).toEqual({
      opened: 1,
      resolved: 0,
      resolvedEscalated: 0,
      closed: 1,
    });
    expect(day('2026-03-03T23:00:00.000Z')).toEqual({
      opened: 1,
      resolved: 1,
      resolvedEscalated: 1,
      closed: 0,
    });
  });

  it('resolved without escalation and escalation rate on tickets: t1 and t6 of 3 resolved; t2 of 3', () => {
    expect(resolvedWithoutEscalation(totals)).toEqual({ count: 2, rate: 2 / 3 });
    expect(escalationRate(totals)).toBe(1 / 3);
  });

  it('backlog and ageing at the snapshot: t3 (24 h), t4 (60 h), t5 (312 h)', () => {
    expect(backlogAgeing(backlog)).toEqual({
      asOf: '2026-03-05T12:00:00.000Z',
      count: 3,
      bands: [
        { fromHours: 0, toHours: 24, count: 1 },
        { fromHours: 24, toHours: 72, count: 1 },
        { fromHours: 72, toHours: 168, count: 0 },
        { fromHours: 168, toHours: null, count: 1 },
      ],
      medianAgeHours: 60,
      oldestAgeHours: 312,
    });
    expect(backlogAgeing(backlog, { boundsHours: [48] })?.bands).toEqual([
      { fromHours: 0, toHours: 48, count: 1 },
      { fromHours: 48, toHours: null, count: 2 },
    ]);
  });

  it('puts a snapshot taken at a period end in that period', () => {
    const byDay = kpiPartialOf({ tickets, backlogAsOf: '2026-03-04T23:00:00Z' }, { period: 'day' });
    const groups = kpiGroups(byDay).filter((g) => (g.backlog?.count ?? 0) > 0);
    expect(groups.map((g) => [g.key.period?.start, g.backlog?.count])).toEqual([
      ['2026-03-03T23:00:00.000Z', 3],
    ]);
  });
});

describe('survey KPIs', () => {
  it('CSAT: top-2-box 2 of 4 (the 5 and the 4), mean 12 / 4', () => {
    expect(customerSatisfaction(totals)).toEqual({ responses: 4, topTwoBox: 0.5, mean: 3 });
  });

  it('NPS: promoters 10 and 9, passive 8, detractors 6 and 0: 100 × (2 − 2) / 5', () => {
    expect(netPromoterScore(totals)).toEqual({
      responses: 5,
      promoters: 2,
      passives: 1,
      detractors: 2,
      score: 0,
    });
    const positive = kpiTotals(kpiPartialOf({ surveys: surveys.slice(0, 3) })).totals;
    expect(netPromoterScore(positive).score).toBeCloseTo(200 / 3, 12);
  });

  it('CES: mean (7 + 5 + 2) / 3, easy (5–7) 2 of 3', () => {
    expect(customerEffortScore(totals)).toEqual({ responses: 3, mean: 14 / 3, easyShare: 2 / 3 });
  });
});

describe('empty input', () => {
  it('gives null rates and zero counts, never NaN', () => {
    const empty = emptyKpiTotals();
    const results = [
      answerRate(empty),
      abandonmentRate(empty, { shortAbandonSeconds: 5 }),
      averageSpeedOfAnswer(empty),
      averageHandleTime(empty),
      occupancy(empty),
      utilisation(empty),
      escalationRate(empty),
      escalationRate(empty, { basis: 'contacts' }),
    ];
    expect(results).toEqual(results.map(() => null));
    expect(closedTickets(empty)).toBe(0);
    expect(resolvedRequests(empty)).toBe(0);
    expect(resolvedWithoutEscalation(empty)).toEqual({ count: 0, rate: null });
    expect(firstContactResolution(empty)).toEqual({ rate: null, met: 0, decided: 0, pending: 0 });
    expect(customerSatisfaction(empty)).toEqual({ responses: 0, topTwoBox: null, mean: null });
    expect(netPromoterScore(empty)).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
    });
    expect(customerEffortScore(empty)).toEqual({ responses: 0, mean: null, easyShare: null });
    expect(backlogAgeing(null)).toBeNull();
    expect(backlogAgeing(kpiTotals(kpiPartialOf({ backlogAsOf: ASOF })).backlog)).toMatchObject({
      count: 0,
      medianAgeHours: null,
      oldestAgeHours: null,
    });
  });

  it('gives an empty partial with no groups, and zero totals over it', () => {
    const p = kpiPartialOf({});
    expect(p.groups).toEqual({});
    expect(kpiTotals(p)).toEqual({ totals: emptyKpiTotals(), backlog: null });
  });
});

describe('options', () => {
  it('refuses an unknown basis and unknown option keys with a validation error at the option', () => {
    expect(() => escalationRate(totals, { basis: 'calls' as never })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', issues: [expect.objectContaining({ path: ['basis'] })] }),
    );
    expect(() => abandonmentRate(totals, { shortAbandon: 5 } as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => backlogAgeing(backlog, { boundsHours: [72, 24] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
