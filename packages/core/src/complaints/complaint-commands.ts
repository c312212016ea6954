import { Permissions } from '../agents/permissions';
import { ValidationError } from '../errors/frontline-error';
import type { DomainEvent } from '../services/domain-events';
import type { ComplaintCommand } from './complaint.schema';
import { commandResult, runComplaintCommand } from './complaint-command';
import { type ComplaintContext, step } from './complaint-context';
import {
  ComplaintAccepted,
  ComplaintAcknowledged,
  ComplaintClosed,
  ComplaintDisputed,
  ComplaintEscalated,
  ComplaintInvestigationStarted,
  ComplaintReferred,
  ComplaintReopened,
  complaintEvent,
} from './complaint-events';
import {
  AssignComplaintInput,
  CloseComplaintInput,
  ComplaintNoteInput,
  ComplaintReasonInput,
  EscalateComplaintInput,
} from './complaint-inputs';
import { complaintAnswerData } from './complaint-letters';
import { complaintRetainUntil } from './complaint-policy';
import type { ComplaintService } from './complaint-service-types';

type WorkflowCommands = Pick<
  ComplaintService,
  | 'acknowledgeComplaint'
  | 'startInvestigation'
  | 'acceptAnswer'
  | 'disputeAnswer'
  | 'escalateComplaint'
  | 'closeComplaint'
  | 'reopenComplaint'
>;

const W = Permissions.complaintWrite;

/** The workflow commands that move a complaint without deciding on it: each runs on the kit's runner. */
export function workflowCommands(ctx: ComplaintContext): WorkflowCommands {
  /** The customer's response to the answer, recorded with the step. */
  const respond = (command: Extract<ComplaintCommand, 'accept' | 'dispute'>) => async (raw: unknown) =>
    commandResult(
      await runComplaintCommand(
        ctx,
        {
          name: `complaint ${command}`,
          input: ComplaintNoteInput,
          permission: W,
          execute: ({ input, actor, current, at }) => {
            const note = input.note ?? null;
            const moved = step(ctx, current.data, actor, command, at, note);
            const kind = command === 'accept' ? ('accepted' as const) : ('disputed' as const);
            const next = { ...moved, customerResponse: { kind, at, note } };
            const event = command === 'accept' ? ComplaintAccepted : ComplaintDisputed;
            return { entity: next, events: [complaintEvent(event, next, {})] };
          },
        },
        raw,
      ),
    );

  return {
    acknowledgeComplaint: async (raw) =>
      commandResult(
        await runComplaintCommand(
          ctx,
          {
            name: 'complaint acknowledge',
            input: ComplaintNoteInput,
            permission: W,
            execute: ({ input, actor, current, at }) => {
              const next = step(ctx, current.data, actor, 'acknowledge', at, input.note ?? null);
              return { entity: next, events: [complaintEvent(ComplaintAcknowledged, next, {})] };
            },
          },
          raw,
        ),
      ),

    startInvestigation: async (raw) =>
      commandResult(
        await runComplaintCommand(
          ctx,
          {
            name: 'investigation',
            input: AssignComplaintInput,
            permission: W,
            execute: ({ input, actor, current, at }) => {
              const c = current.data;
              const next = {
                ...step(ctx, c, actor, 'investigate', at, input.note ?? null),
                assigneeId: input.assigneeId ?? c.assigneeId,
              };
              const events = [
                complaintEvent(ComplaintInvestigationStarted, next, { assigneeId: next.assigneeId }),
              ];
              return { entity: next, events };
            },
          },
          raw,
        ),
      ),

    acceptAnswer: respond('accept'),
    disputeAnswer: respond('dispute'),

    escalateComplaint: async (raw) =>
      commandResult(
        await runComplaintCommand(
          ctx,
          {
            name: 'escalation',
            input: EscalateComplaintInput,
            permission: W,
            execute: ({ input, actor, current, at }) => {
              const next = {
                ...step(ctx, current.data, actor, 'escalate', at, input.note ?? null),
                assigneeId: input.assigneeId,
              };
              return {
                entity: next,
                events: [complaintEvent(ComplaintEscalated, next, { assigneeId: input.assigneeId })],
              };
            },
          },
          raw,
        ),
      ),

    closeComplaint: async (raw) =>
      commandResult(
        await runComplaintCommand(
          ctx,
          {
            name: 'closing',
            input: CloseComplaintInput,
            permission: W,
            execute: ({ input, actor, current, at }) => {
              const c = current.data;
              const retainUntil = complaintRetainUntil(at, ctx.policyOf(c));
              let next = { ...step(ctx, c, actor, 'close', at, null), closedAt: at, retainUntil };
              const events: DomainEvent[] = [];
              if (c.status === 'disputed') {
                if (input.agentName === undefined || input.agentTitle === undefined) {
                  const path = input.agentName === undefined ? 'agentName' : 'agentTitle';
                  throw new ValidationError(
                    `Invalid closing: ${path}: The referral letter needs its signer`,
                    [{ path: [path], message: 'The referral letter needs its signer', code: 'custom' }],
                  );
                }
                const board = ctx.boardFor(c);
                const data = complaintAnswerData(c, null, {
                  office: ctx.office,
                  agent: { name: input.agentName, title: input.agentTitle },
                  locale: input.locale,
                  nextSteps: '',
                  at,
                  board,
                });
                const letter = ctx.render('complaint-referral', data, input.locale, 'referral', actor.id, at);
                next = { ...next, letters: [...next.letters, letter] };
                events.push(complaintEvent(ComplaintReferred, next, { boardId: board.id }));
              }
              events.push(complaintEvent(ComplaintClosed, next, { retainUntil: retainUntil.toISOString() }));
              return { entity: next, events };
            },
          },
          raw,
        ),
      ),

    reopenComplaint: async (raw) =>
      commandResult(
        await runComplaintCommand(
          ctx,
          {
            name: 'complaint reopen',
            input: ComplaintReasonInput,
            permission: W,
            execute: ({ input, actor, current, at }) => {
              const next = {
                ...step(ctx, current.data, actor, 'reopen', at, input.note),
                closedAt: null,
                retainUntil: null,
                customerResponse: null,
              };
              return { entity: next, events: [complaintEvent(ComplaintReopened, next, {})] };
            },
          },
          raw,
        ),
      ),
  };
}
