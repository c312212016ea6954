import {
  type CountryCode,
  type PhoneNumber as ParsedPhoneNumber,
  parsePhoneNumberFromString as parseWithMetadata,
} from 'libphonenumber-js/core';
import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { phoneMetadata } from './phone-metadata';

/**
 * libphonenumber's `parsePhoneNumberFromString` with the full metadata (internal). The metadata is read on the
 * first call, not when the module loads (see `phone-metadata.ts`).
 */
export function parsePhoneNumberFromString(
  text: string,
  defaultCountry?: CountryCode,
): ParsedPhoneNumber | undefined {
  return defaultCountry === undefined
    ? parseWithMetadata(text, phoneMetadata())
    : parseWithMetadata(text, defaultCountry, phoneMetadata());
}

/**
 * A phone number in E.164 (`+36301234567`). The schema accepts any common written form (`06 30 123 4567`,
 * `+36 (1) 234-5678`) with Hungary as the default country, checks it against the numbering plan
 * (libphonenumber's full metadata) and outputs E.164.
 * @category Value objects
 */
export const PhoneNumber = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const e164 = toE164(raw, 'HU');
    if (e164 === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Not a valid phone number (e.g. "+36 30 123 4567")' });
      return z.NEVER;
    }
    return e164;
  })
  .brand<'PhoneNumber'>();
/** @category Value objects */
export type PhoneNumber = z.output<typeof PhoneNumber>;

function toE164(raw: string, country: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, country);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * Parses a phone number written the way people write it, for a default country (ISO 3166 alpha-2,
 * default `HU`), into E.164; a `ValidationError` when it is not a valid number.
 * @example parsePhoneNumber('06 30 123 4567') // '+36301234567'
 * @category Value objects
 */
export function parsePhoneNumber(raw: string, defaultCountry = 'HU'): PhoneNumber {
  const text = parseInput(z.string().max(40), raw, 'phone number');
  const country = parseInput(z.string().regex(/^[A-Z]{2}$/), defaultCountry, 'country') as CountryCode;
  let e164: string | undefined;
  try {
    e164 = toE164(text, country);
  } catch (cause) {
    throw new ValidationError(
      `Unknown country "${country}".`,
      [{ path: ['defaultCountry'], message: 'Unknown country', code: 'custom' }],
      { cause },
    );
  }
  if (e164 === undefined) {
    throw new ValidationError(`Invalid phone number: "${text}" is not a valid number for ${country}.`, [
      { path: [], message: 'Not a valid phone number', code: 'custom' },
    ]);
  }
  return e164 as PhoneNumber;
}

/**
 * What kind of line a number is (`MOBILE`, `FIXED_LINE`, `TOLL_FREE`, …), for channel choice (SMS only to
 * mobiles). `undefined` when the plan does not say.
 * @category Value objects
 */
export function phoneNumberType(phone: string): string | undefined {
  const e164 = parseInput(PhoneNumber, phone, 'phone number');
  return parsePhoneNumberFromString(e164)?.getType();
}

/**
 * Formats a number for people: `national` (`06 30 123 4567` in Hungary) or `international` (`+36 30 123 4567`).
 * @category Value objects
 */
export function formatPhoneNumber(
  phone: string,
  style: 'national' | 'international' = 'international',
): string {
  const e164 = parseInput(PhoneNumber, phone, 'phone number');
  const parsed = parsePhoneNumberFromString(e164)!;
  return style === 'national' ? parsed.formatNational() : parsed.formatInternational();
}
