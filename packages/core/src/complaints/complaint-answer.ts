import { Permissions } from '../agents/permissions';
import { InvalidTransitionError } from '../errors/frontline-error';
import type { Store } from '../ports/storage';
import {
  assertCapsHold,
  LEDGER_ATTEMPTS,
  ledgerEntryOf,
  ledgerWindowDays,
  ledgerYear,
  openLedgers,
  saveLedgers,
  withEntry,
} from './compensation-ledger';
import type { Complaint, ComplaintDecision } from './complaint.schema';
import { commandResult, runComplaintCommand } from './complaint-command';
import { type ComplaintContext, latestDecision, step } from './complaint-context';
import { ComplaintAnswered, complaintEvent } from './complaint-events';
import { SendAnswerInput } from './complaint-inputs';
import { complaintAnswerData } from './complaint-letters';
import { loadRuleSet } from './complaint-rule-sets';
import type { ComplaintService } from './complaint-service-types';

/** Before an answer with a compensation goes out: the grant is in the ledger and every cap still holds. */
async function recheckCaps(
  ctx: ComplaintContext,
  tx: Store,
  c: Complaint,
  d: ComplaintDecision,
  at: Date,
): Promise<void> {
  if (d.compensation.amount.amount <= 0) return;
  const { ruleSet } = await loadRuleSet(tx, d.ruleSetId, d.ruleSetVersion);
  const year = ledgerYear(d.proposedAt, ctx.timeZone);
  const opened = await openLedgers(tx, c.customerId, at, ledgerWindowDays(ruleSet), ctx.timeZone, [year]);
  const ledgers = withEntry(opened, c.id, ledgerEntryOf(c.id, d, 'granted'), year);
  assertCapsHold(ledgers, ruleSet, d.compensation.kind, at, c.id);
  await saveLedgers(tx, ledgers, at);
}

/**
 * `sendAnswer`: renders and records the answer letter after re-checking the caps on the customer's ledgers
 * (in the same unit of work, so a concurrent decision makes one of them re-decide); a decision short of a full
 * uphold names the competent conciliation board.
 */
export function sendAnswerCommand(ctx: ComplaintContext): ComplaintService['sendAnswer'] {
  return async (raw) =>
    commandResult(
      await runComplaintCommand(
        ctx,
        {
          name: 'answer',
          input: SendAnswerInput,
          permission: Permissions.complaintWrite,
          attempts: LEDGER_ATTEMPTS,
          execute: async ({ input, actor, current, at, tx }) => {
            const c = current.data;
            const moved = step(ctx, c, actor, 'send_answer', at, null);
            const d = latestDecision(c);
            if (!d) throw new InvalidTransitionError('complaint', c.status, 'send_answer');
            await recheckCaps(ctx, tx, c, d, at);
            const board = d.outcome === 'upheld' ? null : ctx.boardFor(c);
            const data = complaintAnswerData(c, d, {
              office: ctx.office,
              agent: { name: input.agentName, title: input.agentTitle },
              locale: input.locale,
              nextSteps: input.nextSteps,
              at,
              board,
            });
            const letter = ctx.render('complaint-answer', data, input.locale, 'answer', actor.id, at);
            const next = { ...moved, answeredAt: at, letters: [...c.letters, letter] };
            const event = complaintEvent(ComplaintAnswered, next, {
              seq: d.seq,
              outcome: d.outcome,
              kind: d.compensation.kind,
              granted: d.compensation.amount,
              boardId: board?.id ?? null,
              onTime: at <= c.answerDueAt,
            });
            return { entity: next, events: [event] };
          },
        },
        raw,
      ),
    );
}
