import type { ActorInput, FixedClock, FrontlineError, Store } from '@frontline/core';
import type {
  AuthorityMatrix,
  CompensationRuleSetInput,
  Complaint,
  ComplaintOffice,
  ComplaintService,
  ReceiveComplaintInput,
} from '@frontline/core/complaints';
import type { Customer } from '@frontline/core/service-desk';
import { suiteCustomer } from './interactions-suite';
import type { StoreConformanceOptions } from './store-conformance-options';
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
  | 'authority-property'
  | 'minutes-from-customer-record'
  | 'negative-dispute'
  | 'four-eyes-exact-ids'
  | 'boards-by-county'
  | 'cap-counts-decided'
  | 'cap-parallel'
  | 'read-masking'
  | 'inbox-by-status'
  | 'inbox-by-deadline'
  | 'customer-pages'
  | 'expected-version'
  | 'inbox-paging-property';

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

/** Forints as HUF minor units. */
export const huf = (forint: number) => ({ amount: forint * 100, currency: 'HUF' });

/**
 * The actors of the complaint suite: a first-level agent, two supervisors (the four-eyes pair), an approver
 * with a first-level role (too little authority), an outsider, and an officer who may read personal data.
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
  /** A complaint handler who may see the consumer's personal data unmasked. */
  officer: {
    id: 'officer-erika',
    roles: ['operator_l1'],
    permissions: ['complaint.write', 'customer.read_personal'],
  },
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
  seatCounty: 'budapest',
};

/**
 * The customers of the complaint suite: `cust-1` and `cust-2` live in Budapest (their county comes from the
 * postal code), `cust-3` (Nagy Béla) has no postal address, `cust-4` (Tóth Péter) lives in Pécs, Baranya.
 * @category Testing
 */
export function complaintCustomers(at: Date): Customer[] {
  const postal = (id: string, lines: string[], locality: string, postalCode: string, region?: string) => ({
    id,
    kind: 'postal' as const,
    use: 'private' as const,
    address: { lines, locality, postalCode, country: 'HU', ...(region ? { region } : {}) },
  });
  return [
    { ...suiteCustomer('cust-1', at), contactPoints: [postal('cp-1', ['Nádor u. 5.'], 'Budapest', '1051')] },
    { ...suiteCustomer('cust-2', at), contactPoints: [postal('cp-2', ['Váci út 1.'], 'Budapest', '1132')] },
    { ...suiteCustomer('cust-3', at), familyName: 'Nagy', givenNames: ['Béla'] },
    {
      ...suiteCustomer('cust-4', at),
      familyName: 'Tóth',
      givenNames: ['Péter'],
      contactPoints: [postal('cp-4', ['Király u. 12.'], 'Pécs', '7621', 'Baranya vármegye')],
    },
  ];
}

export { collect } from '@frontline/core';

/** Decides a complaint upheld with the suite rules. */
export const decideUpheld = (complaints: ComplaintService, actor: ActorInput, complaintId: string) =>
  complaints.decideComplaint({ actor, complaintId, outcome: 'upheld', reasons: 'r', ruleSetId: 'standard' });

/** Sends the answer of a decided complaint. */
export const sendPlainAnswer = (complaints: ComplaintService, actor: ActorInput, complaintId: string) =>
  complaints.sendAnswer({ actor, complaintId, agentName: 'N', agentTitle: 'T', nextSteps: 'x' });

/** Every complaint of a customer, page by page, as `actor` may see them. */
export async function allComplaintsOf(
  complaints: ComplaintService,
  customerId: string,
  actor: ActorInput = complaintActors.agent,
): Promise<Complaint[]> {
  const out: Complaint[] = [];
  let cursor: string | undefined;
  do {
    const page = await complaints.complaintsOfCustomer({
      actor,
      customerId,
      limit: 3,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** What each complaint suite test gets: the store (and its raw form), the clock, the service and helpers. */
export interface ComplaintSuiteContext {
  store: Store;
  raw: Store;
  clock: FixedClock;
  complaints: ComplaintService;
  refused(promise: () => Promise<unknown>, code: string): Promise<FrontlineError>;
  receive(overrides?: Partial<ReceiveComplaintInput>): Promise<string>;
  toInvestigation(id: string): Promise<void>;
  /** Runs of the property tests (the suite option `randomRuns`, default 15). */
  randomRuns: number;
}

export const A = complaintActors;
/** Monday 2 March 2026, 09:00 in Budapest. */
export const START = '2026-03-02T08:00:00.000Z';
export const DAY = 86_400_000;

/** Registers one named test of the complaint suite. */
export type ComplaintSuiteRegister = (
  name: ComplaintSuiteTest,
  title: string,
  body: (ctx: ComplaintSuiteContext) => Promise<void>,
) => void;
