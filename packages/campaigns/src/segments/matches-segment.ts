import { parseInput } from '@frontline/core';
import { compileSegment, type SegmentMatchOptionsInput } from './compile-segment';
import { SegmentProfile, type SegmentProfileInput } from './segment-profile';

/**
 * True when a customer profile is in the segment a filter describes, as of an instant. Validates the profile
 * and the filter on every call; to test many profiles, {@link compileSegment} once.
 * @throws ValidationError naming the bad path: `['profile', …]`, `['filter', …]` (a field the profile does
 *   not have, an operator that does not fit the field) or `['options', 'asOf']`.
 * @example
 * matchesSegment(
 *   { customerId: 'c-1', kind: 'person', customerSince: '2019-05-01', segmentTags: ['vip'] },
 *   { all: [{ field: 'segmentTags', op: 'hasTag', tag: 'vip' }, { field: 'customerSince', op: 'tenure', unit: 'years', min: 5 }] },
 *   { asOf: new Date('2026-12-02T18:00:00Z') },
 * ) // true
 * @category Segments
 */
export function matchesSegment(
  profile: SegmentProfileInput,
  filter: unknown,
  options: SegmentMatchOptionsInput,
): boolean {
  const parsed = parseInput(SegmentProfile, profile, 'segment profile', ['profile']);
  return compileSegment(filter)(parsed, options);
}
