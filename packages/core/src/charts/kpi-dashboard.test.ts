import { FrontlineError } from '@frontline/core';
import { type KpiDashboardInput, kpiDashboard, type PlainChartConfiguration } from '@frontline/core/charts';
import {
  type KpiContactInput,
  type KpiGroupingInput,
  kpiPartialOf,
  settleFirstContacts,
} from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const timeZone = 'Europe/Budapest';
const s = 1000;
/** Budapest is UTC+1 in early March: 08:00 local is 07:00Z. */
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs);
const answered = (
  id: string,
  offered: string,
  waitS: number,
  agentId: string,
  queue: string,
  talkS: number,
  wrapUpS = 0,
): KpiContactInput => ({
  id,
  customerId: `cust-${id}`,
  channel: 'phone',
  queue,
  agentId,
  offeredAt: at(offered),
  answeredAt: at(offered, waitS * s),
  endedAt: at(offered, (waitS + talkS) * s),
  talkMs: talkS * s,
  wrapUpMs: wrapUpS * s,
  resolved: true,
});
const contacts: KpiContactInput[] = [
  answered('c1', '2026-03-02T07:00:00Z', 10, 'anna', 'billing', 200, 20), // Mon 08:00, within 20 s
  answered('c2', '2026-03-02T07:10:00Z', 30, 'bence', 'technical', 100), // Mon 08:10, after 20 s
  {
    id: 'c3',
    channel: 'phone',
    queue: 'billing',
    offeredAt: at('2026-03-02T07:40:00Z'), // Mon 08:40, hung up after 40 s
    abandonedAt: at('2026-03-02T07:40:40Z'),
    endedAt: at('2026-03-02T07:40:40Z'),
  },
  answered('c4', '2026-03-03T08:00:00Z', 5, 'anna', 'technical', 300), // Tue 09:00
];
const partial = (grouping: KpiGroupingInput, rows = contacts) =>
  settleFirstContacts(kpiPartialOf({ contacts: rows }, { timeZone, ...grouping }), {
    completeThrough: at('2026-03-09T00:00:00Z'),
  });
const input = (): KpiDashboardInput => ({
  daily: partial({ period: 'day', by: ['queue'] }),
  intraday: partial({ period: '30min' }),
  agents: partial({ period: null, by: ['agent'] }),
  timeZone,
  options: { serviceLevel: { thresholdSeconds: 20, variant: 'answered-and-abandoned', target: 0.8 } },
  generatedAt: at('2026-03-09T07:00:00Z'),
  staffing: {},
});

const dataOf = (config: PlainChartConfiguration) =>
  (config.data.datasets as { label?: string; data: unknown[] }[]).map((d) => ({
    label: d.label,
    data: d.data,
  }));
const titleOf = (config: PlainChartConfiguration) =>
  (config.options as { plugins?: { title?: { text?: string } } } | undefined)?.plugins?.title?.text;

