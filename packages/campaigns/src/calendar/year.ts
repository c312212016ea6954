import { z } from 'zod';

/**
 * A calendar year the occasion calendar computes in (1000–9000, proleptic Gregorian).
 * @category Calendar
 */
export const Year = z.int().min(1000).max(9000);
/** @category Calendar */
export type Year = z.infer<typeof Year>;

/**
 * A calendar date, `YYYY-MM-DD`, whose year is a {@link Year}.
 * @category Calendar
 */
export const DateInRange = z.iso
  .date()
  .refine((d) => Year.safeParse(Number(d.slice(0, 4))).success, 'Expected a year from 1000 to 9000');
