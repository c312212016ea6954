/**
 * Turns a Hungarian calendar definition saved by an older release — every holiday of 2020–2027 listed as a date —
 * into the reference form (`publicHolidays: { source: 'hu' }`), so a policy saved before the package computed the
 * holidays also grows with the package instead of ending in 2027.
 * @module
 */
import { hungarianPublicHolidays, hungarianWorkingSaturdays } from '../data/hungarian-holidays';
import { parseInput } from '../errors/validate';
import {
  BusinessCalendarDefinition,
  type BusinessCalendarDefinitionInput,
  type PublicHolidays,
  WEEKDAYS,
} from './business-calendar-definition';
import { dayOfDate, weekdayOfDay } from './business-calendar-zone';

/** The years the older releases listed, and the coverage they wrote when limited to them. */
const LEGACY = { firstYear: 2020, lastYear: 2027, from: '2020-01-01', to: '2027-12-31' } as const;

type Hours = BusinessCalendarDefinition['extraWorkingDays'][number]['hours'];

const same = (a: Hours, b: Hours): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Recognises a definition an older `hungarianCalendarDefinition` wrote (no `publicHolidays`; every Hungarian public
 * holiday of 2020–2027 listed among its days; its coverage 2020–2027 or none) and answers the same calendar in the
 * reference form: the host's own days kept, the listed Hungarian days replaced by `publicHolidays: { source: 'hu' }`
 * with the swaps and working-Saturday hours it used, and the 2020–2027 coverage dropped. Any other definition is
 * answered as it is (validated). Pure: the stored definition is not changed; call it where the calendar is built.
 * @example
 * upgradeCalendarDefinition(savedPolicy.calendar).publicHolidays // { source: 'hu', swaps: true, … } for a legacy one
 * @category Calendar
 */
export function upgradeCalendarDefinition(
  definition: BusinessCalendarDefinitionInput,
): BusinessCalendarDefinition {
  const d = parseInput(BusinessCalendarDefinition, definition, 'business calendar definition');
  if (d.publicHolidays) return d;
  const legacyCoverage = d.coverage?.from === LEGACY.from && d.coverage.to === LEGACY.to;
  if (d.coverage && !legacyCoverage) return d;
  const holidays = new Set(d.holidays);
  const extra = new Map(d.extraWorkingDays.map((e) => [e.date, e.hours] as const));
  const listed = (date: string) => holidays.has(date) || extra.has(date);
  const statutory = new Set<string>();
  const restDays = new Set<string>();
  const saturdays: { date: string; restWeekday: Hours }[] = [];
  for (let year = LEGACY.firstYear; year <= LEGACY.lastYear; year++) {
    for (const day of hungarianPublicHolidays(year)) statutory.add(day.date);
    for (const s of hungarianWorkingSaturdays(year)) {
      restDays.add(s.replaces);
      const restWeekday = WEEKDAYS[weekdayOfDay(dayOfDate(s.replaces))] ?? 'monday';
      saturdays.push({ date: s.date, restWeekday });
    }
  }
  if (![...statutory].every(listed)) return d;
  const swaps = swapUse(restDays, saturdays, holidays, extra);
  if (swaps === undefined) return d;
  const reference: PublicHolidays = {
    source: 'hu',
    swaps: swaps !== false,
    workingSaturdayHours: swaps === false ? 'as-rest-day' : swaps,
    uncoveredYears: 'statutory-only',
  };
  const ownHolidays = d.holidays.filter(
    (date) => !statutory.has(date) && !(reference.swaps && restDays.has(date)),
  );
  const worked = new Set(reference.swaps ? saturdays.map((s) => s.date) : []);
  return parseInput(
    BusinessCalendarDefinition,
    {
      zone: d.zone,
      hours: d.hours,
      holidays: ownHolidays,
      extraWorkingDays: d.extraWorkingDays.filter((e) => !worked.has(e.date)),
      publicHolidays: reference,
    },
    'business calendar definition',
  );
}

/**
 * How the legacy definition used the swaps: `false` when none is listed, the working-Saturday hours when all are,
 * `undefined` when it cannot tell (then the definition is left as it is).
 */
function swapUse(
  restDays: ReadonlySet<string>,
  saturdays: readonly { date: string; restWeekday: Hours }[],
  holidays: ReadonlySet<string>,
  extra: ReadonlyMap<string, Hours>,
): PublicHolidays['workingSaturdayHours'] | false | undefined {
  const restListed = [...restDays].filter((date) => holidays.has(date) || extra.has(date)).length;
  const worked = saturdays.filter((s) => extra.has(s.date));
  if (restListed === 0 && worked.length === 0) return false;
  if (restListed !== restDays.size || saturdays.some((s) => !extra.has(s.date) && !holidays.has(s.date))) {
    return undefined;
  }
  if (worked.every((s) => same(extra.get(s.date) ?? [], s.restWeekday))) return 'as-rest-day';
  const first = worked[0] && extra.get(worked[0].date);
  if (first !== undefined && worked.every((s) => same(extra.get(s.date) ?? [], first))) return first;
  return undefined;
}
