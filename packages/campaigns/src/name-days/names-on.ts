import { CalendarDate, parseInput } from '@frontline/core';
import { HUNGARIAN_NAME_DAYS } from './hungarian-name-days.data';
import { nameDayKeyOn } from './name-day-date';
import type { NameDayNames } from './name-day-names';

const NONE: NameDayNames = { main: [], additional: [] };

/**
 * The Hungarian name days celebrated on a calendar date, main and additional names, with the leap-year rule
 * applied (24 February of a leap year has none; 25–29 February carry the names of 24–28 February).
 * @param date - a calendar date, `YYYY-MM-DD`; anything else is a `ValidationError` at `['date']`.
 * @example namesOn('2026-08-20').main // ['István']
 * @example namesOn('2024-02-25').main // ['Mátyás']
 * @category Name days
 */
export function namesOn(date: string): NameDayNames {
  const key = nameDayKeyOn(parseInput(CalendarDate, date, 'date', ['date']));
  return (key && HUNGARIAN_NAME_DAYS[key]) || NONE;
}
