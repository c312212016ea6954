import {
  EmailAddress,
  FrontlineError,
  formatPhoneNumber,
  formatPostalAddress,
  Instant,
  Locale,
  PhoneNumber,
  PostalAddress,
  parseInput,
  parsePhoneNumber,
  phoneNumberType,
  TimeZone,
} from '@frontline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('phone numbers', () => {
  it('turns Hungarian numbers written every usual way into E.164', () => {
    expect(parsePhoneNumber('06 30 123 4567')).toBe('+36301234567');
    expect(parsePhoneNumber('+36 (1) 234-5678')).toBe('+3612345678');
    expect(parsePhoneNumber('06-20/987-6543')).toBe('+36209876543');
    expect(parsePhoneNumber('0036 70 555 1234')).toBe('+36705551234');
    expect(parsePhoneNumber('(030) 1234567', 'DE')).toBe('+49301234567');
    expect(parseInput(PhoneNumber, '06 1 234 5678')).toBe('+3612345678');
  });

  it('refuses numbers the Hungarian plan does not have', () => {
    expect(() => parsePhoneNumber('06 30 123')).toThrow(/Invalid phone number/);
    expect(() => parsePhoneNumber('06 99 123 4567')).toThrow(/Invalid phone number/);
    expect(() => parseInput(PhoneNumber, 'not a number')).toThrow(/valid phone number/);
    expect(() => parsePhoneNumber('06 30 123 4567', 'ZZ')).toThrow(FrontlineError);
  });

  it('tells mobiles from fixed lines and formats for people', () => {
    expect(phoneNumberType('+36301234567')).toBe('MOBILE');
    expect(phoneNumberType('+3612345678')).toBe('FIXED_LINE');
    expect(formatPhoneNumber('+36301234567', 'national')).toBe('06 30 123 4567');
    expect(formatPhoneNumber('+36301234567')).toBe('+36 30 123 4567');
  });
});

describe('other value objects', () => {
  it('normalises e-mail domains and refuses non-addresses', () => {
    expect(parseInput(EmailAddress, '  Kiss.Anna@Example.HU ')).toBe('Kiss.Anna@example.hu');
    expect(() => parseInput(EmailAddress, 'kiss.anna@')).toThrow(/e-mail/);
  });

  it('accepts IANA zones only', () => {
    expect(parseInput(TimeZone, 'Europe/Budapest')).toBe('Europe/Budapest');
    expect(parseInput(TimeZone, 'UTC')).toBe('UTC');
    expect(() => parseInput(TimeZone, 'Europe/Atlantis')).toThrow(/IANA/);
  });

  it('reads instants from Dates and ISO strings with an offset, and refuses invalid ones', () => {
    expect(parseInput(Instant, '2026-03-02T09:00:00+01:00').toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(() => parseInput(Instant, '2026-03-02 09:00')).toThrow(/Invalid/);
    expect(() => parseInput(Instant, new Date(Number.NaN))).toThrow(/Invalid/);
    expect(parseInput(Locale, 'hu')).toBe('hu');
    expect(() => parseInput(Locale, 'de')).toThrow(/Invalid/);
  });

  it('lays out a Hungarian address the way Magyar Posta asks, and a foreign one internationally', () => {
    const address: PostalAddress = {
      recipient: 'Kiss Anna',
      lines: ['Kossuth Lajos tér 1–3.'],
      locality: 'Budapest',
      postalCode: '1055',
      country: 'HU',
    };
    expect(formatPostalAddress(address)).toEqual(['Kiss Anna', 'Budapest', 'Kossuth Lajos tér 1–3.', '1055']);
    expect(
      formatPostalAddress({
        ...address,
        country: 'AT',
        postalCode: '1010',
        locality: 'Wien',
        lines: ['Stephansplatz 1'],
      }),
    ).toEqual(['Kiss Anna', 'Stephansplatz 1', '1010 Wien', 'AUSTRIA']);
    expect(() => parseInput(PostalAddress, { ...address, postalCode: '105' })).toThrow(
      /postalCode: A Hungarian postal code is four digits/,
    );
  });

  it('returns a valid result or throws a FrontlineError for any input (property)', () => {
    const fns: ((x: unknown) => unknown)[] = [
      (x) => parsePhoneNumber(x as string),
      (x) => formatPhoneNumber(x as string),
      (x) => phoneNumberType(x as string),
      (x) => formatPostalAddress(x as PostalAddress),
      (x) => parseInput(EmailAddress, x),
      (x) => parseInput(TimeZone, x),
      (x) => parseInput(Instant, x),
    ];
    fc.assert(
      fc.property(
        fc.nat(fns.length - 1),
        fc.oneof(fc.anything(), fc.string(), fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/)),
        (i, x) => {
          try {
            fns[i]!(x);
          } catch (error) {
            expect(FrontlineError.is(error), String(error)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
