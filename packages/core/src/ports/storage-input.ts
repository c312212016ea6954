import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';

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

/**
 * The largest entity, outbox payload or audit payload a store takes by default, as UTF-8 JSON: 1 MiB. A contact
 * with its longest notes is about 60 kB; an entity near the ceiling is a design problem (an unbounded list on an
 * aggregate) that a store should surface, not a row PostgreSQL should grow towards its 255 MB jsonb limit.
 * @category Ports
 */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1_048_576;

/**
 * The `maxPayloadBytes` option every adapter takes: 1 KiB to 64 MiB.
 * @category Ports
 */
export const MaxPayloadBytesInput = z
  .int()
  .min(1024)
  .max(64 * 1_048_576);

const utf8 = new TextEncoder();

/**
 * Refuses `json` (what an adapter is about to store) when it is larger than `limit` bytes as UTF-8, with a
 * `ValidationError` naming `what` and the sizes — before any write, so nothing is stored. Adapters call it on every
 * entity write, outbox message and audit payload, with the same limit.
 * @category Ports
 */
export function checkPayloadSize(json: string, limit: number, what: string): void {
  // a UTF-16 code unit is at most 3 UTF-8 bytes: most payloads pass without encoding
  if (json.length * 3 <= limit) return;
  const exact = json.length <= limit ? utf8.encode(json).length : undefined;
  if (exact !== undefined && exact <= limit) return;
  const size =
    exact === undefined ? `over ${json.length.toLocaleString('en-GB')}` : exact.toLocaleString('en-GB');
  const message = `is ${size} bytes as JSON; this store takes at most ${limit.toLocaleString('en-GB')} (its maxPayloadBytes option)`;
  throw new ValidationError(`Invalid ${what}: ${message}`, [{ path: [], message, code: 'too_big' }]);
}
