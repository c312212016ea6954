import {
  type OccasionCustomerInput,
  occasionsBetween,
  occasionsDueAt,
  occasionsOn,
} from '@frontline/campaigns';
import { describe, expect, it } from 'vitest';
import { issuePaths as pathsOf } from '../../test/issue-paths';

describe('occasionsOn', () => {
  const erzsebet = { givenNames: ['Erzsebet'], birthDate: '1980-11-19' };

  it('finds the birthday and the main name day on their day, with which birthday it is', () => {
    expect(occasionsOn('2026-11-19', erzsebet)).toEqual([
      { kind: 'birthday', date: '2026-11-19', dueDate: '2026-11-19', number: 46 },
      { kind: 'nameDay', date: '2026-11-19', dueDate: '2026-11-19', name: 'Erzsébet', nameDayKind: 'main' },
    ]);
    expect(occasionsOn('2026-11-18', erzsebet)).toEqual([]);
  });

  it('makes an occasion due lead days before its date, not on it', () => {
    expect(occasionsOn('2026-11-16', erzsebet, { leadDays: 3 }).map((o) => [o.kind, o.date])).toEqual([
      ['birthday', '2026-11-19'],
      ['nameDay', '2026-11-19'],
    ]);
    expect(occasionsOn('2026-11-19', erzsebet, { leadDays: 3 })).toEqual([]);
    expect(occasionsOn('2026-12-29', { birthDate: '1990-01-01' }, { leadDays: 3 })).toEqual([
      { kind: 'birthday', date: '2027-01-01', dueDate: '2026-12-29', number: 37 },
    ]);
  });

  it('gives additional name days only when asked, and none when told', () => {
    const additional = occasionsOn('2026-11-17', erzsebet, { nameDays: 'all' });
    expect(additional).toEqual([
      {
        kind: 'nameDay',
        date: '2026-11-17',
        dueDate: '2026-11-17',
        name: 'Erzsébet',
        nameDayKind: 'additional',
      },
    ]);
    expect(occasionsOn('2026-11-17', erzsebet)).toEqual([]);
    expect(occasionsOn('2026-11-19', erzsebet, { nameDays: 'none' }).map((o) => o.kind)).toEqual([
      'birthday',
    ]);
  });

  it('celebrates a name once even when it is given twice, and each of two given names', () => {
    expect(occasionsOn('2026-11-19', { givenNames: ['Erzsébet', 'ERZSEBET'] })).toHaveLength(1);
    expect(
      occasionsOn('2026-12-24', { givenNames: ['Éva', 'Ádám'] }).map((o) => o.kind === 'nameDay' && o.name),
    ).toEqual(['Éva', 'Ádám']);
  });

  it('numbers contract, customer-since and custom anniversaries and keeps their label', () => {
    const customer: OccasionCustomerInput = {
      anniversaries: [
        { kind: 'contract', date: '2021-06-01', label: 'Premium' },
        { kind: 'customerSince', date: '2016-06-01' },
        { kind: 'custom', date: '2026-06-01' },
      ],
    };
    expect(occasionsOn('2026-06-01', customer)).toEqual([
      {
        kind: 'anniversary',
        date: '2026-06-01',
        dueDate: '2026-06-01',
        anniversaryKind: 'contract',
        since: '2021-06-01',
        number: 5,
        label: 'Premium',
      },
      {
        kind: 'anniversary',
        date: '2026-06-01',
        dueDate: '2026-06-01',
        anniversaryKind: 'customerSince',
        since: '2016-06-01',
        number: 10,
      },
    ]);
  });

  it('gives no birthday on the birth date itself or before it', () => {
    expect(occasionsOn('2026-05-01', { birthDate: '2026-05-01' })).toEqual([]);
    expect(occasionsOn('2025-05-01', { birthDate: '2026-05-01' })).toEqual([]);
  });

  it('puts a 29 February birthday on 28 February or 1 March of a common year, as the policy says', () => {
    const leapling = { birthDate: '2000-02-29' };
    const days = (from: string, to: string, policy?: 'feb28' | 'mar1') =>
      occasionsBetween(from, to, leapling, policy ? { leapDayPolicy: policy } : {}).map((o) => o.date);
    expect(days('2026-01-01', '2026-12-31')).toEqual(['2026-02-28']);
    expect(days('2026-01-01', '2026-12-31', 'mar1')).toEqual(['2026-03-01']);
    expect(days('2028-01-01', '2028-12-31', 'mar1')).toEqual(['2028-02-29']);
    expect(days('2099-01-01', '2101-12-31', 'feb28')).toEqual(['2099-02-28', '2100-02-28', '2101-02-28']);
  });

  it('refuses bad input at its path, unknown keys included', () => {
    expect(pathsOf(() => occasionsOn('2026-02-30', {}))).toEqual([['date']]);
    expect(pathsOf(() => occasionsOn('2026-01-01', { birthDate: '1990-13-01' }))).toEqual([
      ['customer', 'birthDate'],
    ]);
    expect(pathsOf(() => occasionsOn('2026-01-01', { nickname: 'Bözsi' } as never))).toEqual([['customer']]);
    expect(pathsOf(() => occasionsOn('2026-01-01', {}, { leadDays: -1 }))).toEqual([['options', 'leadDays']]);
    expect(
      pathsOf(() =>
        occasionsOn('2026-01-01', { anniversaries: [{ kind: 'wedding', date: '2020-01-01' }] } as never),
      ),
    ).toEqual([['customer', 'anniversaries', 0, 'kind']]);
  });
});

describe('occasionsDueAt', () => {
  const birthday = { birthDate: '1990-03-02' };

  it("uses the customer's zone to decide which day it is", () => {
    const instant = new Date('2026-03-01T23:30:00Z');
    expect(occasionsDueAt(instant, { ...birthday, timeZone: 'Europe/Budapest' })).toHaveLength(1);
    expect(occasionsDueAt(instant, { ...birthday, timeZone: 'America/Los_Angeles' })).toEqual([]);
    expect(occasionsDueAt(instant, birthday)).toHaveLength(1); // Europe/Budapest by default
    expect(
      occasionsDueAt(new Date('2026-03-02T08:00:00Z'), { ...birthday, timeZone: 'America/Los_Angeles' }),
    ).toHaveLength(1);
  });

  it("refuses an unknown zone at the customer's timeZone", () => {
    expect(pathsOf(() => occasionsDueAt(new Date(), { timeZone: 'Europe/Budapets' }))).toEqual([
      ['customer', 'timeZone'],
    ]);
  });
});

describe('occasionsBetween', () => {
  it('refuses a period that runs backwards or is longer than ten years', () => {
    expect(pathsOf(() => occasionsBetween('2026-02-01', '2026-01-01', {}))).toEqual([['to']]);
    expect(pathsOf(() => occasionsBetween('2026-01-01', '2036-12-31', {}))).toEqual([['to']]);
  });
});
