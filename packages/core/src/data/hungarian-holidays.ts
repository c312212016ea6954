/**
 * Hungarian public holidays (munkaszüneti napok) and the government's swapped days (áthelyezett munkanapok), as
 * data, for 2020–2027.
 *
 * Sources, each public law (Hungarian legal texts are free of copyright: Szjt., 1999. évi LXXVI. törvény 1. § (4)
 * — "Nem tartozik a szerzői jogi védelem alá a jogszabály …"), read from Magyar Közlöny / njt.hu:
 * - Public holidays: a munka törvénykönyvéről szóló 2012. évi I. törvény (Mt.) 102. § (1): január 1., március 15.,
 *   nagypéntek, húsvéthétfő, május 1., pünkösdhétfő, augusztus 20., október 23., november 1., december 25–26.
 *   Good Friday since 24 March 2017 (2017. évi XIII. törvény). Easter Sunday and Whit Sunday are listed too: they
 *   always fall on a Sunday, so they only matter to a calendar open on Sundays, which closes on them (a host that
 *   works them adds them back as extra working days).
 * - December 24 is NOT a public holiday under the Mt. in any year shipped here (bills to add it failed in 2023 and
 *   2024; as of December 2025 it was still only a decreed rest day). Where a decree made it a rest day, it appears
 *   below as a swap.
 * - Swapped days: the yearly ministerial decree "a(z) <év>. évi munkaszüneti napok körüli munkarendről", issued
 *   under Mt. 102. § (5). Each year entry names its decree. It binds employers with a general work schedule
 *   (általános munkarend); a host with another schedule can drop the swaps.
 *
 * Holiday dates are stored literally so a reviewer can read them; `hungarian-holidays.test.ts` recomputes them from
 * the rules (Easter by the Meeus/Jones/Butcher algorithm) and checks every swap's shape.
 * @module
 */
import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { CalendarDate } from '../kernel/instant';

/**
 * A name in Hungarian and in English.
 * @category Calendar
 */
export interface HolidayName {
  /** The Hungarian name, as the law or common usage says it. */
  readonly hu: string;
  /** An English rendering. */
  readonly en: string;
}

/**
 * How a Hungarian public holiday's date is found: a fixed month and day, or a number of days from Easter Sunday.
 * @category Calendar
 */
export type HungarianHolidayRule =
  | { readonly month: number; readonly day: number }
  | { readonly daysFromEaster: number };

/**
 * The rules of the Hungarian public holidays (Mt. 102. § (1), plus Easter Sunday and Whit Sunday), keyed by a
 * stable English key. `since` is the first year the day counts.
 * @category Calendar
 */
export const HUNGARIAN_PUBLIC_HOLIDAY_RULES = {
  newYear: { name: { hu: 'Újév', en: "New Year's Day" }, rule: { month: 1, day: 1 } },
  nationalDay1848: {
    name: {
      hu: 'Nemzeti ünnep (1848–49-es forradalom és szabadságharc)',
      en: 'National Day (Revolution of 1848)',
    },
    rule: { month: 3, day: 15 },
  },
  goodFriday: { name: { hu: 'Nagypéntek', en: 'Good Friday' }, rule: { daysFromEaster: -2 }, since: 2017 },
  easterSunday: { name: { hu: 'Húsvétvasárnap', en: 'Easter Sunday' }, rule: { daysFromEaster: 0 } },
  easterMonday: { name: { hu: 'Húsvéthétfő', en: 'Easter Monday' }, rule: { daysFromEaster: 1 } },
  labourDay: { name: { hu: 'A munka ünnepe', en: 'Labour Day' }, rule: { month: 5, day: 1 } },
  whitSunday: {
    name: { hu: 'Pünkösdvasárnap', en: 'Whit Sunday (Pentecost)' },
    rule: { daysFromEaster: 49 },
  },
  whitMonday: { name: { hu: 'Pünkösdhétfő', en: 'Whit Monday' }, rule: { daysFromEaster: 50 } },
  stateFoundationDay: {
    name: {
      hu: 'Az államalapítás ünnepe (Szent István napja)',
      en: "State Foundation Day (St Stephen's Day)",
    },
    rule: { month: 8, day: 20 },
  },
  nationalDay1956: {
    name: {
      hu: 'Nemzeti ünnep (1956-os forradalom és szabadságharc)',
      en: 'National Day (Revolution of 1956)',
    },
    rule: { month: 10, day: 23 },
  },
  allSaintsDay: { name: { hu: 'Mindenszentek', en: "All Saints' Day" }, rule: { month: 11, day: 1 } },
  christmasDay: { name: { hu: 'Karácsony', en: 'Christmas Day' }, rule: { month: 12, day: 25 } },
  christmasSecondDay: {
    name: { hu: 'Karácsony másnapja', en: 'Second Day of Christmas' },
    rule: { month: 12, day: 26 },
  },
} as const satisfies Record<string, { name: HolidayName; rule: HungarianHolidayRule; since?: number }>;

