/**
 * A hotline call worked end to end, written to be read: how a host wires Frontline's modules over one store
 * with the composition root and walks a caller's problem from the phone to the knowledge base.
 *
 *   npm start --workspace @frontline/example-hotline
 *
 * The store is PGlite in memory (no `dataDir`), so every run starts empty. Swap in
 * `createPgliteStore({ dataDir })` or `createPostgresStore({ connectionString })` and nothing else changes.
 */
import {
  type Actor,
  createAuditLog,
  createFrontline,
  createUuidV7Ids,
  hungarianCalendarDefinition,
  Permissions,
  systemClock,
} from '@frontline/core';
import { serviceDesk } from '@frontline/core/service-desk';
import { createPgliteStore } from '@frontline/postgres';

// ── 1. Ports and modules ─────────────────────────────────────────────────────────────────────────────────────
// The composition root takes three ports and the modules. The clock is the only source of "now" in the SDK:
// pass `createFixedClock(...)` in tests and the whole flow becomes reproducible. Each module registers its
// collections and indexes with the store and hands back its services.
const clock = systemClock;
const ids = createUuidV7Ids();
const store = await createPgliteStore({ clock });
const frontline = await createFrontline({
  store,
  clock,
  ids,
  // Tickets opened without `slaPolicyId` get this policy's SLA clocks.
  modules: [serviceDesk({ defaultSlaPolicyId: 'hotline' })],
});
const { agents, customers, interactions: contacts, tickets, knowledge: kb } = frontline.serviceDesk;

const when = (d: Date | null | undefined) =>
  d ? d.toLocaleString('hu-HU', { timeZone: 'Europe/Budapest' }) : '—';

