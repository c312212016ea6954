import { z } from 'zod';

/**
 * The schema adapters validate {@link NewOutboxMessage} with (payload must be JSON).
 * @category Ports
 */
export const NewOutboxMessageInput = z.object({
  topic: z.string().min(1).max(200),
  payload: z.json(),
  dedupeKey: z.string().min(1).max(500).optional(),
  availableAt: z.date().optional(),
});

/**
 * The schema adapters validate claim options with.
 * @category Ports
 */
export const ClaimOptionsInput = z.object({
  worker: z.string().min(1).max(200),
  limit: z.number().int().min(1).max(10_000),
  leaseMs: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600 * 1000),
});

/**
 * The schema adapters validate fail options with.
 * @category Ports
 */
export const FailOptionsInput = z.object({
  error: z.string().max(100_000),
  retryAt: z.date().optional(),
  maxAttempts: z.number().int().min(1).max(1000).optional(),
});

/**
 * The schema adapters validate a claim handle (complete/fail) with.
 * @category Ports
 */
export const ClaimHandleInput = z.object({
  id: z.string().min(1).max(200),
  leaseToken: z.string().min(1).max(200),
});

/**
 * The schema adapters validate an {@link OutboxRedaction} with (the `redact` function is checked to be one).
 * @category Ports
 */
export const OutboxRedactionInput = z.object({
  path: z.array(z.string().min(1).max(200)).min(1).max(5),
  values: z.array(z.string().min(1).max(500)).min(1).max(10_000),
  redact: z.custom<(message: unknown) => unknown>(
    (v) => typeof v === 'function',
    'redact must be a function',
  ),
});

/**
 * The string at `path` in a payload, or `undefined` (what {@link OutboxRedactionInput}'s `path` matches on).
 * @category Ports
 */
export function payloadStringAt(payload: unknown, path: readonly string[]): string | undefined {
  let value: unknown = payload;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}