/**
 * The key of a Hungarian public holiday rule (`'easterMonday'`, `'stateFoundationDay'`, …).
 * @category Calendar
 */
export type HungarianPublicHolidayKey = keyof typeof HUNGARIAN_PUBLIC_HOLIDAY_RULES;

/**
 * One swap of a decree: a weekday made a rest day (pihenőnap) and the Saturday worked for it (munkanap).
 * @category Calendar
 */
export interface HungarianDaySwap {
  /** The weekday that becomes a rest day — the "bridge" between a holiday and a weekend. */
  readonly restDay: CalendarDate;
  /** The Saturday that becomes a working day to pay for it. */
  readonly workingDay: CalendarDate;
}

/**
 * Where a year's swaps come from: a published decree, no decree because no bridge was needed, or a decree not
 * yet known when the data was written.
 * @category Calendar
 */
export type HungarianSwapSource =
  | { readonly status: 'decree'; readonly decree: string; readonly note?: string }
  | { readonly status: 'none-needed'; readonly note: string }
  | { readonly status: 'unknown'; readonly note: string };

/**
 * One year of the Hungarian calendar: its Easter Sunday, its public holidays with their rule keys, and the swaps of
 * that year's decree.
 * @category Calendar
 */
export interface HungarianCalendarYear {
  /** The calendar year. */
  readonly year: number;
  /** Easter Sunday (Gregorian), from which the movable holidays follow. */
  readonly easterSunday: CalendarDate;
  /** Every public holiday of the year, in date order, with the key of its rule. */
  readonly publicHolidays: readonly (readonly [date: CalendarDate, key: HungarianPublicHolidayKey])[];
  /** The decree's swaps, in the decree's order. */
  readonly swaps: readonly HungarianDaySwap[];
  /** The decree the swaps come from, or why there are none. */
  readonly swapSource: HungarianSwapSource;
}

/**
 * The Hungarian public holidays and swapped days for every shipped year, oldest first.
 * @example
 * HUNGARIAN_CALENDAR_YEARS.find((y) => y.year === 2026)?.swaps
 * // [{ restDay: '2026-01-02', workingDay: '2026-01-10' }, …]
 * @category Calendar
 */
