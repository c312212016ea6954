/**
 * A complaint fed by a telecom outage, end to end on the in-memory store: the outage registry opens a complaint
 * by phone with the outage length as a fact; the minutes are written at once; the compensation rules (a JSON
 * file a CRM would store) propose a credit above the agent's authority, so a supervisor approves it; the answer
 * letter goes out, the customer accepts, the case closes, and the case file shows everything. A second, billing
 * complaint is rejected and its letter names the conciliation board; a broken rule is refused by name.
 */
import { readFileSync } from 'node:fs';
import {
  createFixedClock,
  createFrontline,
  createMemoryStore,
  createSequentialIds,
  FrontlineError,
  formatMoney,
} from '@frontline/core';
import {
  type AuthorityMatrix,
  type Complaint,
  type ComplaintOffice,
  complaints as complaintModule,
  parseCompensationRuleSet,
} from '@frontline/core/complaints';
import { createLetterEnvironment } from '@frontline/core/letters';
import { serviceDesk } from '@frontline/core/service-desk';

const huf = (forint: number) => ({ amount: forint * 100, currency: 'HUF' });
const rules: unknown = JSON.parse(
  readFileSync(new URL('./compensation-rules.json', import.meta.url), 'utf8'),
);

const office: ComplaintOffice = {
  name: 'Példa Távközlési Zrt.',
  address: { postalCode: '1117', city: 'Budapest', street: 'Október huszonharmadika u. 8.' },
  phone: '+36 1 555 0100',
  email: 'panasz@pelda.hu',
};
const authority: AuthorityMatrix = {
  currency: 'HUF',
  limits: [
    { role: 'operator_l1', kind: 'credit', max: huf(5_000) },
    { role: 'supervisor', kind: 'credit', max: huf(50_000) },
    { role: 'supervisor', kind: 'refund', max: huf(50_000) },
  ],
};
const agent = { id: 'agent-anna', roles: ['operator_l1'], permissions: ['complaint.write'] };
const supervisor = {
  id: 'lead-csilla',
  roles: ['supervisor'],
  permissions: ['complaint.write', 'complaint.approve'],
};

const clock = createFixedClock('2026-03-02T08:00:00Z');
const frontline = await createFrontline({
  store: createMemoryStore({ clock }),
  clock,
  ids: createSequentialIds('cmp'),
  modules: [serviceDesk(), complaintModule({ letters: createLetterEnvironment(), office, authority })],
});
const { complaints } = frontline;
await complaints.saveRuleSet({ actor: supervisor, ruleSet: rules });

// The customers, registered through the service desk: the minutes take the consumer's name and address from here.
const registrar = { id: 'crm-sync', roles: ['system'], permissions: ['customer.write'] };
const customerIds: string[] = [];
for (const givenName of ['Anna', 'Béla']) {
  const { customer } = await frontline.serviceDesk.customers.registerCustomer({
    actor: registrar,
    familyName: 'Kiss',
    givenNames: [givenName],
    contactPoints: [
      {
        kind: 'postal',
        use: 'private',
        address: { lines: ['Nádor u. 5.'], locality: 'Budapest', postalCode: '1051', country: 'HU' },
      },
    ],
  });
  customerIds.push(customer.id);
}
const [cust1, cust2] = customerIds as [string, string];

// Budapest postal codes choose the Budapest board; name the county only when the address cannot tell.
const consumer = { board: 'domicile' as const };
const text = (html: string) =>
  html
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n\s*\n/g, '\n')
    .trim();
const show = (c: Complaint) => console.log(`  ${c.reference}: ${c.status}`);

console.log('1. The outage registry opens a complaint by phone (30 hours without service)');
const { complaint } = await complaints.receiveComplaint({
  actor: agent,
  customerId: cust1,
  consumer,
  channel: 'phone',
  place: 'Telefonos ügyfélszolgálat',
  agentName: 'Nagy Anna',
  subject: 'Nincs internet',
  description: 'Hétfő reggel óta nincs internet a lakásban; a router piros fénnyel villog.',
  category: 'network_outage',
  productOrService: 'Otthoni internet 500',
  requestedRemedy: 'Díjjóváírás a kiesett időre',
  severity: 'high',
  facts: { outageHours: 30, source: 'telecom:outage:OUT-2026-0042' },
});
show(complaint);
console.log(`  answer due: ${complaint.answerDueAt.toISOString()}`);
console.log('  --- minutes (jegyzőkönyv) ---');
console.log(text(complaint.letters[0]?.body ?? ''));

