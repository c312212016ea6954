/**
 * Hungarian public holidays (munkaszüneti napok) as rules, computed for any year from 2013, and the government's
 * swapped days (áthelyezett munkanapok) as data, for the years whose decree is known (2020–2026).
 *
 * Sources, each public law (Hungarian legal texts are free of copyright: Szjt., 1999. évi LXXVI. törvény 1. § (4)
 * — "Nem tartozik a szerzői jogi védelem alá a jogszabály …"), read from Magyar Közlöny / njt.hu:
 * - Public holidays: a munka törvénykönyvéről szóló 2012. évi I. törvény (Mt.) 102. § (1): január 1., március 15.,
 *   nagypéntek, húsvéthétfő, május 1., pünkösdhétfő, augusztus 20., október 23., november 1., december 25–26.
 *   The Mt. is in force since 1 July 2012, so the rules answer from 2013, its first whole year. Good Friday since
 *   24 March 2017 (2017. évi XIII. törvény). Easter Sunday and Whit Sunday are listed too: they always fall on a
 *   Sunday, so they only matter to a calendar open on Sundays, which closes on them (a host that works them adds
 *   them back as extra working days).
 * - December 24 is NOT a public holiday under the Mt. (bills to add it failed in 2023 and 2024; in December 2025 it
 *   was promised for 2026 but no amending law is in this data). Where a decree made it a rest day, it appears as a
 *   swap. When a law adds it, it is one rule below with its `since` year.
 * - Swapped days: the yearly ministerial decree "a(z) <év>. évi munkaszüneti napok körüli munkarendről", issued
 *   under Mt. 102. § (5). Each year entry names its decree. It binds employers with a general work schedule
 *   (általános munkarend); a host with another schedule can drop the swaps. A year without an entry is not
 *   covered: its calendar works on the public holidays alone and says so (`hungarianCalendarCoverage`). The 2027
 *   decree was not known when this data was written (no 2027 holiday falls on a Tuesday or Thursday, but a decree
 *   could still make Friday 24 December 2027 a rest day, as in 2021).
 *
 * Easter is computed (`easter-sunday.ts`); `hungarian-holidays.test.ts` checks the rules against the dates the
 * shipped data listed literally for 2020–2027 and every swap's shape.
 * @module
 */
import { ValidationError } from '../errors/frontline-error';
import type { CalendarDate } from '../kernel/instant';
import { easterMonthDay } from './easter-sunday';

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
 * stable English key, in calendar order. `since` is the first year the day counts (every other rule counts from
 * the first year of the data, {@link HUNGARIAN_CALENDAR_RANGE}).
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
 * The years the Hungarian calendar answers for: from 2013, the first whole year of the Labour Code of 2012 whose
 * rules it encodes, to the last four-digit year. An earlier year is refused with a `ValidationError`.
 * @category Calendar
 */
export const HUNGARIAN_CALENDAR_RANGE = { firstYear: 2013, lastYear: 9999 } as const;

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
 * Where a year's swaps come from: a published decree, or no decree because no bridge was needed.
 * @category Calendar
 */
export type HungarianSwapSource =
  | { readonly status: 'decree'; readonly decree: string; readonly note?: string }
  | { readonly status: 'none-needed'; readonly note: string };

/**
 * One year of decreed swaps and the decree they come from.
 * @category Calendar
 */
export interface HungarianSwapYear {
  /** The calendar year. */
  readonly year: number;
  /** The decree's swaps, in the decree's order. */
  readonly swaps: readonly HungarianDaySwap[];
  /** The decree the swaps come from, or why there are none. */
  readonly source: HungarianSwapSource;
}

/**
 * The decreed swaps of every year whose decree is in the data, oldest first, without gaps.
 * @example
 * HUNGARIAN_SWAP_DECREES.find((y) => y.year === 2026)?.swaps
 * // [{ restDay: '2026-01-02', workingDay: '2026-01-10' }, …]
 * @category Calendar
 */
