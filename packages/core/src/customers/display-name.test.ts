import { FrontlineError } from '@frontline/core';
import { customerDisplayName, formatPersonName } from '@frontline/core/service-desk';
import { sampleCustomer } from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('display names', () => {
  it('puts the family name first in Hungarian and last in English', () => {
    expect(formatPersonName({ familyName: 'Kiss', givenNames: ['Anna'] }, 'hu')).toBe('Kiss Anna');
    expect(formatPersonName({ familyName: 'Kiss', givenNames: ['Anna'] }, 'en')).toBe('Anna Kiss');
    expect(formatPersonName({ familyName: 'Szabó-Nagy', givenNames: ['Éva', 'Katalin'] }, 'en')).toBe(
      'Éva Katalin Szabó-Nagy',
    );
    expect(formatPersonName({ familyName: 'Madonna' }, 'hu')).toBe('Madonna');
  });

  it('shows a customer in its own locale unless told otherwise, an organisation by its name', () => {
    const anna = sampleCustomer();
    expect(customerDisplayName(anna)).toBe('Kiss Anna Mária');
    expect(customerDisplayName(anna, 'en')).toBe('Anna Mária Kiss');
    expect(customerDisplayName(sampleCustomer({ locale: 'en' }))).toBe('Anna Mária Kiss');
    const firm = sampleCustomer({
      kind: 'organisation',
      familyName: undefined,
      givenNames: [],
      birthDate: undefined,
      organisationName: 'Példa Kft.',
    });
    expect(customerDisplayName(firm, 'en')).toBe('Példa Kft.');
  });

  it('turns garbage into a FrontlineError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const call of [
          () => formatPersonName(a as never, b as 'hu'),
          () => customerDisplayName(a as never, b as 'hu'),
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
