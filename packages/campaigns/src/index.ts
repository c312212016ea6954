/**
 * `@frontline/campaigns` — Proactive and outbound contact: birthdays, Hungarian name days and anniversaries,
 * segments, call lists and scripts, dunning reminders, surveys — every contact sent once, with consent
 * (REQUIREMENTS CAM-1 … CAM-7).
 *
 * Its parts so far are pure and validated: the occasion calendar (CAM-1) over calendar dates in the
 * customer's time zone, segments with RFM scores and control groups (CAM-3), and call scripts (CAM-4).
 * It depends on `@frontline/core` only, never on a sibling domain package or an adapter.
 * @module
 */
export { addDaysToDate, daysFromTo, daysInMonth, isLeapYear } from './calendar/calendar-day';
export { DEFAULT_LEAP_DAY_POLICY, LeapDayPolicy } from './calendar/leap-day-policy';
export { localDateOf } from './calendar/local-date-of';
export { MonthDay, monthDayOf } from './calendar/month-day';
export { DateInRange, Year } from './calendar/year';
export { yearlyDateIn } from './calendar/yearly-date';
export {
  CallOutcome,
  CallScript,
  type CallScriptInput,
  CallScriptNode,
  MAX_CALL_SCRIPT_NODES,
  ScriptAnswer,
  ScriptKey,
} from './call-scripts/call-script.schema';
export { validateCallScript } from './call-scripts/validate-call-script';
export { type CallStep, type CallWalk, walkCallScript } from './call-scripts/walk-call-script';
export { dueNameDayKeys } from './name-days/due-name-day-keys';
export { foldGivenName } from './name-days/fold-given-name';
export { HUNGARIAN_NAME_DAYS } from './name-days/hungarian-name-days.data';
export { nameDayDateIn, nameDayKeyOn } from './name-days/name-day-date';
export type { NameDayNames } from './name-days/name-day-names';
export { type NameDay, nameDaysOf } from './name-days/name-days-of';
export { namesOn } from './name-days/names-on';
export { birthMonthDayKeys, dueMonthDayKeys } from './occasions/month-day-keys';
export type { AnniversaryOccasion, BirthdayOccasion, NameDayOccasion, Occasion } from './occasions/occasion';
export {
  AnniversaryDate,
  AnniversaryKind,
  OccasionCustomer,
  type OccasionCustomerInput,
} from './occasions/occasion-customer';
export { OccasionOptions, type OccasionOptionsInput } from './occasions/occasion-options';
export { occasionsBetween } from './occasions/occasions-between';
export { occasionsDueAt } from './occasions/occasions-due-at';
export { occasionsOn } from './occasions/occasions-on';
export {
  compileSegment,
  SegmentMatchOptions,
  type SegmentMatchOptionsInput,
  type SegmentPredicate,
} from './segments/compile-segment';
export { controlGroupDraw, inControlGroup } from './segments/in-control-group';
export { matchesSegment } from './segments/matches-segment';
export { RfmEntry, type RfmEntryInput, type RfmScore, rfmScores } from './segments/rfm-scores';
export type { SegmentCondition, TenureUnit } from './segments/segment-condition';
export {
  SEGMENT_FIELDS,
  SEGMENT_OPERATORS,
  type SegmentField,
  type SegmentFieldType,
} from './segments/segment-fields';
export { SEGMENT_FILTER_LIMITS, SegmentFilter } from './segments/segment-filter';
export { ProfileTag, SegmentProfile, type SegmentProfileInput } from './segments/segment-profile';
export { tenureOn } from './segments/tenure-on';
