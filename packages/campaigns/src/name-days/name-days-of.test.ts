import { dueNameDayKeys, foldGivenName, nameDaysOf } from '@frontline/campaigns';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/issue-paths';

const mainDay = (name: string, year: number) => nameDaysOf(name, year).find((d) => d.kind === 'main')?.date;

describe('nameDaysOf', () => {
  it('finds a given name with or without accents, in any case, with spaces around it', () => {
    const expected = nameDaysOf('Erzsébet', 2026);
    expect(expected.find((d) => d.kind === 'main')).toEqual({
      date: '2026-11-19',
      name: 'Erzsébet',
      kind: 'main',
    });
    for (const spelling of ['Erzsebet', 'ERZSÉBET', '  erzsébet ', 'ERZSEBET']) {
      expect(nameDaysOf(spelling, 2026)).toEqual(expected);
    }
  });

  it('folds the double acute of ő and ű', () => {
    expect(foldGivenName('Győző')).toBe('gyozo');
    expect(foldGivenName('ŰRSULA')).toBe('ursula');
    expect(mainDay('Gyozo', 2026)).toBe(mainDay('Győző', 2026));
    expect(mainDay('Gyozo', 2026)).toBeDefined();
  });

  it('marks the main day and the additional days, in date order', () => {
    const days = nameDaysOf('Mária', 2026);
    expect(days.filter((d) => d.kind === 'main').map((d) => d.date)).toContain('2026-12-08');
    expect(days.some((d) => d.kind === 'additional')).toBe(true);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });

  it('applies the leap-year rule', () => {
    expect(mainDay('Matyas', 2026)).toBe('2026-02-24');
    expect(mainDay('Matyas', 2024)).toBe('2024-02-25');
    expect(mainDay('Elemér', 2024)).toBe('2024-02-29');
  });

  it('gives an empty list, not an error, for a compound, unknown or empty name', () => {
    expect(nameDaysOf('Anna Mária', 2026)).toEqual([]);
    expect(nameDaysOf('Anna-Mária', 2026)).toEqual([]);
    expect(nameDaysOf('Kevin-Zsolt', 2026)).toEqual([]);
    expect(nameDaysOf('Xyzzy', 2026)).toEqual([]);
    expect(nameDaysOf('', 2026)).toEqual([]);
  });

  it('refuses a year outside 1000–9000 or a non-string name, naming the field', () => {
    expect(issuePaths(() => nameDaysOf('Anna', 999))).toEqual([['year']]);
    expect(issuePaths(() => nameDaysOf('Anna', 2026.5))).toEqual([['year']]);
    expect(issuePaths(() => nameDaysOf(42 as never, 2026))).toEqual([['givenName']]);
  });
});

describe('dueNameDayKeys', () => {
  it('gives the folded names due on a planning day with a lead time', () => {
    expect(dueNameDayKeys('2026-11-19')).toEqual(['erzsebet']);
    expect(dueNameDayKeys('2026-11-16', 3)).toEqual(['erzsebet']);
    expect(dueNameDayKeys('2026-12-24')).toEqual(['adam', 'eva']);
    expect(dueNameDayKeys('2024-02-24')).toEqual([]);
    expect(dueNameDayKeys('2024-02-22', 3)).toEqual(['matyas']);
    expect(dueNameDayKeys('2026-11-19', 0, 'all').length).toBeGreaterThan(5);
  });
});