export const HUNGARIAN_SWAP_DECREES: readonly HungarianSwapYear[] = [
  {
    year: 2020,
    swaps: [
      { restDay: '2020-08-21', workingDay: '2020-08-29' },
      { restDay: '2020-12-24', workingDay: '2020-12-12' },
    ],
    source: {
      status: 'decree',
      decree: '7/2019. PM rendelet a 2020. évi munkaszüneti napok körüli munkarendről',
      note: 'Decree number from njt.hu (2019-7-20-53); its date of issue was not checked.',
    },
  },
  {
    year: 2021,
    swaps: [{ restDay: '2021-12-24', workingDay: '2021-12-11' }],
    source: {
      status: 'decree',
      decree: '14/2020. (V. 13.) ITM rendelet a 2021. évi munkaszüneti napok körüli munkarendről',
    },
  },
  {
    year: 2022,
    swaps: [
      { restDay: '2022-03-14', workingDay: '2022-03-26' },
      { restDay: '2022-10-31', workingDay: '2022-10-15' },
    ],
    source: {
      status: 'decree',
      decree: '23/2021. ITM rendelet a 2022. évi munkaszüneti napok körüli munkarendről',
      note: 'Decree number from njt.hu (2021-23-20-7Q); its date of issue was not checked.',
    },
  },
  {
    year: 2023,
    swaps: [],
    source: {
      status: 'none-needed',
      note:
        'No holiday fell on a Tuesday or Thursday next to a working day, so no swap was decreed ' +
        '(the press reported no working Saturday in 2023).',
    },
  },
  {
    year: 2024,
    swaps: [
      { restDay: '2024-08-19', workingDay: '2024-08-03' },
      { restDay: '2024-12-24', workingDay: '2024-12-07' },
      { restDay: '2024-12-27', workingDay: '2024-12-14' },
    ],
    source: {
      status: 'decree',
      decree: '15/2023. (VII. 13.) GFM rendelet a 2024. évi munkaszüneti napok körüli munkarendről',
    },
  },
  {
    year: 2025,
    swaps: [
      { restDay: '2025-05-02', workingDay: '2025-05-17' },
      { restDay: '2025-10-24', workingDay: '2025-10-18' },
      { restDay: '2025-12-24', workingDay: '2025-12-13' },
    ],
    source: {
      status: 'decree',
      decree: '11/2024. (IV. 8.) NGM rendelet a 2025. évi munkaszüneti napok körüli munkarendről',
      note: 'December 24 was a decreed rest day worked off on Saturday 13 December, not a public holiday.',
    },
  },
  {
    year: 2026,
    swaps: [
      { restDay: '2026-01-02', workingDay: '2026-01-10' },
      { restDay: '2026-08-21', workingDay: '2026-08-08' },
      { restDay: '2026-12-24', workingDay: '2026-12-12' },
    ],
    source: {
      status: 'decree',
      decree: '10/2025. (IV. 30.) NGM rendelet a 2026. évi munkaszüneti napok körüli munkarendről',
      note: 'The draft named Saturday 15 August for the August swap; the published decree moved it to 8 August.',
    },
  },
];

/**
 * The first and last year {@link HUNGARIAN_SWAP_DECREES} covers, inclusive.
 * @category Calendar
 */
export const HUNGARIAN_SWAP_YEARS = {
  firstYear: HUNGARIAN_SWAP_DECREES[0]?.year ?? HUNGARIAN_CALENDAR_RANGE.firstYear,
  lastYear:
    HUNGARIAN_SWAP_DECREES[HUNGARIAN_SWAP_DECREES.length - 1]?.year ?? HUNGARIAN_CALENDAR_RANGE.firstYear,
} as const;

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

/**
 * What the Hungarian calendar knows of a year: the public holidays always (from the rules), the swaps only when the
 * year's decree is in the data. `swaps: 'not-covered'` means the year works on the public holidays alone.
 * @category Calendar
 */
export interface HungarianYearCoverage {
  /** The calendar year. */
  readonly year: number;
  /** Always `'rules'`: computed from Mt. 102. § (1). */
  readonly publicHolidays: 'rules';
  /** `'decree'`: the decree's swaps apply; `'none-needed'`: no decree was needed; `'not-covered'`: unknown. */
  readonly swaps: 'decree' | 'none-needed' | 'not-covered';
  /** The decree's title, or why there is none, and for an uncovered year which option supplies its days. */
  readonly note: string;
}

const REST_DAY_NAME: HolidayName = { hu: 'Áthelyezett pihenőnap', en: 'Rest day (swapped)' };
const WORKING_DAY_NAME: HolidayName = { hu: 'Áthelyezett munkanap', en: 'Working day (swapped)' };

const byDate = <T extends { date: string }>(a: T, b: T): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function beforeRules(year: number): never {
  const message =
    `The Hungarian calendar starts in ${HUNGARIAN_CALENDAR_RANGE.firstYear} (the first whole year of the Labour ` +
    `Code of 2012); ${year} is earlier. For earlier dates build a calendar without \`publicHolidays\` and list ` +
    'its days off in `holidays` (createBusinessCalendar).';
  throw new ValidationError(message, [{ path: ['year'], message, code: 'too_small' }]);
}

