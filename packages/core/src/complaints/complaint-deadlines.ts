import { z } from 'zod';
import { FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import type { DomainEvent } from '../services/domain-events';
import { Complaints } from './complaint-collections';
import { runComplaintCommand } from './complaint-command';
import type { ComplaintContext } from './complaint-context';
import { ComplaintDeadlineBreached, ComplaintDeadlineWarning, complaintEvent } from './complaint-events';
import { CheckDeadlinesInput } from './complaint-inputs';
import type { ComplaintDeadlineReport, ComplaintService } from './complaint-service-types';

/** The deadline worker's command on one complaint: what it checks at `now`. Internal. */
const DeadlineCheckInput = z.strictObject({ actor: Actor, complaintId: EntityId, now: Instant });

type Signal = ComplaintDeadlineReport['signals'][number];

/**
 * `checkDeadlines`: finds the complaints whose next signal is due on the `deadline_signal_at` index (at most
 * 500 a run) and updates each in its own command on the kit's runner, as the worker actor: the warning and the
 * breach are each announced once (the flags on the complaint, and outbox dedupe keys for a re-run). A complaint
 * that kept changing under the worker is listed in `conflicts` and checked again next run.
 */
export function checkDeadlinesCommand(ctx: ComplaintContext): ComplaintService['checkDeadlines'] {
  const { store, clock } = ctx.deps;
  const worker = { id: ctx.workerId, roles: [], permissions: [] };
  const checkOne = (complaintId: string, now: Date) =>
    runComplaintCommand(
      ctx,
      {
        name: 'deadline check',
        input: DeadlineCheckInput,
        permission: null,
        execute: ({ current }) => {
          const c = current.data;
          const signals: Signal[] = [];
          const events: DomainEvent[] = [];
          if (c.answeredAt !== null || c.status === 'closed') return { entity: c, events, extra: signals };
          let next = c;
          const dueAt = c.answerDueAt.toISOString();
          const breached = c.answerDueAt <= now;
          if (!c.warningSent && c.warnAt <= now) {
            next = { ...next, warningSent: true };
            if (!breached) {
              signals.push({ complaintId, kind: 'warning', at: c.warnAt });
              const key = `complaint:${c.id}:deadline:warning`;
              events.push(complaintEvent(ComplaintDeadlineWarning, c, { dueAt }, key));
            }
          }
          if (!c.breachSent && breached) {
            next = { ...next, breachSent: true };
            signals.push({ complaintId, kind: 'breach', at: c.answerDueAt });
            const key = `complaint:${c.id}:deadline:breach`;
            events.push(complaintEvent(ComplaintDeadlineBreached, c, { dueAt }, key));
          }
          return { entity: next, events, extra: signals };
        },
      },
      { actor: worker, complaintId, now },
    );

  return async (raw = {}) => {
    const input = parseInput(CheckDeadlinesInput, raw, 'deadline check');
    const now = input.now ?? clock.now();
    const report: ComplaintDeadlineReport = { checked: 0, signals: [], conflicts: [] };
    const due: string[] = [];
    for await (const row of store.repository(Complaints).query({
      index: 'deadline_signal_at',
      to: new Date(now.getTime() + 1).toISOString(),
      limit: input.limit ?? 500,
    })) {
      due.push(row.data.id);
    }
    for (const id of due) {
      report.checked++;
      try {
        report.signals.push(...((await checkOne(id, now)).extra ?? []));
      } catch (error) {
        if (FrontlineError.is(error, 'CONFLICT')) report.conflicts.push(id);
        else if (!FrontlineError.is(error, 'NOT_FOUND')) throw error;
      }
    }
    return report;
  };
}
