import { FrontlineError } from '@frontline/core';
import {
  CustomerDataClassification,
  CustomerRetentionRules,
  DataClassHandling,
  eraseCustomerRecord,
} from '@frontline/core/service-desk';
import { sampleCustomer } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('eraseCustomerRecord', () => {
  const customer = sampleCustomer({
    taxNumber: '12345678-2-41',
    consentState: [
      {
        purpose: 'marketing',
        channel: 'email',
        state: 'granted',
        since: '2026-01-10T09:00:00Z',
        recordId: 'c1',
      },
    ],
  });

  it('keeps identifiers and record facts, blanks every other field, as the classification says', () => {
    const abroad = sampleCustomer({ ...customer, locale: 'en', timeZone: 'Europe/Vienna' });
    const stub = eraseCustomerRecord(abroad, new Date('2026-03-02T08:00:00Z'));
    const before = abroad as unknown as Record<string, unknown>;
    const after = stub as unknown as Record<string, unknown>;
    for (const [field, cls] of Object.entries(CustomerDataClassification)) {
      if (field.includes('[]') || ['status', 'updatedAt', 'erasure'].includes(field)) continue;
      if (DataClassHandling[cls].onErasure === 'keep') expect(after[field], field).toEqual(before[field]);
      else expect(JSON.stringify(after[field] ?? null), field).not.toBe(JSON.stringify(before[field]));
    }
    expect(stub).toMatchObject({
      id: 'cust-1',
      status: 'erased',
      externalRef: 'U-1001',
      taxNumber: '12345678-2-41',
      givenNames: [],
      contactPoints: [],
      segmentTags: [],
      consentState: [],
    });
    expect(stub.familyName).toBeUndefined();
    expect(stub.birthDate).toBeUndefined();
    expect(stub.preferredChannel).toBeUndefined();
    expect([stub.locale, stub.timeZone]).toEqual(['hu', 'Europe/Budapest']);
  });

  it('keeps the stub 8 years and the consent proofs 5, counted from the erasure day in the customer zone', () => {
    expect(CustomerRetentionRules.map((r) => [r.id, r.keepYears])).toEqual([
      ['accounting-identifiers', 8],
      ['consent-proofs', 5],
    ]);
    // 23:30 UTC on 31 December is already 1 January in Budapest
    const stub = eraseCustomerRecord(customer, new Date('2025-12-31T23:30:00Z'));
    expect(stub.erasure).toEqual({
      at: new Date('2025-12-31T23:30:00Z'),
      retainUntil: '2034-01-01',
      consentsRetainUntil: '2031-01-01',
    });
    const leap = eraseCustomerRecord(customer, new Date('2028-02-29T12:00:00Z'));
    expect(leap.erasure?.retainUntil).toBe('2036-02-29');
    expect(leap.erasure?.consentsRetainUntil).toBe('2033-02-28');
  });

  it('turns garbage into a FrontlineError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const call of [
          () => eraseCustomerRecord(a as never, b as Date),
          () => eraseCustomerRecord(customer, b as Date),
        ]) {
          try {
            call();
          } catch (error) {
            expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
          }
        }
      }),
    );
  });
});
