import type { MonthDay } from '../calendar/month-day';
import { foldGivenName } from './fold-given-name';
import { HUNGARIAN_NAME_DAYS } from './hungarian-name-days.data';

/** One place a name stands in the common-year calendar. */
export interface NameDayListing {
  readonly monthDay: MonthDay;
  /** The name as the calendar spells it. */
  readonly name: string;
  readonly kind: 'main' | 'additional';
}

let index: Map<string, NameDayListing[]> | undefined;

/** The calendar's listings of a folded given name (built once, on first use). */
export function listingsOf(folded: string): readonly NameDayListing[] {
  if (!index) {
    index = new Map();
    for (const [monthDay, names] of Object.entries(HUNGARIAN_NAME_DAYS)) {
      for (const kind of ['main', 'additional'] as const) {
        for (const name of names[kind]) {
          const key = foldGivenName(name);
          const listings = index.get(key) ?? [];
          listings.push({ monthDay, name, kind });
          index.set(key, listings);
        }
      }
    }
  }
  return index.get(folded) ?? [];
}
