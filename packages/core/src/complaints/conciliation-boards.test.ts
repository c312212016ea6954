import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import {
  CONCILIATION_BOARDS,
  CONCILIATION_BOARDS_SOURCE,
  ConciliationBoardTable,
  competentBoard,
  countyKeyOf,
  HUNGARIAN_COUNTY_NAMES,
} from './index';

function caught(call: () => unknown): FrontlineError {
  try {
    call();
  } catch (error) {
    if (FrontlineError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a FrontlineError');
}

describe('conciliation boards', () => {
  it('ships all twenty boards — Budapest and the nineteen counties — each serving its own county, dated and sourced', () => {
    expect(CONCILIATION_BOARDS).toHaveLength(20);
    const served = CONCILIATION_BOARDS.flatMap((b) => b.counties).sort();
    expect(served).toEqual(Object.keys(HUNGARIAN_COUNTY_NAMES).sort());
    for (const board of CONCILIATION_BOARDS) {
      expect(board.name).toMatch(/Békéltető Testület$/);
      expect(board.operatedBy).toMatch(/Kereskedelmi és Iparkamara$/);
      expect(board.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(board.source).toContain('Fgytv.');
      expect(board.source).toContain('20. §');
      expect(board.source).toContain('as is');
      expect(board.address.postalCode).toMatch(/^[1-9]\d{3}$/);
    }
    expect(CONCILIATION_BOARDS_SOURCE).toContain('kereskedelmi és iparkamara');
    expect(Object.isFrozen(CONCILIATION_BOARDS)).toBe(true);
  });

  it("chooses the board of the consumer's domicile county, or the trader's seat county when the consumer asks", () => {
    expect(competentBoard(CONCILIATION_BOARDS, { consumerCounty: 'baranya' })).toMatchObject({
      name: 'Baranya Vármegyei Békéltető Testület',
      address: { postalCode: '7625', city: 'Pécs' },
    });
    expect(competentBoard(CONCILIATION_BOARDS, { consumerCounty: 'pest' }).name).toBe(
      'Pest Vármegyei Békéltető Testület',
    );
    expect(competentBoard(CONCILIATION_BOARDS, { consumerCounty: 'budapest' })).toMatchObject({
      name: 'Budapesti Békéltető Testület',
      address: { postalCode: '1016', city: 'Budapest', street: 'Krisztina krt. 99.' },
    });
    const seat = competentBoard(CONCILIATION_BOARDS, {
      choice: 'trader_seat',
      consumerCounty: 'baranya',
      traderSeatCounty: 'budapest',
    });
    expect(seat.name).toBe('Budapesti Békéltető Testület');
  });

  it('refuses a county without a board with a typed error naming the field, never a Budapest default', () => {
    const onlyBudapest = CONCILIATION_BOARDS.filter((b) => b.counties.includes('budapest'));
    const missing = caught(() => competentBoard(onlyBudapest, { consumerCounty: 'pest' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.details).toMatchObject({ county: 'pest', path: ['consumer', 'county'] });
    const unknown = caught(() => competentBoard(CONCILIATION_BOARDS, { consumerCounty: 'atlantis' }));
    expect(unknown.code).toBe('NOT_FOUND');
    const noCounty = caught(() => competentBoard(CONCILIATION_BOARDS, {}));
    expect(noCounty.code).toBe('VALIDATION');
    expect(noCounty.details.issues).toEqual([expect.objectContaining({ path: ['consumer', 'county'] })]);
    const noSeat = caught(() =>
      competentBoard(CONCILIATION_BOARDS, { choice: 'trader_seat', consumerCounty: 'pest' }),
    );
    expect(noSeat.details.issues).toEqual([expect.objectContaining({ path: ['office', 'seatCounty'] })]);
  });

  it('refuses a table that serves one county twice', () => {
    const [first] = CONCILIATION_BOARDS;
    const twice = [first, { ...first, id: 'other' }];
    expect(ConciliationBoardTable.safeParse(twice).success).toBe(false);
    expect(caught(() => competentBoard(twice as never, { consumerCounty: 'budapest' })).code).toBe(
      'VALIDATION',
    );
  });

  it('reads a county key from the free-text county of an address', () => {
    expect(countyKeyOf('Pest vármegye')).toBe('pest');
    expect(countyKeyOf('Borsod-Abaúj-Zemplén megye')).toBe('borsod-abauj-zemplen');
    expect(countyKeyOf('Csongrád - Csanád')).toBe('csongrad-csanad');
    expect(countyKeyOf('Budapest Főváros')).toBe('budapest');
    expect(countyKeyOf('Tirol')).toBeUndefined();
    expect(countyKeyOf(undefined)).toBeUndefined();
  });
});
