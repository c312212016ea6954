import { parseInput } from '../errors/validate';
import type { Interaction } from '../interactions/interaction.schema';
import { Interactions } from '../interactions/interaction-collection';
import { InteractionReadPolicy } from '../interactions/interaction-queries';
import { collect } from '../kit/collect';
import {
  authorizeRead,
  type Page,
  pageOf,
  present,
  ReadByIdInput,
  type ReadPolicy,
  readById,
} from '../kit/read-policy';
import type { Stored } from '../ports/storage';
import type { CompensationRuleSet } from './compensation-rules';
import type { Complaint, ComplaintDecision } from './complaint.schema';
import { Complaints } from './complaint-collections';
import type { ComplaintContext } from './complaint-context';
import {
  ComplaintInboxInput,
  ComplaintsOfCustomerInput,
  DueAnswersInput,
  GetRuleSetInput,
} from './complaint-inputs';
import { ComplaintReadPolicy } from './complaint-read-policy';
import { loadRuleSet } from './complaint-rule-sets';
import type { ComplaintCaseFile, ComplaintDue, ComplaintService } from './complaint-service-types';

type ComplaintQueries = Pick<
  ComplaintService,
  | 'getComplaint'
  | 'caseFile'
  | 'complaintsOfCustomer'
  | 'complaintInbox'
  | 'dueAnswers'
  | 'dueForDisposal'
  | 'getRuleSet'
>;

const RuleSetReadPolicy: ReadPolicy<CompensationRuleSet> = Object.freeze({
  what: 'compensation rule set',
  anyOf: ComplaintReadPolicy.anyOf,
});

const isFinal = (d: ComplaintDecision) =>
  d.approval.status === 'not_needed' || d.approval.status === 'approved';

/** The complaint service's reads: each checks the actor through the complaint read policy and masks by it. */
export function complaintQueries(ctx: ComplaintContext): ComplaintQueries {
  const { store, clock } = ctx.deps;
  const complaints = () => store.repository(Complaints);
  return {
    getComplaint: (raw) => readById(store, Complaints, ComplaintReadPolicy, raw),

    caseFile: async (raw) => {
      const input = parseInput(ReadByIdInput, raw, 'case file read');
      const actor = authorizeRead(ComplaintReadPolicy, input.actor);
      const c = present(ComplaintReadPolicy, actor, (await complaints().get(input.id)).data);
      // the contacts are part of the file: masked as the interactions' own policy masks them
      const contacts: Interaction[] = [];
      for (const iid of c.interactionIds) {
        const found = await store.repository(Interactions).find(iid);
        if (found) contacts.push(present(InteractionReadPolicy, actor, found.data));
      }
      const auditTrail = await collect(store.audit.read({ entityType: 'complaint', entityId: c.id }));
      return {
        complaint: c,
        minutes: c.letters.find((l) => l.kind === 'minutes') ?? null,
        decisions: c.decisions,
        approvals: c.decisions
          .filter((d) => d.approval.status !== 'not_needed')
          .map((d) => ({ seq: d.seq, ...d.approval })),
        compensation: [...c.decisions].reverse().find(isFinal)?.compensation ?? null,
        letters: c.letters,
        contacts,
        auditTrail,
        policy: ctx.policyOf(c),
        retainUntil: c.retainUntil,
      } satisfies ComplaintCaseFile;
    },

    complaintsOfCustomer: async (raw) => {
      const input = parseInput(ComplaintsOfCustomerInput, raw, 'complaints of customer');
      const actor = authorizeRead(ComplaintReadPolicy, input.actor);
      return pageOf(
        () => complaints().query({ index: 'customer_id', equals: input.customerId }),
        (c) => c.customerId,
        input,
        (row) => present(ComplaintReadPolicy, actor, row.data),
      );
    },

    complaintInbox: async (raw): Promise<Page<Complaint>> => {
      const input = parseInput(ComplaintInboxInput, raw, 'complaint inbox');
      const actor = authorizeRead(ComplaintReadPolicy, input.actor);
      const show = (row: Stored<Complaint>) => present(ComplaintReadPolicy, actor, row.data);
      const { status } = input;
      if (status !== undefined) {
        return pageOf(
          (from) =>
            complaints().query({ index: 'status_received', from: from ?? `${status}|`, to: `${status}}` }),
          (c: Complaint) => `${c.status}|${c.receivedAt.toISOString()}`,
          input,
          show,
        );
      }
      const to = input.dueBefore?.toISOString();
      return pageOf(
        (from) =>
          complaints().query({
            index: 'answer_due_at',
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
          }),
        (c: Complaint) => c.answerDueAt.toISOString(),
        input,
        show,
      );
    },

    dueAnswers: (raw) => {
      const input = parseInput(DueAnswersInput, raw, 'due-answer query');
      authorizeRead(ComplaintReadPolicy, input.actor);
      const rows = complaints().query({
        index: 'answer_due_at',
        to: input.before.toISOString(),
        ...(input.limit ? { limit: input.limit } : {}),
      });
      return {
        async *[Symbol.asyncIterator](): AsyncIterator<ComplaintDue> {
          const now = clock.now();
          for await (const { data: c } of rows) {
            yield {
              complaintId: c.id,
              reference: c.reference,
              customerId: c.customerId,
              status: c.status,
              dueAt: c.answerDueAt,
              breached: c.answerDueAt <= now,
            };
          }
        },
      };
    },

    dueForDisposal: (raw) => {
      const input = parseInput(DueAnswersInput, raw, 'disposal query');
      const actor = authorizeRead(ComplaintReadPolicy, input.actor);
      const rows = complaints().query({
        index: 'retain_until',
        to: input.before.toISOString(),
        ...(input.limit ? { limit: input.limit } : {}),
      });
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of rows) yield present(ComplaintReadPolicy, actor, row.data);
        },
      };
    },

    getRuleSet: async (raw) => {
      const input = parseInput(GetRuleSetInput, raw, 'rule set read');
      authorizeRead(RuleSetReadPolicy, input.actor);
      return (await loadRuleSet(store, input.id, input.version)).ruleSet;
    },
  };
}
