import { z } from 'zod';
import { parseInput } from '../errors/validate';

/**
 * A postal address. `country` is ISO 3166 alpha-2; a Hungarian address (`HU`) needs a four-digit postal code
 * (irányítószám).
 * @category Value objects
 */
export const PostalAddress = z
  .object({
    /** Addressee line(s) above the street: a name, a company, "c/o". */
    recipient: z.string().trim().min(1).max(200).optional(),
    /** Street, house number, building, floor, door — one or two lines (utca, házszám, emelet, ajtó). */
    lines: z.array(z.string().trim().min(1).max(200)).min(1).max(3),
    /** Town or city (település). */
    locality: z.string().trim().min(1).max(100),
    /** Postal code (irányítószám). */
    postalCode: z.string().trim().min(2).max(12),
    /** Region or county, where the country uses one in addresses. */
    region: z.string().trim().min(1).max(100).optional(),
    /** ISO 3166-1 alpha-2 country code. */
    country: z.string().regex(/^[A-Z]{2}$/, 'A country is two capital letters (ISO 3166), e.g. "HU"'),
  })
  .superRefine((address, ctx) => {
    if (address.country === 'HU' && !/^[1-9]\d{3}$/.test(address.postalCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['postalCode'],
        message: 'A Hungarian postal code is four digits (e.g. 1051)',
      });
    }
  });
/** @category Value objects */
export type PostalAddress = z.infer<typeof PostalAddress>;

/**
 * The address as the lines of an envelope.
 *
 * - `hu` — Magyar Posta's layout: recipient, town, street and number, postal code on its own line
 *   (`Budapest` / `Kossuth Lajos tér 1.` / `1055`).
 * - `international` — recipient, street lines, `postalCode locality`, region, and the country name in
 *   English capitals when it is abroad from `from` (default `HU`).
 * @example formatPostalAddress(addr, 'hu').join('\n')
 * @category Value objects
 */
export function formatPostalAddress(
  address: PostalAddress,
  layout?: 'hu' | 'international',
  from = 'HU',
): string[] {
  const a = parseInput(PostalAddress, address, 'postal address');
  const chosen =
    parseInput(z.enum(['hu', 'international']).optional(), layout, 'layout') ??
    (a.country === 'HU' ? 'hu' : 'international');
  parseInput(z.string().regex(/^[A-Z]{2}$/), from, 'from');
  const head = a.recipient ? [a.recipient] : [];
  if (chosen === 'hu') return [...head, a.locality, ...a.lines, a.postalCode];
  const abroad = a.country !== from;
  const country = abroad
    ? (new Intl.DisplayNames(['en'], { type: 'region' }).of(a.country) ?? a.country).toUpperCase()
    : undefined;
  return [
    ...head,
    ...a.lines,
    `${a.postalCode} ${a.locality}`,
    ...(a.region ? [a.region] : []),
    ...(country ? [country] : []),
  ];
}
