import { FrontlineError, Permissions, parsePhoneNumber } from '@frontline/core';
import {
  CustomerDataClassification,
  customerViewFor,
  DataClassHandling,
  maskCustomer,
  maskEmailAddress,
  maskPhoneNumber,
  maskPostalAddress,
} from '@frontline/core/service-desk';
import { sampleCustomer } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerShape } from './customer.schema';

describe('masking personal data', () => {
  it('hides a phone number but its country, area code and last two digits', () => {
    expect(maskPhoneNumber('+36301234567')).toBe('+36 30 *** **67');
    expect(maskPhoneNumber('06 1 234 5678')).toBe('+36 1 *** **78');
    expect(maskPhoneNumber('+442079460958')).toBe('+44 20 **** **58');
  });

  it('hides the local part of an e-mail address but its first letter', () => {
    expect(maskEmailAddress('kiss.anna@example.hu')).toBe('k***@example.hu');
    expect(maskEmailAddress('A@Example.HU')).toBe('A***@example.hu');
  });

  it('hides the recipient and street lines of an address, keeping town, postal code and country', () => {
    expect(
      maskPostalAddress({
        recipient: 'Kiss Anna',
        lines: ['Kossuth Lajos tér 1.', '2. emelet 3.'],
        locality: 'Budapest',
        postalCode: '1055',
        country: 'HU',
      }),
    ).toEqual({
      recipient: '***',
      lines: ['***', '***'],
      locality: 'Budapest',
      postalCode: '1055',
      country: 'HU',
    });
  });

  it('masks a customer for an actor without customer.read_personal and shows it whole to one with it', () => {
    const customer = sampleCustomer();
    const l1 = { id: 'a1', permissions: [Permissions.customerRead] };
    const l2 = { id: 'a2', permissions: [Permissions.customerRead, Permissions.customerReadPersonal] };
    const masked = customerViewFor(customer, l1);
    expect(masked.masked).toBe(true);
    expect(masked.contactPoints.map((p) => (p.kind === 'postal' ? p.address.lines[0] : p.value))).toEqual([
      '+36 30 *** **67',
      'k***@example.hu',
      '***',
    ]);
    expect(masked.birthDate).toBe('****-**-**');
    expect(masked.familyName).toBe('Kiss');
    expect(masked.displayName).toBe('Kiss Anna Mária');
    expect(masked.externalRef).toBe('U-1001');
    expect(JSON.stringify(masked)).not.toMatch(/1234567|kiss\.anna|Kossuth|1985/);
    const whole = customerViewFor(customer, l2);
    expect(whole.masked).toBe(false);
    expect(whole.contactPoints[0]).toMatchObject({ value: '+36301234567' });
    expect(whole.birthDate).toBe('1985-04-12');
    expect(maskCustomer(customer)).toEqual(masked);
  });

  it('classifies every customer field, and every class says how it is masked and erased', () => {
    const classified = Object.keys(CustomerDataClassification);
    for (const field of Object.keys(CustomerShape.shape)) expect(classified).toContain(field);
    for (const field of ['value', 'address', 'id', 'kind', 'use'])
      expect(classified).toContain(`contactPoints[].${field}`);
    for (const cls of Object.values(CustomerDataClassification)) expect(DataClassHandling[cls]).toBeDefined();
    expect(CustomerDataClassification.birthDate).toBe('personal');
    expect(DataClassHandling.contact).toEqual({ mask: 'partial', onErasure: 'blank' });
  });

  it('never shows more than the last two subscriber digits of a Hungarian mobile number', () => {
    const mobile = fc
      .tuple(fc.constantFrom('20', '30', '31', '50', '70'), fc.integer({ min: 1_000_000, max: 9_999_999 }))
      .map(([net, n]) => `+36${net}${n}`);
    fc.assert(
      fc.property(mobile, (phone) => {
        const e164 = parsePhoneNumber(phone);
        const masked = maskPhoneNumber(e164);
        expect(masked.startsWith(`+36 ${e164.slice(3, 5)} `)).toBe(true);
        expect(masked.replace(/\D/g, '')).toBe(`36${e164.slice(3, 5)}${e164.slice(-2)}`);
      }),
    );
  });

  it('turns garbage into a FrontlineError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const call of [
          () => maskPhoneNumber(a as string),
          () => maskEmailAddress(a as string),
          () => maskPostalAddress(a as never),
          () => maskCustomer(a as never),
          () => customerViewFor(a as never, b as never),
          () => customerViewFor(sampleCustomer(), b as never),
        ]) {
          try {
            call();
          } catch (error) {
            expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
