import { z } from 'zod';

/**
 * The languages Frontline writes in: Hungarian and English.
 * @category Value objects
 */
export const Locale = z.enum(['hu', 'en']);
/** @category Value objects */
export type Locale = z.infer<typeof Locale>;
