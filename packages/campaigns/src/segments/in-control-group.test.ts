import { createHash } from 'node:crypto';
import { controlGroupDraw, inControlGroup } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/issue-paths';

const IDS = Array.from({ length: 20_000 }, (_, i) => `cust-${i.toString(36)}`);

describe('inControlGroup', () => {
  it('answers the same for the same customer and campaign, every time', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        (customer, campaign) => {
          expect(inControlGroup(customer, campaign, 0.2)).toBe(inControlGroup(customer, campaign, 0.2));
        },
      ),
    );
  });

  it('pins the hash: SHA-256 of campaign id, NUL, customer id, first 48 bits', () => {
    // sha256("spring-2027\0c-1") begins 25874ac5dbc6: 0x25874ac5dbc6 / 2^48 — a host in another language can
    // reproduce the split from this rule alone
    expect(controlGroupDraw('c-1', 'spring-2027')).toBe(0x25874ac5dbc6 / 2 ** 48);
    expect(controlGroupDraw('c-1', 'spring-2027')).toBeCloseTo(0.1466, 4);
    expect(controlGroupDraw('cust-42', 'winter')).toBe(expectedDraw('cust-42', 'winter'));
    expect(inControlGroup('c-1', 'spring-2027', 0)).toBe(false);
    expect(inControlGroup('c-1', 'spring-2027', 1)).toBe(true);
  });

  it('holds back the share asked for: within 1.5 percentage points over 20,000 ids for shares of 5–50%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 50 }),
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        (percent, campaign) => {
          const held = IDS.filter((id) => inControlGroup(id, campaign, percent / 100)).length;
          expect(Math.abs((held / IDS.length) * 100 - percent)).toBeLessThanOrEqual(1.5);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('splits different campaigns independently: the overlap of two groups is the product of their shares', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 50 }),
        fc.integer({ min: 10, max: 50 }),
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 2, maxLength: 2 }),
        (p, q, [a, b]) => {
          const inA = IDS.map((id) => inControlGroup(id, a as string, p / 100));
          const both = IDS.filter((id, i) => inA[i] && inControlGroup(id, b as string, q / 100)).length;
          const heldA = inA.filter(Boolean).length;
          // among A's control group, B holds back its own share
          expect(Math.abs(both / heldA - q / 100)).toBeLessThanOrEqual(0.04);
        },
      ),
      { numRuns: 5 },
    );
  });

  it('only adds customers when the share grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y) => {
          const [lo, hi] = x < y ? [x, y] : [y, x];
          for (const id of IDS.slice(0, 200)) {
            if (inControlGroup(id, 'winter', lo)) expect(inControlGroup(id, 'winter', hi)).toBe(true);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses a share outside 0–1 and a bad id', () => {
    expect(issuePaths(() => inControlGroup('c-1', 'x', 10))).toEqual([['share']]);
    expect(issuePaths(() => inControlGroup('c 1', '', 0.1))).toEqual([['customerId'], ['campaignId']]);
  });
});

function expectedDraw(customer: string, campaign: string): number {
  const hex = createHash('sha256').update(`${campaign}\0${customer}`).digest('hex');
  return Number.parseInt(hex.slice(0, 12), 16) / 2 ** 48;
}
