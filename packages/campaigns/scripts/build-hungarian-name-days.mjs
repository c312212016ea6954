// Regenerates src/name-days/hungarian-name-days.data.ts from the raw nevnapok.json of froccsos/nevnapok-json.
//
//   curl -sLo /tmp/nevnapok.json \
//     https://raw.githubusercontent.com/froccsos/nevnapok-json/488b4fd077fbbfcfc9833320b9cb4d882f48b698/nevnapok.json
//   node packages/campaigns/scripts/build-hungarian-name-days.mjs /tmp/nevnapok.json
//
// The raw file is checked against its SHA-256 so a changed upstream file is noticed, not silently shipped.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RAW_SHA256 = '9c7d2f5afc6922c25701baf2a9c3803535ff90bd5943cda818f2a344d8cac7b3';
const RAW_COMMIT = '488b4fd077fbbfcfc9833320b9cb4d882f48b698';

// The raw file lost "Mária" to an encoding slip on five days (an empty string in its place). The list it was
// scraped from (MEK 00056, page 196) and davidfegyver/nevnapok-json, a second scrape of the same page, have
// "Mária" there.
const REPAIRS = [
  { monthDay: '11-21', list: 'other', name: 'Mária' },
  { monthDay: '11-27', list: 'other', name: 'Mária' },
  { monthDay: '12-08', list: 'main', name: 'Mária' },
  { monthDay: '12-15', list: 'other', name: 'Mária' },
  { monthDay: '12-18', list: 'other', name: 'Mária' },
];

const rawPath = process.argv[2];
if (!rawPath) throw new Error('usage: build-hungarian-name-days.mjs <path to nevnapok.json>');
const bytes = readFileSync(rawPath);
const sha = createHash('sha256').update(bytes).digest('hex');
if (sha !== RAW_SHA256) throw new Error(`nevnapok.json has SHA-256 ${sha}, expected ${RAW_SHA256}`);
const raw = JSON.parse(bytes.toString('utf8'));

const pad = (n) => String(n).padStart(2, '0');
const days = [];
for (let month = 1; month <= 12; month++) {
  const last = new Date(Date.UTC(2001, month, 0)).getUTCDate();
  for (let day = 1; day <= last; day++) {
    const monthDay = `${pad(month)}-${pad(day)}`;
    const entry = raw[String(month)]?.[String(day)];
    if (!entry) throw new Error(`no names for ${monthDay}`);
    const lists = { main: [...entry.main], other: [...entry.other] };
    for (const r of REPAIRS.filter((x) => x.monthDay === monthDay)) {
      const at = lists[r.list].indexOf('');
      if (at < 0) throw new Error(`repair ${monthDay} ${r.list}: no empty name to repair`);
      lists[r.list][at] = r.name;
    }
    for (const name of [...lists.main, ...lists.other]) {
      if (!/^\p{Lu}\p{Ll}+$/u.test(name.normalize('NFC'))) throw new Error(`${monthDay}: odd name "${name}"`);
    }
    if (lists.main.length === 0) throw new Error(`${monthDay}: no main name`);
    days.push({
      monthDay,
      main: lists.main.map((n) => n.normalize('NFC')),
      additional: lists.other.map((n) => n.normalize('NFC')),
    });
  }
}
if (
  Object.keys(raw).some((m) =>
    Object.keys(raw[m]).some((d) => !days.some((x) => x.monthDay === `${pad(m)}-${pad(d)}`)),
  )
) {
  throw new Error('the raw file has a day outside a common year');
}

const list = (names) => `[${names.map((n) => `'${n}'`).join(', ')}]`;
const header = `/**
 * Hungarian name days (névnapok) of a common year: for every day, its main names (fő névnap) and its additional
 * names (további névnapok). In a leap year the names of 24–28 February are celebrated one day later (see
 * \`nameDayDateIn\`); this table is the common-year calendar.
 *
 * Source: \`nevnapok.json\` of https://github.com/froccsos/nevnapok-json
 * (commit ${RAW_COMMIT}, SHA-256 ${RAW_SHA256}),
 * © 2020 Belső Dániel, MIT licence. That file was scraped from the name list of Ladó János – Bíró Ágnes:
 * Magyar utónévkönyv as published in the Hungarian Electronic Library, MEK
 * (https://mek.oszk.hu/00000/00056/html/196.htm; a starred date is a main name day; last revised July 1997).
 * Five empty names there (an encoding slip for "Mária" on 11-21, 11-27, 12-08 main, 12-15, 12-18) are
 * repaired by scripts/build-hungarian-name-days.mjs, which generated this file. Do not edit it by hand.
 * @module
 */`;
const body = days
  .map((d) => `  '${d.monthDay}': { main: ${list(d.main)}, additional: ${list(d.additional)} },`)
  .join('\n');
const out = `${header}
import type { NameDayNames } from './name-day-names';

/**
 * The Hungarian name-day calendar of a common year, keyed by \`MM-DD\` (365 days, no 29 February).
 * Source: froccsos/nevnapok-json (MIT), from Ladó–Bíró: Magyar utónévkönyv; see the module header.
 * @category Name days
 */
// biome-ignore format: generated data, one day a line
export const HUNGARIAN_NAME_DAYS: Readonly<Record<string, NameDayNames>> = {
${body}
};
`;
const target = fileURLToPath(new URL('../src/name-days/hungarian-name-days.data.ts', import.meta.url));
writeFileSync(target, out);
console.log(`wrote ${days.length} days to ${target}`);
