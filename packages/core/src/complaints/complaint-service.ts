import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { CustomerCollection } from '../customers/customer-collections';
import { ForbiddenError, FrontlineError, NotFoundError, ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import type { Interaction } from '../interactions/interaction.schema';
import { Interactions } from '../interactions/interaction-collection';
import { ServicePorts } from '../interactions/service-ports';
import { type Actor, requirePermission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import type { Locale } from '../kernel/locale';
import { BUDAPEST } from '../kernel/time-zone';
import type { LetterEnvironment } from '../letters/letter-environment';
import type { AuditEntry } from '../ports/audit-store';
import type { Store } from '../ports/storage';
import { type DomainEvent, recordEvents } from '../services/domain-events';
import { AuthorityMatrix, assertWithinAuthority, authorityLimit } from './authority';
import {
  assertCapsHold,
  grantsOf,
  ledgerEntryOf,
  ledgerWindowDays,
  ledgerYear,
  openLedgers,
  retryOnConflict,
  saveLedgers,
  withEntry,
} from './compensation-ledger';
import { type CompensationEvaluation, compileCompensationRules } from './compensation-rules';
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
import { consumerFromCustomer, requireMinutesAddress } from './complaint-intake';
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
import type {
  ComplaintCommandResult,
  ComplaintDeadlineReport,
  ComplaintService,
  ComplaintServiceOptions,
} from './complaint-service-types';
import { CONCILIATION_BOARDS, ConciliationBoard, competentBoard } from './conciliation-boards';

export type {
  ComplaintCaseFile,
  ComplaintCommandResult,
  ComplaintDeadlineReport,
  ComplaintDecisionResult,
  ComplaintDue,
  ComplaintService,
  ComplaintServiceOptions,
} from './complaint-service-types';

const DAY_MS = 86_400_000;

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
  const timeZone = config.office.timeZone ?? BUDAPEST;
  const boardFor = (c: Complaint) =>
    competentBoard(boards, {
      choice: c.consumer.board,
      consumerCounty: c.consumer.county,
      traderSeatCounty: config.office.seatCounty,
    });
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
    const letter = letters.renderLetter(name, data, { locale, timeZone });
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

  /**
   * Four-eyes review of a pending compensation. Actor ids are compared exactly as the host's identity gives
   * them: ids are opaque, and Frontline never case-folds or trims them — `agent-1` and `Agent-1` are two
   * actors. A host whose identity system is case-insensitive must pass canonical ids. Approval marks the
   * customer's ledger entry granted; refusal takes it out, releasing that part of the cap.
   */
  async function review(raw: ComplaintNoteInput, command: 'approve' | 'refuse') {
    const what = command === 'approve' ? 'approval' : 'refusal';
    const input = parseInput(ComplaintNoteInput, raw, what);
    const actor = requirePermission(input.actor, Permissions.complaintApprove);
    if (command === 'refuse' && input.note === undefined) {
      throw new ValidationError('Invalid refusal: note: A reason is required', [
        { path: ['note'], message: 'A reason is required', code: 'custom' },
      ]);
    }
    const work = () =>
      change(input.complaintId, actor, async (c, at, tx) => {
        const d = latestDecision(c);
        const next0 = step(c, actor, command, at, input.note ?? null);
        if (!d) throw new FrontlineError('INVALID_TRANSITION', `No decision to ${command}.`);
        if (d.proposedBy === actor.id) {
          throw new ForbiddenError(`${actor.id} proposed this compensation and may not ${command} it.`, {
            details: { actorId: actor.id, rule: 'four_eyes' },
          });
        }
        if (command === 'approve') assertWithinAuthority(config.authority, actor, d.compensation);
        const status = command === 'approve' ? ('approved' as const) : ('refused' as const);
        const decision = { ...d, approval: { status, by: actor.id, at, note: input.note ?? null } };
        const year = ledgerYear(d.proposedAt, timeZone);
        const ledgers = await openLedgers(tx, c.customerId, d.proposedAt, 0, timeZone);
        const entry =
          command === 'approve' && d.compensation.amount.amount > 0
            ? ledgerEntryOf(c.id, d, 'granted')
            : null;
        await saveLedgers(tx, withEntry(ledgers, c.id, entry, year), at);
        const next = { ...next0, decisions: [...c.decisions.slice(0, -1), decision] };
        const type =
          command === 'approve' ? 'complaint.compensation_approved' : 'complaint.compensation_refused';
        const payload =
          command === 'approve'
            ? { seq: d.seq, compensation: d.compensation }
            : { seq: d.seq, note: input.note ?? null };
        return { complaint: next, events: [event(next, type, payload)] };
      });
    return retryOnConflict(work, what, { complaintId: input.complaintId });
  }

  /** Before an answer with a compensation goes out: the grant is in the ledger and every cap still holds. */
  async function recheckCaps(tx: Store, c: Complaint, d: ComplaintDecision, at: Date): Promise<void> {
    if (d.compensation.amount.amount <= 0) return;
    const { ruleSet } = await loadRuleSet(tx, d.ruleSetId, d.ruleSetVersion);
    const year = ledgerYear(d.proposedAt, timeZone);
    const opened = await openLedgers(tx, c.customerId, at, ledgerWindowDays(ruleSet), timeZone, [year]);
    const ledgers = withEntry(opened, c.id, ledgerEntryOf(c.id, d, 'granted'), year);
    assertCapsHold(ledgers, ruleSet, d.compensation.kind, at, c.id);
    await saveLedgers(tx, ledgers, at);
  }

  return {
    receiveComplaint: async (raw) => {
      const input = parseInput(ReceiveComplaintInput, raw, 'complaint');
      const actor = requirePermission(input.actor, Permissions.complaintWrite);
      const policy = selectComplaintPolicy(policies, country, input.sector ?? defaultSector);
      return store.transaction(async (tx) => {
        const consumer = await consumerFromCustomer(tx, input.customerId, input.consumer);
        const withMinutes = isOralChannel(input.channel) && !input.settledOnSpot;
        if (withMinutes) requireMinutesAddress(consumer, input.customerId);
        for (const id of input.interactionIds) await tx.repository(Interactions).get(id);
        const now = clock.now();
        const receivedAt = input.receivedAt ?? now;
        const id = ids.next();
        const { dueAt, warnAt } = complaintDeadlines(receivedAt, policy, timeZone);
        let complaint: Complaint = {
          id,
          reference: `PANASZ-${id}`,
          customerId: input.customerId,
          consumer,
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
        if (withMinutes) {
          const minutes = render(
            'complaint-minutes',
            complaintMinutesData(complaint, {
              office: config.office,
              agentName: input.agentName ?? actor.id,
              locale: input.locale,
              position: input.position ?? null,
              recordedAt: now,
            }),
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
      const decide = () =>
        change(input.complaintId, actor, async (c, at, tx) => {
          const stored = await loadRuleSet(tx, input.ruleSetId, input.ruleSetVersion);
          const rules = compileCompensationRules(stored.ruleSet);
          const previous = latestDecision(c);
          const ledgers = await openLedgers(
            tx,
            c.customerId,
            at,
            ledgerWindowDays(stored.ruleSet),
            timeZone,
            previous ? [ledgerYear(previous.proposedAt, timeZone)] : [],
          );
          const evaluated = rules.evaluate({
            category: c.category,
            severity: c.severity,
            outageHours: c.facts.outageHours,
            amountInDispute: c.amountInDispute,
            valueSegment: c.facts.valueSegment,
            tenureMonths: c.facts.tenureMonths ?? (await tenureOf(tx, c.customerId, at)),
            granted: grantsOf(ledgers, c.id, at),
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
          const entry =
            compensation.amount.amount > 0
              ? {
                  complaintId: c.id,
                  seq: decision.seq,
                  kind: compensation.kind,
                  amount: compensation.amount,
                  decidedAt: at,
                  status: needsApproval ? ('pending' as const) : ('granted' as const),
                }
              : null;
          await saveLedgers(tx, withEntry(ledgers, c.id, entry, ledgerYear(at, timeZone)), at);
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
      const result = await retryOnConflict(decide, 'complaint decision', { complaintId: input.complaintId });
      if (!evaluation) throw new FrontlineError('STORAGE', 'The decision was stored without its evaluation.');
      return { ...result, evaluation, needsApproval };
    },

    approveCompensation: (raw) => review(raw, 'approve'),
    refuseCompensation: (raw) => review(raw, 'refuse'),

    sendAnswer: async (raw) => {
      const input = parseInput(SendAnswerInput, raw, 'answer');
      const work = () =>
        change(input.complaintId, input.actor, async (c, at, tx) => {
          const next0 = step(c, input.actor, 'send_answer', at, null);
          const d = latestDecision(c);
          if (!d) throw new FrontlineError('INVALID_TRANSITION', 'No decision to answer with.');
          await recheckCaps(tx, c, d, at);
          const board = d.outcome === 'upheld' ? null : boardFor(c);
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
      return retryOnConflict(work, 'answer', { complaintId: input.complaintId });
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
          const board = boardFor(c);
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
