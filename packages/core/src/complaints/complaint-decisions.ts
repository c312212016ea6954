import { Permissions } from '../agents/permissions';
import { CustomerCollection } from '../customers/customer-collections';
import { ForbiddenError, FrontlineError, InvalidTransitionError } from '../errors/frontline-error';
import type { Store } from '../ports/storage';
import { assertWithinAuthority, authorityLimit } from './authority';
import {
  grantsOf,
  LEDGER_ATTEMPTS,
  ledgerEntryOf,
  ledgerWindowDays,
  ledgerYear,
  openLedgers,
  saveLedgers,
  withEntry,
} from './compensation-ledger';
import { type CompensationEvaluation, compileCompensationRules } from './compensation-rules';
import type { Compensation, ComplaintDecision } from './complaint.schema';
import { commandResult, runComplaintCommand } from './complaint-command';
import { type ComplaintContext, latestDecision, step } from './complaint-context';
import {
  ComplaintApprovalRequested,
  ComplaintCompensationApproved,
  ComplaintCompensationRefused,
  ComplaintDecided,
  complaintEvent,
} from './complaint-events';
import { ComplaintNoteInput, ComplaintReasonInput, DecideComplaintInput } from './complaint-inputs';
import { loadRuleSet } from './complaint-rule-sets';
import type { ComplaintService } from './complaint-service-types';

type DecisionCommands = Pick<
  ComplaintService,
  'decideComplaint' | 'approveCompensation' | 'refuseCompensation'
>;

/** Whole months since the customer's `customerSince`, when the intake facts did not state the tenure. */
async function tenureOf(tx: Store, customerId: string, at: Date): Promise<number | undefined> {
  const found = await tx.repository(CustomerCollection).find(customerId);
  if (!found) return undefined;
  const [y, m, d] = found.data.customerSince.split('-').map(Number) as [number, number, number];
  const months = (at.getUTCFullYear() - y) * 12 + (at.getUTCMonth() + 1 - m) - (at.getUTCDate() < d ? 1 : 0);
  return Math.max(0, months);
}

/**
 * Deciding a complaint and the four-eyes review of a pending compensation. Each writes the complaint and the
 * customer's compensation ledgers in one unit of work: a decision that lost a race on a ledger is re-decided
 * on fresh ledgers by the runner, so the caps are evaluated on what is really granted.
 */
