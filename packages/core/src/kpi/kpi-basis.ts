import { z } from 'zod';

/**
 * What a rate counts: `tickets` (requests, the default) or `contacts`.
 * @category KPIs
 */
export const KpiBasis = z.enum(['tickets', 'contacts']);
/** @category KPIs */
export type KpiBasis = z.infer<typeof KpiBasis>;

/** Options naming the basis of a rate. @category KPIs */
export const KpiBasisOptions = z.strictObject({ basis: KpiBasis.default('tickets') });
/** @category KPIs */
export type KpiBasisOptions = z.input<typeof KpiBasisOptions>;
