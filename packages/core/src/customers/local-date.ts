import { TZDate } from '@date-fns/tz/date';
import { format } from 'date-fns/format';

/** The calendar date (`YYYY-MM-DD`) an instant falls on in an IANA zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** `date` (`YYYY-MM-DD`) plus whole years; 29 February becomes 28 February in a common year. */
export function addYearsToDate(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