export function decisionCommands(ctx: ComplaintContext): DecisionCommands {
  const { timeZone } = ctx;

  /**
   * Four-eyes review of a pending compensation. Actor ids are compared exactly as the host's identity gives
   * them: ids are opaque, and Frontline never case-folds or trims them — `agent-1` and `Agent-1` are two
   * actors. Approval marks the customer's ledger entry granted; refusal takes it out, releasing that part of
   * the cap.
   */
  const review = async (raw: unknown, command: 'approve' | 'refuse') =>
    commandResult(
      await runComplaintCommand(
        ctx,
        {
          name: command === 'approve' ? 'approval' : 'refusal',
          input: command === 'approve' ? ComplaintNoteInput : ComplaintReasonInput,
          permission: Permissions.complaintApprove,
          attempts: LEDGER_ATTEMPTS,
          execute: async ({ input, actor, current, at, tx }) => {
            const c = current.data;
            const moved = step(ctx, c, actor, command, at, input.note ?? null);
            const d = latestDecision(c);
            if (!d) throw new InvalidTransitionError('complaint', c.status, command);
            if (d.proposedBy === actor.id) {
              throw new ForbiddenError(`${actor.id} proposed this compensation and may not ${command} it.`, {
                details: { actorId: actor.id, rule: 'four_eyes' },
              });
            }
            if (command === 'approve') assertWithinAuthority(ctx.authority, actor, d.compensation);
            const status = command === 'approve' ? ('approved' as const) : ('refused' as const);
            const decision = { ...d, approval: { status, by: actor.id, at, note: input.note ?? null } };
            const ledgers = await openLedgers(tx, c.customerId, d.proposedAt, 0, timeZone);
            const granted = command === 'approve' && d.compensation.amount.amount > 0;
            const entry = granted ? ledgerEntryOf(c.id, d, 'granted') : null;
            await saveLedgers(tx, withEntry(ledgers, c.id, entry, ledgerYear(d.proposedAt, timeZone)), at);
            const next = { ...moved, decisions: [...c.decisions.slice(0, -1), decision] };
            const event =
              command === 'approve'
                ? complaintEvent(ComplaintCompensationApproved, next, {
                    seq: d.seq,
                    kind: d.compensation.kind,
                    granted: d.compensation.amount,
                  })
                : complaintEvent(ComplaintCompensationRefused, next, { seq: d.seq });
            return { entity: next, events: [event] };
          },
        },
        raw,
      ),
    );

  return {
    decideComplaint: async (raw) => {
      const result = await runComplaintCommand(
        ctx,
        {
          name: 'complaint decision',
          input: DecideComplaintInput,
          permission: Permissions.complaintWrite,
          attempts: LEDGER_ATTEMPTS,
          execute: async ({ input, actor, current, at, tx }) => {
            const c = current.data;
            const stored = await loadRuleSet(tx, input.ruleSetId, input.ruleSetVersion);
            const previous = latestDecision(c);
            const ledgers = await openLedgers(
              tx,
              c.customerId,
              at,
              ledgerWindowDays(stored.ruleSet),
              timeZone,
              previous ? [ledgerYear(previous.proposedAt, timeZone)] : [],
            );
            const evaluation: CompensationEvaluation = compileCompensationRules(stored.ruleSet).evaluate({
              category: c.category,
              severity: c.severity,
              outageHours: c.facts.outageHours,
              amountInDispute: c.amountInDispute,
              valueSegment: c.facts.valueSegment,
              tenureMonths: c.facts.tenureMonths ?? (await tenureOf(tx, c.customerId, at)),
              granted: grantsOf(ledgers, c.id, at),
            });
            const compensation: Compensation =
              input.outcome === 'rejected'
                ? { kind: 'apology_only', amount: { amount: 0, currency: stored.ruleSet.currency } }
                : evaluation.proposal;
            const limit = authorityLimit(ctx.authority, actor.roles, compensation.kind);
            const needsApproval =
              compensation.amount.amount > 0 &&
              (compensation.amount.currency !== limit.currency || compensation.amount.amount > limit.amount);
            const moved = step(ctx, c, actor, 'decide', at, null, needsApproval);
            const decision: ComplaintDecision = {
              seq: c.decisions.length + 1,
              outcome: input.outcome,
              reasons: input.reasons,
              compensation,
              ruleSetId: stored.ruleSetId,
              ruleSetVersion: stored.version,
              explanation: JSON.parse(JSON.stringify(evaluation.explanation)),
              proposedBy: actor.id,
              proposedAt: at,
              proposerLimit: limit,
              approval: { status: needsApproval ? 'pending' : 'not_needed', by: null, at: null, note: null },
            };
            const entry =
              compensation.amount.amount > 0
                ? ledgerEntryOf(c.id, decision, needsApproval ? 'pending' : 'granted')
                : null;
            await saveLedgers(tx, withEntry(ledgers, c.id, entry, ledgerYear(at, timeZone)), at);
            const next = { ...moved, decisions: [...c.decisions, decision] };
            const facts = {
              seq: decision.seq,
              outcome: decision.outcome,
              kind: compensation.kind,
              ruleSetId: decision.ruleSetId,
              ruleSetVersion: decision.ruleSetVersion,
              appliedRuleId: evaluation.explanation.appliedRuleId,
              capId: evaluation.explanation.cap?.capId ?? null,
              proposerLimit: limit,
            };
            const event = needsApproval
              ? complaintEvent(ComplaintApprovalRequested, next, { ...facts, proposed: compensation.amount })
              : complaintEvent(ComplaintDecided, next, { ...facts, granted: compensation.amount });
            return { entity: next, events: [event], extra: { evaluation, needsApproval } };
          },
        },
        raw,
      );
      if (!result.extra)
        throw new FrontlineError('STORAGE', 'The decision was stored without its evaluation.');
      return { ...commandResult(result), ...result.extra };
    },

    approveCompensation: (raw) => review(raw, 'approve'),
    refuseCompensation: (raw) => review(raw, 'refuse'),
  };
}
