import type { FixedClock, Store } from '@frontline/core';
import { createFrontline, createSequentialIds, recordEvents } from '@frontline/core';
import { complaints } from '@frontline/core/complaints';
import { createLetterEnvironment } from '@frontline/core/letters';
import { serviceDesk } from '@frontline/core/service-desk';
import { Complaints } from '@frontline/core/storage';
import {
  complaintActors as A,
  suiteAuthorityMatrix,
  suiteComplaintOffice,
} from './complaints-suite-fixtures';
import { withoutScans } from './interactions-suite';

export const DAY = 86_400_000;

/** Whoever runs the service desk and the data-protection requests in this test. */
export const dpo = {
  id: 'dpo-1',
  roles: ['data_protection'],
  permissions: [
    'customer.read',
    'customer.read_personal',
    'customer.write',
    'consent.write',
    'customer.export',
    'customer.erase',
    'interaction.write',
    'ticket.write',
    'ticket.escalate',
    'knowledge.write',
  ],
};

/** The data subject: distinctive enough that any hit is theirs. */
export const person = {
  familyName: 'Szentmihályi',
  givenName: 'Boglárka',
  email: 'szentmihalyi.boglarka@pelda-posta.hu',
  phoneE164: '+36309876543',
  phoneWritten: '06 30 987 6543',
};
export const NEEDLES = [
  person.familyName,
  person.givenName,
  person.email,
  person.phoneE164,
  person.phoneWritten,
  '987 6543',
  '309876543',
  'Boglárk',
];
export const quote = `${person.familyName} ${person.givenName} (${person.email}, ${person.phoneWritten})`;

/** What {@link seedDataSubject} made: the composition root and the ids of what it stored. */
export interface SeededSubject {
  fl: Awaited<ReturnType<typeof createScenarioFrontline>>;
  customerId: string;
  articleId: string;
  complaintId: string;
  /** Every outbox message so far (the outbox has no listing: claimed ones are collected). */
  outboxIds: Set<string>;
}

/** The composition root of the scenario: the service desk and complaints, on a store that refuses full scans. */
export function createScenarioFrontline(store: Store, clock: FixedClock) {
  return createFrontline({
    store: withoutScans(store),
    clock,
    ids: createSequentialIds('pd'),
    modules: [
      serviceDesk(),
      complaints({
        letters: createLetterEnvironment(),
        office: suiteComplaintOffice,
        authority: suiteAuthorityMatrix(),
      }),
    ],
  });
}

/**
 * The data subject and their traces: a customer with a distinctive name, e-mail and phone, a consent, a contact
 * and its amendment quoting them, a ticket quoting them, an article drafted from it, a closed complaint, host
 * events with sealed notes, and messages in every outbox status.
 */
export async function seedDataSubject(store: Store, clock: FixedClock): Promise<SeededSubject> {
  const fl = await createScenarioFrontline(store, clock);
  const { customers, interactions, tickets, knowledge } = fl.serviceDesk;
  const { customer } = await customers.registerCustomer({
    actor: dpo,
    familyName: person.familyName,
    givenNames: [person.givenName],
    contactPoints: [
      { kind: 'phone', value: person.phoneWritten },
      { kind: 'email', value: person.email },
      {
        kind: 'postal',
        address: { lines: ['Rózsa u. 7.'], locality: 'Budapest', postalCode: '1064', country: 'HU' },
      },
    ],
  });
  const customerId = customer.id;
  await customers.recordConsent({
    actor: dpo,
    customerId,
    purpose: 'marketing',
    channel: 'email',
    source: 'web-form',
  });
  const at = clock.now();
  const call = await interactions.recordInteraction({
    actor: dpo,
    customerId,
    channel: 'phone',
    direction: 'inbound',
    agentId: dpo.id,
    offeredAt: new Date(at.getTime() - 600_000),
    answeredAt: new Date(at.getTime() - 590_000),
    endedAt: new Date(at.getTime() - 300_000),
    outcome: 'follow_up',
    subject: `Router hiba – ${person.familyName}`,
    notes: `Hívó: ${quote}. Visszahívás a ${person.phoneE164} számon.`,
    externalRef: `call-${person.phoneE164}`,
  });
  await interactions.amendInteraction({
    actor: dpo,
    interactionId: call.interaction.id,
    reason: `${person.givenName} kérte a pontosítást`,
    changes: { notes: `Pontosítva: ${quote}` },
  });
  const opened = await tickets.openTicket({
    actor: dpo,
    customerId,
    subject: `${person.familyName} routere nem kapcsol be`,
    description: `Bejelentő: ${quote}.`,
    category: 'fault',
    interactionId: call.interaction.id,
  });
  const ticketId = opened.ticket.id;
  const drafted = await knowledge.draftFromSolvedTicket({
    actor: dpo,
    ticketId,
    subject: `${person.familyName} routere nem kapcsol be`,
    problem: `${person.givenName} szerint (${person.phoneWritten}) a LED nem világít; Boglárkának új tápot küldtünk.`,
    solution: 'Tápegység cseréje, majd a router újraindítása.',
    product: 'router',
    category: 'hibabejelentés',
    locale: 'hu',
    solvedBy: dpo.id,
  });
  const complaintSvc = fl.complaints;
  const complaintId = (
    await complaintSvc.receiveComplaint({
      actor: A.agent,
      customerId,
      channel: 'web',
      subject: 'Nincs internet',
      description: 'Hétfő reggel óta nincs internet a lakásban.',
      category: 'network_outage',
      productOrService: 'Otthoni internet 500',
      requestedRemedy: 'Díjjóváírás a kiesett időre',
      facts: { outageHours: 6, source: 'telecom:outage:OUT-1' },
    })
  ).complaint.id;
  // The complaint workflow is the complaints suite's to test: here the file is closed in storage, as
  // `closeComplaint` leaves it (closed, kept five years).
  const complaintRepo = store.repository(Complaints);
  const stored = await complaintRepo.get(complaintId);
  const closedAt = clock.now();
  await complaintRepo.update(
    {
      ...stored.data,
      status: 'closed',
      closedAt,
      retainUntil: new Date(
        Date.UTC(closedAt.getUTCFullYear() + 5, closedAt.getUTCMonth(), closedAt.getUTCDate(), 12),
      ),
    },
    stored.version,
  );

  // A host's own events quoting the customer declare the quoting field sealed: out of the chain, kept beside it.
  await store.transaction((tx) =>
    recordEvents(tx, clock, dpo.id, [
      {
        type: 'host.ticket_note_added',
        entityType: 'ticket',
        entityId: ticketId,
        payload: { note: `Visszahívást kért: ${quote}`, customerId },
        sealed: ['note'],
      },
      {
        type: 'host.customer_note_added',
        entityType: 'customer',
        entityId: customerId,
        payload: { note: `VIP: ${quote}` },
        sealed: ['note'],
      },
    ]),
  );

  // every outbox status: some delivered, some waiting for a retry, the rest still claimed
  const outboxIds = new Set<string>();
  const claimed = await store.outbox.claim({ worker: 'suite', limit: 10_000, leaseMs: 60_000 });
  for (const [i, m] of claimed.entries()) {
    outboxIds.add(m.id);
    if (i % 3 === 0) await store.outbox.complete(m);
    else if (i % 3 === 1) await store.outbox.fail(m, { error: 'retry later' });
  }
  return { fl, customerId, articleId: drafted.article.id, complaintId, outboxIds };
}
