import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { EntityId } from '../kernel/id';
import { CalendarDate, Instant } from '../kernel/instant';
import type { Store } from '../ports/storage';

/**
 * What an erasure tells each personal-data source.
 * @category Customers
 */
export interface ErasureContext {
  /** The instant of the erasure (the same for every source and the customer stub). */
  readonly at: Date;
  /** Who erases (an agent id); for the source's own audit entries. */
  readonly actorId: string;
  /** The reference of the data subject's request (e.g. its registry number — iktatószám), if any. */
  readonly requestRef?: string;
}

/**
 * The schema a source checks its {@link ErasureContext} with.
 * @category Customers
 */
export const ErasureContextInput = z.object({
  at: Instant,
  actorId: z.string().min(1).max(200),
  requestRef: z.string().min(1).max(200).optional(),
});

/**
 * What a retention sweep tells each source: the instant it runs and who runs it.
 * @category Customers
 */
export const SweepContext = z.object({
  at: Instant,
  actorId: z.string().min(1).max(200),
  /** At most this many records per source and run (a sweep is resumable: run it again for the rest). */
  limit: z.int().min(1).max(100_000),
});
/** @category Customers */
export type SweepContext = z.infer<typeof SweepContext>;

/**
 * What a source's sweep removed: how many records, of what.
 * @category Customers
 */
export const SourceSweepResult = z.object({
  removed: z.number().int().min(0),
  /** True when the run stopped at `limit` and more may be due. */
  more: z.boolean().default(false),
});
/** @category Customers */
export type SourceSweepResult = z.input<typeof SourceSweepResult>;

/**
 * Checks the arguments a customer service passes to a source: the customer id and, for an erasure, the context.
 * @category Customers
 */
export function checkSourceCall(
  customerId: unknown,
  context?: unknown,
): { customerId: string; context?: ErasureContext } {
  const id = parseInput(EntityId, customerId, 'customer id');
  if (context === undefined) return { customerId: id };
  const parsed = parseInput(ErasureContextInput, context, 'erasure context');
  return {
    customerId: id,
    context: {
      at: parsed.at,
      actorId: parsed.actorId,
      ...(parsed.requestRef === undefined ? {} : { requestRef: parsed.requestRef }),
    },
  };
}

/**
 * What one source kept back from an erasure, and why.
 * @category Customers
 */
export const RetainedRecords = z.object({
  /** What kind of record (e.g. `complaint records`). */
  what: z.string().min(1).max(200),
  count: z.number().int().min(0),
  /** The law or reason (e.g. `Fgytv. 17/A. § (7)`). */
  basis: z.string().min(1).max(500),
  /** When they may be deleted, if known; a sweep (`sweepRetained`) removes them on that day. */
  until: CalendarDate.optional(),
  /** Where they are kept: the storage collection and the ids of the kept records. */
  location: z
    .object({
      collection: z.string().min(1).max(100),
      ids: z.array(z.string().min(1).max(200)).max(10_000),
    })
    .optional(),
});
/** @category Customers */
export type RetainedRecords = z.infer<typeof RetainedRecords>;

/**
 * What a source reports after erasing: how many records it anonymised or deleted, and what it kept.
 * @category Customers
 */
export const SourceErasureResult = z.object({
  anonymised: z.number().int().min(0),
  retained: z.array(RetainedRecords).max(100).default([]),
});
/** @category Customers */
export type SourceErasureResult = z.input<typeof SourceErasureResult>;

/**
 * A port other areas implement to take part in data-subject requests (GDPR Art. 15, 17 and 20): the customer
 * service calls every registered source inside its own transaction, so an export is consistent and an erasure
 * happens everywhere or nowhere.
 *
 * A source must use only the `tx` it is given (reading or writing through another store handle would escape
 * the transaction), must return JSON-serialisable data from `export`, and must not throw for a customer it
 * holds nothing on (return an empty list and `{ anonymised: 0 }`). Anything it throws aborts the whole command.
 * @example
 * const interactionsSource: PersonalDataSource = {
 *   name: 'interactions',
 *   async export(customerId, tx) { return collect(tx.repository(Interactions).query({ index: 'customer_id', equals: customerId })) },
 *   async erase(customerId, tx, { at }) { … anonymise notes, keep complaint-related ones …; return { anonymised: 12, retained: [] } },
 * };
 * createCustomerService({ store, clock, ids, personalDataSources: [interactionsSource] });
 * @category Customers
 */
export interface PersonalDataSource {
  /** A unique name, lower-case (`interactions`, `tickets`); the key of its part of an export. */
  readonly name: string;
  /** Everything the source holds on the customer, as JSON-serialisable data. */
  export(customerId: string, tx: Store): Promise<unknown>;
  /** Anonymises or deletes what the law lets go, keeps (restricted) what it must, and says which. */
  erase(customerId: string, tx: Store, context: ErasureContext): Promise<SourceErasureResult>;
  /**
   * Removes what an earlier erasure retained once its `until` day has come (see `sweepRetained`): streams the
   * due records over an index by due date, never a scan, and is idempotent. Only sources that retain need it.
   */
  sweep?(tx: Store, context: SweepContext): Promise<SourceSweepResult>;
}

/** The registration check of a source list: names unique and well-formed, both methods present. */
export const PersonalDataSources = z
  .array(
    z.object({
      name: z
        .string()
        .regex(/^[a-z][a-z0-9_-]{0,49}$/, 'A source name is lower-case letters, digits, "_" or "-"'),
      export: z.custom<PersonalDataSource['export']>(
        (v) => typeof v === 'function',
        'export must be a function',
      ),
      erase: z.custom<PersonalDataSource['erase']>(
        (v) => typeof v === 'function',
        'erase must be a function',
      ),
      sweep: z
        .custom<NonNullable<PersonalDataSource['sweep']>>(
          (v) => typeof v === 'function',
          'sweep must be a function',
        )
        .optional(),
    }),
  )
  .max(100)
  .superRefine((sources, ctx) => {
    const seen = new Set<string>();
    sources.forEach((s, i) => {
      if (seen.has(s.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'Source names must be unique' });
      seen.add(s.name);
    });
  });
