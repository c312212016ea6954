import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { CustomerCollection } from '../customers/customer-collections';
import { ForbiddenError, FrontlineError, NotFoundError, ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { Interaction } from '../interactions/interaction.schema';
import { Interactions } from '../interactions/interaction-collection';
import { requireCustomer } from '../interactions/require-customer';
import { ServicePorts } from '../interactions/service-ports';
import { type Actor, requirePermission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import type { Locale } from '../kernel/locale';
import type { LetterEnvironment } from '../letters/letter-environment';
import type { AuditEntry } from '../ports/audit-store';
import type { Store } from '../ports/storage';
import { type DomainEvent, recordEvents, type ServiceDeps } from '../services/domain-events';
import { AuthorityMatrix, assertWithinAuthority, authorityLimit } from './authority';
import {
  type CompensationEvaluation,
  type CompensationRuleSet,
  compileCompensationRules,
} from './compensation-rules';
import {
  type Complaint,
  type ComplaintCommand,
  type ComplaintDecision,
  type ComplaintLetter,
  isOralChannel,
} from './complaint.schema';
import { ComplaintRuleSets, Complaints, type StoredCompensationRuleSet } from './complaint-collections';
import {
  AssignComplaintInput,
  CloseComplaintInput,
  ComplaintNoteInput,
  DecideComplaintInput,
  DueAnswersInput,
  ReceiveComplaintInput,
  SaveRuleSetInput,
  SendAnswerInput,
} from './complaint-inputs';
import {
  COMPLAINT_LETTER_TEMPLATES,
  ComplaintOffice,
  complaintAnswerData,
  complaintMinutesData,
} from './complaint-letters';
import { decideComplaintTransition } from './complaint-machine';
import {
  ComplaintPolicy,
  complaintDeadlines,
  complaintRetainUntil,
  HUNGARIAN_CONSUMER_POLICY,
  selectComplaintPolicy,
} from './complaint-policy';
import { CONCILIATION_BOARDS, ConciliationBoard, competentBoard } from './conciliation-boards';

const DAY_MS = 86_400_000;

/**
 * Options of {@link createComplaintService}: the ports, the letter environment (from
 * `@frontline/core/letters`), the business as letters name it, and the policy data.
 * @category Complaints
 */
export interface ComplaintServiceOptions extends ServiceDeps {
  /** Where minutes and answers are rendered; the complaint templates are registered into it when missing. */
  letters: LetterEnvironment;
  office: ComplaintOffice;
  /** Role × compensation kind → maximum amount (CMP-2). */
  authority: AuthorityMatrix;
  /** Deadline and retention policies by country and sector; default Hungarian consumer law. */
  policies?: ComplaintPolicy[];
  /** The country the service works in (ISO 3166); default `HU`. */
  country?: string;
  /** The sector of complaints received without one; default `consumer`. */
  sector?: string;
  /** Conciliation boards by county; default {@link CONCILIATION_BOARDS} (Budapest only — check it). */
  boards?: ConciliationBoard[];
  /** The actor id the deadline worker records. Default `system:complaint-deadlines`. */
  workerId?: string;
}

/**
 * What a complaint command returns: the complaint as saved and the events it recorded.
 * @category Complaints
 */
export interface ComplaintCommandResult {
  complaint: Complaint;
  events: DomainEvent[];
}

/**
 * What `decideComplaint` returns besides the complaint: the rules' proposal and explanation, and whether the
 * decision waits for an approver.
 * @category Complaints
 */
export interface ComplaintDecisionResult extends ComplaintCommandResult {
  evaluation: CompensationEvaluation;
  needsApproval: boolean;
}

/**
 * A complaint whose answer is due before the instant asked about.
 * @category Complaints
 */
export interface ComplaintDue {
  complaintId: string;
  reference: string;
  customerId: string;
  status: Complaint['status'];
  dueAt: Date;
  /** The deadline has passed (by the service's clock). */
  breached: boolean;
}

/**
 * One run of `checkDeadlines`.
 * @category Complaints
 */
export interface ComplaintDeadlineReport {
  checked: number;
  signals: { complaintId: string; kind: 'warning' | 'breach'; at: Date }[];
  conflicts: string[];
}

/**
 * Everything about a complaint in one object (CMP-6): kept until `retainUntil` — by default five years after
 * closing, Fgytv. 17/A. § (7).
 * @category Complaints
 */
export interface ComplaintCaseFile {
  complaint: Complaint;
  minutes: ComplaintLetter | null;
  decisions: ComplaintDecision[];
  approvals: { seq: number; status: string; by: string | null; at: Date | null; note: string | null }[];
  /** The compensation of the latest decision that is final (approved or within authority). */
  compensation: ComplaintDecision['compensation'] | null;
  letters: ComplaintLetter[];
  contacts: Interaction[];
  auditTrail: AuditEntry[];
  policy: ComplaintPolicy;
  retainUntil: Date | null;
}

/**
 * The complaint service (CMP-1 … CMP-6).
 * @category Complaints
 */
export interface ComplaintService {
  /** Takes in a complaint; an oral one not settled on the spot gets its minutes at once. */
  receiveComplaint(input: ReceiveComplaintInput): Promise<ComplaintCommandResult>;
  /** Acknowledges receipt. */
  acknowledgeComplaint(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Starts the investigation, optionally assigning it. */
  startInvestigation(input: AssignComplaintInput): Promise<ComplaintCommandResult>;
  /** Decides: evaluates the rules; above the proposer's authority the decision waits for an approver. */
  decideComplaint(input: DecideComplaintInput): Promise<ComplaintDecisionResult>;
  /** Approves a pending compensation: a second person, never the proposer, with enough authority. */
  approveCompensation(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Refuses a pending compensation (a note is required); the complaint returns to investigation. */
  refuseCompensation(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Renders and records the answer letter; a rejection names the competent conciliation board. */
  sendAnswer(input: SendAnswerInput): Promise<ComplaintCommandResult>;
  /** Records that the customer accepted the answer. */
  acceptAnswer(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Records that the customer disputes the answer. */
  disputeAnswer(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** Escalates a disputed complaint to a supervisor (`assigneeId` required), back to investigation. */
  escalateComplaint(input: AssignComplaintInput): Promise<ComplaintCommandResult>;
  /** Closes an accepted or disputed complaint; a disputed one closes with the referral letter. */
  closeComplaint(input: CloseComplaintInput): Promise<ComplaintCommandResult>;
  /** Reopens a closed complaint within the policy's window (a note is required). */
  reopenComplaint(input: ComplaintNoteInput): Promise<ComplaintCommandResult>;
  /** The complaint with this id, or a `NotFoundError`. */
  getComplaint(complaintId: string): Promise<Complaint>;
  /** Everything about one complaint (CMP-6). */
  caseFile(complaintId: string): Promise<ComplaintCaseFile>;
  /** Unanswered complaints due before `before` — a range query on the due index, never a scan. */
  dueAnswers(input: DueAnswersInput): AsyncIterable<ComplaintDue>;
  /** A customer's complaints (by index), in id order. */
  complaintsOfCustomer(customerId: string): AsyncIterable<Complaint>;
  /**
   * Closed complaints whose retention ended before `before` (a range on the `retain_until` index): the case
   * files a disposal job may delete (Fgytv. 17/A. § (7) keeps them five years by default).
   */
  dueForDisposal(input: DueAnswersInput): AsyncIterable<Complaint>;
  /** The deadline worker: announces each warning and breach once (dedupe keys make re-runs harmless). */
  checkDeadlines(now?: Date | string): Promise<ComplaintDeadlineReport>;
  /** Saves a new version of a compensation rule set (needs `complaint.approve`); versions are immutable. */
  saveRuleSet(input: SaveRuleSetInput): Promise<{ ruleSet: CompensationRuleSet; events: DomainEvent[] }>;
  /** The latest version of a rule set, or the given one; a `NotFoundError` otherwise. */
  getRuleSet(ruleSetId: string, version?: number): Promise<CompensationRuleSet>;
}

const hasMethods = (value: unknown, ...names: string[]) =>
  typeof value === 'object' &&
  value !== null &&
  names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

const Options = z.object({
  letters: z.custom<LetterEnvironment>(
    (v) => hasMethods(v, 'register', 'renderLetter', 'templates'),
    'Expected a LetterEnvironment',
  ),
  office: ComplaintOffice,
  authority: AuthorityMatrix,
  policies: z.array(ComplaintPolicy).min(1).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  sector: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/)
    .optional(),
  boards: z.array(ConciliationBoard).optional(),
  workerId: z.string().min(1).max(200).optional(),
});

const later = (a: Date, b: Date) => (a < b ? b : a);
const latestDecision = (c: Complaint) => c.decisions[c.decisions.length - 1];
const isFinal = (d: ComplaintDecision) =>
  d.approval.status === 'not_needed' || d.approval.status === 'approved';

/**
 * Creates the complaint service over the store, clock and id ports, a letter environment and the policy data.
 * @example
 * import { createLetterEnvironment } from '@frontline/core/letters';
 * const complaints = createComplaintService({ store, clock, ids, letters: createLetterEnvironment(), office, authority });
 * await complaints.saveRuleSet({ actor: supervisor, ruleSet });
 * const { complaint } = await complaints.receiveComplaint({ actor: agent, customerId, consumer, channel: 'phone', … });
 * @category Complaints
 */
export function createComplaintService(options: ComplaintServiceOptions): ComplaintService {
  parseInput(ServicePorts, options, 'complaint service ports');
  const config = parseInput(
    Options,
    {
      letters: options.letters,
      office: options.office,
      authority: options.authority,
      policies: options.policies,
      country: options.country,
      sector: options.sector,
      boards: options.boards,
      workerId: options.workerId,
    },
    'complaint service options',
  );
  const { store, clock, ids } = options;
  const letters = options.letters;
  const policies = config.policies ?? [HUNGARIAN_CONSUMER_POLICY];
  const country = config.country ?? 'HU';
  const defaultSector = config.sector ?? 'consumer';
  const boards = config.boards ?? [...CONCILIATION_BOARDS];
  const workerId = config.workerId ?? 'system:complaint-deadlines';
  const registered = new Set(letters.templates().map((t) => `${t.name}/${t.locale}`));
  for (const template of COMPLAINT_LETTER_TEMPLATES) {
    if (!registered.has(`${template.name}/${template.locale}`)) letters.register(template);
  }
  const policyOf = (c: Complaint) =>
    policies.find((p) => p.id === c.policyId) ?? selectComplaintPolicy(policies, country, defaultSector);

  const render = (
    name: string,
    data: Record<string, unknown>,
    locale: Locale,
    kind: ComplaintLetter['kind'],
    by: string,
    at: Date,
  ): ComplaintLetter => {
    const letter = letters.renderLetter(name, data, { locale });
    return { kind, locale: letter.locale, subject: letter.subject ?? null, body: letter.body, at, by };
  };

  function step(
    c: Complaint,
    actor: Actor,
    command: ComplaintCommand,
    at: Date,
    note: string | null,
    aboveAuthority = false,
  ): Complaint {
    const t = decideComplaintTransition(c.status, command, {
      aboveAuthority,
      closedAt: c.closedAt,
      now: at,
      reopenWindowMs: policyOf(c).reopenDays * DAY_MS,
    });
    requirePermission(actor, t.permission);
    return {
      ...c,
      status: t.to,
      updatedAt: at,
      history: [...c.history, { at, by: actor.id, command, from: c.status, to: t.to, note }],
    };
  }

  async function change(
    complaintId: string,
    actor: Actor,
    work: (c: Complaint, at: Date, tx: Store) => Promise<{ complaint: Complaint; events: DomainEvent[] }>,
  ): Promise<ComplaintCommandResult> {
    return store.transaction(async (tx) => {
      const stored = await tx.repository(Complaints).get(complaintId);
      const at = later(clock.now(), stored.data.updatedAt);
      const result = await work(stored.data, at, tx);
      const saved = await tx.repository(Complaints).update(result.complaint, stored.version);
      await recordEvents(tx, clock, actor.id, result.events);
      return { complaint: saved.data, events: result.events };
    });
  }

  const event = (c: Complaint, type: string, payload: Record<string, unknown> = {}): DomainEvent => ({
    type,
    entityType: 'complaint',
    entityId: c.id,
    payload: JSON.parse(JSON.stringify({ status: c.status, ...payload })),
  });

  function simple(command: ComplaintCommand, type: string, requireNote = false) {
    return async (raw: ComplaintNoteInput) => {
      const input = parseInput(ComplaintNoteInput, raw, `complaint ${command}`);
      if (requireNote && input.note === undefined) {
        throw new ValidationError(`Invalid complaint ${command}: note: A reason is required`, [
          { path: ['note'], message: 'A reason is required', code: 'custom' },
        ]);
      }
      return change(input.complaintId, input.actor, async (c, at) => {
        let next = step(c, input.actor, command, at, input.note ?? null);
        if (command === 'accept' || command === 'dispute') {
          next = {
            ...next,
            customerResponse: {
              kind: next.status === 'accepted' ? 'accepted' : 'disputed',
              at,
              note: input.note ?? null,
            },
          };
        }
        if (command === 'reopen')
          next = { ...next, closedAt: null, retainUntil: null, customerResponse: null };
        return { complaint: next, events: [event(next, type, { note: input.note ?? null })] };
      });
    };
  }

  async function loadRuleSet(
    tx: Store,
    ruleSetId: string,
    version?: number,
  ): Promise<StoredCompensationRuleSet> {
    const repo = tx.repository(ComplaintRuleSets);
    if (version !== undefined) return (await repo.get(`${ruleSetId}@${version}`)).data;
    for await (const row of repo.query({
      index: 'rule_set_version',
      from: `${ruleSetId}|`,
      to: `${ruleSetId}}`,
      order: 'desc',
      limit: 1,
    })) {
      return row.data;
    }
    throw new NotFoundError('compensation rule set', ruleSetId);
  }

  /** Whole months since the customer's `customerSince`, when the intake facts did not state the tenure. */
  async function tenureOf(tx: Store, customerId: string, at: Date): Promise<number | undefined> {
    const found = await tx.repository(CustomerCollection).find(customerId);
    if (!found) return undefined;
    const [y, m, d] = found.data.customerSince.split('-').map(Number) as [number, number, number];
    const months =
      (at.getUTCFullYear() - y) * 12 + (at.getUTCMonth() + 1 - m) - (at.getUTCDate() < d ? 1 : 0);
    return Math.max(0, months);
  }

  async function grantedInWindow(tx: Store, c: Complaint, at: Date) {
    const granted: {
      kind: Complaint['decisions'][number]['compensation']['kind'];
      amount: { amount: number; currency: string };
      ageDays: number;
    }[] = [];
    for await (const { data: other } of tx
      .repository(Complaints)
      .query({ index: 'customer_id', equals: c.customerId })) {
      if (other.id === c.id || other.answeredAt === null) continue;
      const d = latestDecision(other);
      if (!d || !isFinal(d) || d.compensation.amount.amount <= 0) continue;
      granted.push({
        kind: d.compensation.kind,
        amount: d.compensation.amount,
        ageDays: Math.max(0, (at.getTime() - other.answeredAt.getTime()) / DAY_MS),
      });
    }
    return granted;
  }

  async function checkComplaint(complaintId: string, now: Date, report: ComplaintDeadlineReport) {
    await store.transaction(async (tx) => {
      const stored = await tx.repository(Complaints).find(complaintId);
      if (!stored) return;
      const c = stored.data;
      if (c.answeredAt !== null || c.status === 'closed') return;
      const events: DomainEvent[] = [];
      let next = c;
      const breached = c.answerDueAt <= now;
      if (!c.warningSent && c.warnAt <= now) {
        next = { ...next, warningSent: true };
        if (!breached) {
          report.signals.push({ complaintId, kind: 'warning', at: c.warnAt });
          events.push({
            ...event(c, 'complaint.deadline_warning', { dueAt: c.answerDueAt.toISOString() }),
            dedupeKey: `complaint:${c.id}:deadline:warning`,
          });
        }
      }
      if (!c.breachSent && breached) {
        next = { ...next, breachSent: true };
        report.signals.push({ complaintId, kind: 'breach', at: c.answerDueAt });
        events.push({
          ...event(c, 'complaint.deadline_breached', { dueAt: c.answerDueAt.toISOString() }),
          dedupeKey: `complaint:${c.id}:deadline:breach`,
        });
      }
      if (next === c) return;
      await tx.repository(Complaints).update(next, stored.version);
      await recordEvents(tx, clock, workerId, events);
    });
  }

  return {
    receiveComplaint: async (raw) => {
      const input = parseInput(ReceiveComplaintInput, raw, 'complaint');
      const actor = requirePermission(input.actor, Permissions.complaintWrite);
      const policy = selectComplaintPolicy(policies, country, input.sector ?? defaultSector);
      return store.transaction(async (tx) => {
        await requireCustomer(tx, input.customerId);
        for (const id of input.interactionIds) await tx.repository(Interactions).get(id);
        const now = clock.now();
        const receivedAt = input.receivedAt ?? now;
        const id = ids.next();
        const { dueAt, warnAt } = complaintDeadlines(receivedAt, policy);
        let complaint: Complaint = {
          id,
          reference: `PANASZ-${id}`,
          customerId: input.customerId,
          consumer: input.consumer,
          channel: input.channel,
          subject: input.subject,
          description: input.description,
          category: input.category,
          productOrService: input.productOrService,
          amountInDispute: input.amountInDispute,
          requestedRemedy: input.requestedRemedy,
          evidence: input.evidence,
          severity: input.severity,
          urgency: input.urgency,
          facts: input.facts,
          interactionIds: input.interactionIds,
          policyId: policy.id,
          status: 'received',
          receivedAt,
          receivedBy: actor.id,
          place: input.place ?? null,
          answerDueAt: dueAt,
          warnAt,
          warningSent: false,
          breachSent: false,
          answeredAt: null,
          assigneeId: null,
          decisions: [],
          letters: [],
          customerResponse: null,
          closedAt: null,
          retainUntil: null,
          updatedAt: now,
          history: [],
        };
        const events: DomainEvent[] = [
          event(complaint, 'complaint.received', {
            channel: input.channel,
            category: input.category,
            severity: input.severity,
            policyId: policy.id,
            answerDueAt: dueAt.toISOString(),
            facts: input.facts,
          }),
        ];
        if (isOralChannel(input.channel) && !input.settledOnSpot) {
          const minutes = render(
            'complaint-minutes',
            complaintMinutesData(
              complaint,
              config.office,
              input.agentName ?? actor.id,
              input.locale,
              input.position ?? null,
            ),
            input.locale,
            'minutes',
            actor.id,
            now,
          );
          complaint = { ...complaint, letters: [minutes] };
          events.push(event(complaint, 'complaint.minutes_recorded', { locale: minutes.locale }));
        }
        const saved = await tx.repository(Complaints).insert(complaint);
        await recordEvents(tx, clock, actor.id, events);
        return { complaint: saved.data, events };
      });
    },

    acknowledgeComplaint: simple('acknowledge', 'complaint.acknowledged'),

    startInvestigation: async (raw) => {
      const input = parseInput(AssignComplaintInput, raw, 'investigation');
      return change(input.complaintId, input.actor, async (c, at) => {
        const next = {
          ...step(c, input.actor, 'investigate', at, input.note ?? null),
          assigneeId: input.assigneeId ?? c.assigneeId,
        };
        return {
          complaint: next,
          events: [event(next, 'complaint.investigation_started', { assigneeId: next.assigneeId })],
        };
      });
    },

    decideComplaint: async (raw) => {
      const input = parseInput(DecideComplaintInput, raw, 'complaint decision');
      const actor = requirePermission(input.actor, Permissions.complaintWrite);
      let evaluation: CompensationEvaluation | undefined;
      let needsApproval = false;
      const result = await change(input.complaintId, actor, async (c, at, tx) => {
        const stored = await loadRuleSet(tx, input.ruleSetId, input.ruleSetVersion);
        const rules = compileCompensationRules(stored.ruleSet);
        const evaluated = rules.evaluate({
          category: c.category,
          severity: c.severity,
          outageHours: c.facts.outageHours,
          amountInDispute: c.amountInDispute,
          valueSegment: c.facts.valueSegment,
          tenureMonths: c.facts.tenureMonths ?? (await tenureOf(tx, c.customerId, at)),
          granted: await grantedInWindow(tx, c, at),
        });
        evaluation = evaluated;
        const compensation =
          input.outcome === 'rejected'
            ? { kind: 'apology_only' as const, amount: { amount: 0, currency: stored.ruleSet.currency } }
            : evaluated.proposal;
        const limit = authorityLimit(config.authority, actor.roles, compensation.kind);
        needsApproval =
          compensation.amount.amount > 0 &&
          (compensation.amount.currency !== limit.currency || compensation.amount.amount > limit.amount);
        const next0 = step(c, actor, 'decide', at, null, needsApproval);
        const decision: ComplaintDecision = {
          seq: c.decisions.length + 1,
          outcome: input.outcome,
          reasons: input.reasons,
          compensation,
          ruleSetId: stored.ruleSetId,
          ruleSetVersion: stored.version,
          explanation: JSON.parse(JSON.stringify(evaluated.explanation)),
          proposedBy: actor.id,
          proposedAt: at,
          proposerLimit: limit,
          approval: { status: needsApproval ? 'pending' : 'not_needed', by: null, at: null, note: null },
        };
        const next = { ...next0, decisions: [...c.decisions, decision] };
        const payload = {
          seq: decision.seq,
          outcome: decision.outcome,
          compensation,
          ruleSetId: decision.ruleSetId,
          ruleSetVersion: decision.ruleSetVersion,
          appliedRuleId: evaluated.explanation.appliedRuleId,
          capId: evaluated.explanation.cap?.capId ?? null,
          proposerLimit: limit,
        };
        return {
          complaint: next,
          events: [
            event(next, needsApproval ? 'complaint.approval_requested' : 'complaint.decided', payload),
          ],
        };
      });
      return { ...result, evaluation: evaluation!, needsApproval };
    },

    approveCompensation: async (raw) => {
      const input = parseInput(ComplaintNoteInput, raw, 'approval');
      const actor = requirePermission(input.actor, Permissions.complaintApprove);
      return change(input.complaintId, actor, async (c, at) => {
        const d = latestDecision(c);
        const next0 = step(c, actor, 'approve', at, input.note ?? null);
        if (!d) throw new FrontlineError('INVALID_TRANSITION', 'No decision to approve.');
        if (d.proposedBy === actor.id) {
          throw new ForbiddenError(`${actor.id} proposed this compensation and may not approve it.`, {
            details: { actorId: actor.id, rule: 'four_eyes' },
          });
        }
        assertWithinAuthority(config.authority, actor, d.compensation);
        const decision = {
          ...d,
          approval: { status: 'approved' as const, by: actor.id, at, note: input.note ?? null },
        };
        const next = { ...next0, decisions: [...c.decisions.slice(0, -1), decision] };
        return {
          complaint: next,
          events: [
            event(next, 'complaint.compensation_approved', { seq: d.seq, compensation: d.compensation }),
          ],
        };
      });
    },

    refuseCompensation: async (raw) => {
      const input = parseInput(ComplaintNoteInput, raw, 'refusal');
      const actor = requirePermission(input.actor, Permissions.complaintApprove);
      if (input.note === undefined) {
        throw new ValidationError('Invalid refusal: note: A reason is required', [
          { path: ['note'], message: 'A reason is required', code: 'custom' },
        ]);
      }
      return change(input.complaintId, actor, async (c, at) => {
        const d = latestDecision(c);
        const next0 = step(c, actor, 'refuse', at, input.note ?? null);
        if (!d) throw new FrontlineError('INVALID_TRANSITION', 'No decision to refuse.');
        if (d.proposedBy === actor.id) {
          throw new ForbiddenError(`${actor.id} proposed this compensation and may not decide on it.`, {
            details: { actorId: actor.id, rule: 'four_eyes' },
          });
        }
        const decision = {
          ...d,
          approval: { status: 'refused' as const, by: actor.id, at, note: input.note ?? null },
        };
        const next = { ...next0, decisions: [...c.decisions.slice(0, -1), decision] };
        return {
          complaint: next,
          events: [event(next, 'complaint.compensation_refused', { seq: d.seq, note: input.note ?? null })],
        };
      });
    },

    sendAnswer: async (raw) => {
      const input = parseInput(SendAnswerInput, raw, 'answer');
      return change(input.complaintId, input.actor, async (c, at) => {
        const next0 = step(c, input.actor, 'send_answer', at, null);
        const d = latestDecision(c)!;
        const board = d.outcome === 'upheld' ? null : competentBoard(boards, c.consumer.county);
        const letter = render(
          'complaint-answer',
          complaintAnswerData(c, d, {
            office: config.office,
            agent: { name: input.agentName, title: input.agentTitle },
            locale: input.locale,
            nextSteps: input.nextSteps,
            at,
            board,
          }),
          input.locale,
          'answer',
          input.actor.id,
          at,
        );
        const next = { ...next0, answeredAt: at, letters: [...c.letters, letter] };
        return {
          complaint: next,
          events: [
            event(next, 'complaint.answered', {
              seq: d.seq,
              outcome: d.outcome,
              compensation: d.compensation,
              board: board?.name ?? null,
              onTime: at <= c.answerDueAt,
            }),
          ],
        };
      });
    },

    acceptAnswer: simple('accept', 'complaint.accepted'),
    disputeAnswer: simple('dispute', 'complaint.disputed'),

    escalateComplaint: async (raw) => {
      const input = parseInput(AssignComplaintInput, raw, 'escalation');
      if (input.assigneeId === undefined) {
        throw new ValidationError(
          'Invalid escalation: assigneeId: The supervisor to escalate to is required',
          [{ path: ['assigneeId'], message: 'The supervisor to escalate to is required', code: 'custom' }],
        );
      }
      return change(input.complaintId, input.actor, async (c, at) => {
        const next = {
          ...step(c, input.actor, 'escalate', at, input.note ?? null),
          assigneeId: input.assigneeId ?? null,
        };
        return {
          complaint: next,
          events: [event(next, 'complaint.escalated', { assigneeId: next.assigneeId })],
        };
      });
    },

    closeComplaint: async (raw) => {
      const input = parseInput(CloseComplaintInput, raw, 'closing');
      return change(input.complaintId, input.actor, async (c, at) => {
        let next = step(c, input.actor, 'close', at, null);
        const policy = policyOf(c);
        next = { ...next, closedAt: at, retainUntil: complaintRetainUntil(at, policy) };
        const events: DomainEvent[] = [];
        if (c.status === 'disputed') {
          if (input.agentName === undefined || input.agentTitle === undefined) {
            throw new ValidationError('Invalid closing: agentName: The referral letter needs its signer', [
              {
                path: [input.agentName === undefined ? 'agentName' : 'agentTitle'],
                message: 'The referral letter needs its signer',
                code: 'custom',
              },
            ]);
          }
          const board = competentBoard(boards, c.consumer.county);
          const letter = render(
            'complaint-referral',
            complaintAnswerData(c, null, {
              office: config.office,
              agent: { name: input.agentName, title: input.agentTitle },
              locale: input.locale,
              nextSteps: '',
              at,
              board,
            }),
            input.locale,
            'referral',
            input.actor.id,
            at,
          );
          next = { ...next, letters: [...next.letters, letter] };
          events.push(event(next, 'complaint.referred', { board: board.name }));
        }
        events.push(
          event(next, 'complaint.closed', { retainUntil: next.retainUntil?.toISOString() ?? null }),
        );
        return { complaint: next, events };
      });
    },

    reopenComplaint: simple('reopen', 'complaint.reopened', true),

    getComplaint: async (complaintId) => {
      const id = parseInput(EntityId, complaintId, 'complaint id');
      return (await store.repository(Complaints).get(id)).data;
    },

    caseFile: async (complaintId) => {
      const id = parseInput(EntityId, complaintId, 'complaint id');
      const c = (await store.repository(Complaints).get(id)).data;
      const contacts: Interaction[] = [];
      for (const iid of c.interactionIds) {
        const found = await store.repository(Interactions).find(iid);
        if (found) contacts.push(found.data);
      }
      const auditTrail: AuditEntry[] = [];
      for await (const entry of store.audit.read({ entityType: 'complaint', entityId: id }))
        auditTrail.push(entry);
      const final = [...c.decisions].reverse().find(isFinal);
      return {
        complaint: c,
        minutes: c.letters.find((l) => l.kind === 'minutes') ?? null,
        decisions: c.decisions,
        approvals: c.decisions
          .filter((d) => d.approval.status !== 'not_needed')
          .map((d) => ({ seq: d.seq, ...d.approval })),
        compensation: final?.compensation ?? null,
        letters: c.letters,
        contacts,
        auditTrail,
        policy: policyOf(c),
        retainUntil: c.retainUntil,
      };
    },

    complaintsOfCustomer: (customerId) => {
      const id = parseInput(EntityId, customerId, 'customer id');
      const rows = store.repository(Complaints).query({ index: 'customer_id', equals: id });
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of rows) yield row.data;
        },
      };
    },

    dueForDisposal: (raw) => {
      const input = parseInput(DueAnswersInput, raw, 'disposal query');
      const rows = store.repository(Complaints).query({
        index: 'retain_until',
        to: input.before.toISOString(),
        ...(input.limit ? { limit: input.limit } : {}),
      });
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of rows) yield row.data;
        },
      };
    },

    dueAnswers: (raw) => {
      const input = parseInput(DueAnswersInput, raw, 'due-answer query');
      const rows = store.repository(Complaints).query({
        index: 'answer_due_at',
        to: input.before.toISOString(),
        ...(input.limit ? { limit: input.limit } : {}),
      });
      return {
        async *[Symbol.asyncIterator]() {
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

    checkDeadlines: async (rawNow) => {
      const now = rawNow === undefined ? clock.now() : parseInput(Instant, rawNow, 'now');
      const report: ComplaintDeadlineReport = { checked: 0, signals: [], conflicts: [] };
      const due: string[] = [];
      for await (const row of store.repository(Complaints).query({
        index: 'deadline_signal_at',
        to: new Date(now.getTime() + 1).toISOString(),
        limit: 500,
      })) {
        due.push(row.data.id);
      }
      for (const id of due) {
        report.checked++;
        try {
          await checkComplaint(id, now, report);
        } catch (error) {
          if (FrontlineError.is(error, 'CONFLICT')) report.conflicts.push(id);
          else throw error;
        }
      }
      return report;
    },

    saveRuleSet: async (raw) => {
      const input = parseInput(SaveRuleSetInput, raw, 'rule set');
      const actor = requirePermission(input.actor, Permissions.complaintApprove);
      const ruleSet = compileCompensationRules(input.ruleSet).ruleSet;
      return store.transaction(async (tx) => {
        const saved = await tx.repository(ComplaintRuleSets).insert({
          id: `${ruleSet.id}@${ruleSet.version}`,
          ruleSetId: ruleSet.id,
          version: ruleSet.version,
          ruleSet,
          savedAt: clock.now(),
          savedBy: actor.id,
        });
        const events: DomainEvent[] = [
          {
            type: 'complaint_rules.saved',
            entityType: 'complaint_rule_set',
            entityId: saved.data.id,
            payload: { ruleSetId: ruleSet.id, version: ruleSet.version, rules: ruleSet.rules.length },
          },
        ];
        await recordEvents(tx, clock, actor.id, events);
        return { ruleSet: saved.data.ruleSet, events };
      });
    },

    getRuleSet: async (ruleSetId, version) => {
      const id = parseInput(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/), ruleSetId, 'rule set id');
      const v = parseInput(z.int().min(1).optional(), version, 'version');
      return store.transaction(async (tx) => (await loadRuleSet(tx, id, v)).ruleSet);
    },
  };
}
