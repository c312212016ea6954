import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text every adapter can store and look up: no NUL character (PostgreSQL text cannot hold U+0000) and no unpaired
 * UTF-16 surrogate, at most `max` characters. The one rule ids, keys and audit filters are checked with, before
 * any SQL, on every adapter.
 * @category Ports
 */
export const StorableText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character (U+0000)')
    .refine((s) => !LONE_SURROGATE.test(s), 'must not contain an unpaired UTF-16 surrogate');

const Key = z.union([StorableText(1000), z.number().finite()]);

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
 * An entity id as repositories accept it — on insert and on every lookup alike, so an id that can be stored can
 * always be found and deleted.
 * @category Ports
 */
export const IdInput = StorableText(200).min(1);

/**
 * The filter `AuditStore.read` accepts.
 * @category Ports
 */
export const AuditReadInput = z.strictObject({
  entityType: StorableText(100).optional(),
  entityId: StorableText(200).optional(),
  fromSeq: z.union([z.number(), z.nan()]).optional(),
});

/**
 * An expected version as repositories accept it.
 * @category Ports
 */
export const VersionInput = z.number().int().min(1);
