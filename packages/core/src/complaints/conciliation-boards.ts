import { z } from 'zod';
import { NotFoundError, ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { CalendarDate } from '../kernel/instant';
import { CONCILIATION_BOARD_RECORDS, HUNGARIAN_COUNTY_NAMES } from './conciliation-board-data';

export {
  CONCILIATION_BOARDS_AS_OF,
  CONCILIATION_BOARDS_SOURCE,
  HUNGARIAN_COUNTY_NAMES,
  type HungarianCountyKey,
} from './conciliation-board-data';

/**
 * A county key: lower-case ASCII letters, digits, `_` and `-` (`budapest`, `borsod-abauj-zemplen`).
 * @category Complaints
 */
export const CountyKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,49}$/, 'A county key is lower-case letters, digits, "_" or "-", e.g. "pest"');

/**
 * A conciliation board (békéltető testület): the body a consumer can turn to after a rejected complaint,
 * with its seat, the counties it serves, and the date and source of the data.
 * @category Complaints
 */
export const ConciliationBoard = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/),
  name: z.string().min(1).max(200),
  /** The chamber of commerce and industry (kereskedelmi és iparkamara) the board operates beside. */
  operatedBy: z.string().min(1).max(200).optional(),
  /** The county keys whose consumers (and traders) it serves. */
  counties: z.array(CountyKey).min(1).max(50),
  /** Its seat. */
  address: z.strictObject({
    postalCode: z.string().min(2).max(12),
    city: z.string().min(1).max(100),
    street: z.string().min(1).max(200),
  }),
  phone: z.string().min(1).max(50).optional(),
  email: z.string().min(3).max(200).optional(),
  website: z.string().min(3).max(200).optional(),
  /** The date the data describes. */
  asOf: CalendarDate,
  /** Where the data comes from (a law, a published list). */
  source: z.string().min(1).max(1_000),
});
/** @category Complaints */
export type ConciliationBoard = z.infer<typeof ConciliationBoard>;

/**
 * A table of boards: no county served by two boards, no board id twice.
 * @category Complaints
 */
export const ConciliationBoardTable = z.array(ConciliationBoard).superRefine((boards, ctx) => {
  const county = new Map<string, number>();
  const ids = new Set<string>();
  boards.forEach((b, i) => {
    if (ids.has(b.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Board id "${b.id}" repeats` });
    ids.add(b.id);
    b.counties.forEach((c, j) => {
      const other = county.get(c);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'counties', j],
          message: `County "${c}" is already served by board ${other}`,
        });
      }
      county.set(c, i);
    });
  });
});

/**
 * The twenty Hungarian conciliation boards (Budapest and the nineteen counties), each with its seat, the
 * county it serves, `asOf` and `source`: Fgytv. 20. § and the list the county chambers of commerce and
 * industry publish. Provided as is — addresses and contacts change; check them against the official list
 * (bekeltetes.hu) or pass your own table to the complaint service.
 * @category Complaints
 */
export const CONCILIATION_BOARDS: readonly ConciliationBoard[] = Object.freeze(
  parseInput(ConciliationBoardTable, CONCILIATION_BOARD_RECORDS, 'conciliation boards').map((b) =>
    Object.freeze(b),
  ),
);

/**
 * Which board a consumer turns to: the one of their domicile county (lakóhely, the default), or — at their
 * request — the one of the trader's seat (székhely), Fgytv. 20. § (1).
 * @category Complaints
 */
export const BoardChoice = z.enum(['domicile', 'trader_seat']);
/** @category Complaints */
export type BoardChoice = z.infer<typeof BoardChoice>;

const strip = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/**
 * The county key of a Hungarian county or Budapest named in free text (`Pest`, `Pest vármegye`,
 * `Borsod-Abaúj-Zemplén megye`, `Budapest`, `Budapest Főváros`), else `undefined`.
 * @example countyKeyOf('Csongrád-Csanád vármegye') // 'csongrad-csanad'
 * @category Complaints
 */
export function countyKeyOf(text: string | undefined): string | undefined {
  const t = parseInput(z.string().max(200).optional(), text, 'county name');
  if (t === undefined) return undefined;
  const plain = strip(t)
    .replace(/\s+(varmegye|megye)$/, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, '-');
  if (plain === 'budapest-fovaros' || plain === 'fovaros') return 'budapest';
  return Object.keys(HUNGARIAN_COUNTY_NAMES).find((key) => key === plain);
}

/** What {@link competentBoard} needs: the consumer's choice and the two counties it may point at. */
export const BoardQuery = z.strictObject({
  choice: BoardChoice.default('domicile'),
  /** The county of the consumer's domicile (or residence). */
  consumerCounty: CountyKey.optional(),
  /** The county of the trader's seat. */
  traderSeatCounty: CountyKey.optional(),
});
/** @category Complaints */
export type BoardQuery = z.input<typeof BoardQuery>;

/**
 * The competent conciliation board: the one serving the consumer's domicile county, or — when the consumer
 * chose it — the trader's seat county. Never a default: a county that is not known is a `ValidationError`
 * naming `consumer.county` (or `office.seatCounty`), and a county no board serves is a `NotFoundError` whose
 * `details.path` names the same field.
 * @example competentBoard(CONCILIATION_BOARDS, { consumerCounty: 'pest' }).name // 'Pest Vármegyei Békéltető Testület'
 * @category Complaints
 */
export function competentBoard(boards: readonly ConciliationBoard[], query: BoardQuery): ConciliationBoard {
  const list = parseInput(ConciliationBoardTable, boards, 'conciliation boards');
  const q = parseInput(BoardQuery, query, 'board query');
  const [county, path] =
    q.choice === 'trader_seat'
      ? [q.traderSeatCounty, ['office', 'seatCounty']]
      : [q.consumerCounty, ['consumer', 'county']];
  if (county === undefined) {
    const message =
      q.choice === 'trader_seat'
        ? "The trader's seat county is not known: set office.seatCounty"
        : "The consumer's county of domicile is not known";
    throw new ValidationError(`No conciliation board: ${path.join('.')}: ${message}`, [
      { path, message, code: 'custom' },
    ]);
  }
  const found = list.find((b) => b.counties.includes(county));
  if (!found) throw new NotFoundError('conciliation board', county, { details: { county, path } });
  return found;
}
