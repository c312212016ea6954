import type { ChartConfiguration } from 'chart.js';
import { z } from 'zod';

/** Paths in `value` that hold something JSON cannot carry (a function, a symbol, a bigint, a class instance). */
function unserialisable(
  value: unknown,
  path: (string | number)[],
  found: (string | number)[][],
  seen: Set<object>,
) {
  if (found.length >= 5) return;
  switch (typeof value) {
    case 'function':
    case 'symbol':
    case 'bigint':
      found.push(path);
      return;
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) {
        found.push(path);
        return;
      }
      const proto = Object.getPrototypeOf(value);
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
        found.push(path);
        return;
      }
      seen.add(value);
      for (const [key, inner] of Object.entries(value)) {
        unserialisable(inner, [...path, Array.isArray(value) ? Number(key) : key], found, seen);
      }
      seen.delete(value);
      return;
    }
    default:
      return;
  }
}

/**
 * The shape every chart.js configuration has: a chart `type`, `data` with `datasets`, and `options`.
 * @category Charts
 */
export interface PlainChartConfiguration {
  type: string;
  data: { labels?: readonly unknown[]; datasets: readonly object[] };
  options?: object;
}

const Shape = z.looseObject({
  type: z.string().min(1),
  data: z.looseObject({ datasets: z.array(z.looseObject({})) }),
  options: z.looseObject({}).optional(),
});

/**
 * A chart.js configuration that can be written into a page or sent to a worker: plain JSON (no callbacks,
 * plugin objects, class instances or cycles), with a chart `type` and `data.datasets`. The chart functions of
 * `@frontline/core/charts` make such configurations; a host may pass its own.
 * @internal
 */
export const JsonChartConfiguration = z
  .custom<PlainChartConfiguration>()
  .superRefine((config, ctx) => {
    const shape = Shape.safeParse(config);
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
      return;
    }
    const found: (string | number)[][] = [];
    unserialisable(config, [], found, new Set());
    for (const path of found) {
      ctx.addIssue({
        code: 'custom',
        path,
        message:
          'Not plain JSON (a function, class instance, symbol or cycle): a chart here must be serialisable',
      });
    }
  })
  .transform((config) => config as unknown as ChartConfiguration);
