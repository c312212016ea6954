import { FrontlineError } from '@frontline/core';
import {
  kpiBarChart,
  kpiMeasureDefinition,
  kpiMeasureValue,
  kpiTable,
  kpiTrendChart,
  outcomeDoughnutChart,
  serviceLevelTrendChart,
  staffingPlanChart,
} from '@frontline/core/charts';
import {
  averageHandleTime,
  kpiGroups,
  kpiPartialOf,
  kpiTotals,
  serviceLevel,
  staffingPlan,
} from '@frontline/core/kpi';
import { simulatedWeek } from '@frontline/testing/kpi';
import { describe, expect, it } from 'vitest';

const timeZone = 'Europe/Budapest';
const week = simulatedWeek();
const rows = { contacts: week.contacts, sessions: week.sessions, surveys: week.surveys };
const daily = kpiPartialOf(rows, { period: 'day', by: ['queue'], timeZone });
const agents = kpiPartialOf(rows, { period: null, by: ['agent'], timeZone });
const sl = { thresholdSeconds: 20, variant: 'answered-and-abandoned', target: 0.8 } as const;

function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    return ((error as FrontlineError).details.issues as { path: (string | number)[] }[]).map((i) =>
      i.path.join('.'),
    );
  }
  throw new Error('expected a ValidationError');
}

describe('serviceLevelTrendChart', () => {
  const config = serviceLevelTrendChart({
    groups: kpiGroups(daily),
    timeZone,
    options: { serviceLevel: sl },
  });

  it('draws the service level per local day against a dashed target line', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual([
      'Mon 2 Mar',
      'Tue 3 Mar',
      'Wed 4 Mar',
      'Thu 5 Mar',
      'Fri 6 Mar',
      'Sat 7 Mar',
    ]);
    const [line, target] = config.data.datasets;
    const mondayStart = '2026-03-01T23:00:00.000Z';
    const monday = kpiTotals(daily, (key) => key.period?.start === mondayStart).totals;
    expect(line?.data[0]).toBe(
      Math.round(serviceLevel(monday, { thresholdSeconds: 20, variant: 'answered-and-abandoned' })! * 1000) /
        10,
    );
    expect(target?.data).toEqual([80, 80, 80, 80, 80, 80]);
    expect(target?.borderDash).toEqual([6, 4]);
    expect(config.options?.plugins?.title?.text).toBe('Service level: 80% answered within 20 s');
    expect(config.options?.scales?.y).toMatchObject({ min: 0, max: 100 });
  });

  it('is plain JSON (it can be written into a page)', () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it('draws a line per queue, leaving out values that have no figure in any period', () => {
    const byQueue = serviceLevelTrendChart({ groups: kpiGroups(daily), by: 'queue', timeZone });
    expect(byQueue.data.datasets.map((d) => d.label)).toEqual([
      'billing',
      'sales',
      'technical',
      'Target 80%',
    ]);
  });

  it('refuses groups without a period and thresholds the histograms cannot count', () => {
    expect(issuePaths(() => serviceLevelTrendChart({ groups: kpiGroups(agents), timeZone }))).toEqual([
      'groups.0.key.period',
    ]);
    expect(
      issuePaths(() =>
        serviceLevelTrendChart({
          groups: [],
          timeZone,
          options: { serviceLevel: { thresholdSeconds: 20.5 } },
        }),
      ),
    ).toEqual(['options.serviceLevel.thresholdSeconds']);
    expect(
      issuePaths(() => kpiTrendChart({ groups: [], measure: 'speed' as never, timeZone: 'Mars/Olympus' })),
    ).toEqual(['measure', 'timeZone']);
  });

  it('labels 15-minute periods by time of day within one day', () => {
    const monday = week.contacts.filter(
      (c) => new Date(c.offeredAt).getTime() < week.from.getTime() + 86_400_000,
    );
    const quarter = kpiPartialOf({ contacts: monday }, { period: '15min', timeZone });
    const chart = kpiTrendChart({ groups: kpiGroups(quarter), measure: 'offered', timeZone });
    expect(chart.data.labels?.[0]).toBe('08:00');
    expect(chart.data.datasets).toHaveLength(1);
  });
});

