import { type CalendarDate, parseInput } from '@frontline/core';
import { z } from 'zod';
import { Year } from '../calendar/year';
import { foldGivenName } from './fold-given-name';
import { nameDayDateIn } from './name-day-date';
import { listingsOf } from './name-day-index';

/**
 * One name day of a given name in a year.
 * @category Name days
 */
export interface NameDay {
  /** When it is celebrated that year (the leap-year rule applied). */
  readonly date: CalendarDate;
  /** The name as the calendar spells it (with its accents), whatever spelling was asked for. */
  readonly name: string;
  /** `'main'` for the name's main name day (fő névnap), `'additional'` for its other days. */
  readonly kind: 'main' | 'additional';
}

const Input = z.object({ givenName: z.string().max(200), year: Year });

/**
 * The Hungarian name days of a customer's given name in `year`, main and additional, in date order.
 *
 * The name is matched whatever its case, accents and surrounding spaces (`Erzsébet`, `Erzsebet`, ` ERZSÉBET `
 * all match; see {@link foldGivenName}). Matching is of one whole given name: a compound or double name
 * (`Anna Mária`, `Anna-Mária`), a nickname the calendar does not list, or an empty string gives an empty
 * list, not an error — split a customer's given names and ask for each.
 * @example nameDaysOf('Erzsebet', 2026).find((d) => d.kind === 'main') // { date: '2026-11-19', name: 'Erzsébet', kind: 'main' }
 * @category Name days
 */
export function nameDaysOf(givenName: string, year: number): NameDay[] {
  const input = parseInput(Input, { givenName, year }, 'name-day query');
  return listingsOf(foldGivenName(input.givenName))
    .map(({ monthDay, name, kind }) => ({ date: nameDayDateIn(monthDay, input.year), name, kind }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