export const HUNGARIAN_CALENDAR_YEARS: readonly HungarianCalendarYear[] = [
  {
    year: 2020,
    easterSunday: '2020-04-12',
    publicHolidays: [
      ['2020-01-01', 'newYear'],
      ['2020-03-15', 'nationalDay1848'],
      ['2020-04-10', 'goodFriday'],
      ['2020-04-12', 'easterSunday'],
      ['2020-04-13', 'easterMonday'],
      ['2020-05-01', 'labourDay'],
      ['2020-05-31', 'whitSunday'],
      ['2020-06-01', 'whitMonday'],
      ['2020-08-20', 'stateFoundationDay'],
      ['2020-10-23', 'nationalDay1956'],
      ['2020-11-01', 'allSaintsDay'],
      ['2020-12-25', 'christmasDay'],
      ['2020-12-26', 'christmasSecondDay'],
    ],
    swaps: [
      { restDay: '2020-08-21', workingDay: '2020-08-29' },
      { restDay: '2020-12-24', workingDay: '2020-12-12' },
    ],
    swapSource: {
      status: 'decree',
      decree: '7/2019. PM rendelet a 2020. évi munkaszüneti napok körüli munkarendről',
      note: 'Decree number from njt.hu (2019-7-20-53); its date of issue was not checked.',
    },
  },
  {
    year: 2021,
    easterSunday: '2021-04-04',
    publicHolidays: [
      ['2021-01-01', 'newYear'],
      ['2021-03-15', 'nationalDay1848'],
      ['2021-04-02', 'goodFriday'],
      ['2021-04-04', 'easterSunday'],
      ['2021-04-05', 'easterMonday'],
      ['2021-05-01', 'labourDay'],
      ['2021-05-23', 'whitSunday'],
      ['2021-05-24', 'whitMonday'],
      ['2021-08-20', 'stateFoundationDay'],
      ['2021-10-23', 'nationalDay1956'],
      ['2021-11-01', 'allSaintsDay'],
      ['2021-12-25', 'christmasDay'],
      ['2021-12-26', 'christmasSecondDay'],
    ],
    swaps: [{ restDay: '2021-12-24', workingDay: '2021-12-11' }],
    swapSource: {
      status: 'decree',
      decree: '14/2020. (V. 13.) ITM rendelet a 2021. évi munkaszüneti napok körüli munkarendről',
    },
  },
  {
    year: 2022,
    easterSunday: '2022-04-17',
    publicHolidays: [
      ['2022-01-01', 'newYear'],
      ['2022-03-15', 'nationalDay1848'],
      ['2022-04-15', 'goodFriday'],
      ['2022-04-17', 'easterSunday'],
      ['2022-04-18', 'easterMonday'],
      ['2022-05-01', 'labourDay'],
      ['2022-06-05', 'whitSunday'],
      ['2022-06-06', 'whitMonday'],
      ['2022-08-20', 'stateFoundationDay'],
      ['2022-10-23', 'nationalDay1956'],
      ['2022-11-01', 'allSaintsDay'],
      ['2022-12-25', 'christmasDay'],
      ['2022-12-26', 'christmasSecondDay'],
    ],
    swaps: [
      { restDay: '2022-03-14', workingDay: '2022-03-26' },
      { restDay: '2022-10-31', workingDay: '2022-10-15' },
    ],
    swapSource: {
      status: 'decree',
      decree: '23/2021. ITM rendelet a 2022. évi munkaszüneti napok körüli munkarendről',
      note: 'Decree number from njt.hu (2021-23-20-7Q); its date of issue was not checked.',
    },
  },
  {
    year: 2023,
    easterSunday: '2023-04-09',
    publicHolidays: [
      ['2023-01-01', 'newYear'],
      ['2023-03-15', 'nationalDay1848'],
      ['2023-04-07', 'goodFriday'],
      ['2023-04-09', 'easterSunday'],
      ['2023-04-10', 'easterMonday'],
      ['2023-05-01', 'labourDay'],
      ['2023-05-28', 'whitSunday'],
      ['2023-05-29', 'whitMonday'],
      ['2023-08-20', 'stateFoundationDay'],
      ['2023-10-23', 'nationalDay1956'],
      ['2023-11-01', 'allSaintsDay'],
      ['2023-12-25', 'christmasDay'],
      ['2023-12-26', 'christmasSecondDay'],
    ],
    swaps: [],
    swapSource: {
      status: 'none-needed',
      note:
        'No holiday fell on a Tuesday or Thursday next to a working day, so no swap was decreed ' +
        '(the press reported no working Saturday in 2023).',
    },
  },
  {
    year: 2024,
    easterSunday: '2024-03-31',
    publicHolidays: [
      ['2024-01-01', 'newYear'],
      ['2024-03-15', 'nationalDay1848'],
      ['2024-03-29', 'goodFriday'],
      ['2024-03-31', 'easterSunday'],
      ['2024-04-01', 'easterMonday'],
      ['2024-05-01', 'labourDay'],
      ['2024-05-19', 'whitSunday'],
      ['2024-05-20', 'whitMonday'],
      ['2024-08-20', 'stateFoundationDay'],
      ['2024-10-23', 'nationalDay1956'],
      ['2024-11-01', 'allSaintsDay'],
      ['2024-12-25', 'christmasDay'],
      ['2024-12-26', 'christmasSecondDay'],
    ],
    swaps: [
      { restDay: '2024-08-19', workingDay: '2024-08-03' },
      { restDay: '2024-12-24', workingDay: '2024-12-07' },
      { restDay: '2024-12-27', workingDay: '2024-12-14' },
    ],
    swapSource: {
      status: 'decree',
      decree: '15/2023. (VII. 13.) GFM rendelet a 2024. évi munkaszüneti napok körüli munkarendről',
    },
  },
  {
    year: 2025,
    easterSunday: '2025-04-20',
    publicHolidays: [
      ['2025-01-01', 'newYear'],
      ['2025-03-15', 'nationalDay1848'],
      ['2025-04-18', 'goodFriday'],
      ['2025-04-20', 'easterSunday'],
      ['2025-04-21', 'easterMonday'],
      ['2025-05-01', 'labourDay'],
      ['2025-06-08', 'whitSunday'],
      ['2025-06-09', 'whitMonday'],
      ['2025-08-20', 'stateFoundationDay'],
      ['2025-10-23', 'nationalDay1956'],
      ['2025-11-01', 'allSaintsDay'],
      ['2025-12-25', 'christmasDay'],
      ['2025-12-26', 'christmasSecondDay'],
    ],
    swaps: [
      { restDay: '2025-05-02', workingDay: '2025-05-17' },
      { restDay: '2025-10-24', workingDay: '2025-10-18' },
      { restDay: '2025-12-24', workingDay: '2025-12-13' },
    ],
    swapSource: {
      status: 'decree',
      decree: '11/2024. (IV. 8.) NGM rendelet a 2025. évi munkaszüneti napok körüli munkarendről',
      note: 'December 24 was a decreed rest day worked off on Saturday 13 December, not a public holiday.',
    },
  },
  {
    year: 2026,
    easterSunday: '2026-04-05',
    publicHolidays: [
      ['2026-01-01', 'newYear'],
      ['2026-03-15', 'nationalDay1848'],
      ['2026-04-03', 'goodFriday'],
      ['2026-04-05', 'easterSunday'],
      ['2026-04-06', 'easterMonday'],
      ['2026-05-01', 'labourDay'],
      ['2026-05-24', 'whitSunday'],
      ['2026-05-25', 'whitMonday'],
      ['2026-08-20', 'stateFoundationDay'],
      ['2026-10-23', 'nationalDay1956'],
      ['2026-11-01', 'allSaintsDay'],
      ['2026-12-25', 'christmasDay'],
      ['2026-12-26', 'christmasSecondDay'],
    ],
    swaps: [
      { restDay: '2026-01-02', workingDay: '2026-01-10' },
      { restDay: '2026-08-21', workingDay: '2026-08-08' },
      { restDay: '2026-12-24', workingDay: '2026-12-12' },
    ],
    swapSource: {
      status: 'decree',
      decree: '10/2025. (IV. 30.) NGM rendelet a 2026. évi munkaszüneti napok körüli munkarendről',
      note:
        'The draft named Saturday 15 August for the August swap; the published decree moved it to 8 August. ' +
        'A law making December 24 a public holiday from 2026 was promised in December 2025 but not known to ' +
        'be enacted when this data was written.',
    },
  },
  {
    year: 2027,
    easterSunday: '2027-03-28',
    publicHolidays: [
      ['2027-01-01', 'newYear'],
      ['2027-03-15', 'nationalDay1848'],
      ['2027-03-26', 'goodFriday'],
      ['2027-03-28', 'easterSunday'],
      ['2027-03-29', 'easterMonday'],
      ['2027-05-01', 'labourDay'],
      ['2027-05-16', 'whitSunday'],
      ['2027-05-17', 'whitMonday'],
      ['2027-08-20', 'stateFoundationDay'],
      ['2027-10-23', 'nationalDay1956'],
      ['2027-11-01', 'allSaintsDay'],
      ['2027-12-25', 'christmasDay'],
      ['2027-12-26', 'christmasSecondDay'],
    ],
    swaps: [],
    swapSource: {
      status: 'unknown',
      note:
        'No decree for 2027 was known when this data was written. No 2027 holiday falls on a Tuesday or ' +
        'Thursday, so no bridge day is expected, but a decree could still make Friday 24 December a rest day ' +
        '(as in 2021). Check Magyar Közlöny before relying on December 2027.',
    },
  },
];

