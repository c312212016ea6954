import { z } from 'zod';
import { CalendarDate } from '../kernel/instant';
import { defineEvent } from '../kit/define-event';

/**
 * A day's KPI roll-up was recomputed from its records: how many contacts and survey answers, and how many
 * stale-marks it cleared (0 for a rebuild of a day nothing had changed).
 * @category KPI roll-ups
 */
export const KpiRollupRefreshed = defineEvent({
  type: 'kpi.rollup_refreshed.v1',
  description:
    "A local day's KPI roll-up was recomputed from the contacts, survey answers and tickets of that day.",
  payload: z.object({
    day: CalendarDate,
    contacts: z.int().min(0),
    surveys: z.int().min(0),
    tickets: z.int().min(0),
    marks: z.int().min(0),
  }),
});

/** Every event of the KPI module. @category KPI roll-ups */
export const KPI_EVENTS = Object.freeze([KpiRollupRefreshed]);
