import { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { Store } from '../ports/storage';

/** True when `value` is an object with a function under each of `names` (a port check, never a TypeError). */
export const hasMethods = (value: unknown, ...names: string[]) =>
  typeof value === 'object' &&
  value !== null &&
  names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/**
 * The ports every service factory checks before use, so a host wiring mistake is a `ValidationError` naming the
 * port, not a `TypeError` on first use. The host's own objects are kept (a parsed copy would lose their `this`).
 * The one port check of the kit.
 */
export const ServicePorts = z.looseObject({
  store: z.custom<Store>((v) => hasMethods(v, 'transaction', 'repository'), 'Expected a Store'),
  clock: z.custom<Clock>((v) => hasMethods(v, 'now'), 'Expected a Clock'),
  ids: z.custom<IdGenerator>((v) => hasMethods(v, 'next'), 'Expected an IdGenerator'),
});
