import type { CalendarDate } from '@frontline/core';
import { formatDate, isLeapYear, partsOf } from '../calendar/calendar-day';
import { type MonthDay, monthDayOf } from '../calendar/month-day';

/**
 * The date in `year` on which the names listed for `monthDay` in the common-year calendar are celebrated.
 *
 * The leap-year rule (Mátyás ugrása): in a leap year 24 February is the leap day (szökőnap) and no name day; the
 * names of 24–28 February move one day later, to 25–29 February. Every other day is unchanged. The source
 * list has no 29 February, as the rule implies; the rule as stated by e.g. 24.hu, "Szökőnap: február 24."
 * (https://sokszinuvidek.24.hu/mozaik/2020/02/24/szokonap-februar-24-szokasok) and metropol.hu
 * (https://metropol.hu/aktualis/2026/02/szokonap-matyas-ugrasa-szokoev-februar-29): "Ezen a napon senki nem
 * ünnepel névnapot, a hagyományosan február 24-re eső Mátyás nap szökőévekben 25-re csúszik, s az utána
 * következő névnapok is csúsznak egy napot."
 * @example nameDayDateIn('02-24', 2024) // '2024-02-25' (Mátyás)
 * @category Name days
 */
export function nameDayDateIn(monthDay: MonthDay, year: number): CalendarDate {
  const { month, day } = partsOf(`2001-${monthDay}`);
  const shift = month === 2 && day >= 24 && isLeapYear(year) ? 1 : 0;
  return formatDate({ year, month, day: day + shift });
}

/**
 * The common-year calendar key whose names are celebrated on `date`, or `undefined` on the leap day
 * (24 February of a leap year), which has no name day. The inverse of {@link nameDayDateIn}.
 * @example nameDayKeyOn('2024-02-29') // '02-28'
 * @category Name days
 */
export function nameDayKeyOn(date: CalendarDate | string): MonthDay | undefined {
  const { year, month, day } = partsOf(date);
  if (month === 2 && day >= 24 && isLeapYear(year)) {
    return day === 24 ? undefined : `02-${day - 1}`;
  }
  return monthDayOf(date);
}