try {
  // ── 2. People ──────────────────────────────────────────────────────────────────────────────────────────────
  // Creating agents needs `agent.manage`. A host would act as its logged-in administrator; here an actor is
  // enough: an actor is plain data (id, roles, permissions), checked by every command.
  const admin: Actor = { id: 'admin', roles: ['admin'], permissions: [Permissions.agentManage] };
  const hire = async (id: string, name: string, roleId: string) => {
    await agents.createAgent({ actor: admin, id, name, email: `${id}@pelda.hu`, roleIds: [roleId] });
    // The actor an agent acts as: the union of its roles' permissions (built-in roles: see BuiltInRoles).
    return agents.actorForAgent({ agentId: id });
  };
  const operator = await hire('anna', 'Kiss Anna', 'operator_l1'); // takes calls, opens and escalates
  const specialist = await hire('bela', 'Nagy Béla', 'specialist_l2'); // works L2 tickets, drafts articles
  const supervisor = await hire('csilla', 'Tóth Csilla', 'supervisor'); // SLA policies, publishing

  // ── 3. The SLA policy ──────────────────────────────────────────────────────────────────────────────────────
  // Policies are data. The calendar is the Hungarian one: public holidays, bridge days and the working
  // Saturdays that pay for them are already in it; we give the weekly opening hours.
  const split = ['08:00-12:00', '12:30-16:30'];
  await tickets.saveSlaPolicy({
    actor: supervisor, // saving a policy needs `ticket.supervise`
    policy: {
      id: 'hotline',
      name: 'Hotline',
      calendar: hungarianCalendarDefinition({
        hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: ['08:00-14:00'] },
      }),
      targets: [
        // First matching row wins: urgent tickets get tight budgets, everything else the second row.
        { priorities: ['urgent'], firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 },
        { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 960 },
      ],
    },
  });

  // ── 4. The call ────────────────────────────────────────────────────────────────────────────────────────────
  // The telephony hands over the caller ID in whatever form it has; numbers are matched in E.164.
  const callerId = '+36301234567';
  const matches = await customers.findCustomersByPhone({ actor: operator, phone: callerId });
  const customer =
    matches[0]?.customer ??
    // Unknown number: the operator registers the caller. `06 30 …` and `+36 30 …` are the same number.
    (
      await customers.registerCustomer({
        actor: operator,
        familyName: 'Kovács',
        givenNames: ['Péter'],
        contactPoints: [{ kind: 'phone', value: '06 30 123 4567' }],
      })
    ).customer;
  // L1 sees personal fields masked (no `customer.read_personal`); the name is shown so she can greet him.
  const phone = customer.contactPoints.find((c) => c.kind === 'phone');
  console.log(`Caller: ${customer.displayName}, phone ${phone?.kind === 'phone' ? phone.value : '—'}`);

  // Document the contact: every contact, on any channel, is an interaction in the customer's history.
  const now = clock.now();
  const { interaction: call } = await contacts.recordInteraction({
    actor: operator,
    customerId: customer.id,
    channel: 'phone',
    direction: 'inbound',
    queue: 'hotline',
    agentId: operator.id,
    offeredAt: new Date(now.getTime() - 4 * 60_000),
    answeredAt: new Date(now.getTime() - 3 * 60_000),
    endedAt: now,
    outcome: 'follow_up',
    notes: 'Piros LED villog a routeren, nincs internet.',
  });

  // ── 5. The ticket ──────────────────────────────────────────────────────────────────────────────────────────
  // Opening it from the call links the call; an answered inbound call counts as the first response, so the
  // ticket starts `open` with its first-response target already met.
  const { ticket } = await tickets.openTicket({
    actor: operator,
    customerId: customer.id,
    subject: 'A router nem működik',
    description: 'Piros LED villog, nincs internet; újraindítás nem segített.',
    category: 'network',
    interactionId: call.id,
  });
  const resolution = ticket.sla?.targets.find((t) => t.target === 'resolution');
  // The due instant counts business minutes only: a ticket opened on a Friday evening starts counting on
  // Monday at 08:00 (or on Tuesday, if Monday is a public holiday).
  console.log(
    `Ticket ${ticket.id}: ${ticket.status}/${ticket.tier}, resolution due ${when(resolution?.dueAt)}`,
  );

  // Before escalating, L1 checks the knowledge base (empty on a fresh store).
  const early = await kb.suggestArticles({
    actor: operator,
    subject: ticket.subject,
    text: ticket.description,
  });
  console.log(`Knowledge base suggestions at L1: ${early.length}`);

  // Escalation to L2 needs `ticket.escalate` and a reason; the reason lands in the ticket's history, while the
  // audit entry and the `ticket.escalated.v1` outbox message say only that one was given (events carry no free text).
  await tickets.escalateTicket({
    actor: operator,
    ticketId: ticket.id,
    reason: 'Távoli routerbeállítás kell, L1-en nem megoldható',
    group: 'hotline-l2',
  });

  // Only L2 (`ticket.work_l2`) may resolve an escalated ticket. The reason is the solution.
  const solution = 'A firmware-frissítés után elveszett PPPoE-beállítást távolról újra beállítottuk.';
  const resolved = await tickets.resolveTicket({ actor: specialist, ticketId: ticket.id, reason: solution });
  console.log(
    `Resolved at ${resolved.ticket.tier}: ${resolved.ticket.history.map((h) => h.command).join(' → ')}`,
  );

  // ── 6. Knowledge ───────────────────────────────────────────────────────────────────────────────────────────
  // The solving specialist drafts an article from the ticket (idempotent per ticket) and sends it to review.
  const { article } = await kb.draftFromSolvedTicket({
    actor: specialist,
    ticketId: ticket.id,
    subject: ticket.subject,
    problem: 'A router LED-je pirosan villog, nincs internet.',
    cause: 'Firmware-frissítés után elveszett PPPoE-beállítás.',
    solution,
    product: 'router',
    category: 'hibabejelentés',
    locale: 'hu',
    solvedBy: specialist.id,
  });
  await kb.submitForReview({ actor: specialist, articleId: article.id });
  // Four eyes: the author may not approve her own article; a supervisor (`knowledge.publish`) does.
  await kb.approveArticle({ actor: supervisor, articleId: article.id });

  // ── 7. The next caller ─────────────────────────────────────────────────────────────────────────────────────
  // The index folds accents, so an operator typing without them ('mukodik') finds 'működik'.
  const hits = await kb.search({ actor: operator, query: 'router nem mukodik' });
  for (const hit of hits) console.log(`Found: "${hit.article.title}" (score ${hit.score.toFixed(2)})`);

  // ── 8. What was recorded ───────────────────────────────────────────────────────────────────────────────────
  // Every command wrote its audit entry in the same transaction: a hash chain anyone can verify.
  const audit = await createAuditLog({ store, clock }).verify();
  console.log(`Audit chain: ${audit.ok ? `${audit.count} entries, intact` : `broken at #${audit.seq}`}`);
  // …and its outbox messages, for the host's workers to deliver (e-mail, CRM sync, wallboards).
  console.log('Outbox:', await store.outbox.stats());
} finally {
  await store.close();
}
