/**
 * The end-to-end demo behind `npm run demo`: a hotline call on an embedded PostgreSQL (PGlite) kept in
 * `.frontline-data/` at the repository root, so a second run sees the first run's data.
 *
 * The flow: set up the Hungarian business calendar, an SLA policy and three agents (once), take a call
 * (caller ID lookup or registration), document it, open a ticket from it, escalate it to L2 with a reason,
 * resolve it there, turn the solution into a knowledge-base article (drafted at L2, published by a
 * supervisor), find it for the next caller with accent-free words, render a Hungarian customer notice; then the
 * same caller complains by phone about a billing error: minutes, acknowledgement, investigation, a refund
 * proposed by the compensation rules above the L1 operator's authority and approved by the supervisor, the
 * answer letter, acceptance and closing. Then verify the audit chain and deliver the outbox. Finally, the weekly
 * KPI dashboard of a simulated hotline week: `out/dashboard.html` and its PDF (see `weekly-dashboard.ts`).
 */
import path from 'node:path';
import {
  type Actor,
  createAuditLog,
  createFrontline,
  createUuidV7Ids,
  FrontlineError,
  formatMoney,
  hungarianBusinessCalendar,
  hungarianCalendarDefinition,
  isWorkingTime,
  money,
  nextWorkingTime,
  Permissions,
  systemClock,
} from '@frontline/core';
import { type Complaint, complaints as complaintModule } from '@frontline/core/complaints';
import {
  CUSTOMER_NOTICE_TEMPLATES,
  createLetterEnvironment,
  LETTERHEAD_PARTIALS,
  SIGNATURE_PARTIALS,
} from '@frontline/core/letters';
import { kpis, type SlaPolicyInput, serviceDesk, type Ticket } from '@frontline/core/service-desk';
import { createPgliteStore } from '@frontline/postgres';
import {
  AUTHORITY,
  at,
  CALLER_ADDRESS,
  CALLER_PHONE,
  COMPLAINT_OFFICE,
  ft,
  huf,
  letterText,
  RULES,
  say,
  short,
  ZONE,
} from './demo-data';
import { printTodaysKpis } from './todays-kpis';
import { writeWeeklyDashboard } from './weekly-dashboard';

const started = performance.now();
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dataDir = path.join(repoRoot, '.frontline-data');
const clock = systemClock;
const ids = createUuidV7Ids();
const store = await createPgliteStore({ dataDir, clock });

