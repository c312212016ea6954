import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { KpiAccumulator } from './kpi-accumulator';
import type { KpiGroupingInput, KpiPartial } from './kpi-partial';
import { emptyKpiPartial } from './kpi-partial-of';
import type {
  KpiAgentSessionInput,
  KpiContactInput,
  KpiSurveyInput,
  KpiTicketInput,
} from './kpi-rows.schema';

/** A list read once, row by row: an async iterable (a cursor, a file, a queue) or a plain iterable. */
type RowStream<T> = AsyncIterable<T> | Iterable<T>;

/**
 * The rows of {@link kpiPartialOfStream}: like `KpiRows`, each list an async or plain iterable, read once in the
 * order contacts, sessions, tickets, surveys.
 * @category KPIs
 */
export interface KpiRowStreams {
  contacts?: RowStream<KpiContactInput>;
  sessions?: RowStream<KpiAgentSessionInput>;
  tickets?: RowStream<KpiTicketInput>;
  surveys?: RowStream<KpiSurveyInput>;
  backlogAsOf?: Date | string;
}

const isStream = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  (typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' ||
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function');
const rowStream = z.custom<RowStream<unknown>>(
  isStream,
  'Expected a list (an iterable or async iterable) of rows',
);
const StreamsShape = z.strictObject({
  contacts: rowStream.optional(),
  sessions: rowStream.optional(),
  tickets: rowStream.optional(),
  surveys: rowStream.optional(),
  backlogAsOf: z.unknown().optional(),
});

/**
 * Options of {@link kpiPartialOfStream}. `ordered: true` says the contacts come in time order (by `offeredAt`,
 * ties in any order); the first-contact state is then settled as the stream goes, so memory stays that of the
 * last re-contact window instead of growing with every customer, and an out-of-order contact is a
 * `ValidationError` at `['contacts', index, 'offeredAt']`.
 * @category KPIs
 */
export const KpiStreamOptions = z.strictObject({ ordered: z.boolean().default(false) });
/** @category KPIs */
export type KpiStreamOptions = z.input<typeof KpiStreamOptions>;

/**
 * {@link kpiPartialOf} over streams: reads each list once, row by row, keeping only the partial (constant memory
 * per group) and the first-contact state — so millions of rows from a database cursor or a file take no more
 * memory than their groups. Every row is validated as `kpiPartialOf` does: a bad row is a `ValidationError` whose
 * path starts with its list and index (`['contacts', 3, 'endedAt']`). Without options the result equals
 * `kpiPartialOf` on the same rows.
 *
 * With `{ ordered: true }` (contacts in time order) the pass also settles first contacts as it goes: when the
 * first contact at an instant `T` arrives, every contact before `T` is in, so pending contacts whose re-contact
 * window ended before `T` are decided as met and their customers dropped. The result equals
 * `settleFirstContacts(kpiPartialOf(rows), { completeThrough: T_last − 1 ms })`, where `T_last` is the last
 * contact's `offeredAt`, and the state held is that of the last window only (customers seen within it).
 * Settle the result further (`settleFirstContacts`) once later contacts are known not to exist.
 * @example
 * const month = await kpiPartialOfStream({ contacts: cursor }, { period: 'day', by: ['queue'] }, { ordered: true });
 * const settled = settleFirstContacts(month, { completeThrough: endOfMonth });
 * @category KPIs
 */
export async function kpiPartialOfStream(
  rows: KpiRowStreams,
  grouping: KpiGroupingInput = {},
  options: KpiStreamOptions = {},
): Promise<KpiPartial> {
  parseInput(StreamsShape, rows, 'KPI rows');
  const { ordered } = parseInput(KpiStreamOptions, options, 'KPI stream options', ['options']);
  const acc = new KpiAccumulator(emptyKpiPartial(grouping), ordered);
  await each(rows.contacts, (row, i) => acc.contact(row, i));
  await each(rows.sessions, (row, i) => acc.session(row, i));
  if (rows.backlogAsOf !== undefined) acc.backlogAsOf(rows.backlogAsOf);
  await each(rows.tickets, (row, i) => acc.ticket(row, i));
  await each(rows.surveys, (row, i) => acc.survey(row, i));
  return acc.finish();
}

/** Feeds every row of a stream to `add` with its index; a plain iterable without an await a row. */
async function each(stream: RowStream<unknown> | undefined, add: (row: unknown, index: number) => void) {
  if (stream === undefined) return;
  let i = 0;
  if (Symbol.asyncIterator in stream) for await (const row of stream) add(row, i++);
  else for (const row of stream) add(row, i++);
}