describe('kpiDashboard', () => {
  const report = kpiDashboard(input());
  const [days, agents, queues] = report.tables;
  const charts = report.dashboard.sections.flatMap((section) => section.charts ?? []);

  it('tables the days, agents and queues with their figures', () => {
    expect(days!.rows.map((r) => r.label)).toEqual(['Mon 2 Mar', 'Tue 3 Mar']);
    const column = (table: typeof days, measure: string) =>
      table!.columns.findIndex((c) => c.measure === measure);
    expect(days!.rows.map((r) => r.values[column(days, 'offered')])).toEqual([3, 1]);
    expect(days!.rows.map((r) => r.values[column(days, 'abandoned')])).toEqual([1, 0]);
    expect(days!.rows[0]!.values[column(days, 'serviceLevel')]).toBeCloseTo(1 / 3, 12);
    expect(days!.total?.values[column(days, 'serviceLevel')]).toBeCloseTo(2 / 4, 12);
    expect(agents!.rows.map((r) => [r.label, r.values[column(agents, 'handled')]])).toEqual([
      ['anna', 2],
      ['bence', 1],
    ]);
    // anna: (200 s + 20 s wrap-up + 300 s) / 2
    expect(agents!.rows[0]!.values[column(agents, 'averageHandleTime')]).toBe(260);
    // no agent sessions, no surveys: no occupancy, CSAT or NPS columns
    expect(agents!.columns.map((c) => c.measure)).toEqual([
      'handled',
      'averageHandleTime',
      'firstContactResolution',
    ]);
    expect(queues!.rows.map((r) => [r.label, r.values[column(queues, 'offered')]])).toEqual([
      ['billing', 2],
      ['technical', 2],
    ]);
  });

  it('charts the service level per day, calls per hour and the outcomes', () => {
    expect(charts.map((c) => titleOf(c.config))).toEqual([
      'Service level: 80% answered within 20 s',
      'Service level by queue',
      'Calls offered per hour',
      'AHT and Answered by agent',
      'Staffing plan for 9 March 2026',
      'Outcomes of 4 inbound contacts',
    ]);
    expect(dataOf(charts[0]!.config)[0]).toEqual({ label: 'Service level (20 s)', data: [33.3, 100] });
    // the half hours 08:00 and 08:30 on Monday add up to the hour
    expect(charts[2]!.config.data.labels).toEqual(['Mon 2, 08:00', 'Tue 3, 09:00']);
    expect(dataOf(charts[2]!.config)[0]!.data).toEqual([3, 1]);
    const slices = dataOf(charts[5]!.config)[0]!.data as number[];
    expect(slices.reduce((a, b) => a + b, 0)).toBe(4);
    expect(Object.keys(report.pngCharts)).toEqual([
      'service-level.png',
      'agents.png',
      'outcomes.png',
      'staffing.png',
    ]);
    expect(report.dashboard).toMatchObject({
      title: 'Contact centre — 2 March 2026 to 3 March 2026',
      subtitle: '4 calls offered over 2 days',
    });
    expect(report.period).toEqual({
      from: at('2026-03-01T23:00:00Z'),
      to: at('2026-03-03T23:00:00Z'),
      days: 2,
    });
  });

  it("plans next Monday from the weekdays' half hours with the estimated patience", () => {
    expect(
      report.staffing!.intervals.map((t) => [t.start.toISOString(), t.minutes, t.offeredCalls, t.ahtSeconds]),
    ).toEqual([
      // two weekdays seen: Monday's 08:00 half hour had 2 calls, 08:30 one; Tuesday's 09:00 one
      ['2026-03-09T07:00:00.000Z', 30, 1, 620 / 3],
      ['2026-03-09T07:30:00.000Z', 30, 0.5, 620 / 3],
      ['2026-03-09T08:00:00.000Z', 30, 0.5, 620 / 3],
    ]);
    // (10 + 30 + 5 s answered waits + 40 s abandoned wait) / 1 abandon
    expect(report.dashboard.sections[2]!.description).toContain('mean patience 85 s (estimated)');
  });

  it('forecasts no slot from a half hour with only a survey in it', () => {
    const late = { id: 's-late', answeredAt: at('2026-03-02T17:10:00Z'), agentId: 'anna', csat: 4 }; // 18:10
    const intraday = settleFirstContacts(
      kpiPartialOf({ contacts, surveys: [late] }, { timeZone, period: '30min' }),
      { completeThrough: at('2026-03-09T00:00:00Z') },
    );
    const plan = kpiDashboard({ ...input(), intraday }).staffing!;
    expect(plan.intervals.map((t) => t.start.toISOString())).toEqual([
      '2026-03-09T07:00:00.000Z',
      '2026-03-09T07:30:00.000Z',
      '2026-03-09T08:00:00.000Z',
    ]);
  });

  it('plans a day after the change to summer time at its local wall-clock times', () => {
    const after = kpiDashboard({ ...input(), staffing: { day: at('2026-03-30T10:00:00Z'), shrinkage: 0 } });
    expect(after.staffing!.intervals[0]!.start.toISOString()).toBe('2026-03-30T06:00:00.000Z'); // 08:00 CEST
  });

  it('adds occupancy and survey columns when the partials hold sessions and surveys', () => {
    const rows = {
      contacts,
      sessions: [
        {
          agentId: 'anna',
          from: at('2026-03-02T07:00:00Z'),
          to: at('2026-03-02T08:00:00Z'),
          onCallMs: 200 * s,
          wrapUpMs: 20 * s,
          availableMs: 3000 * s,
          breakMs: 0,
        },
      ],
      surveys: [{ id: 's1', answeredAt: at('2026-03-02T07:10:00Z'), agentId: 'anna', csat: 5, nps: 10 }],
    };
    const agents = settleFirstContacts(kpiPartialOf(rows, { timeZone, period: null, by: ['agent'] }), {
      completeThrough: at('2026-03-09T00:00:00Z'),
    });
    const withSessions = kpiDashboard({ ...input(), agents });
    expect(withSessions.tables[1]!.columns.map((c) => c.measure)).toEqual([
      'handled',
      'averageHandleTime',
      'occupancy',
      'firstContactResolution',
      'customerSatisfaction',
      'netPromoterScore',
    ]);
    expect(withSessions.dashboard.sections[1]!.charts).toHaveLength(2);
  });

  it('leaves the staffing plan out unless asked', () => {
    const { staffing, ...rest } = input();
    const plain = kpiDashboard(rest);
    expect(plain.staffing).toBeUndefined();
    expect(plain.dashboard.sections.map((section) => section.title)).toEqual([
      'Service level',
      'Agents',
      'Outcomes',
    ]);
  });

  it.each([
    ['daily', { daily: partial({ period: '60min', by: ['queue'] }) }, ['daily', 'grouping', 'period']],
    ['daily', { daily: partial({ period: 'day' }) }, ['daily', 'grouping', 'by']],
    ['intraday', { intraday: partial({ period: '60min' }) }, ['intraday', 'grouping', 'period']],
    ['agents', { agents: partial({ period: null }) }, ['agents', 'grouping', 'by']],
    ['time zone', { timeZone: 'Europe/Vienna' }, ['daily', 'grouping', 'timeZone']],
    ['empty', { daily: partial({ period: 'day', by: ['queue'] }, []) }, ['daily', 'groups']],
    ['partial', { agents: { version: 2 } }, ['agents', 'version']],
    ['staffing', { staffing: { shrinkage: 1 } }, ['staffing', 'shrinkage']],
    ['unknown key', { colour: 'red' }, []],
  ])('refuses a bad %s with a ValidationError naming the field', (_, change, path) => {
    try {
      kpiDashboard({ ...input(), ...change } as KpiDashboardInput);
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      const issues = (error as FrontlineError).details.issues as { path: unknown[] }[];
      expect(issues.map((issue) => issue.path)).toContainEqual(path);
    }
  });
});