try {
  // Letters (handlebars, from the `letters` subpath): the built-in notices; the complaint module adds its own.
  const letters = createLetterEnvironment();
  for (const partial of [...LETTERHEAD_PARTIALS, ...SIGNATURE_PARTIALS]) letters.registerPartial(partial);
  for (const template of CUSTOMER_NOTICE_TEMPLATES) letters.register(template);

  // One composition root: the modules register their collections and indexes with the store (built and
  // back-filled on the first run) and hand back their services.
  const frontline = await createFrontline({
    store,
    clock,
    ids,
    modules: [
      serviceDesk({ defaultSlaPolicyId: 'hotline' }),
      complaintModule({ letters, office: COMPLAINT_OFFICE, authority: AUTHORITY }),
      kpis({ timeZone: ZONE }),
    ],
  });
  const { agents, customers, interactions: contacts, tickets, knowledge: kb } = frontline.serviceDesk;

  // The administrator who sets the office up: not a stored agent, just an actor allowed to manage agents.
  const admin: Actor = { id: 'admin-setup', roles: ['admin'], permissions: [Permissions.agentManage] };

  // ── setup, idempotent across runs ──────────────────────────────────────────────────────────────────────────
  const staff = [
    { id: 'agent-anna', name: 'Kiss Anna', email: 'anna@pelda.hu', roleIds: ['operator_l1'] },
    { id: 'agent-bela', name: 'Nagy Béla', email: 'bela@pelda.hu', roleIds: ['specialist_l2'] },
    { id: 'agent-csilla', name: 'Tóth Csilla', email: 'csilla@pelda.hu', roleIds: ['supervisor'] },
  ];
  let hired = 0;
  for (const person of staff) {
    try {
      await agents.getAgent({ actor: admin, agentId: person.id });
    } catch (error) {
      if (!FrontlineError.is(error, 'NOT_FOUND')) throw error;
      await agents.createAgent({ actor: admin, ...person });
      hired++;
    }
  }
  const [l1, l2, lead] = await Promise.all(staff.map((s) => agents.actorForAgent({ agentId: s.id })));
  if (!l1 || !l2 || !lead) throw new Error('agents missing');

  const hours = ['08:00-12:00', '12:30-16:30'];
  const calendarOptions = {
    hours: { monday: hours, tuesday: hours, wednesday: hours, thursday: hours, friday: ['08:00-14:00'] },
  };
  const policy: SlaPolicyInput = {
    id: 'hotline',
    name: 'Hotline (munkaidőben)',
    calendar: hungarianCalendarDefinition(calendarOptions),
    targets: [
      { priorities: ['urgent'], firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 },
      { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 960 },
    ],
  };
  let policyNew = false;
  try {
    await tickets.getSlaPolicy({ actor: lead, id: 'hotline' });
  } catch (error) {
    if (!FrontlineError.is(error, 'NOT_FOUND')) throw error;
    await tickets.saveSlaPolicy({ actor: lead, policy });
    policyNew = true;
  }

  // ── the call: caller ID lookup, else registration ──────────────────────────────────────────────────────────
  const now = clock.now();
  const known = await customers.findCustomersByPhone({ actor: l1, phone: CALLER_PHONE });
  const customer =
    known[0]?.customer ??
    (
      await customers.registerCustomer({
        actor: l1,
        familyName: 'Kovács',
        givenNames: ['Péter'],
        contactPoints: [
          { kind: 'phone', value: CALLER_PHONE, use: 'private' },
          { kind: 'postal', use: 'private', address: CALLER_ADDRESS },
        ],
      })
    ).customer;
  // a caller registered by an older demo has no postal address yet; complaint minutes need one
  if (!customer.contactPoints.some((p) => p.kind === 'postal')) {
    await customers.addContactPoint({
      actor: l1,
      customerId: customer.id,
      contactPoint: { kind: 'postal', use: 'private', address: CALLER_ADDRESS },
    });
  }
  const earlier = (await tickets.ticketsOfCustomer({ actor: l1, customerId: customer.id, limit: 500 })).items;
  const run = earlier.length + 1;
  const chainBefore = await createAuditLog({ store, clock }).verify();

  say(`Frontline demo — run #${run} on PGlite at ${path.relative(process.cwd(), dataDir) || dataDir}`);
  say(
    run === 1
      ? '  fresh data directory: nothing from earlier runs'
      : `  found ${earlier.length} earlier ticket(s) of this caller, audit chain of ${chainBefore.ok ? chainBefore.count : '?'} entries verified`,
  );
  say(
    `  setup: ${hired} agent(s) created, ${staff.length - hired} found; SLA policy "hotline" ${policyNew ? 'saved' : 'found'}`,
  );
  for (const [s, actor] of staff.map((s, i) => [s, [l1, l2, lead][i]!] as const)) {
    say(`    ${s.name.padEnd(12)} ${s.roleIds.join(',').padEnd(14)} ${actor.permissions.length} permissions`);
  }

  say();
  say(`1. Incoming call from ${CALLER_PHONE} (${at(now)})`);
  say(
    known.length > 0
      ? `   caller ID: ${customer.displayName} (${short(customer.id)}), customer since ${customer.customerSince}`
      : `   unknown number: registered ${customer.displayName} (${short(customer.id)})`,
  );
  const call = await contacts.recordInteraction({
    actor: l1,
    customerId: customer.id,
    channel: 'phone',
    direction: 'inbound',
    queue: 'hotline',
    agentId: l1.id,
    offeredAt: new Date(now.getTime() - 6 * 60_000),
    answeredAt: new Date(now.getTime() - 5.5 * 60_000),
    endedAt: now,
    outcome: 'follow_up',
    subject: 'A router nem működik',
    notes: 'A router LED-je pirosan villog, nincs internet. Újraindítás nem segített.',
  });
  say(`   call documented by Kiss Anna (L1): ${short(call.interaction.id)}, 5 min 30 s talk time`);

  // ── the ticket: open → escalate (L1) → resolve (L2) ────────────────────────────────────────────────────────
  const opened = await tickets.openTicket({
    actor: l1,
    customerId: customer.id,
    subject: 'A router nem működik',
    description: 'Piros LED villog, nincs internet; újraindítás nem segített.',
    category: 'network',
    interactionId: call.interaction.id,
  });
  const sla = (ticket: Ticket, target: string) => ticket.sla?.targets.find((t) => t.target === target);
  say();
  say(
    `2. Ticket ${short(opened.ticket.id)} opened from the call: ${opened.ticket.status}, ${opened.ticket.tier}`,
  );
  const calendar = hungarianBusinessCalendar(calendarOptions);
  say(
    `   business hours now: ${isWorkingTime(calendar, now) ? 'yes' : `no — next working time ${at(nextWorkingTime(calendar, now))}`}`,
  );
  say(
    `   SLA (Hungarian calendar, business minutes): first response ${sla(opened.ticket, 'first_response')?.stoppedAt ? 'met by the call' : `due ${at(sla(opened.ticket, 'first_response')?.dueAt)}`}, resolution due ${at(sla(opened.ticket, 'resolution')?.dueAt)}`,
  );
  // Before escalating, L1 asks the knowledge base — on a second run it finds the first run's article.
  const atOpen = await kb.suggestArticles({
    actor: l1,
    subject: opened.ticket.subject,
    text: opened.ticket.description,
    product: 'router',
  });
  const knownArticle = atOpen.find((h) => h.article.title === opened.ticket.subject);
  say(
    knownArticle
      ? `   knowledge base suggests "${knownArticle.article.title}" (${short(knownArticle.article.id)}, ${knownArticle.article.helpfulVotes} helpful vote(s)) — a remote PPPoE fix, L2 work`
      : '   knowledge base: no article for this yet',
  );
  const escalated = await tickets.escalateTicket({
    actor: l1,
    ticketId: opened.ticket.id,
    reason: 'Vonalmérés kell, L1-en nem megoldható',
    group: 'hotline-l2',
  });
  say(
    `3. Escalated to ${escalated.ticket.tier} (${escalated.ticket.group}): "Vonalmérés kell, L1-en nem megoldható"`,
  );
  const solution =
    'A router firmware-frissítés után elvesztette a PPPoE-beállítást; újra beállítottuk távolról.';
  const resolved = await tickets.resolveTicket({ actor: l2, ticketId: opened.ticket.id, reason: solution });
  say(`4. Resolved by Nagy Béla (L2): ${solution}`);
  say(`   ticket now ${resolved.ticket.status}, ${resolved.ticket.history.length} commands in its history`);

  // ── knowledge: draft from the solved ticket, submit (L2), publish (supervisor) ─────────────────────────────
  say();
  if (knownArticle) {
    // The solution is in the knowledge base already (an earlier run): no duplicate, a helpful vote instead.
    const vote = await kb.voteOnArticle({
      actor: l2,
      articleId: knownArticle.article.id,
      helpful: true,
      voterId: `ticket:${opened.ticket.id}`,
    });
    say(
      `5. Knowledge base already holds "${vote.article.title}": Nagy Béla marked it helpful for this ticket (${vote.article.helpfulVotes} helpful vote(s))`,
    );
  } else {
    const draft = await kb.draftFromSolvedTicket({
      actor: l2,
      ticketId: opened.ticket.id,
      subject: opened.ticket.subject,
      problem: 'A router LED-je pirosan villog, nincs internet; az újraindítás nem segít.',
      cause: 'Firmware-frissítés után elveszett PPPoE-beállítás.',
      solution,
      product: 'router',
      category: 'hibabejelentés',
      locale: 'hu',
      solvedBy: l2.id,
    });
    await kb.submitForReview({ actor: l2, articleId: draft.article.id });
    const published = await kb.approveArticle({ actor: lead, articleId: draft.article.id });
    say(
      `5. Knowledge base: "${published.article.title}" drafted from the ticket and submitted by Nagy Béla (L2), published by Tóth Csilla (supervisor)`,
    );
  }

  // ── the next caller: accent-free search and suggestions ────────────────────────────────────────────────────
  const hits = await kb.search({ actor: l1, query: 'router nem mukodik' });
  const suggestions = await kb.suggestArticles({
    actor: l1,
    subject: 'nem mukodik a router',
    product: 'router',
  });
  say(`6. Next caller, search 'router nem mukodik': ${hits.length} article(s)`);
  for (const hit of hits.slice(0, 3)) {
    say(
      `   ${hit.score.toFixed(2)}  ${hit.article.title} (${short(hit.article.id)}) — terms ${hit.terms.join(', ')}`,
    );
  }
  say(`   suggestions for a new ticket 'nem mukodik a router': ${suggestions.length}`);

  // ── a letter: the built-in customer notice, in Hungarian ───────────────────────────────────────────────────
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE }).format(now);
  const letter = letters.renderLetter(
    'customer-notice',
    {
      office: {
        name: 'Példa Távközlési Zrt.',
        phone: '+36 1 234 5678',
        email: 'ugyfel@pelda.hu',
        address: { postalCode: '1051', city: 'Budapest', street: 'Nádor utca 5.' },
      },
      recipient: {
        name: customer.displayName,
        address: { postalCode: '7621', city: 'Pécs', street: 'Király utca 12.' },
      },
      letter: { reference: `UGY-${today.slice(0, 4)}/${short(opened.ticket.id)}`, date: today },
      customer: { number: short(customer.id) },
      notice: {
        serviceName: 'Otthoni Net 500',
        effectiveFrom: '2027-01-01',
        currentFee: money(599_000, 'HUF'),
        newFee: money(649_000, 'HUF'),
        objectionDays: 30,
      },
      agent: { name: 'Tóth Csilla', title: 'csoportvezető' },
    },
    { locale: 'hu' },
  );
  const text = letter.body
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const fee = text.match(/Tájékoztatjuk.*?lesz\./)?.[0] ?? '';
  say();
  say(`7. Letter (${letter.locale}): ${letter.subject}`);
  say(`   "${fee}"`);
  say(`   (fee ${formatMoney(money(649_000, 'HUF'), 'hu')}, ${letter.body.length} characters of HTML)`);

  // ── a complaint by the same caller: phone, billing error, refund by the rules, four-eyes approval ──────────
  const complaints = frontline.complaints;
  let rulesNew = false;
  try {
    await complaints.getRuleSet({ actor: lead, id: RULES.id, version: RULES.version });
  } catch (error) {
    if (!FrontlineError.is(error, 'NOT_FOUND')) throw error;
    await complaints.saveRuleSet({ actor: lead, ruleSet: RULES });
    rulesNew = true;
  }
  const earlierComplaints = (
    await complaints.complaintsOfCustomer({ actor: l1, customerId: customer.id, limit: 500 })
  ).items;
  const complaintCall = await contacts.recordInteraction({
    actor: l1,
    customerId: customer.id,
    channel: 'phone',
    direction: 'inbound',
    queue: 'billing',
    agentId: l1.id,
    offeredAt: new Date(now.getTime() - 3 * 60_000),
    answeredAt: new Date(now.getTime() - 2.5 * 60_000),
    endedAt: now,
    outcome: 'follow_up',
    subject: 'Panasz: hibás számla',
    notes: 'A novemberi számlán kétszer szerepel a havidíj; szóbeli panasz, jegyzőkönyv felvéve.',
  });
  const disputed = huf(12_990);
  const received = await complaints.receiveComplaint({
    actor: l1,
    customerId: customer.id,
    // name and address come from the customer record; the county of domicile chooses the conciliation board
    consumer: { county: 'baranya' },
    channel: 'phone',
    place: 'Telefonos ügyfélszolgálat',
    agentName: 'Kiss Anna',
    subject: 'Hibás számla: kétszer felszámított havidíj',
    description: `A novemberi számlán az Otthoni Net 500 havidíja (${ft(disputed)}) kétszer szerepel.`,
    category: 'billing',
    productOrService: 'Otthoni Net 500',
    amountInDispute: disputed,
    requestedRemedy: 'A kétszer felszámított havidíj visszatérítése',
    interactionIds: [complaintCall.interaction.id],
  });
  const complaintId = received.complaint.id;
  const minutes = received.complaint.letters.find((l) => l.kind === 'minutes');
  say();
  say(
    `8. Complaint by phone from ${customer.displayName} (complaint #${earlierComplaints.length + 1} of this caller): billing error, ${ft(disputed)} in dispute`,
  );
  say(
    `   rule set "${RULES.id}" v${RULES.version} ${rulesNew ? 'saved' : 'found'}; call ${short(complaintCall.interaction.id)} documented; ${received.complaint.reference.slice(0, 7)}…${short(complaintId)} ${received.complaint.status}, answer due ${at(received.complaint.answerDueAt)}`,
  );
  say(`   --- ${minutes?.subject ?? 'minutes'} ---`);
  for (const line of letterText(minutes?.body ?? '')) say(`   │ ${line}`);
  await complaints.acknowledgeComplaint({ actor: l1, complaintId, note: 'Átvételt visszaigazoltuk' });
  await complaints.startInvestigation({ actor: l1, complaintId, assigneeId: l1.id });
  const decided = await complaints.decideComplaint({
    actor: l1,
    complaintId,
    outcome: 'upheld',
    reasons: 'A novemberi havidíjat tévesen kétszer számláztuk ki.',
    ruleSetId: RULES.id,
  });
  const { proposal, explanation } = decided.evaluation;
  const applied = RULES.rules.find((r) => r.id === explanation.appliedRuleId);
  say(
    `   acknowledged, investigated, decided upheld by Kiss Anna (L1): rules propose ${proposal.kind} ${ft(proposal.amount)}`,
  );
  for (const r of explanation.rules) {
    say(
      `     ${r.matched ? '✓' : '✗'} ${r.ruleId}${r.reasons.length > 0 ? ` — ${r.reasons.join('; ')}` : ''}`,
    );
  }
  say(
    `     applied: ${explanation.appliedRuleId ?? 'none'}${applied ? ` ("${applied.description}")` : ''}, before caps ${explanation.uncapped ? ft(explanation.uncapped) : '—'}`,
  );
  // What the caller already received in the cap's window (the service sums the same when it evaluates).
  const cap = RULES.caps?.[0];
  const granted = earlierComplaints.reduce((sum, c: Complaint) => {
    const d = c.decisions.at(-1);
    const final = d && (d.approval.status === 'approved' || d.approval.status === 'not_needed');
    const recent =
      c.answeredAt && now.getTime() - c.answeredAt.getTime() < (cap?.windowDays ?? 365) * 86_400_000;
    return final && recent ? sum + Math.max(0, d.compensation.amount.amount) : sum;
  }, 0);
  say(
    explanation.cap
      ? `     cap "${explanation.cap.capId}": ${ft(explanation.cap.limit)} per customer, ${ft(explanation.cap.alreadyGranted)} already granted → cut to ${ft(explanation.cap.remaining)}`
      : `     cap "${cap?.id}": ${cap ? ft(cap.perCustomer) : '—'} per customer in ${cap?.windowDays} days, ${ft(money(granted, 'HUF'))} granted before — not reached`,
  );
  const limit = decided.complaint.decisions.at(-1)?.proposerLimit;
  if (decided.needsApproval) {
    const approved = await complaints.approveCompensation({
      actor: lead,
      complaintId,
      note: 'Jóváhagyva: a kettős számlázás igazolt',
    });
    say(
      `   above Kiss Anna's ${proposal.kind} limit (${limit ? ft(limit) : '—'}): awaiting_approval → approved by Tóth Csilla (supervisor): ${approved.complaint.status}`,
    );
  } else {
    say(`   within Kiss Anna's ${proposal.kind} limit (${limit ? ft(limit) : '—'}): no approval needed`);
  }
  const answered = await complaints.sendAnswer({
    actor: l1,
    complaintId,
    agentName: 'Kiss Anna',
    agentTitle: 'ügyfélszolgálati munkatárs',
    nextSteps: 'A visszatérítést a következő számláján jóváírjuk; más teendője nincs.',
  });
  const answer = answered.complaint.letters.at(-1);
  say(`   --- ${answer?.subject ?? 'answer'} ---`);
  for (const line of letterText(answer?.body ?? '')) say(`   │ ${line}`);
  await complaints.acceptAnswer({ actor: l1, complaintId, note: 'A hívó telefonon elfogadta' });
  const closed = await complaints.closeComplaint({ actor: l1, complaintId });
  const file = await complaints.caseFile({ actor: l1, id: complaintId });
  say(
    `   customer accepted, complaint ${closed.complaint.status}: ${file.compensation ? `${file.compensation.kind} ${ft(file.compensation.amount)}` : 'no compensation'}, ${file.approvals.length} approval(s), letters ${file.letters.map((l) => l.kind).join(' + ')}`,
  );
  say(`   audit: ${file.auditTrail.map((e) => e.type.replace(/^complaint\.|\.v1$/g, '')).join(' → ')}`);
  say(`   case file kept until ${at(file.retainUntil)} (${file.policy.legalBasis.split(':')[0]})`);

  // ── audit chain and outbox ─────────────────────────────────────────────────────────────────────────────────
  const verification = await createAuditLog({ store, clock }).verify();
  say();
  say(
    verification.ok
      ? `9. Audit chain verified: ${verification.count} entries, head #${verification.head?.seq} ${verification.head?.hash.slice(0, 12)}…`
      : `9. Audit chain BROKEN at #${verification.seq}: ${verification.message}`,
  );
  const before = await store.outbox.stats();
  // every message is a typed, versioned event the composition root's catalogue declares
  const catalogue = new Set(frontline.plan.events.map((e) => e.type));
  const undeclared = new Set<string>();
  let delivered = 0;
  for (;;) {
    const batch = await store.outbox.claim({ worker: 'demo', limit: 100, leaseMs: 60_000 });
    if (batch.length === 0) break;
    const topics = new Set(batch.map((m) => m.topic));
    for (const topic of topics) if (!catalogue.has(topic)) undeclared.add(topic);
    await store.transaction(async (tx) => {
      for (const m of batch) await tx.outbox.complete(m);
    });
    delivered += batch.length;
    if (delivered === batch.length) say(`   outbox topics: ${[...topics].sort().join(', ')}`);
  }
  const after = await store.outbox.stats();
  say(
    `10. Outbox: ${before.pending} pending → delivered ${delivered}; now pending ${after.pending}, done ${after.done}, dead ${after.dead}`,
  );
  say(
    undeclared.size === 0
      ? `    every topic is in the event catalogue (${catalogue.size} typed events from ${frontline.plan.modules.length} modules)`
      : `    NOT in the event catalogue: ${[...undeclared].join(', ')}`,
  );
  if (undeclared.size > 0) process.exitCode = 1;

  // ── today's figures from the KPI module's daily roll-up (kept as the contacts and tickets above were recorded) ──
  say();
  await printTodaysKpis({ kpis: frontline.kpis, lead, today, say });

  // ── the week's KPI dashboard (a simulated week: no store needed) ───────────────────────────────────────────
  say();
  await writeWeeklyDashboard({ outDir: path.join(repoRoot, 'out'), say });
  say();
  say(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Run it again: it finds this run's data.`,
  );
  if (!verification.ok) process.exitCode = 1;
} finally {
  await store.close();
}
