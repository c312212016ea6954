import { addDaysToDate, HUNGARIAN_NAME_DAYS, isLeapYear, nameDayDateIn, namesOn } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/issue-paths';

const daysOf = (year: number) => {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDaysToDate(d, 1)) days.push(d);
  return days;
};

describe('the Hungarian name-day calendar', () => {
  it('has the well-known main names on their days', () => {
    expect(namesOn('2026-01-01').main).toEqual(['Fruzsina']);
    expect(namesOn('2026-08-20').main).toEqual(['István']);
    expect(namesOn('2026-11-19').main).toEqual(['Erzsébet']);
    expect(namesOn('2026-12-06').main).toEqual(['Miklós']);
    expect(namesOn('2026-12-24').main).toEqual(['Ádám', 'Éva']);
    expect(namesOn('2026-03-15').main).toEqual(['Kristóf']);
    expect(namesOn('2026-12-08').main).toEqual(['Mária']);
  });

  it('lists additional names beside the main ones', () => {
    expect(namesOn('2026-01-01').additional).toContain('Álmos');
    expect(namesOn('2026-11-21').additional).toContain('Mária');
    expect(namesOn('2026-08-20').additional).toContain('Vajk');
  });

  it('celebrates Mátyás on 24 February in a common year and on 25 February in a leap year', () => {
    expect(namesOn('2026-02-24').main).toEqual(['Mátyás']);
    expect(namesOn('2024-02-24')).toEqual({ main: [], additional: [] });
    expect(namesOn('2024-02-25').main).toEqual(['Mátyás']);
    expect(namesOn('2024-02-29').main).toEqual(['Elemér']);
    expect(namesOn('2024-02-23').main).toEqual(['Alfréd']);
    expect(namesOn('2024-03-01').main).toEqual(['Albin']);
    expect(namesOn('2000-02-25').main).toEqual(['Mátyás']);
    expect(namesOn('2100-02-24').main).toEqual(['Mátyás']);
  });

  it('gives every day of a common year names, and every day of a leap year but 24 February', () => {
    expect(Object.keys(HUNGARIAN_NAME_DAYS)).toHaveLength(365);
    for (const day of daysOf(2026)) expect(namesOn(day).main.length, day).toBeGreaterThan(0);
    const leap = daysOf(2024);
    expect(leap).toHaveLength(366);
    const empty = leap.filter((day) => namesOn(day).main.length === 0);
    expect(empty).toEqual(['2024-02-24']);
  });

  it('loses and duplicates no name when it shifts a leap year', () => {
    const listings = (year: number) =>
      daysOf(year)
        .flatMap((day) => [...namesOn(day).main.map((n) => `*${n}`), ...namesOn(day).additional])
        .sort();
    expect(listings(2024)).toEqual(listings(2026));
  });

  it('follows the leap-year rule for every day of any year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2400 }),
        fc.constantFrom(...Object.keys(HUNGARIAN_NAME_DAYS)),
        (year, monthDay) => {
          const date = nameDayDateIn(monthDay, year);
          const shifted = isLeapYear(year) && monthDay >= '02-24' && monthDay <= '02-28';
          expect(date).toBe(shifted ? addDaysToDate(`${year}-${monthDay}`, 1) : `${year}-${monthDay}`);
          expect(namesOn(date)).toBe(HUNGARIAN_NAME_DAYS[monthDay]);
        },
      ),
    );
  });

  it('refuses a date that is not a calendar date, at its path', () => {
    expect(issuePaths(() => namesOn('2026-02-30'))).toEqual([['date']]);
    expect(issuePaths(() => namesOn('24 Feb'))).toEqual([['date']]);
  });
});
