import { z } from 'zod';

const Key = z.union([z.string().max(1000), z.number().finite()]);

/**
 * The schema adapters validate a {@link Query} with.
 * @category Ports
 */
export const QueryInput = z.union([
  z.strictObject({
    index: z.string().min(1),
    equals: Key,
    limit: z.number().int().min(0).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  }),
  z.strictObject({
    index: z.string().min(1),
    from: Key.optional(),
    to: Key.optional(),
    limit: z.number().int().min(0).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  }),
]);

/**
 * An entity id as repositories accept it.
 * @category Ports
 */
export const IdInput = z.string().min(1).max(200);

/**
 * An expected version as repositories accept it.
 * @category Ports
 */
export const VersionInput = z.number().int().min(1);
