import { describeValue } from '@frontline/core';
import { z } from 'zod';
import { conditionSchema, operatorFits, type SegmentCondition } from './segment-condition';
import { isSegmentField, SEGMENT_FIELDS, SEGMENT_OPERATORS } from './segment-fields';

/**
 * A segment filter: a condition, or `all` (every part matches), `any` (at least one part matches) or `not`
 * (the part does not match) over other filters. Plain JSON, so a CRM can store and edit it.
 * @example
 * const loyalBudapest: SegmentFilter = { all: [
 *   { field: 'county', op: 'eq', value: 'Budapest' },
 *   { field: 'customerSince', op: 'tenure', unit: 'years', min: 5 },
 *   { not: { field: 'segmentTags', op: 'hasTag', tag: 'churned' } },
 * ] };
 * @category Segments
 */
export type SegmentFilter =
  | SegmentCondition
  | { all: SegmentFilter[] }
  | { any: SegmentFilter[] }
  | { not: SegmentFilter };

/**
 * How deep `all`/`any`/`not` may nest, and how many nodes a filter may have: a stored filter stays small.
 * @category Segments
 */
export const SEGMENT_FILTER_LIMITS = { depth: 16, nodes: 1000 } as const;

const Parts = z.array(z.unknown()).min(1, 'A combinator needs at least one part').max(200);
const combinators = {
  all: z.strictObject({ all: Parts }),
  any: z.strictObject({ any: Parts }),
  not: z.strictObject({ not: z.unknown() }),
} as const;

type Path = (string | number)[];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function copyIssues(result: z.ZodSafeParseResult<unknown>, path: Path, ctx: z.RefinementCtx): boolean {
  if (result.success) return true;
  for (const issue of result.error.issues) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
      message: issue.message,
    });
  }
  return false;
}

function checkCondition(
  node: Record<string, unknown>,
  path: Path,
  ctx: z.RefinementCtx,
): SegmentFilter | undefined {
  const { field, op } = node;
  if (!isSegmentField(field)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'field'],
      message: `No profile field ${describeValue(field)}; the fields are ${Object.keys(SEGMENT_FIELDS).join(', ')}`,
    });
    return undefined;
  }
  if (!operatorFits(field, op)) {
    const type = SEGMENT_FIELDS[field].type;
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'op'],
      message: `The operator ${describeValue(op)} does not fit "${field}" (a ${type} field); use ${SEGMENT_OPERATORS[type].join(', ')}`,
    });
    return undefined;
  }
  const result = conditionSchema(field, op).safeParse(node);
  return copyIssues(result, path, ctx) ? (result.data as SegmentFilter) : undefined;
}

function checkNode(
  node: unknown,
  path: Path,
  ctx: z.RefinementCtx,
  budget: { nodes: number },
): SegmentFilter | undefined {
  budget.nodes += 1;
  if (budget.nodes > SEGMENT_FILTER_LIMITS.nodes) {
    if (budget.nodes === SEGMENT_FILTER_LIMITS.nodes + 1) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `A filter has at most ${SEGMENT_FILTER_LIMITS.nodes} nodes`,
      });
    }
    return undefined;
  }
  if (path.filter((p) => p === 'all' || p === 'any' || p === 'not').length > SEGMENT_FILTER_LIMITS.depth) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `Filters nest at most ${SEGMENT_FILTER_LIMITS.depth} deep`,
    });
    return undefined;
  }
  if (!isPlainObject(node)) {
    ctx.addIssue({ code: 'custom', path, message: `Expected a filter object, got ${describeValue(node)}` });
    return undefined;
  }
  if (Object.hasOwn(node, 'field')) return checkCondition(node, path, ctx);
  for (const key of ['all', 'any'] as const) {
    if (!Object.hasOwn(node, key)) continue;
    const result = combinators[key].safeParse(node);
    if (!copyIssues(result, path, ctx)) return undefined;
    const parts = (node[key] as unknown[]).map((part, i) => checkNode(part, [...path, key, i], ctx, budget));
    return parts.every((p) => p !== undefined) ? ({ [key]: parts } as SegmentFilter) : undefined;
  }
  if (Object.hasOwn(node, 'not')) {
    if (!copyIssues(combinators.not.safeParse(node), path, ctx)) return undefined;
    const part = checkNode(node.not, [...path, 'not'], ctx, budget);
    return part === undefined ? undefined : { not: part };
  }
  ctx.addIssue({
    code: 'custom',
    path,
    message: 'A filter is { all: [...] }, { any: [...] }, { not: ... } or a condition { field, op, ... }',
  });
  return undefined;
}

/**
 * The schema of a {@link SegmentFilter}. Every problem is an issue at its own path, all reported together: a
 * field the profile does not have (`['all', 0, 'field']`), an operator that does not fit the field's type
 * (`['any', 1, 'op']`), a bad operand (`['not', 'days']`), an unknown key, an empty `all` or `any`. The output
 * is a fresh copy of the filter.
 * @category Segments
 */
export const SegmentFilter: z.ZodType<SegmentFilter, unknown> = z.unknown().transform((input, ctx) => {
  const filter = checkNode(input, [], ctx, { nodes: 0 });
  return filter === undefined ? z.NEVER : filter;
});
