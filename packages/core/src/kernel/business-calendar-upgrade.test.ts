import { describe, expect, it } from 'vitest';
import {
  hungarianHolidays,
  hungarianPublicHolidays,
  hungarianWorkingSaturdays,
} from '../data/hungarian-holidays';
import { createBusinessCalendar, isWorkingDay, workingIntervals } from './business-calendar';
import { type BusinessCalendarDefinitionInput, WEEKDAYS } from './business-calendar-definition';
import { hungarianCalendarDefinition } from './business-calendar-hungary';
import { upgradeCalendarDefinition } from './business-calendar-upgrade';

const ZONE = 'Europe/Budapest';
const split = ['08:00-12:00', '12:30-16:30'];
const hours = { monday: split, tuesday: split, wednesday: split, thursday: split, friday: ['08:00-14:00'] };

type Hours = 'monday' | 'friday' | string[];
interface LegacyOptions {
  applySwaps?: boolean;
  limitToData?: boolean;
  workingSaturdayHours?: 'as-rest-day' | Hours;
  holidays?: string[];
  extraWorkingDays?: { date: string; hours: Hours }[];
}

/** What `hungarianCalendarDefinition` wrote before the holidays were computed: every 2020–2027 date listed. */
function legacy(o: LegacyOptions = {}): BusinessCalendarDefinitionInput {
  const ownHolidays = new Set(o.holidays ?? []);
  const ownWorking = new Set((o.extraWorkingDays ?? []).map((d) => d.date));
  const holidays = new Set(ownHolidays);
  const extra = [...(o.extraWorkingDays ?? [])];
  for (let year = 2020; year <= 2027; year++) {
    for (const { date } of hungarianPublicHolidays(year)) if (!ownWorking.has(date)) holidays.add(date);
    if (o.applySwaps === false) continue;
    for (const { date, replaces } of hungarianWorkingSaturdays(year)) {
      if (!ownWorking.has(replaces)) holidays.add(replaces);
      if (ownHolidays.has(date) || ownWorking.has(date)) continue;
      const weekday = WEEKDAYS[(new Date(`${replaces}T00:00:00Z`).getUTCDay() + 6) % 7] ?? 'monday';
      const saturday = o.workingSaturdayHours ?? 'as-rest-day';
      extra.push({ date, hours: saturday === 'as-rest-day' ? (weekday as 'monday') : saturday });
    }
  }
  return {
    zone: ZONE,
    hours,
    holidays: [...holidays].sort(),
    extraWorkingDays: extra.sort((a, b) => (a.date < b.date ? -1 : 1)),
    coverage: o.limitToData === false ? undefined : { from: '2020-01-01', to: '2027-12-31' },
  };
}

/** The same working intervals on every day of 2020–2027. */
function expectSameDays(a: BusinessCalendarDefinitionInput, b: BusinessCalendarDefinitionInput): void {
  const ca = createBusinessCalendar(a);
  const cb = createBusinessCalendar(b);
  for (let t = Date.UTC(2020, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    expect(workingIntervals(ca, date), date).toEqual(workingIntervals(cb, date));
  }
}

describe('upgradeCalendarDefinition', () => {
  it('reads a legacy Hungarian definition as the reference, with the same days and no end in 2027', () => {
    const upgraded = upgradeCalendarDefinition(legacy());
    expect(upgraded).toEqual(hungarianCalendarDefinition({ hours }));
    expectSameDays(legacy(), upgraded);
    expect(isWorkingDay(createBusinessCalendar(upgraded), '2031-04-14')).toBe(false);
  });

  it('keeps the host’s own days, the swap choice and the working-Saturday hours', () => {
    const own = {
      holidays: ['2026-01-10', '2026-12-31'],
      extraWorkingDays: [{ date: '2026-04-06', hours: ['10:00-14:00'] }],
    };
    for (const options of [
      own,
      { ...own, applySwaps: false, limitToData: false },
      { ...own, workingSaturdayHours: 'monday' as const },
      { workingSaturdayHours: ['09:00-13:00'] },
    ]) {
      const upgraded = upgradeCalendarDefinition(legacy(options));
      expect(upgraded).toEqual(hungarianCalendarDefinition({ hours, ...options, limitToData: false }));
      expectSameDays(legacy(options), upgraded);
    }
  });

  it('leaves any other definition as it is', () => {
    const reference = hungarianCalendarDefinition({ hours });
    expect(upgradeCalendarDefinition(reference)).toEqual(reference);
    const few = { zone: ZONE, hours, holidays: ['2026-04-06'] };
    expect(upgradeCalendarDefinition(few)).toEqual(createBusinessCalendar(few).definition);
    // a legacy list with a holiday taken out is the host's own calendar now
    const edited = legacy();
    const withoutEaster = { ...edited, holidays: (edited.holidays ?? []).filter((d) => d !== '2026-04-06') };
    expect(upgradeCalendarDefinition(withoutEaster).publicHolidays).toBeUndefined();
    // and one whose coverage the host changed keeps its coverage
    const widened = { ...edited, coverage: { from: '2020-01-01', to: '2028-12-31' } };
    expect(upgradeCalendarDefinition(widened).coverage).toEqual(widened.coverage);
    // some rest days listed and others not: not a shape the old code wrote
    const partial = { ...edited, holidays: (edited.holidays ?? []).filter((d) => d !== '2026-12-24') };
    expect(upgradeCalendarDefinition(partial).publicHolidays).toBeUndefined();
    expect(hungarianHolidays(2026).some((d) => d.date === '2026-12-24')).toBe(true);
  });
});
