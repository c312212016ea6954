/**
 * The Hungarian conciliation boards (békéltető testületek) as data: one for Budapest and one for each of the
 * nineteen counties (vármegyék). Each board operates beside the chamber of commerce and industry
 * (kereskedelmi és iparkamara) of its county, Fgytv. (1997. évi CLV. törvény a fogyasztóvédelemről) 20. §.
 *
 * Validated with zod in `conciliation-boards.ts`; this file holds only the values.
 */

/** The date the values below describe. */
export const CONCILIATION_BOARDS_AS_OF = '2026-03-01';

/** Where the values come from, and on what terms. */
export const CONCILIATION_BOARDS_SOURCE =
  'Fgytv. (1997. évi CLV. törvény) 20. §: the conciliation boards operate beside the county and Budapest ' +
  'chambers of commerce and industry (kereskedelmi és iparkamara); names and seats from the list the chambers ' +
  'publish (bekeltetes.hu). Provided as is, without warranty: check it against the current official list ' +
  'before relying on it.';

/** The twenty areas a board serves: Budapest and the nineteen counties, by key and by their Hungarian name. */
export const HUNGARIAN_COUNTY_NAMES = {
  budapest: 'Budapest',
  'bacs-kiskun': 'Bács-Kiskun',
  baranya: 'Baranya',
  bekes: 'Békés',
  'borsod-abauj-zemplen': 'Borsod-Abaúj-Zemplén',
  'csongrad-csanad': 'Csongrád-Csanád',
  fejer: 'Fejér',
  'gyor-moson-sopron': 'Győr-Moson-Sopron',
  'hajdu-bihar': 'Hajdú-Bihar',
  heves: 'Heves',
  'jasz-nagykun-szolnok': 'Jász-Nagykun-Szolnok',
  'komarom-esztergom': 'Komárom-Esztergom',
  nograd: 'Nógrád',
  pest: 'Pest',
  somogy: 'Somogy',
  'szabolcs-szatmar-bereg': 'Szabolcs-Szatmár-Bereg',
  tolna: 'Tolna',
  vas: 'Vas',
  veszprem: 'Veszprém',
  zala: 'Zala',
} as const;

/** A county key of {@link HUNGARIAN_COUNTY_NAMES}. */
export type HungarianCountyKey = keyof typeof HUNGARIAN_COUNTY_NAMES;

/** Seat of each county's board: postal code, city, street. */
const SEATS: Record<Exclude<HungarianCountyKey, 'budapest'>, readonly [string, string, string]> = {
  'bacs-kiskun': ['6000', 'Kecskemét', 'Árpád krt. 4.'],
  baranya: ['7625', 'Pécs', 'Majorossy Imre u. 36.'],
  bekes: ['5600', 'Békéscsaba', 'Penza ltp. 5.'],
  'borsod-abauj-zemplen': ['3525', 'Miskolc', 'Szentpáli u. 1.'],
  'csongrad-csanad': ['6721', 'Szeged', 'Párizsi krt. 8–12.'],
  fejer: ['8000', 'Székesfehérvár', 'Hosszúsétatér 4–6.'],
  'gyor-moson-sopron': ['9021', 'Győr', 'Szent István út 10/a.'],
  'hajdu-bihar': ['4025', 'Debrecen', 'Petőfi tér 10.'],
  heves: ['3300', 'Eger', 'Faiskola út 15.'],
  'jasz-nagykun-szolnok': ['5000', 'Szolnok', 'Verseghy park 8.'],
  'komarom-esztergom': ['2800', 'Tatabánya', 'Fő tér 36.'],
  nograd: ['3100', 'Salgótarján', 'Alkotmány út 9/A.'],
  pest: ['1055', 'Budapest', 'Balassi Bálint u. 25. IV/2.'],
  somogy: ['7400', 'Kaposvár', 'Anna u. 6.'],
  'szabolcs-szatmar-bereg': ['4400', 'Nyíregyháza', 'Széchenyi u. 2.'],
  tolna: ['7100', 'Szekszárd', 'Arany János u. 23–25.'],
  vas: ['9700', 'Szombathely', 'Honvéd tér 2.'],
  veszprem: ['8200', 'Veszprém', 'Radnóti tér 1.'],
  zala: ['8900', 'Zalaegerszeg', 'Petőfi u. 24.'],
};

const provenance = { asOf: CONCILIATION_BOARDS_AS_OF, source: CONCILIATION_BOARDS_SOURCE };

/** The raw board records (parsed and frozen by `conciliation-boards.ts`). */
export const CONCILIATION_BOARD_RECORDS: readonly unknown[] = [
  {
    id: 'hu-budapest',
    name: 'Budapesti Békéltető Testület',
    operatedBy: 'Budapesti Kereskedelmi és Iparkamara',
    counties: ['budapest'],
    address: { postalCode: '1016', city: 'Budapest', street: 'Krisztina krt. 99.' },
    phone: '+36 1 488 2131',
    email: 'bekelteto.testulet@bkik.hu',
    website: 'https://bekeltet.bkik.hu',
    ...provenance,
  },
  ...Object.entries(SEATS).map(([county, [postalCode, city, street]]) => {
    const name = HUNGARIAN_COUNTY_NAMES[county as keyof typeof SEATS];
    return {
      id: `hu-${county}`,
      name: `${name} Vármegyei Békéltető Testület`,
      operatedBy: `${name} Vármegyei Kereskedelmi és Iparkamara`,
      counties: [county],
      address: { postalCode, city, street },
      ...provenance,
    };
  }),
];
