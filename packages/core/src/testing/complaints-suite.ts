import fc from 'fast-check';
import { describe, expect } from 'vitest';
import type { AuthorityMatrix } from '../complaints/authority';
import { authorityLimit } from '../complaints/authority';
import type { CompensationRuleSetInput } from '../complaints/compensation-rules';
import { ComplaintRuleSets, Complaints } from '../complaints/complaint-collections';
import type { ReceiveComplaintInput } from '../complaints/complaint-inputs';
import type { ComplaintOffice } from '../complaints/complaint-letters';
import { type ComplaintService, createComplaintService } from '../complaints/complaint-service';
import { CustomerCollection } from '../customers/customer-collections';
import type { FrontlineError } from '../errors/frontline-error';
import { createInteractionService } from '../interactions/interaction-service';
import type { ActorInput } from '../kernel/actor';
import { createLetterEnvironment } from '../letters/letter-environment';
import type { FixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import type { Store } from '../ports/storage';
import { expectFrontlineError, suiteCustomer, withoutScans } from './interactions-suite';
import type { RawInspector, StoreConformanceOptions } from './store-conformance';
import { suiteCase } from './suite-harness';

/**
 * The names of the complaint suite's tests, for {@link ComplaintSuiteOptions.skip}.
 * @category Testing
 */
export type ComplaintSuiteTest =
  | 'intake'
  | 'intake-refusals'
  | 'workflow'
  | 'approval'
  | 'refusal'
  | 'rejection-and-dispute'
  | 'closed-refusals'
  | 'deadlines'
  | 'caps'
  | 'rule-sets'
  | 'case-file'
  | 'tenure-from-customer'
  | 'authority-property';

/**
 * What the complaint suite needs from an adapter: the same options as the ticket suite.
 * @category Testing
 */
export interface ComplaintSuiteOptions
  extends Pick<StoreConformanceOptions, 'name' | 'createStore' | 'dispose' | 'raw'> {
  /** Tests to leave out, each with the reason why (printed in the test title). */
  skip?: Partial<Record<ComplaintSuiteTest, string>>;
  /** Runs of the authority property test (default 15). */
  randomRuns?: number;
}

const huf = (forint: number) => ({ amount: forint * 100, currency: 'HUF' });

/**
 * The actors of the complaint suite: a first-level agent, two supervisors (the four-eyes pair), an approver
 * with a first-level role (too little authority) and an outsider.
 * @category Testing
 */
export const complaintActors = {
  agent: { id: 'agent-anna', roles: ['operator_l1'], permissions: ['complaint.write'] },
  supervisor: {
    id: 'lead-csilla',
    roles: ['supervisor'],
    permissions: ['complaint.write', 'complaint.approve'],
  },
  supervisor2: {
    id: 'lead-gabor',
    roles: ['supervisor'],
    permissions: ['complaint.write', 'complaint.approve'],
  },
  lowApprover: {
    id: 'deputy-emese',
    roles: ['operator_l1'],
    permissions: ['complaint.write', 'complaint.approve'],
  },
  outsider: { id: 'agent-dani', roles: ['operator_l1'], permissions: ['customer.read'] },
} as const satisfies Record<string, ActorInput>;

/**
 * The authority matrix of the suite (HUF): an L1 operator grants up to 5 000 Ft credit or voucher, a supervisor
 * up to 50 000 Ft credit or refund.
 * @category Testing
 */
export function suiteAuthorityMatrix(): AuthorityMatrix {
  return {
    currency: 'HUF',
    limits: [
      { role: 'operator_l1', kind: 'credit', max: huf(5_000) },
      { role: 'operator_l1', kind: 'voucher', max: huf(5_000) },
      { role: 'supervisor', kind: 'credit', max: huf(50_000) },
      { role: 'supervisor', kind: 'refund', max: huf(50_000) },
      { role: 'supervisor', kind: 'voucher', max: huf(20_000) },
    ],
  };
}

/**
 * The compensation rule set of the suite: outage credits by length, billing refunds, a loyalty voucher, an
 * apology otherwise; at most 80 000 Ft per customer a year.
 * @category Testing
 */
export function suiteCompensationRuleSet(version = 1): CompensationRuleSetInput {
  return {
    id: 'standard',
    version,
    currency: 'HUF',
    rules: [
      {
        id: 'outage_long',
        description: 'Outage of a day or more: 1 000 Ft per started hour, at most 60 000 Ft',
        when: { categories: ['network_outage'], minOutageHours: 24 },
        kind: 'credit',
        award: { basis: 'per_outage_hour', amount: huf(1_000) },
        max: huf(60_000),
      },
      {
        id: 'outage_short',
        description: 'Outage of 4 to 24 hours: 2 000 Ft',
        when: { categories: ['network_outage'], minOutageHours: 4, maxOutageHours: 24 },
        kind: 'credit',
        award: { basis: 'fixed', amount: huf(2_000) },
      },
      {
        id: 'billing_error',
        description: 'Wrong bill: the amount in dispute back, at most 100 000 Ft',
        when: { categories: ['billing'], minAmountInDispute: huf(1) },
        kind: 'refund',
        award: { basis: 'percent_of_dispute', percent: 100 },
        max: huf(100_000),
      },
      {
        id: 'loyal_gold',
        description: 'Gold customers of two years or more: a 5 000 Ft voucher',
        when: { segments: ['gold'], minTenureMonths: 24 },
        kind: 'voucher',
        award: { basis: 'fixed', amount: huf(5_000) },
      },
      {
        id: 'apology',
        description: 'Otherwise an apology',
        kind: 'apology_only',
        award: { basis: 'fixed', amount: huf(0) },
      },
    ],
    caps: [{ id: 'yearly', perCustomer: huf(80_000), windowDays: 365 }],
  };
}

/**
 * The business the suite's letters name.
 * @category Testing
 */
export const suiteComplaintOffice: ComplaintOffice = {
  name: 'Példa Távközlési Zrt.',
  address: { postalCode: '1117', city: 'Budapest', street: 'Október huszonharmadika u. 8.' },
  phone: '+36 1 555 0100',
  email: 'panasz@pelda.hu',
};

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

interface Ctx {
  store: Store;
  raw: Store;
  clock: FixedClock;
  complaints: ComplaintService;
  refused(promise: () => Promise<unknown>, code: string): Promise<FrontlineError>;
  receive(overrides?: Partial<ReceiveComplaintInput>): Promise<string>;
  toInvestigation(id: string): Promise<void>;
}

const A = complaintActors;
/** Monday 2 March 2026, 09:00 in Budapest. */
const START = '2026-03-02T08:00:00.000Z';
const DAY = 86_400_000;

async function snapshot(store: Store, raw?: RawInspector) {
  return {
    complaints: await store.repository(Complaints).count(),
    ruleSets: await store.repository(ComplaintRuleSets).count(),
    auditHead: (await store.audit.head())?.seq ?? 0,
    outbox: await store.outbox.stats(),
    ...(raw ? { raw: { outbox: await raw.countOutbox(), audit: await raw.countAudit() } } : {}),
  };
}

/**
 * The complaint suite: registers vitest tests that prove the complaint service keeps its contracts on a storage
 * adapter — intake with minutes, the workflow, authority and four-eyes approval, answer and referral letters,
 * deadlines found by index and announced once, caps over earlier compensations, versioned rule sets, and
 * refusals that store nothing.
 * @example
 * import { runComplaintSuite } from '@frontline/core/testing';
 * runComplaintSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runComplaintSuite(options: ComplaintSuiteOptions): void {
  const test = (name: ComplaintSuiteTest, title: string, body: (ctx: Ctx) => Promise<void>) =>
    suiteCase(
      options,
      name,
      title,
      START,
      async ({ store: raw, clock, raw: inspector }) => {
        const store = withoutScans(raw);
        await raw.repository(CustomerCollection).insert(suiteCustomer('cust-1', clock.now()));
        await raw.repository(CustomerCollection).insert(suiteCustomer('cust-2', clock.now()));
        const complaints = createComplaintService({
          store,
          clock,
          ids: createSequentialIds('cmp'),
          letters: createLetterEnvironment(),
          office: suiteComplaintOffice,
          authority: suiteAuthorityMatrix(),
        });
        await complaints.saveRuleSet({ actor: A.supervisor, ruleSet: suiteCompensationRuleSet() });
        const refused = async (promise: () => Promise<unknown>, code: string) => {
          const before = await snapshot(raw, inspector);
          const error = await expectFrontlineError(promise(), code);
          expect(await snapshot(raw, inspector)).toEqual(before);
          return error;
        };
        const receive = async (overrides: Partial<ReceiveComplaintInput> = {}) =>
          (
            await complaints.receiveComplaint({
              actor: A.agent,
              customerId: 'cust-1',
              consumer: {
                name: 'Kiss Anna',
                address: { postalCode: '1051', city: 'Budapest', street: 'Nádor u. 5.' },
                county: 'budapest',
              },
              channel: 'web',
              subject: 'Nincs internet',
              description: 'Hétfő reggel óta nincs internet a lakásban.',
              category: 'network_outage',
              productOrService: 'Otthoni internet 500',
              requestedRemedy: 'Díjjóváírás a kiesett időre',
              facts: { outageHours: 6, source: 'telecom:outage:OUT-1' },
              ...overrides,
            })
          ).complaint.id;
        const toInvestigation = async (id: string) => {
          await complaints.acknowledgeComplaint({ actor: A.agent, complaintId: id });
          await complaints.startInvestigation({ actor: A.agent, complaintId: id, assigneeId: A.agent.id });
        };
        return { store, raw, clock, complaints, refused, receive, toInvestigation };
      },
      body,
    );

  describe(`complaints: ${options.name}`, () => {
    test(
      'intake',
      'takes in complaints; an oral one gets its minutes at once',
      async ({ raw, complaints, receive }) => {
        const phone = await receive({
          channel: 'phone',
          place: 'Telefonos ügyfélszolgálat',
          agentName: 'Nagy Anna',
          position: 'A hibát a hálózatüzemeltetés vizsgálja.',
          evidence: [{ ref: 'doc:photo-1', sha256: 'a'.repeat(64), description: 'Router fényképe' }],
        });
        const c = await complaints.getComplaint(phone);
        expect(c.status).toBe('received');
        expect(c.answerDueAt.toISOString()).toBe('2026-04-01T08:00:00.000Z');
        expect(c.policyId).toBe('hu.consumer');
        const minutes = c.letters.find((l) => l.kind === 'minutes');
        expect(minutes?.body).toContain('Jegyzőkönyv szóbeli panaszról');
        expect(minutes?.body).toContain('Kiss Anna');
        expect(minutes?.body).toContain('1051 Budapest, Nádor u. 5.');
        expect(minutes?.body).toContain('telefonon');
        expect(minutes?.body).toContain(`egyedi azonosítója: ${c.reference}`);
        expect(minutes?.body).toContain('a'.repeat(64));
        expect(minutes?.body).toContain('A hibát a hálózatüzemeltetés vizsgálja.');
        expect(minutes?.body).not.toContain('A fogyasztó aláírása');
        const web = await receive();
        expect((await complaints.getComplaint(web)).letters).toEqual([]);
        const audit = await collect(raw.audit.read({ entityType: 'complaint', entityId: phone }));
        expect(audit.map((e) => e.type)).toEqual(['complaint.received', 'complaint.minutes_recorded']);
      },
    );

    test(
      'intake-refusals',
      'refuses an unknown customer, a missing permission, bad input and letters with missing data, storing nothing',
      async ({ complaints, receive, refused }) => {
        const missing = await refused(() => receive({ customerId: 'nobody' }), 'NOT_FOUND');
        expect(missing.details).toMatchObject({ entity: 'customer', id: 'nobody' });
        await refused(() => receive({ actor: A.outsider }), 'FORBIDDEN');
        const bad = await refused(
          () => receive({ evidence: [{ ref: 'doc:1', sha256: 'xyz' }] }),
          'VALIDATION',
        );
        expect(JSON.stringify(bad.details)).toContain('sha256');
        await refused(() => receive({ facts: { outageHours: -3 } }), 'VALIDATION');
        const letter = await refused(
          () =>
            receive({
              channel: 'in_person',
              place: 'Ügyfélszolgálati iroda',
              consumer: { name: 'Kiss Anna' },
            }),
          'VALIDATION',
        );
        expect(JSON.stringify(letter.details)).toContain('consumer.address');
        await refused(() => receive({ interactionIds: ['no-such-contact'] }), 'NOT_FOUND');
        // an answer letter with missing data (no postal address) is refused and nothing changes
        const id = await receive({ consumer: { name: 'Kiss Anna' } });
        await complaints.startInvestigation({ actor: A.agent, complaintId: id });
        await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        const answer = await refused(
          () =>
            complaints.sendAnswer({
              actor: A.agent,
              complaintId: id,
              agentName: 'N',
              agentTitle: 'T',
              nextSteps: 'x',
            }),
          'VALIDATION',
        );
        expect(JSON.stringify(answer.details)).toContain('consumer.address');
        expect((await complaints.getComplaint(id)).status).toBe('decided');
      },
    );

    test(
      'workflow',
      'walks received → acknowledged → under_investigation → decided → awaiting_customer → accepted → closed',
      async ({ raw, clock, complaints, receive, toInvestigation }) => {
        const id = await receive();
        await toInvestigation(id);
        const decided = await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'A hálózati hiba 6 órán át tartott.',
          ruleSetId: 'standard',
        });
        expect(decided.needsApproval).toBe(false);
        expect(decided.complaint.status).toBe('decided');
        expect(decided.evaluation.explanation.appliedRuleId).toBe('outage_short');
        expect(decided.complaint.decisions[0]?.compensation).toEqual({ kind: 'credit', amount: huf(2_000) });
        expect(decided.complaint.decisions[0]?.ruleSetVersion).toBe(1);
        clock.advance(DAY);
        const answered = await complaints.sendAnswer({
          actor: A.agent,
          complaintId: id,
          agentName: 'Nagy Anna',
          agentTitle: 'ügyfélszolgálati munkatárs',
          nextSteps: 'A jóváírás a következő számlán jelenik meg.',
        });
        expect(answered.complaint.status).toBe('awaiting_customer');
        const answer = answered.complaint.letters.find((l) => l.kind === 'answer');
        expect(answer?.body).toContain('megalapozottnak találtuk');
        expect(answer?.body).toContain('2000');
        expect(answer?.body).not.toContain('Békéltető');
        await complaints.acceptAnswer({ actor: A.agent, complaintId: id, note: 'Telefonon elfogadta' });
        const closed = await complaints.closeComplaint({ actor: A.agent, complaintId: id });
        expect(closed.complaint.status).toBe('closed');
        expect(closed.complaint.retainUntil?.toISOString()).toBe('2031-03-03T08:00:00.000Z');
        expect(await collect(complaints.dueForDisposal({ before: '2031-03-03T08:00:00Z' }))).toEqual([]);
        const disposable = await collect(complaints.dueForDisposal({ before: '2031-03-04T00:00:00Z' }));
        expect(disposable.map((c) => c.id)).toEqual([id]);
        expect((await collect(complaints.complaintsOfCustomer('cust-1'))).map((c) => c.id)).toEqual([id]);
        const file = await complaints.caseFile(id);
        expect(file.compensation).toEqual({ kind: 'credit', amount: huf(2_000) });
        expect(file.letters.map((l) => l.kind)).toEqual(['answer']);
        expect(file.policy.retentionYears).toBe(5);
        expect(file.auditTrail.map((e) => e.type)).toEqual([
          'complaint.received',
          'complaint.acknowledged',
          'complaint.investigation_started',
          'complaint.decided',
          'complaint.answered',
          'complaint.accepted',
          'complaint.closed',
        ]);
        const audit = await collect(raw.audit.read({ entityType: 'complaint', entityId: id }));
        expect(audit).toHaveLength(7);
      },
    );

    test(
      'approval',
      'sends a compensation above authority to a second person with enough authority, never the proposer',
      async ({ complaints, receive, toInvestigation, refused }) => {
        const id = await receive({ facts: { outageHours: 40 } });
        await toInvestigation(id);
        const pending = await complaints.decideComplaint({
          actor: A.supervisor,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'Negyven órás kiesés.',
          ruleSetId: 'standard',
        });
        // 40 started hours × 1 000 Ft = 40 000 Ft: within a supervisor's 50 000 Ft, so no approval
        expect(pending.needsApproval).toBe(false);
        const id2 = await receive({ facts: { outageHours: 40 } });
        await toInvestigation(id2);
        const above = await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id2,
          outcome: 'upheld',
          reasons: 'Negyven órás kiesés.',
          ruleSetId: 'standard',
        });
        expect(above.needsApproval).toBe(true);
        expect(above.complaint.status).toBe('awaiting_approval');
        expect(above.complaint.decisions[0]?.proposerLimit).toEqual(huf(5_000));
        const send = {
          actor: A.agent,
          complaintId: id2,
          agentName: 'Nagy Anna',
          agentTitle: 'munkatárs',
          nextSteps: 'x',
        };
        await refused(() => complaints.sendAnswer(send), 'INVALID_TRANSITION');
        await refused(
          () => complaints.approveCompensation({ actor: A.agent, complaintId: id2 }),
          'FORBIDDEN',
        );
        const low = await refused(
          () => complaints.approveCompensation({ actor: A.lowApprover, complaintId: id2 }),
          'FORBIDDEN',
        );
        expect(low.details).toMatchObject({ limit: huf(5_000) });
        const approved = await complaints.approveCompensation({
          actor: A.supervisor,
          complaintId: id2,
          note: 'Rendben',
        });
        expect(approved.complaint.status).toBe('decided');
        expect(approved.complaint.decisions[0]?.approval).toMatchObject({
          status: 'approved',
          by: A.supervisor.id,
        });

        // a supervisor's own proposal above a supervisor's authority needs another approver
        const id3 = await receive({ customerId: 'cust-2', facts: { outageHours: 70 } });
        await toInvestigation(id3);
        const big = await complaints.decideComplaint({
          actor: A.supervisor,
          complaintId: id3,
          outcome: 'upheld',
          reasons: 'Hetven órás kiesés.',
          ruleSetId: 'standard',
        });
        expect(big.complaint.decisions[0]?.compensation.amount).toEqual(huf(60_000));
        expect(big.needsApproval).toBe(true);
        const own = await refused(
          () => complaints.approveCompensation({ actor: A.supervisor, complaintId: id3 }),
          'FORBIDDEN',
        );
        expect(own.details).toMatchObject({ rule: 'four_eyes' });
        // the second supervisor also lacks 60 000 Ft of authority
        await refused(
          () => complaints.approveCompensation({ actor: A.supervisor2, complaintId: id3 }),
          'FORBIDDEN',
        );
        const file = await complaints.caseFile(id2);
        expect(file.approvals).toEqual([
          expect.objectContaining({ seq: 1, status: 'approved', by: A.supervisor.id, note: 'Rendben' }),
        ]);
        expect(file.auditTrail.map((e) => e.type)).toContain('complaint.compensation_approved');
      },
    );

    test(
      'refusal',
      'a refused compensation returns to investigation, audited',
      async ({ complaints, receive, toInvestigation, refused }) => {
        const id = await receive({ facts: { outageHours: 30 } });
        await toInvestigation(id);
        await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        await refused(
          () => complaints.refuseCompensation({ actor: A.supervisor, complaintId: id }),
          'VALIDATION',
        );
        const back = await complaints.refuseCompensation({
          actor: A.supervisor,
          complaintId: id,
          note: 'Túl sok',
        });
        expect(back.complaint.status).toBe('under_investigation');
        expect(back.complaint.decisions[0]?.approval.status).toBe('refused');
        const again = await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'rejected',
          reasons: 'A hiba az ügyfél eszközében volt.',
          ruleSetId: 'standard',
        });
        expect(again.complaint.decisions[1]?.compensation).toEqual({ kind: 'apology_only', amount: huf(0) });
        expect(again.complaint.status).toBe('decided');
        const file = await complaints.caseFile(id);
        expect(file.auditTrail.map((e) => e.type)).toContain('complaint.compensation_refused');
      },
    );

    test(
      'rejection-and-dispute',
      'a rejection names the conciliation board; a dispute escalates or closes with the referral letter',
      async ({ complaints, receive, toInvestigation }) => {
        const answerIt = async (id: string, locale: 'hu' | 'en' = 'hu') => {
          await toInvestigation(id);
          await complaints.decideComplaint({
            actor: A.agent,
            complaintId: id,
            outcome: 'rejected',
            reasons: 'A számla helyes.',
            ruleSetId: 'standard',
          });
          return complaints.sendAnswer({
            actor: A.agent,
            complaintId: id,
            agentName: 'Nagy Anna',
            agentTitle: 'munkatárs',
            nextSteps: 'Nincs további teendő.',
            locale,
          });
        };
        const id = await receive({ category: 'billing', amountInDispute: huf(12_000) });
        const answered = await answerIt(id);
        const body = answered.complaint.letters.at(-1)?.body ?? '';
        expect(body).toContain('elutasítjuk');
        expect(body).toContain('Budapesti Békéltető Testület');
        expect(body).toContain('1016 Budapest, Krisztina krt. 99.');
        await complaints.disputeAnswer({ actor: A.agent, complaintId: id, note: 'Nem fogadja el' });
        const escalated = await complaints.escalateComplaint({
          actor: A.agent,
          complaintId: id,
          assigneeId: A.supervisor.id,
        });
        expect(escalated.complaint).toMatchObject({
          status: 'under_investigation',
          assigneeId: A.supervisor.id,
        });

        const id2 = await receive({ category: 'billing', amountInDispute: huf(12_000) });
        const en = await answerIt(id2, 'en');
        expect(en.complaint.letters.at(-1)?.body).toContain('conciliation board');
        await complaints.disputeAnswer({ actor: A.agent, complaintId: id2 });
        const closed = await complaints.closeComplaint({
          actor: A.agent,
          complaintId: id2,
          agentName: 'Nagy Anna',
          agentTitle: 'munkatárs',
        });
        const referral = closed.complaint.letters.find((l) => l.kind === 'referral');
        expect(referral?.body).toContain('Budapesti Békéltető Testület');
        expect(closed.complaint.customerResponse?.kind).toBe('disputed');
      },
    );

    test(
      'closed-refusals',
      'refuses a decision on a closed complaint; reopens only within the window',
      async ({ clock, complaints, receive, toInvestigation, refused }) => {
        const id = await receive();
        await toInvestigation(id);
        await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        await complaints.sendAnswer({
          actor: A.agent,
          complaintId: id,
          agentName: 'N',
          agentTitle: 'T',
          nextSteps: 'x',
        });
        await complaints.acceptAnswer({ actor: A.agent, complaintId: id });
        await complaints.closeComplaint({ actor: A.agent, complaintId: id });
        const decide = {
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        } as const;
        const err = await refused(() => complaints.decideComplaint(decide), 'INVALID_TRANSITION');
        expect(err.details).toMatchObject({ state: 'closed', command: 'decide' });
        await refused(() => complaints.reopenComplaint({ actor: A.agent, complaintId: id }), 'VALIDATION');
        clock.advance(10 * DAY);
        const reopened = await complaints.reopenComplaint({
          actor: A.agent,
          complaintId: id,
          note: 'Újra jelentkezett',
        });
        expect(reopened.complaint).toMatchObject({ status: 'under_investigation', closedAt: null });
        await complaints.decideComplaint(decide);
        await complaints.sendAnswer({
          actor: A.agent,
          complaintId: id,
          agentName: 'N',
          agentTitle: 'T',
          nextSteps: 'x',
        });
        await complaints.acceptAnswer({ actor: A.agent, complaintId: id });
        await complaints.closeComplaint({ actor: A.agent, complaintId: id });
        clock.advance(31 * DAY);
        await refused(
          () => complaints.reopenComplaint({ actor: A.agent, complaintId: id, note: 'Késve' }),
          'INVALID_TRANSITION',
        );
        await refused(() => complaints.decideComplaint({ ...decide, complaintId: 'nope' }), 'NOT_FOUND');
      },
    );

    test(
      'deadlines',
      'finds due answers by index and announces each warning and breach once',
      async ({ raw, clock, complaints, receive }) => {
        const a = await receive();
        clock.advance(2 * DAY);
        const b = await receive();
        const answered = await receive();
        await complaints.acknowledgeComplaint({ actor: A.agent, complaintId: answered });
        await complaints.startInvestigation({ actor: A.agent, complaintId: answered });
        await complaints.decideComplaint({
          actor: A.agent,
          complaintId: answered,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        await complaints.sendAnswer({
          actor: A.agent,
          complaintId: answered,
          agentName: 'N',
          agentTitle: 'T',
          nextSteps: 'x',
        });
        const due = await collect(complaints.dueAnswers({ before: '2026-04-02T00:00:00Z' }));
        expect(due.map((d) => d.complaintId)).toEqual([a]);
        expect(due[0]?.breached).toBe(false);
        expect((await complaints.checkDeadlines()).signals).toEqual([]);
        // 26 days after a: a is in its warning window (5 days before), b not yet
        const warnA = await complaints.checkDeadlines('2026-03-27T08:00:00Z');
        expect(warnA.signals).toEqual([
          { complaintId: a, kind: 'warning', at: new Date('2026-03-27T08:00:00Z') },
        ]);
        expect((await complaints.checkDeadlines('2026-03-27T09:00:00Z')).signals).toEqual([]);
        const later = await complaints.checkDeadlines('2026-04-05T00:00:00Z');
        // b's next signal was its warning (earlier in the index than a's breach); past its due date it is a breach only
        expect(later.signals.map((s) => [s.complaintId, s.kind]).sort()).toEqual([
          [a, 'breach'],
          [b, 'breach'],
        ]);
        expect((await complaints.checkDeadlines('2026-04-06T00:00:00Z')).signals).toEqual([]);
        const messages = await raw.outbox.claim({ worker: 'suite', limit: 500, leaseMs: 60_000 });
        const topics = messages.map((m) => m.topic).filter((t) => t.startsWith('complaint.deadline'));
        expect(topics.sort()).toEqual([
          'complaint.deadline_breached',
          'complaint.deadline_breached',
          'complaint.deadline_warning',
        ]);
        clock.set(new Date('2026-04-05T00:00:00Z'));
        const breached = await collect(complaints.dueAnswers({ before: '2026-05-01T00:00:00Z' }));
        expect(breached.map((d) => [d.complaintId, d.breached])).toEqual([
          [a, true],
          [b, true],
        ]);
      },
    );

    test(
      'caps',
      'caps a proposal by what the customer was granted in the year',
      async ({ clock, complaints, receive, toInvestigation }) => {
        const finish = async (id: string, actor: ActorInput) => {
          await toInvestigation(id);
          const d = await complaints.decideComplaint({
            actor,
            complaintId: id,
            outcome: 'upheld',
            reasons: 'r',
            ruleSetId: 'standard',
          });
          await complaints.sendAnswer({
            actor,
            complaintId: id,
            agentName: 'N',
            agentTitle: 'T',
            nextSteps: 'x',
          });
          return d;
        };
        const first = await finish(await receive({ facts: { outageHours: 45 } }), A.supervisor);
        expect(first.complaint.decisions[0]?.compensation.amount).toEqual(huf(45_000));
        clock.advance(30 * DAY);
        const second = await finish(await receive({ facts: { outageHours: 48 } }), A.supervisor);
        expect(second.complaint.decisions[0]?.compensation.amount).toEqual(huf(35_000));
        expect(second.evaluation.explanation.cap).toMatchObject({
          capId: 'yearly',
          alreadyGranted: huf(45_000),
          remaining: huf(35_000),
        });
        const third = await finish(await receive({ facts: { outageHours: 48 } }), A.supervisor);
        expect(third.complaint.decisions[0]?.compensation).toEqual({ kind: 'apology_only', amount: huf(0) });
        clock.advance(400 * DAY);
        const fresh = await finish(await receive({ facts: { outageHours: 30 } }), A.supervisor);
        expect(fresh.complaint.decisions[0]?.compensation.amount).toEqual(huf(30_000));
      },
    );

    test(
      'tenure-from-customer',
      "reads the tenure from the customer's record when the intake facts do not state it",
      async ({ complaints, receive, toInvestigation }) => {
        const id = await receive({ category: 'service', facts: { valueSegment: 'gold' } });
        await toInvestigation(id);
        const d = await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        // customer since 2020-01-01, decided on 2 March 2026: 74 months
        expect(d.evaluation.explanation.appliedRuleId).toBe('loyal_gold');
        expect(d.complaint.decisions[0]?.compensation).toEqual({ kind: 'voucher', amount: huf(5_000) });
        const short = await receive({
          category: 'service',
          facts: { valueSegment: 'gold', tenureMonths: 3 },
        });
        await toInvestigation(short);
        const s = await complaints.decideComplaint({
          actor: A.agent,
          complaintId: short,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        expect(s.complaint.decisions[0]?.compensation.kind).toBe('apology_only');
      },
    );

    test(
      'rule-sets',
      'keeps rule set versions; a decision records the version it used',
      async ({ complaints, receive, toInvestigation, refused }) => {
        const v2 = suiteCompensationRuleSet(2);
        v2.rules = [
          {
            id: 'flat',
            description: 'Everything: 1 000 Ft credit',
            kind: 'credit',
            award: { basis: 'fixed', amount: huf(1_000) },
          },
        ];
        await complaints.saveRuleSet({ actor: A.supervisor, ruleSet: v2 });
        expect((await complaints.getRuleSet('standard')).version).toBe(2);
        expect((await complaints.getRuleSet('standard', 1)).rules).toHaveLength(5);
        await refused(() => complaints.saveRuleSet({ actor: A.supervisor, ruleSet: v2 }), 'CONFLICT');
        await refused(
          () => complaints.saveRuleSet({ actor: A.agent, ruleSet: suiteCompensationRuleSet(3) }),
          'FORBIDDEN',
        );
        const broken = suiteCompensationRuleSet(3);
        broken.rules[1] = {
          ...broken.rules[1]!,
          award: { basis: 'fixed', amount: { amount: 1.5, currency: 'HUF' } },
        };
        const err = await refused(
          () => complaints.saveRuleSet({ actor: A.supervisor, ruleSet: broken }),
          'VALIDATION',
        );
        expect(err.message).toContain('outage_short');
        expect(err.message).toContain('award.amount.amount');
        expect(err.details).toMatchObject({ ruleId: 'outage_short' });
        await refused(() => complaints.getRuleSet('missing'), 'NOT_FOUND');
        const id = await receive();
        await toInvestigation(id);
        const latest = await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        expect(latest.complaint.decisions[0]).toMatchObject({
          ruleSetVersion: 2,
          compensation: { amount: huf(1_000) },
        });
        const pinned = await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
          ruleSetVersion: 1,
        });
        expect(pinned.complaint.decisions[1]).toMatchObject({
          ruleSetVersion: 1,
          compensation: { amount: huf(2_000) },
        });
      },
    );

    test(
      'case-file',
      'returns minutes, decisions, approvals, letters, contacts and the audit trail in one call',
      async ({ store, clock, complaints, receive, toInvestigation }) => {
        const contacts = createInteractionService({ store, clock, ids: createSequentialIds('ia') });
        const { interaction } = await contacts.recordInteraction({
          actor: { id: A.agent.id, roles: ['operator_l1'], permissions: ['interaction.write'] },
          customerId: 'cust-1',
          channel: 'phone',
          direction: 'inbound',
          queue: 'hotline',
          agentId: A.agent.id,
          offeredAt: '2026-03-02T07:50:00Z',
          answeredAt: '2026-03-02T07:50:40Z',
          endedAt: '2026-03-02T07:56:00Z',
          holdMs: 0,
          wrapUpMs: 0,
          outcome: 'resolved',
          notes: 'Panaszt tett',
        });
        const id = await receive({
          channel: 'phone',
          place: 'Hotline',
          interactionIds: [interaction.id],
          facts: { outageHours: 40 },
        });
        await toInvestigation(id);
        await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'upheld',
          reasons: 'r',
          ruleSetId: 'standard',
        });
        await complaints.approveCompensation({ actor: A.supervisor, complaintId: id });
        await complaints.sendAnswer({
          actor: A.agent,
          complaintId: id,
          agentName: 'N',
          agentTitle: 'T',
          nextSteps: 'x',
        });
        const file = await complaints.caseFile(id);
        expect(file.minutes?.kind).toBe('minutes');
        expect(file.decisions).toHaveLength(1);
        expect(file.approvals).toEqual([
          expect.objectContaining({ status: 'approved', by: A.supervisor.id }),
        ]);
        expect(file.compensation).toEqual({ kind: 'credit', amount: huf(40_000) });
        expect(file.letters.map((l) => l.kind)).toEqual(['minutes', 'answer']);
        expect(file.contacts.map((c) => c.id)).toEqual([interaction.id]);
        expect(file.auditTrail.map((e) => e.type)).toEqual([
          'complaint.received',
          'complaint.minutes_recorded',
          'complaint.acknowledged',
          'complaint.investigation_started',
          'complaint.approval_requested',
          'complaint.compensation_approved',
          'complaint.answered',
        ]);
        expect(file.decisions[0]?.explanation).toMatchObject({ appliedRuleId: 'outage_long' });
        expect(file.retainUntil).toBeNull();
      },
    );

    test(
      'authority-property',
      'never lets a compensation stand above the authority of whoever decided or approved it (property)',
      async ({ complaints, receive, toInvestigation }) => {
        const matrix = suiteAuthorityMatrix();
        const deciders = [A.agent, A.supervisor, A.supervisor2] as const;
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom('network_outage', 'billing', 'service'),
            fc.integer({ min: 0, max: 120 }),
            fc.integer({ min: 0, max: 150_000 }),
            fc.constantFrom(0, 1, 2),
            fc.constantFrom(0, 1, 2),
            async (category, hours, dispute, deciderIndex, approverIndex) => {
              const decider = deciders[deciderIndex]!;
              const approver = deciders[approverIndex]!;
              const id = await receive({
                customerId: 'cust-2',
                category,
                facts: { outageHours: hours },
                amountInDispute: huf(dispute),
              });
              await toInvestigation(id);
              const d = await complaints.decideComplaint({
                actor: decider,
                complaintId: id,
                outcome: 'upheld',
                reasons: 'r',
                ruleSetId: 'standard',
              });
              const comp = d.complaint.decisions[0]!.compensation;
              const ownLimit = authorityLimit(matrix, decider.roles, comp.kind).amount;
              expect(d.needsApproval).toBe(comp.amount.amount > ownLimit);
              expect(comp.amount.amount).toBeLessThanOrEqual(80_000 * 100);
              if (d.needsApproval) {
                const approved = await complaints
                  .approveCompensation({ actor: approver, complaintId: id })
                  .then(() => true)
                  .catch((error: FrontlineError) => {
                    expect(error.code).toBe('FORBIDDEN');
                    return false;
                  });
                const approverLimit = authorityLimit(matrix, approver.roles, comp.kind).amount;
                expect(approved).toBe(approver.id !== decider.id && comp.amount.amount <= approverLimit);
                expect((await complaints.getComplaint(id)).status).toBe(
                  approved ? 'decided' : 'awaiting_approval',
                );
              } else {
                expect(d.complaint.status).toBe('decided');
              }
            },
          ),
          { numRuns: options.randomRuns ?? 15 },
        );
      },
    );
  });
}
