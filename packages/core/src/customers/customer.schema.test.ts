import { parseInput, type ValidationError } from '@frontline/core';
import {
  Customer,
  CustomerChanges,
  NewContactPoint,
  RegisterCustomerInput,
} from '@frontline/core/service-desk';
import { sampleCustomer } from '@frontline/testing';
import { describe, expect, it } from 'vitest';

function issuePaths(run: () => unknown): (string | number)[][] {
  try {
    run();
  } catch (error) {
    return (error as ValidationError).issues.map((i) => [...i.path]);
  }
  throw new Error('expected a ValidationError');
}

describe('customer schema', () => {
  const actor = { id: 'a1', permissions: ['customer.write'] };

  it('stores phones in E.164 whichever way they were written, and names the path of a bad one', () => {
    const input = parseInput(RegisterCustomerInput, {
      actor,
      familyName: 'Kiss',
      contactPoints: [{ kind: 'phone', value: '06 30 123 4567' }],
    });
    expect(input.contactPoints[0]).toEqual({ kind: 'phone', value: '+36301234567' });
    expect(
      issuePaths(() =>
        parseInput(RegisterCustomerInput, {
          actor,
          familyName: 'Kiss',
          contactPoints: [
            { kind: 'email', value: 'kiss.anna@example.hu' },
            { kind: 'phone', value: '06 30 123' },
          ],
        }),
      ),
    ).toEqual([['contactPoints', 1, 'value']]);
    expect(issuePaths(() => parseInput(NewContactPoint, { kind: 'fax', value: '1' }))).toEqual([['kind']]);
  });

  it('needs a family name for a person and an organisation name for an organisation', () => {
    expect(issuePaths(() => sampleCustomer({ familyName: undefined }))).toEqual([['familyName']]);
    expect(
      issuePaths(() =>
        sampleCustomer({ kind: 'organisation', familyName: undefined, givenNames: [], birthDate: undefined }),
      ),
    ).toEqual([['organisationName']]);
    expect(issuePaths(() => sampleCustomer({ organisationName: 'Példa Kft.' }))).toEqual([
      ['organisationName'],
    ]);
  });

  it('refuses a preferred channel without a contact point, and duplicate contact points', () => {
    expect(
      issuePaths(() =>
        sampleCustomer({
          contactPoints: [{ id: 'p', kind: 'phone', value: '+36301234567' }],
          preferredChannel: 'letter',
        }),
      ),
    ).toEqual([['preferredChannel']]);
    expect(
      issuePaths(() =>
        sampleCustomer({
          preferredChannel: 'sms',
          contactPoints: [
            { id: 'p1', kind: 'phone', value: '+36301234567' },
            { id: 'p2', kind: 'phone', value: '06 30 123 4567' },
          ],
        }),
      ),
    ).toEqual([['contactPoints', 1]]);
  });

  it('lets an erased customer keep nothing personal', () => {
    expect(
      issuePaths(() =>
        parseInput(Customer, {
          ...sampleCustomer(),
          status: 'erased',
          erasure: {
            at: '2026-03-02T08:00:00Z',
            retainUntil: '2034-03-02',
            consentsRetainUntil: '2031-03-02',
          },
        }),
      ),
    ).toEqual([
      ['familyName'],
      ['birthDate'],
      ['preferredChannel'],
      ['givenNames'],
      ['contactPoints'],
      ['segmentTags'],
    ]);
  });

  it('accepts only the fields an update may change', () => {
    expect(parseInput(CustomerChanges, { birthDate: null, segmentTags: ['vip'] })).toEqual({
      birthDate: null,
      segmentTags: ['vip'],
    });
    expect(issuePaths(() => parseInput(CustomerChanges, { kind: 'organisation' }))).toEqual([[]]);
  });
});
