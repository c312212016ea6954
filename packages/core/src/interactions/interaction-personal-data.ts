import {
  checkSourceCall,
  type ErasureContext,
  ErasureContextInput,
  type PersonalDataSource,
} from '../customers/personal-data-source';
import { parseInput } from '../errors/validate';
import type { Store, Stored } from '../ports/storage';
import { forgetEvents } from '../services/domain-events';
import { timeKeyRange } from './index-keys';
import {
  type Interaction,
  type InteractionAmendment,
  Interaction as InteractionSchema,
} from './interaction.schema';
import { Interactions } from './interaction-collection';

/** The reason recorded on the amendment an erasure appends (and on the earlier ones it blanks). */
export const ERASED_AMENDMENT_REASON = 'Personal data erased on the data subject’s request (GDPR Art. 17)';

async function* ofCustomer(tx: Store, customerId: string): AsyncIterable<Stored<Interaction>> {
  yield* tx.repository(Interactions).query({ index: 'customer_offered_at', ...timeKeyRange(customerId) });
}

/**
 * A documented contact with what describes the person taken out: subject and notes (and every amendment's
 * corrections of them and its reason), the feedback comment and the telephony reference (a call id leads to
 * the recording and the caller's number in the host's systems). What the contact statistics need stays.
 * The erasure itself is appended as an amendment, so the record says why it no longer reads as documented.
 */
export function pseudonymizeInteraction(record: Interaction, erasureContext: ErasureContext): Interaction {
  const interaction = parseInput(InteractionSchema, record, 'interaction');
  const context = parseInput(ErasureContextInput, erasureContext, 'erasure context');
  const amendments: InteractionAmendment[] = interaction.amendments.map((a) => {
    const { subject, notes, ...changes } = a.changes;
    return {
      ...a,
      reason: ERASED_AMENDMENT_REASON,
      changes: {
        ...changes,
        ...(subject === undefined ? {} : { subject: null }),
        ...(notes === undefined ? {} : { notes: '' }),
      },
    };
  });
  const erasure: InteractionAmendment = {
    seq: interaction.amendments.length + 1,
    at: context.at,
    by: context.actorId,
    reason: context.requestRef
      ? `${ERASED_AMENDMENT_REASON}, ref. ${context.requestRef}`.slice(0, 1000)
      : ERASED_AMENDMENT_REASON,
    changes: {},
  };
  const feedback = interaction.feedback;
  return {
    ...interaction,
    subject: null,
    notes: '',
    externalRef: null,
    amendments: [...amendments, erasure],
    feedback:
      feedback?.answer == null ? feedback : { ...feedback, answer: { ...feedback.answer, comment: null } },
  };
}

/**
 * The interactions' part of data-subject requests (CS-2, CS-7). **Pseudonymizes, does not delete**: a contact
 * is a documented record (the contact history of CS-2, counted by every service-level and first-contact
 * report), and the facts kept — when, on which channel and queue, by which agent, how long, with what outcome,
 * linked to which ticket — say nothing about the person once the words are gone; the customer id left on them
 * points at the erased, restricted customer stub. Subject, notes, amendment texts, the feedback comment and
 * the external call reference are blanked (see {@link pseudonymizeInteraction}), and the outbox messages about
 * the contacts are redacted. Reads the customer's contacts through the `customer_offered_at` index.
 * @example
 * createCustomerService({ store, clock, ids, personalDataSources: [interactionPersonalData] });
 * @category Interactions
 */
export const interactionPersonalData: PersonalDataSource = {
  name: 'interactions',
  async export(customerId, tx) {
    const { customerId: id } = checkSourceCall(customerId);
    const out: Interaction[] = [];
    for await (const row of ofCustomer(tx, id)) out.push(row.data);
    return out;
  },
  async erase(customerId, tx, context) {
    const checked = checkSourceCall(customerId, context);
    const erasure = checked.context!;
    const rows: Stored<Interaction>[] = [];
    for await (const row of ofCustomer(tx, checked.customerId)) rows.push(row);
    const repo = tx.repository(Interactions);
    for (const row of rows) await repo.update(pseudonymizeInteraction(row.data, erasure), row.version);
    if (rows.length > 0) {
      await forgetEvents(tx, { entityType: 'interaction', ids: rows.map((r) => r.data.id), at: erasure.at });
    }
    return { anonymised: rows.length, retained: [] };
  },
};