console.log('\n2. Investigation and decision from the rules');
await complaints.acknowledgeComplaint({ actor: agent, complaintId: complaint.id });
await complaints.startInvestigation({ actor: agent, complaintId: complaint.id, assigneeId: agent.id });
const decided = await complaints.decideComplaint({
  actor: agent,
  complaintId: complaint.id,
  outcome: 'upheld',
  reasons: 'A hálózati hiba 30 órán át tartott.',
  ruleSetId: 'telecom_standard',
});
const proposal = decided.evaluation.proposal;
console.log(
  `  rule applied: ${decided.evaluation.explanation.appliedRuleId}; proposal: ${proposal.kind} ${formatMoney(proposal.amount)}`,
);
for (const r of decided.evaluation.explanation.rules) {
  console.log(
    `    ${r.matched ? '✓' : '✗'} ${r.ruleId}${r.reasons.length ? ` — ${r.reasons.join('; ')}` : ''}`,
  );
}
show(decided.complaint);

console.log('\n3. Above the agent’s authority: the agent may not approve, the supervisor does');
try {
  await complaints.approveCompensation({
    actor: { ...agent, permissions: [...agent.permissions, 'complaint.approve'] },
    complaintId: complaint.id,
  });
} catch (error) {
  if (!FrontlineError.is(error)) throw error;
  console.log(`  refused (${error.code}): ${error.message}`);
}
show(
  (await complaints.approveCompensation({ actor: supervisor, complaintId: complaint.id, note: 'Jogos' }))
    .complaint,
);

console.log('\n4. The answer letter, acceptance and closing');
clock.advance(3 * 86_400_000);
const answered = await complaints.sendAnswer({
  actor: agent,
  complaintId: complaint.id,
  agentName: 'Nagy Anna',
  agentTitle: 'ügyfélszolgálati munkatárs',
  nextSteps: 'A jóváírás a következő számlán jelenik meg.',
});
console.log(text(answered.complaint.letters.at(-1)?.body ?? ''));
await complaints.acceptAnswer({ actor: agent, complaintId: complaint.id, note: 'Telefonon elfogadta' });
await complaints.closeComplaint({ actor: agent, complaintId: complaint.id });

const file = await complaints.caseFile({ actor: agent, id: complaint.id });
console.log('\n5. The case file');
console.log(`  compensation: ${file.compensation ? formatMoney(file.compensation.amount) : 'none'}`);
console.log(`  letters: ${file.letters.map((l) => l.kind).join(', ')}; approvals: ${file.approvals.length}`);
console.log(`  audit: ${file.auditTrail.map((e) => e.type).join(' → ')}`);
console.log(`  kept until ${file.retainUntil?.toISOString()} (${file.policy.legalBasis})`);

console.log('\n6. A rejected billing complaint names the conciliation board');
const billing = await complaints.receiveComplaint({
  actor: agent,
  customerId: cust2,
  consumer,
  channel: 'email',
  subject: 'Hibás számla',
  description: 'A februári számlán kétszer szerepel a havidíj.',
  category: 'billing',
  productOrService: 'Mobil előfizetés',
  amountInDispute: huf(5_990),
  requestedRemedy: 'Visszatérítés',
});
await complaints.startInvestigation({ actor: agent, complaintId: billing.complaint.id });
await complaints.decideComplaint({
  actor: agent,
  complaintId: billing.complaint.id,
  outcome: 'rejected',
  reasons: 'A két tétel két különböző hónap díja.',
  ruleSetId: 'telecom_standard',
});
const rejected = await complaints.sendAnswer({
  actor: agent,
  complaintId: billing.complaint.id,
  agentName: 'Nagy Anna',
  agentTitle: 'ügyfélszolgálati munkatárs',
  nextSteps: 'Nincs további teendő.',
  locale: 'en',
});
console.log(text(rejected.complaint.letters.at(-1)?.body ?? ''));

console.log('\n7. Deadlines and a broken rule');
const waiting = await complaints.receiveComplaint({
  actor: agent,
  customerId: cust2,
  consumer,
  channel: 'web',
  subject: 'Lassú internet',
  description: 'Esténként a sebesség a tizede a szerződöttnek.',
  category: 'service',
  productOrService: 'Otthoni internet 500',
  requestedRemedy: 'Javítás',
});
for (const at of ['2026-03-31T09:00:00Z', '2026-04-05T09:00:00Z', '2026-04-06T09:00:00Z']) {
  const report = await complaints.checkDeadlines({ now: at });
  const kinds = report.signals.map((s) => s.kind).join(', ') || 'nothing new';
  console.log(`  ${at}: ${kinds} (answer due ${waiting.complaint.answerDueAt.toISOString()})`);
}
try {
  parseCompensationRuleSet({
    id: 'x',
    version: 1,
    currency: 'HUF',
    rules: [{ id: 'bad_rule', description: 'x', kind: 'credit', award: { basis: 'fixed' } }],
  });
} catch (error) {
  if (!FrontlineError.is(error)) throw error;
  console.log(`  ${error.code}: ${error.message}`);
}
