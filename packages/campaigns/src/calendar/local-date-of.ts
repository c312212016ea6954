import { type CalendarDate, Instant, parseInput, TimeZone } from '@frontline/core';
import { z } from 'zod';

const Input = z.object({ instant: Instant, timeZone: TimeZone });

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'iso8601',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar date an instant falls on in an IANA time zone: the customer's "today". Instants are compared in
 * UTC; only this function turns them into a local date, so a birthday greeting is due on the customer's day,
 * not the server's.
 * @param instant - a `Date` or an ISO-8601 string with an offset.
 * @param timeZone - an IANA zone (`Europe/Budapest`); an unknown zone is a `ValidationError` at `['timeZone']`.
 * @example localDateOf(new Date('2026-03-28T23:30:00Z'), 'Europe/Budapest') // '2026-03-29'
 * @category Calendar
 */
export function localDateOf(instant: Date | string, timeZone: string): CalendarDate {
  const input = parseInput(Input, { instant, timeZone }, 'local date query');
  const parts = formatIn(input.timeZone).formatToParts(input.instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}` as CalendarDate;
}
