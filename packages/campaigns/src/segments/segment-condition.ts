import type { CalendarDate } from '@frontline/core';
import { CalendarDate as CalendarDateSchema, CurrencyCode } from '@frontline/core';
import { z } from 'zod';
import { SEGMENT_FIELDS, SEGMENT_OPERATORS, type SegmentField } from './segment-fields';

type FieldsOf<T extends string> = {
  [K in SegmentField]: (typeof SEGMENT_FIELDS)[K]['type'] extends T ? K : never;
}[SegmentField];

/**
 * One test on one profile field. The operators by field type (see {@link SegmentFieldType}):
 * - `eq` / `in` — the field equals the value / one of the values;
 * - `exists` — `value: true` when the field is present, `false` when absent (every other operator is false on
 *   an absent field, so "never contacted" is `{ field: 'lastContactAt', op: 'exists', value: false }`);
 * - `range` on a date — `from`/`to` calendar dates, both inclusive; on `contactCount` — `min`/`max`
 *   inclusive; on `value` — `min`/`max` in integer minor units **in `currency`** (a value in another currency
 *   does not match: no exchange rates are guessed);
 * - `tenure` on a date — whole months or years from the date to the as-of day (see {@link tenureOn}), `min`
 *   and `max` inclusive; on `birthDate` it is the age;
 * - `within` / `before` on `lastContactAt` — the last contact is at most / more than `days` × 24 hours before
 *   the as-of instant (they split every profile that has a last contact);
 * - `hasTag` / `hasAnyTag` / `hasAllTags` on `tags` or `segmentTags`.
 * @category Segments
 */
export type SegmentCondition =
  | { field: FieldsOf<'keyword'>; op: 'eq'; value: string }
  | { field: FieldsOf<'keyword'>; op: 'in'; values: string[] }
  | { field: Exclude<SegmentField, FieldsOf<'tags'>>; op: 'exists'; value: boolean }
  | { field: FieldsOf<'date'>; op: 'range'; from?: CalendarDate; to?: CalendarDate }
  | { field: FieldsOf<'date'>; op: 'tenure'; unit: TenureUnit; min?: number; max?: number }
  | { field: 'contactCount'; op: 'eq'; value: number }
  | { field: 'contactCount'; op: 'range'; min?: number; max?: number }
  | { field: 'value'; op: 'range'; currency: string; min?: number; max?: number }
  | { field: 'lastContactAt'; op: 'within' | 'before'; days: number }
  | { field: FieldsOf<'tags'>; op: 'hasTag'; tag: string }
  | { field: FieldsOf<'tags'>; op: 'hasAnyTag' | 'hasAllTags'; tags: string[] };

/** The unit tenure is counted in. @category Segments */
export type TenureUnit = 'months' | 'years';

const Count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const Amount = z.int().refine(Number.isSafeInteger, 'The amount is beyond the safe integer range');
const Days = z.int().min(0).max(36_600);
const Months = z.int().min(0).max(12_000);

const atLeastOne = (keys: readonly string[]) => (o: Record<string, unknown>) =>
  keys.some((k) => o[k] !== undefined);

function bounded<S extends z.ZodType>(bound: S, low: string, high: string) {
  return {
    shape: { [low]: bound.optional(), [high]: bound.optional() },
    check: (o: Record<string, unknown>, ctx: z.RefinementCtx) => {
      if (!atLeastOne([low, high])(o)) {
        ctx.addIssue({ code: 'custom', path: [low], message: `A range needs "${low}", "${high}" or both` });
      } else if (o[low] !== undefined && o[high] !== undefined && (o[low] as never) > (o[high] as never)) {
        ctx.addIssue({ code: 'custom', path: [high], message: `"${high}" is before "${low}"` });
      }
    },
  };
}

/** The operand schema (everything but `field` and `op`) of an operator on a field. */
function operandShape(field: SegmentField, op: string): { shape: z.ZodRawShape; check?: typeof noCheck } {
  const spec = SEGMENT_FIELDS[field];
  const value = 'value' in spec ? spec.value : z.never();
  switch (op) {
    case 'eq':
      return { shape: { value } };
    case 'in':
      return { shape: { values: z.array(value).min(1).max(1000) } };
    case 'exists':
      return { shape: { value: z.boolean() } };
    case 'range':
      if (spec.type === 'date') return bounded(CalendarDateSchema, 'from', 'to');
      if (spec.type === 'money') {
        const b = bounded(Amount, 'min', 'max');
        return { shape: { currency: CurrencyCode, ...b.shape }, check: b.check };
      }
      return bounded(Count, 'min', 'max');
    case 'tenure': {
      const b = bounded(Months, 'min', 'max');
      return { shape: { unit: z.enum(['months', 'years']), ...b.shape }, check: b.check };
    }
    case 'within':
    case 'before':
      return { shape: { days: Days } };
    case 'hasTag':
      return { shape: { tag: value } };
    default:
      return { shape: { tags: z.array(value).min(1).max(200) } };
  }
}

function noCheck(_o: Record<string, unknown>, _ctx: z.RefinementCtx): void {}

const schemas = new Map<string, z.ZodType>();

/**
 * The strict schema of a condition on `field` with `op` (known to fit), built once per pair: unknown keys and
 * operands of the wrong type are issues at their own paths.
 */
export function conditionSchema(field: SegmentField, op: string): z.ZodType<SegmentCondition> {
  const key = `${field} ${op}`;
  let schema = schemas.get(key);
  if (!schema) {
    const { shape, check = noCheck } = operandShape(field, op);
    schema = z
      .strictObject({ field: z.literal(field), op: z.literal(op), ...shape })
      .superRefine((o, ctx) => check(o as Record<string, unknown>, ctx));
    schemas.set(key, schema);
  }
  return schema as z.ZodType<SegmentCondition>;
}

/** True when `op` fits the type of `field`. */
export function operatorFits(field: SegmentField, op: unknown): op is string {
  return typeof op === 'string' && SEGMENT_OPERATORS[SEGMENT_FIELDS[field].type].includes(op);
}
