import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/frontline-error';
import {
  complaintDeadlines,
  complaintRetainUntil,
  HUNGARIAN_CONSUMER_POLICY,
  selectComplaintPolicy,
} from './index';

describe('complaint policy', () => {
  it('puts the answer deadline at the end of the 30th calendar day after receipt, warning 5 days before (Fgytv. 17/A. § (7))', () => {
    const { dueAt, warnAt } = complaintDeadlines('2026-03-02T08:00:00Z', HUNGARIAN_CONSUMER_POLICY);
    expect(dueAt.toISOString()).toBe('2026-04-01T21:59:59.999Z'); // 1 April 23:59:59.999 in Budapest
    expect(warnAt.toISOString()).toBe('2026-03-27T22:59:59.999Z');
  });

  it('lets a sector set its own deadline and falls back to the consumer policy', () => {
    const telecom = {
      ...HUNGARIAN_CONSUMER_POLICY,
      id: 'hu.telecom.example',
      sector: 'telecom',
      answerDays: 15,
    };
    const policies = [HUNGARIAN_CONSUMER_POLICY, telecom];
    expect(selectComplaintPolicy(policies, 'HU', 'telecom').answerDays).toBe(15);
    expect(selectComplaintPolicy(policies, 'HU', 'financial').id).toBe('hu.consumer');
    expect(() => selectComplaintPolicy(policies, 'AT', 'consumer')).toThrow(/not found/);
    expect(() => selectComplaintPolicy([{ ...telecom, answerDays: 0 }], 'HU', 'telecom')).toThrow(
      ValidationError,
    );
  });

  it('keeps the case file five years after closing', () => {
    expect(complaintRetainUntil('2026-05-10T10:00:00Z', HUNGARIAN_CONSUMER_POLICY).toISOString()).toBe(
      '2031-05-10T10:00:00.000Z',
    );
  });
});