/** The year, checked: an integer within {@link HUNGARIAN_CALENDAR_RANGE}, else a `ValidationError`. */
function checkedYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year > HUNGARIAN_CALENDAR_RANGE.lastYear) {
    const message = `Expected a whole year up to ${HUNGARIAN_CALENDAR_RANGE.lastYear}`;
    throw new ValidationError(`Invalid year: ${message}`, [
      { path: ['year'], message, code: 'invalid_type' },
    ]);
  }
  if (year < HUNGARIAN_CALENDAR_RANGE.firstYear) beforeRules(year);
  return year;
}

/**
 * The public holidays of a year by the Labour Code's rules, in date order, with the key of each rule.
 * Throws a `ValidationError` for a year before 2013 (see {@link HUNGARIAN_CALENDAR_RANGE}).
 * @example
 * hungarianPublicHolidays(2030).find((d) => d.key === 'goodFriday')?.date // '2030-04-19'
 * @category Calendar
 */
export function hungarianPublicHolidays(year: number): HungarianDayOff[] {
  const y = checkedYear(year);
  const easter = easterMonthDay(y);
  const easterUtc = Date.UTC(y, easter.month - 1, easter.day);
  const days: HungarianDayOff[] = [];
  for (const [key, holiday] of Object.entries(HUNGARIAN_PUBLIC_HOLIDAY_RULES) as [
    HungarianPublicHolidayKey,
    (typeof HUNGARIAN_PUBLIC_HOLIDAY_RULES)[HungarianPublicHolidayKey],
  ][]) {
    if ('since' in holiday && y < holiday.since) continue;
    const { rule } = holiday;
    const date =
      'month' in rule
        ? `${pad(y, 4)}-${pad(rule.month)}-${pad(rule.day)}`
        : new Date(easterUtc + rule.daysFromEaster * 86_400_000).toISOString().slice(0, 10);
    days.push({ date, name: holiday.name, kind: 'public-holiday', key });
  }
  return days.sort(byDate);
}

function decreeOf(year: number): HungarianSwapYear | undefined {
  const index = year - HUNGARIAN_SWAP_YEARS.firstYear;
  const entry = HUNGARIAN_SWAP_DECREES[index];
  return entry?.year === year ? entry : undefined;
}

/**
 * The days off of a year in Hungary — public holidays and, when the year's decree is in the data, its rest days —
 * in date order. A year without a decree gets the public holidays alone (see {@link hungarianCalendarCoverage}).
 * Throws a `ValidationError` for a year before 2013.
 * @example
 * hungarianHolidays(2026).filter((d) => d.kind === 'rest-day').map((d) => d.date)
 * // ['2026-01-02', '2026-08-21', '2026-12-24']
 * @category Calendar
 */
export function hungarianHolidays(year: number): HungarianDayOff[] {
  const days = hungarianPublicHolidays(year);
  for (const swap of decreeOf(year)?.swaps ?? []) {
    days.push({ date: swap.restDay, name: REST_DAY_NAME, kind: 'rest-day', workedOn: swap.workingDay });
  }
  return days.sort(byDate);
}

/**
 * The Saturdays a year's decree made working days, in date order; none for a year whose decree is not in the data.
 * Throws a `ValidationError` for a year before 2013.
 * @example
 * hungarianWorkingSaturdays(2024).map((d) => d.date) // ['2024-08-03', '2024-12-07', '2024-12-14']
 * @category Calendar
 */
export function hungarianWorkingSaturdays(year: number): HungarianWorkingSaturday[] {
  const y = checkedYear(year);
  return (decreeOf(y)?.swaps ?? [])
    .map((swap) => ({ date: swap.workingDay, name: WORKING_DAY_NAME, replaces: swap.restDay }))
    .sort(byDate);
}

/**
 * Whether the data knows a year's swaps. Public holidays are always known (rules); swaps only for the years of
 * {@link HUNGARIAN_SWAP_DECREES}. Throws a `ValidationError` for a year before 2013; never for a later year.
 * @example
 * hungarianCalendarCoverage(2031).swaps // 'not-covered'
 * @category Calendar
 */
export function hungarianCalendarCoverage(year: number): HungarianYearCoverage {
  const y = checkedYear(year);
  const entry = decreeOf(y);
  if (entry) {
    const { source } = entry;
    const note = source.status === 'decree' ? source.decree : source.note;
    return { year: y, publicHolidays: 'rules', swaps: source.status, note };
  }
  const which =
    y < HUNGARIAN_SWAP_YEARS.firstYear
      ? `Decrees before ${HUNGARIAN_SWAP_YEARS.firstYear} are not in the data`
      : `No decree for ${y} is in the data (a decree is usually published in the year before)`;
  return {
    year: y,
    publicHolidays: 'rules',
    swaps: 'not-covered',
    note:
      `${which}: ${y} works on the public holidays alone. Add its rest days with \`holidays\` and its working ` +
      'Saturdays with `extraWorkingDays`, or update @frontline/core when the decree is out.',
  };
}
