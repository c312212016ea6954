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

/**
 * The tenant a store is scoped to when nobody names one: a single-company host never has to.
 * @category Ports
 */
export const DEFAULT_TENANT = 'default';

/**
 * A tenant id as {@link Store.forTenant} accepts it: 1–64 ASCII letters, digits, `.`, `_` or `-`, starting with a
 * letter or digit (e.g. `acme`, `acme-hu`, `7f3c2a`). The narrow alphabet keeps it safe as a PostgreSQL setting
 * value and readable in logs.
 * @category Ports
 */
export const TenantIdInput = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'A tenant id is 1–64 ASCII letters, digits, ".", "_" or "-", starting with a letter or digit',
  );
