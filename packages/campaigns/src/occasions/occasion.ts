import type { CalendarDate } from '@frontline/core';
import type { AnniversaryKind } from './occasion-customer';

/** What every occasion carries. */
interface OccasionDates {
  /** The occasion's own day in the customer's calendar (the birthday, the name day). */
  readonly date: CalendarDate;
  /** The day it is due: `date` minus the lead time. */
  readonly dueDate: CalendarDate;
}

/**
 * A birthday; `number` is which one (the age reached).
 * @category Occasions
 */
export interface BirthdayOccasion extends OccasionDates {
  readonly kind: 'birthday';
  readonly number: number;
}

/**
 * A name day (névnap) of one of the customer's given names.
 * @category Occasions
 */
export interface NameDayOccasion extends OccasionDates {
  readonly kind: 'nameDay';
  /** The name as the calendar spells it. */
  readonly name: string;
  /** Whether this is the name's main name day or one of its additional days. */
  readonly nameDayKind: 'main' | 'additional';
}

/**
 * The yearly return of a contract start, a customer-since date or a custom date; `number` is which one.
 * @category Occasions
 */
export interface AnniversaryOccasion extends OccasionDates {
  readonly kind: 'anniversary';
  readonly anniversaryKind: AnniversaryKind;
  /** The date it counts from. */
  readonly since: CalendarDate;
  readonly number: number;
  readonly label?: string;
}

/**
 * An occasion to contact a customer, discriminated by `kind`.
 * @category Occasions
 */
export type Occasion = BirthdayOccasion | NameDayOccasion | AnniversaryOccasion;
