import type { CalendarDate } from '@frontline/core';
import { addDaysToDate, partsOf } from '../calendar/calendar-day';
import { yearlyDateIn } from '../calendar/yearly-date';
import { foldGivenName } from '../name-days/fold-given-name';
import { nameDayDateIn } from '../name-days/name-day-date';
import { listingsOf } from '../name-days/name-day-index';
import type { Occasion } from './occasion';
import type { OccasionCustomer } from './occasion-customer';
import type { OccasionOptions } from './occasion-options';

/** The occasions due on `dueDate` for validated input: the one rule behind every public occasion query. */
export function occasionsOfDay(dueDate: CalendarDate, c: OccasionCustomer, o: OccasionOptions): Occasion[] {
  const date = addDaysToDate(dueDate, o.leadDays);
  const { year } = partsOf(date);
  const found: Occasion[] = [];
  if (c.birthDate) {
    const number = year - partsOf(c.birthDate).year;
    if (number > 0 && yearlyDateIn(c.birthDate, year, o.leapDayPolicy) === date) {
      found.push({ kind: 'birthday', date, dueDate, number });
    }
  }
  if (o.nameDays !== 'none') {
    const folded = new Set(c.givenNames.map(foldGivenName));
    for (const key of folded) {
      for (const { monthDay, name, kind } of listingsOf(key)) {
        if (kind === 'additional' && o.nameDays === 'main') continue;
        if (nameDayDateIn(monthDay, year) === date) {
          found.push({ kind: 'nameDay', date, dueDate, name, nameDayKind: kind });
        }
      }
    }
  }
  for (const a of c.anniversaries) {
    const number = year - partsOf(a.date).year;
    if (number > 0 && yearlyDateIn(a.date, year, o.leapDayPolicy) === date) {
      found.push({
        kind: 'anniversary',
        date,
        dueDate,
        anniversaryKind: a.kind,
        since: a.date,
        number,
        ...(a.label === undefined ? {} : { label: a.label }),
      });
    }
  }
  return found;
}
