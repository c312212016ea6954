import type { Store } from '@frontline/core';
import { createSequentialIds } from '@frontline/core';
import type { ReceiveComplaintInput } from '@frontline/core/complaints';
import { createComplaintService } from '@frontline/core/complaints';
import { createLetterEnvironment } from '@frontline/core/letters';
import {
  ComplaintCompensationLedgers,
  ComplaintRuleSets,
  Complaints,
  CustomerCollection,
} from '@frontline/core/storage';
import { complaintCapTests } from './complaints-suite-caps';
import { complaintClosingTests } from './complaints-suite-closing';
import {
  A,
  type ComplaintSuiteContext,
  type ComplaintSuiteOptions,
  type ComplaintSuiteTest,
  complaintCustomers,
  START,
  suiteAuthorityMatrix,
  suiteCompensationRuleSet,
  suiteComplaintOffice,
} from './complaints-suite-fixtures';
import { complaintInboxTests } from './complaints-suite-inbox';
import { complaintIntakeTests } from './complaints-suite-intake';
import { complaintRuleTests } from './complaints-suite-rules';
import { complaintWorkflowTests } from './complaints-suite-workflow';
import { expectFrontlineError, withoutScans } from './interactions-suite';
import { describe, expect } from './runner';
import type { RawInspector } from './store-conformance-options';
import { suiteCase } from './suite-harness';

export {
  type ComplaintSuiteContext,
  type ComplaintSuiteOptions,
  type ComplaintSuiteTest,
  complaintActors,
  complaintCustomers,
  suiteAuthorityMatrix,
  suiteCompensationRuleSet,
  suiteComplaintOffice,
} from './complaints-suite-fixtures';

async function snapshot(store: Store, raw?: RawInspector) {
  return {
    complaints: await store.repository(Complaints).count(),
    ruleSets: await store.repository(ComplaintRuleSets).count(),
    ledgers: await store.repository(ComplaintCompensationLedgers).count(),
    auditHead: (await store.audit.head())?.seq ?? 0,
    outbox: await store.outbox.stats(),
    ...(raw ? { raw: { outbox: await raw.countOutbox(), audit: await raw.countAudit() } } : {}),
  };
}

/**
 * The complaint suite: registers vitest tests that prove the complaint service keeps its contracts on a storage
 * adapter — intake with minutes, the workflow, authority and four-eyes approval, answer and referral letters,
 * deadlines found by index and announced once, caps over earlier compensations, versioned rule sets, reads
 * through the read policy (permissions, masking), the paged inbox, and refusals that store nothing.
 * @example
 * import { runComplaintSuite } from '@frontline/testing';
 * runComplaintSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runComplaintSuite(options: ComplaintSuiteOptions): void {
  const test = (
    name: ComplaintSuiteTest,
    title: string,
    body: (ctx: ComplaintSuiteContext) => Promise<void>,
  ) =>
    suiteCase(
      options,
      name,
      title,
      START,
      async ({ store: raw, clock, raw: inspector }) => {
        const store = withoutScans(raw);
        for (const customer of complaintCustomers(clock.now())) {
          await raw.repository(CustomerCollection).insert(customer);
        }
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
        return {
          store,
          raw,
          clock,
          complaints,
          refused,
          receive,
          toInvestigation,
          randomRuns: options.randomRuns ?? 15,
        };
      },
      body,
    );
  describe(`complaints: ${options.name}`, () => {
    complaintIntakeTests(test);
    complaintWorkflowTests(test);
    complaintClosingTests(test);
    complaintRuleTests(test);
    complaintCapTests(test);
    complaintInboxTests(test);
  });
}
