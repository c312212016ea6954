import {
  complaintActors,
  suiteAuthorityMatrix,
  suiteCompensationRuleSet,
  suiteComplaintOffice,
  suiteCustomer,
} from '@frontline/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { CustomerCollection } from '../customers/customer-collections';
import { FrontlineError } from '../errors/frontline-error';
import { createLetterEnvironment } from '../letters/letter-environment';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import {
  assertWithinAuthority,
  authorityLimit,
  CONCILIATION_BOARDS,
  competentBoard,
  compileCompensationRules,
  complaintAnswerDueAt,
  complaintDeadlines,
  complaintRetainUntil,
  countyKeyOf,
  createComplaintService,
  decideComplaintTransition,
  evaluateCompensation,
  HUNGARIAN_CONSUMER_POLICY,
  isWithinAuthority,
  parseCompensationRuleSet,
  selectComplaintPolicy,
} from './index';

async function expectOnlyFrontlineErrors(call: () => unknown): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!FrontlineError.is(error)) throw error;
  }
}

/** The complaint service on a fresh memory store holding one customer, `cust-1`. */
async function serviceOnMemory() {
  const clock = createFixedClock('2026-03-02T08:00:00Z');
  const store = createMemoryStore({ clock });
  await store.repository(CustomerCollection).insert(suiteCustomer('cust-1', clock.now()));
  const service = createComplaintService({
    store,
    clock,
    ids: createSequentialIds('g'),
    letters: createLetterEnvironment(),
    office: suiteComplaintOffice,
    authority: suiteAuthorityMatrix(),
  });
  return { clock, store, service };
}

const garbage = fc.oneof(
  fc.anything(),
  fc.record({ actor: fc.anything(), complaintId: fc.anything(), note: fc.anything() }),
  fc.constant(undefined),
  fc.constant(null),
  fc.constant({ __proto__: null }),
);

describe('complaint API under random garbage', () => {
  it('pure functions throw only FrontlineErrors', async () => {
    const rules = compileCompensationRules(suiteCompensationRuleSet());
    const matrix = suiteAuthorityMatrix();
    await fc.assert(
      fc.asyncProperty(garbage, garbage, garbage, async (a, b, c) => {
        const calls: (() => unknown)[] = [
          () => parseCompensationRuleSet(a),
          () => compileCompensationRules(a),
          () => evaluateCompensation(a, b as never),
          () => rules.evaluate(a as never),
          () => authorityLimit(a as never, b as never, c as never),
          () => authorityLimit(matrix, a as never, b as never),
          () => isWithinAuthority(matrix, a as never, b as never),
          () => assertWithinAuthority(matrix, a as never, b as never),
          () => complaintDeadlines(a as never, b as never),
          () => complaintDeadlines(a as never, HUNGARIAN_CONSUMER_POLICY),
          () => complaintRetainUntil(a as never, HUNGARIAN_CONSUMER_POLICY),
          () => selectComplaintPolicy(a as never, b as never, c as never),
          () => competentBoard(CONCILIATION_BOARDS, a as never),
          () => competentBoard(a as never, b as never),
          () => countyKeyOf(a as never),
          () => complaintAnswerDueAt(a as never, b as never, c as never),
          () => decideComplaintTransition(a as never, b as never, c as never),
        ];
        for (const call of calls) await expectOnlyFrontlineErrors(call);
      }),
      { numRuns: 200 },
    );
  });

  it('service methods and the factory throw only FrontlineErrors, and store nothing', async () => {
    const { clock, store, service } = await serviceOnMemory();
    await service.saveRuleSet({ actor: complaintActors.supervisor, ruleSet: suiteCompensationRuleSet() });
    const head = (await store.audit.head())?.seq;
    await fc.assert(
      fc.asyncProperty(garbage, garbage, async (a, b) => {
        const calls: (() => unknown)[] = [
          () => createComplaintService(a as never),
          () =>
            createComplaintService({
              store,
              clock,
              ids: createSequentialIds(),
              letters: a,
              office: b,
            } as never),
          () => service.receiveComplaint(a as never),
          () => service.acknowledgeComplaint(a as never),
          () => service.startInvestigation(a as never),
          () => service.decideComplaint(a as never),
          () => service.approveCompensation(a as never),
          () => service.refuseCompensation(a as never),
          () => service.sendAnswer(a as never),
          () => service.acceptAnswer(a as never),
          () => service.disputeAnswer(a as never),
          () => service.escalateComplaint(a as never),
          () => service.closeComplaint(a as never),
          () => service.reopenComplaint(a as never),
          () => service.getComplaint(a as never),
          () => service.caseFile(a as never),
          async () => {
            for await (const _ of service.dueAnswers(a as never)) break;
          },
          async () => {
            for await (const _ of service.dueForDisposal(a as never)) break;
          },
          () => service.complaintsOfCustomer(a as never),
          () => service.complaintInbox(a as never),
          () => service.checkDeadlines(a as never),
          () => service.saveRuleSet({ actor: complaintActors.supervisor, ruleSet: a }),
          () => service.getRuleSet(a as never),
          () => service.getRuleSet({ actor: complaintActors.agent, id: a, version: b } as never),
        ];
        for (const call of calls) await expectOnlyFrontlineErrors(call);
      }),
      { numRuns: 100 },
    );
    expect((await store.audit.head())?.seq).toBe(head);
  });
});

