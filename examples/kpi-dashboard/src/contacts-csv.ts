/**
 * Reads a CSV export of contacts (one row per call, a header row naming the columns) into KPI contact rows.
 * The columns are those of `KpiContact`, in snake case; times are ISO instants with an offset, durations whole
 * seconds, flags `true`/`false`, and an empty cell is "none". The parser handles quoted cells ("a, b" and "")
 * and CRLF line ends; it does not validate — `kpiPartialOf` does, and `lineOf` turns the path of its error
 * into the CSV line a person can open.
 */
import type { KpiContactInput } from '@frontline/core/kpi';

export const COLUMNS = [
  'id',
  'customer_id',
  'channel',
  'direction',
  'queue',
  'agent_id',
  'category',
  'offered_at',
  'answered_at',
  'abandoned_at',
  'ended_at',
  'talk_s',
  'hold_s',
  'wrap_up_s',
  'resolved',
  'escalated',
] as const;
type Column = (typeof COLUMNS)[number];

/** The cells of each line of `text`, quoted cells unquoted. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** An error in the file itself (not in a value): a missing column, a row of the wrong width. */
export class CsvError extends Error {}

/** The contacts of a CSV export, in file order (`contacts[i]` is on line `i + 2`). */
export function contactsFromCsv(text: string): KpiContactInput[] {
  const [header, ...lines] = parseCsv(text);
  if (!header) throw new CsvError('The file is empty.');
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = ['id', 'channel', 'offered_at', 'ended_at'].filter((c) => !index.has(c));
  if (missing.length > 0) throw new CsvError(`Line 1: missing column(s) ${missing.join(', ')}.`);
  const unknown = header.filter((name) => !(COLUMNS as readonly string[]).includes(name.trim()));
  if (unknown.length > 0) throw new CsvError(`Line 1: unknown column(s) ${unknown.join(', ')}.`);
  return lines.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new CsvError(`Line ${n + 2}: ${cells.length} cells, the header has ${header.length}.`);
    }
    const get = (column: Column): string | undefined => {
      const i = index.get(column);
      const value = i === undefined ? undefined : cells[i]?.trim();
      return value === '' ? undefined : value;
    };
    const seconds = (column: Column) => {
      const value = get(column);
      return value === undefined ? undefined : Math.round(Number(value) * 1000);
    };
    const flag = (column: Column) => {
      const value = get(column);
      return value === undefined
        ? undefined
        : value === 'true'
          ? true
          : value === 'false'
            ? false
            : (value as never);
    };
    const contact: Record<string, unknown> = {
      id: get('id'),
      customerId: get('customer_id') ?? null,
      channel: get('channel'),
      direction: get('direction'),
      queue: get('queue') ?? null,
      agentId: get('agent_id') ?? null,
      category: get('category') ?? null,
      offeredAt: get('offered_at'),
      answeredAt: get('answered_at') ?? null,
      abandonedAt: get('abandoned_at') ?? null,
      endedAt: get('ended_at'),
      talkMs: seconds('talk_s'),
      holdMs: seconds('hold_s'),
      wrapUpMs: seconds('wrap_up_s'),
      resolved: flag('resolved'),
      escalated: flag('escalated'),
    };
    for (const key of Object.keys(contact)) if (contact[key] === undefined) delete contact[key];
    return contact as KpiContactInput;
  });
}

/** The CSV line and column of a KPI validation issue path such as `['contacts', 3, 'endedAt']`. */
export function lineOf(path: readonly (string | number)[]): string | undefined {
  if (path[0] !== 'contacts' || typeof path[1] !== 'number') return undefined;
  const field = String(path[2] ?? '');
  const column = field.replace(/Ms$/, '_s').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return `line ${path[1] + 2}${field ? `, column ${column}` : ''}`;
}
