import { z } from 'zod';
import { NotFoundError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';

/**
 * A body a customer can turn to after a rejected complaint: a conciliation board (békéltető testület) or an
 * authority, with its address and contacts.
 * @category Complaints
 */
export const ConciliationBoard = z.strictObject({
  /** The county (vármegye) key it serves, e.g. `budapest`, `pest`. */
  county: z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/),
  name: z.string().min(1).max(200),
  address: z.strictObject({
    postalCode: z.string().min(2).max(12),
    city: z.string().min(1).max(100),
    street: z.string().min(1).max(200),
  }),
  phone: z.string().min(1).max(50).optional(),
  email: z.string().min(3).max(200).optional(),
  website: z.string().min(3).max(200).optional(),
});
/** @category Complaints */
export type ConciliationBoard = z.infer<typeof ConciliationBoard>;

/**
 * The conciliation boards the SDK ships, keyed by county. Only the Budapest board is included.
 *
 * The host must check this data against the current official list (bekeltetes.hu) before relying on it:
 * addresses and contacts change, and the competent board follows the consumer's residence. Hosts pass their
 * own, complete table to the complaint service.
 * @category Complaints
 */
export const CONCILIATION_BOARDS: readonly ConciliationBoard[] = Object.freeze([
  Object.freeze({
    county: 'budapest',
    name: 'Budapesti Békéltető Testület',
    address: { postalCode: '1016', city: 'Budapest', street: 'Krisztina krt. 99.' },
    phone: '+36 1 488 2131',
    email: 'bekelteto.testulet@bkik.hu',
    website: 'https://bekeltet.bkik.hu',
  }),
]);

/**
 * The board for `county` in `boards`, else the one for `fallbackCounty` (default `budapest`), else a
 * `NotFoundError`.
 * @example competentBoard(CONCILIATION_BOARDS, 'pest').name // 'Budapesti Békéltető Testület' (fallback)
 * @category Complaints
 */
export function competentBoard(
  boards: readonly ConciliationBoard[],
  county: string | undefined,
  fallbackCounty = 'budapest',
): ConciliationBoard {
  const list = parseInput(z.array(ConciliationBoard), boards, 'conciliation boards');
  const c = parseInput(z.string().optional(), county, 'county');
  const f = parseInput(z.string(), fallbackCounty, 'fallback county');
  const found = list.find((b) => b.county === c) ?? list.find((b) => b.county === f);
  if (!found) throw new NotFoundError('conciliation board', c ?? f);
  return found;
}