describe('complaint API inputs', () => {
  it('refuses an unknown key in the input of every public method, storing nothing', async () => {
    const { store, service } = await serviceOnMemory();
    const actor = complaintActors.supervisor;
    const intake = {
      actor,
      customerId: 'cust-1',
      channel: 'web',
      subject: 's',
      description: 'd',
      category: 'billing',
      productOrService: 'p',
      requestedRemedy: 'r',
    } as const;
    const { complaint } = await service.receiveComplaint(intake);
    const head = (await store.audit.head())?.seq;
    const ref = { actor, complaintId: complaint.id };
    const signer = { agentName: 'N', agentTitle: 'T' };
    const inputs: Record<keyof typeof service, unknown> = {
      receiveComplaint: intake,
      acknowledgeComplaint: ref,
      startInvestigation: { ...ref, assigneeId: actor.id },
      decideComplaint: { ...ref, outcome: 'upheld', reasons: 'r', ruleSetId: 'standard' },
      approveCompensation: ref,
      refuseCompensation: { ...ref, note: 'n' },
      sendAnswer: { ...ref, ...signer, nextSteps: 'x' },
      acceptAnswer: ref,
      disputeAnswer: ref,
      escalateComplaint: { ...ref, assigneeId: actor.id },
      closeComplaint: { ...ref, ...signer },
      reopenComplaint: { ...ref, note: 'n' },
      getComplaint: { actor, id: complaint.id },
      caseFile: { actor, id: complaint.id },
      dueAnswers: { actor, before: '2026-05-01T00:00:00Z' },
      complaintsOfCustomer: { actor, customerId: 'cust-1' },
      complaintInbox: { actor, status: 'received' },
      dueForDisposal: { actor, before: '2026-05-01T00:00:00Z' },
      checkDeadlines: { now: '2026-05-01T00:00:00Z' },
      saveRuleSet: { actor, ruleSet: suiteCompensationRuleSet() },
      getRuleSet: { actor, id: 'standard' },
    };
    for (const [name, input] of Object.entries(inputs)) {
      const method = service[name as keyof typeof service] as (input: unknown) => unknown;
      const call = async () => {
        const result = method({ ...(input as object), unexpected: 1 });
        if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
          for await (const _ of result as AsyncIterable<unknown>) break;
        }
        return result;
      };
      await expect(call(), name).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [expect.objectContaining({ code: 'unrecognized_keys' })] },
      });
    }
    expect((await store.audit.head())?.seq).toBe(head);
  });
});