describe('kpiBarChart', () => {
  it('draws AHT and answered per agent on two axes', () => {
    const config = kpiBarChart({ groups: kpiGroups(agents), measures: ['averageHandleTime', 'answered'] });
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['anna', 'bence', 'csilla', 'daniel', 'eszter', 'ferenc']);
    const [aht, answered] = config.data.datasets;
    const anna = kpiTotals(agents, (key) => key.agent === 'anna').totals;
    expect(aht?.data[0]).toBe(Math.round(averageHandleTime(anna)! * 10) / 10);
    expect(answered?.data[0]).toBe(anna.contacts.answered);
    expect(aht?.yAxisID).toBe('y');
    expect(answered?.yAxisID).toBe('y1');
    expect(config.options?.scales?.y1).toMatchObject({ position: 'right' });
  });

  it('shows the groups without an agent only under a label it is given', () => {
    const groups = kpiGroups(agents);
    expect(groups.some((g) => g.key.agent === null)).toBe(true);
    const withNone = kpiBarChart({
      groups,
      measures: ['offered'],
      noneLabel: 'Unassigned',
      horizontal: true,
    });
    expect(withNone.data.labels).toContain('Unassigned');
    expect(withNone.options?.indexAxis).toBe('y');
    expect(withNone.data.datasets[0]?.xAxisID).toBe('x');
  });

  it('takes one or two distinct measures', () => {
    expect(issuePaths(() => kpiBarChart({ groups: [], measures: [] }))).toEqual(['measures']);
    expect(issuePaths(() => kpiBarChart({ groups: [], measures: ['answered', 'answered'] }))).toEqual([
      'measures',
    ]);
  });
});

describe('outcomeDoughnutChart', () => {
  it('splits every inbound contact into one outcome', () => {
    const { totals } = kpiTotals(daily);
    const config = outcomeDoughnutChart({ totals, options: { serviceLevel: sl, shortAbandonSeconds: 5 } });
    expect(config.data.labels).toEqual([
      'Answered within 20 s',
      'Answered after 20 s',
      'Abandoned within 5 s',
      'Abandoned after 5 s',
    ]);
    const data = config.data.datasets[0]!.data;
    expect(data.reduce((a, b) => a + b, 0)).toBe(totals.contacts.offered);
    expect(data[0]! + data[1]!).toBe(totals.contacts.answered);
    expect(data.every((n) => n > 0)).toBe(true);
  });
});

describe('kpiTable and the measures', () => {
  it('has a row per agent and a total row equal to the KPIs of all groups', () => {
    const table = kpiTable({
      title: 'Agents',
      groups: kpiGroups(agents),
      rows: 'agent',
      timeZone,
      measures: ['handled', 'averageHandleTime', 'serviceLevel'],
    });
    expect(table.rowHeader).toBe('Agent');
    expect(table.rows.map((r) => r.label)).toEqual(['anna', 'bence', 'csilla', 'daniel', 'eszter', 'ferenc']);
    const all = kpiTotals(agents).totals;
    expect(table.total?.values).toEqual([
      all.contacts.handled,
      averageHandleTime(all),
      serviceLevel(all, { thresholdSeconds: 20, variant: 'answered-and-abandoned' }),
    ]);
    expect(table.columns[2]?.formula).toContain('answered within 20 s / (answered + abandoned)');
  });

  it('names each formula with the options in force', () => {
    expect(
      kpiMeasureDefinition('serviceLevel', {
        serviceLevel: {
          thresholdSeconds: 30,
          variant: 'short-abandons-excluded',
          shortAbandonSeconds: 10,
          target: 0.9,
        },
      }).formula,
    ).toBe(
      'answered within 30 s / (answered + abandoned − abandoned within 10 s), inbound contacts (variant short-abandons-excluded); target 90%',
    );
    expect(kpiMeasureDefinition('abandonmentRate', { shortAbandonSeconds: 0 }).formula).toBe(
      'abandoned / offered (inbound)',
    );
    expect(kpiMeasureValue(kpiTotals(daily).totals, 'offered')).toBe(week.contacts.length);
  });
});

describe('staffingPlanChart', () => {
  it('draws agents to schedule, agents on the phones and the predicted service level against its target', () => {
    const plan = staffingPlan({
      model: 'erlang-c',
      shrinkage: 0.3,
      targets: { serviceLevel: { target: 0.8, thresholdSeconds: 20 } },
      intervals: [0, 1, 2].map((k) => ({
        start: new Date(Date.parse('2026-03-09T07:00:00Z') + k * 30 * 60_000),
        minutes: 30 as const,
        offeredCalls: [40, 80, 60][k]!,
        ahtSeconds: 300,
      })),
    });
    const config = staffingPlanChart({ plan, timeZone, target: 0.8 });
    expect(config.data.labels).toEqual(['08:00', '08:30', '09:00']);
    const [scheduled, agentsLine, predicted, target] = config.data.datasets;
    expect(scheduled).toMatchObject({ type: 'bar', data: plan.intervals.map((t) => t.scheduledAgents) });
    expect(agentsLine).toMatchObject({ type: 'line', data: plan.intervals.map((t) => t.agents) });
    expect(predicted?.yAxisID).toBe('y1');
    expect(predicted?.data.every((v) => v !== null && v >= 80)).toBe(true);
    expect(target?.data).toEqual([80, 80, 80]);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});
