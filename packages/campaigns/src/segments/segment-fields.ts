import { CalendarDate, EntityId, Locale, TimeZone } from '@frontline/core';
import { ContactChannel, CustomerKind, SegmentTag } from '@frontline/core/service-desk';
import { z } from 'zod';
import { ProfileTag } from './segment-profile';

/**
 * The type of a profile field, which decides the operators a condition on it may use:
 * - `keyword` (`customerId`, `kind`, `preferredChannel`, `county`, `postalCode`, `language`, `timeZone`):
 *   `eq`, `in`, `exists`;
 * - `date` (`birthDate`, `customerSince`, `contractStart`): `range`, `tenure`, `exists`;
 * - `number` (`contactCount`): `eq`, `range`, `exists`; `money` (`value`): `range`, `exists`;
 * - `instant` (`lastContactAt`): `within`, `before`, `exists`;
 * - `tags` (`tags`, `segmentTags`): `hasTag`, `hasAnyTag`, `hasAllTags`.
 * @category Segments
 */
export type SegmentFieldType = 'keyword' | 'date' | 'number' | 'money' | 'instant' | 'tags';

interface FieldSpec {
  readonly type: SegmentFieldType;
  /** The schema of one value of the field (for `eq`, `in`, `hasTag`). */
  readonly value?: z.ZodType;
}

const Text = z.string().min(1).max(100);

/**
 * Every field a condition may name, with its type and the schema of one of its values: the table a filter
 * builder in a host UI can draw from.
 * @category Segments
 */
export const SEGMENT_FIELDS = {
  customerId: { type: 'keyword', value: EntityId },
  kind: { type: 'keyword', value: CustomerKind },
  preferredChannel: { type: 'keyword', value: ContactChannel },
  county: { type: 'keyword', value: Text },
  postalCode: { type: 'keyword', value: Text },
  language: { type: 'keyword', value: Locale },
  timeZone: { type: 'keyword', value: TimeZone },
  birthDate: { type: 'date', value: CalendarDate },
  customerSince: { type: 'date', value: CalendarDate },
  contractStart: { type: 'date', value: CalendarDate },
  contactCount: { type: 'number', value: z.int().min(0).max(Number.MAX_SAFE_INTEGER) },
  value: { type: 'money' },
  lastContactAt: { type: 'instant' },
  tags: { type: 'tags', value: ProfileTag },
  segmentTags: { type: 'tags', value: SegmentTag },
} as const satisfies Record<string, FieldSpec>;

/** The name of a field a condition may ask about. @category Segments */
export type SegmentField = keyof typeof SEGMENT_FIELDS;

/**
 * The operators each field type allows (the `SegmentCondition` type says what each one means).
 * @category Segments
 */
export const SEGMENT_OPERATORS: Record<SegmentFieldType, readonly string[]> = {
  keyword: ['eq', 'in', 'exists'],
  date: ['range', 'tenure', 'exists'],
  number: ['eq', 'range', 'exists'],
  money: ['range', 'exists'],
  instant: ['within', 'before', 'exists'],
  tags: ['hasTag', 'hasAnyTag', 'hasAllTags'],
};

/** True when `name` is a field a condition may name (own keys only, so `__proto__` or `toString` is not). */
export function isSegmentField(name: unknown): name is SegmentField {
  return typeof name === 'string' && Object.hasOwn(SEGMENT_FIELDS, name);
}
