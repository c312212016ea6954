import { z } from 'zod';

const known = new Set<string>(['UTC', ...Intl.supportedValuesOf('timeZone')]);

function isTimeZone(value: string): boolean {
  if (known.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone name (`Europe/Budapest`, `UTC`), checked against the runtime's tz database.
 * @category Value objects
 */
export const TimeZone = z
  .string()
  .min(1)
  .refine(isTimeZone, { message: 'Not an IANA time zone (e.g. "Europe/Budapest")' })
  .brand<'TimeZone'>();
/** @category Value objects */
export type TimeZone = z.infer<typeof TimeZone>;

/**
 * The zone Frontline assumes for Hungarian offices.
 * @category Value objects
 */
export const BUDAPEST = 'Europe/Budapest' as TimeZone;