/**
 * The years {@link HUNGARIAN_CALENDAR_YEARS} covers, inclusive.
 * @category Calendar
 */
export const HUNGARIAN_CALENDAR_RANGE = { firstYear: 2020, lastYear: 2027 } as const;

/**
 * A day off in Hungary: a public holiday (munkaszüneti nap) or a decreed rest day (áthelyezett pihenőnap).
 * @category Calendar
 */
export interface HungarianDayOff {
  /** The date, `YYYY-MM-DD`. */
  readonly date: CalendarDate;
  /** What the day is called. */
  readonly name: HolidayName;
  /** `public-holiday` by the Labour Code, or `rest-day` by the year's decree. */
  readonly kind: 'public-holiday' | 'rest-day';
  /** For a public holiday, the key of its rule. */
  readonly key?: HungarianPublicHolidayKey;
  /** For a rest day, the Saturday worked in its place. */
  readonly workedOn?: CalendarDate;
}

/**
 * A Saturday made a working day (áthelyezett munkanap) by the year's decree.
 * @category Calendar
 */
export interface HungarianWorkingSaturday {
  /** The Saturday, `YYYY-MM-DD`. */
  readonly date: CalendarDate;
  /** What the day is called. */
  readonly name: HolidayName;
  /** The weekday rest day it pays for. */
  readonly replaces: CalendarDate;
}

