import { z } from 'zod';

/**
 * An entity id: 1–100 characters of letters, digits, `_`, `-`, `.`, `:`. UUID v7 by default (see
 * `createUuidV7Ids`); hosts may bring their own ids in this alphabet.
 * @category Value objects
 */
export const EntityId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'An id is 1–100 letters, digits, "_", "-", "." or ":"');
/** @category Value objects */
export type EntityId = z.infer<typeof EntityId>;