const REST_DAY_NAME: HolidayName = { hu: 'Áthelyezett pihenőnap', en: 'Rest day (swapped)' };
const WORKING_DAY_NAME: HolidayName = { hu: 'Áthelyezett munkanap', en: 'Working day (swapped)' };

const ShippedYear = z
  .number()
  .int()
  .min(
    HUNGARIAN_CALENDAR_RANGE.firstYear,
    `Hungarian calendar data starts in ${HUNGARIAN_CALENDAR_RANGE.firstYear}`,
  )
  .max(
    HUNGARIAN_CALENDAR_RANGE.lastYear,
    `Hungarian calendar data ends in ${HUNGARIAN_CALENDAR_RANGE.lastYear}`,
  );

function yearEntry(year: unknown): HungarianCalendarYear {
  const y = parseInput(ShippedYear, year, 'year');
  const entry = HUNGARIAN_CALENDAR_YEARS.find((e) => e.year === y);
  // Unreachable while the data and the range agree, which the data test checks.
  if (!entry) throw new ValidationError(`No Hungarian calendar data for ${y}.`, []);
  return entry;
}

/**
 * The days off of a year in Hungary — public holidays and the decree's rest days — in date order.
 * Throws a `ValidationError` for a year outside {@link HUNGARIAN_CALENDAR_RANGE}.
 * @example
 * hungarianHolidays(2026).filter((d) => d.kind === 'rest-day').map((d) => d.date)
 * // ['2026-01-02', '2026-08-21', '2026-12-24']
 * @category Calendar
 */
export function hungarianHolidays(year: number): HungarianDayOff[] {
  const entry = yearEntry(year);
  const days: HungarianDayOff[] = entry.publicHolidays.map(([date, key]) => ({
    date,
    name: HUNGARIAN_PUBLIC_HOLIDAY_RULES[key].name,
    kind: 'public-holiday',
    key,
  }));
  for (const swap of entry.swaps) {
    days.push({ date: swap.restDay, name: REST_DAY_NAME, kind: 'rest-day', workedOn: swap.workingDay });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The Saturdays a year's decree made working days, in date order.
 * Throws a `ValidationError` for a year outside {@link HUNGARIAN_CALENDAR_RANGE}.
 * @example
 * hungarianWorkingSaturdays(2024).map((d) => d.date) // ['2024-08-03', '2024-12-07', '2024-12-14']
 * @category Calendar
 */
export function hungarianWorkingSaturdays(year: number): HungarianWorkingSaturday[] {
  return yearEntry(year)
    .swaps.map((swap) => ({ date: swap.workingDay, name: WORKING_DAY_NAME, replaces: swap.restDay }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const GregorianYear = z.number().int().min(1583).max(9999);

/**
 * The date of Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm of Meeus/Jones/Butcher),
 * for years 1583–9999.
 * @example
 * easterSunday(2026) // '2026-04-05'
 * @category Calendar
 */
export function easterSunday(year: number): CalendarDate {
  const y = parseInput(GregorianYear, year, 'year');
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
