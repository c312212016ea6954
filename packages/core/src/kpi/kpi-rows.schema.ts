import { z } from 'zod';
import {
  AgentId,
  InteractionChannel,
  InteractionDirection,
  QueueName,
} from '../interactions/interaction.schema';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { TicketCategory } from '../tickets/ticket-fields';

const DurationMs = z.int().min(0).max(86_400_000);
const ms = (d: Date | null | undefined) => d?.getTime() ?? null;

/**
 * One finished contact (call, chat, e-mail …) as the KPI calculators read it — the facts of an
 * `Interaction` after its amendments, plus what the contact meant for the customer's need.
 *
 * Times: `offeredAt` when it reached a queue or agent (or we started it), `answeredAt` when an agent took it,
 * `abandonedAt` when an inbound customer gave up before an answer, `endedAt` when it finished. A contact offered
 * and neither answered nor abandoned (overflowed, transferred out before an answer) counts as offered only.
 * Durations are integer milliseconds like the interaction's `holdMs` and `wrapUpMs`; `talkMs` is talk time
 * **without** hold, and when left out it is `endedAt − answeredAt − holdMs`.
 * @category KPIs
 */
export const KpiContact = z
  .strictObject({
    id: EntityId,
    /** The customer, `null` when unknown (an anonymous abandoned call): needed for first-contact resolution. */
    customerId: EntityId.nullable().default(null),
    channel: InteractionChannel,
    direction: InteractionDirection.default('inbound'),
    queue: QueueName.nullable().default(null),
    agentId: AgentId.nullable().default(null),
    /** What the contact was about (a ticket category slug such as `billing`). */
    category: TicketCategory.nullable().default(null),
    offeredAt: Instant,
    answeredAt: Instant.nullable().default(null),
    abandonedAt: Instant.nullable().default(null),
    endedAt: Instant,
    talkMs: DurationMs.nullable().default(null),
    holdMs: DurationMs.default(0),
    /** After-contact work (utómunka). */
    wrapUpMs: DurationMs.default(0),
    /** Handed to second level (L2) during or after the contact. */
    escalated: z.boolean().default(false),
    /** The customer's need was met by the end of the contact. */
    resolved: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    const offered = c.offeredAt.getTime();
    const answered = ms(c.answeredAt);
    const abandoned = ms(c.abandonedAt);
    const ended = c.endedAt.getTime();
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (answered !== null && answered < offered) issue('answeredAt', 'Answered before it was offered');
    if (abandoned !== null && abandoned < offered) issue('abandonedAt', 'Abandoned before it was offered');
    if (answered !== null && abandoned !== null)
      issue('abandonedAt', 'A contact is answered or abandoned, not both');
    if (abandoned !== null && c.direction !== 'inbound')
      issue('abandonedAt', 'Only an inbound contact is abandoned');
    if (ended < (answered ?? abandoned ?? offered)) issue('endedAt', 'Ends before it starts');
    if (answered === null && (c.talkMs ?? 0) + c.holdMs > 0) {
      issue('talkMs', 'A contact nobody answered has no talk or hold time');
    }
    if (answered !== null && ended >= answered) {
      const connected = ended - answered;
      if ((c.talkMs ?? 0) + c.holdMs > connected) {
        issue(
          c.talkMs === null ? 'holdMs' : 'talkMs',
          'Talk and hold are longer than the contact was answered',
        );
      }
    }
    if ((c.resolved || c.escalated) && answered === null) {
      issue(
        c.resolved ? 'resolved' : 'escalated',
        'A contact nobody answered is neither resolved nor escalated',
      );
    }
  });
/** @category KPIs */
export type KpiContact = z.output<typeof KpiContact>;
/** @category KPIs */
export type KpiContactInput = z.input<typeof KpiContact>;

/**
 * An agent's time in each state over `[from, to)` — one session, or the part of it in one reporting period
 * (see `timeInStates`). Logged-out time is what is left of `to − from`. The row counts in the period of `from`:
 * split sessions at period edges to report them by period.
 * @category KPIs
 */
export const KpiAgentSession = z
  .strictObject({
    agentId: AgentId,
    queue: QueueName.nullable().default(null),
    channel: InteractionChannel.nullable().default(null),
    from: Instant,
    to: Instant,
    /** Ready for a contact, waiting. */
    availableMs: z.int().min(0),
    /** Handling a contact (talk and hold). */
    onCallMs: z.int().min(0),
    /** After-contact work. */
    wrapUpMs: z.int().min(0),
    /** On a break (szünet). */
    breakMs: z.int().min(0),
  })
  .superRefine((s, ctx) => {
    const span = s.to.getTime() - s.from.getTime();
    if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ends before it starts' });
    else if (s.availableMs + s.onCallMs + s.wrapUpMs + s.breakMs > span) {
      ctx.addIssue({
        code: 'custom',
        path: ['availableMs'],
        message: 'The states add up to more than from → to',
      });
    }
  });
/** @category KPIs */
export type KpiAgentSession = z.output<typeof KpiAgentSession>;
/** @category KPIs */
export type KpiAgentSessionInput = z.input<typeof KpiAgentSession>;

/**
 * A ticket (request — bejelentés) as the KPI calculators read it. It counts as opened in the period of
 * `openedAt`, resolved in that of `resolvedAt`, closed in that of `closedAt`, and in the backlog at an instant
 * when it was opened by then and neither resolved nor closed.
 * @category KPIs
 */
export const KpiTicket = z
  .strictObject({
    id: EntityId,
    customerId: EntityId.nullable().default(null),
    /** The ticket's group (team or queue). */
    queue: QueueName.nullable().default(null),
    /** The channel it was opened from. */
    channel: InteractionChannel.nullable().default(null),
    agentId: AgentId.nullable().default(null),
    category: TicketCategory.nullable().default(null),
    openedAt: Instant,
    resolvedAt: Instant.nullable().default(null),
    closedAt: Instant.nullable().default(null),
    /** Reached second level (L2) at some point. */
    escalated: z.boolean().default(false),
  })
  .superRefine((t, ctx) => {
    const opened = t.openedAt.getTime();
    if (t.resolvedAt && t.resolvedAt.getTime() < opened) {
      ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'Resolved before it was opened' });
    }
    if (t.closedAt && t.closedAt.getTime() < opened) {
      ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'Closed before it was opened' });
    }
  });
/** @category KPIs */
export type KpiTicket = z.output<typeof KpiTicket>;
/** @category KPIs */
export type KpiTicketInput = z.input<typeof KpiTicket>;

/**
 * One answered post-contact survey: CSAT 1–5, NPS 0–10 and CES (customer effort, 1 = very hard … 7 = very
 * easy), each optional but at least one given. It counts in the period of `answeredAt`, for the agent, queue,
 * channel and category of the contact it asked about.
 * @category KPIs
 */
export const KpiSurvey = z
  .strictObject({
    id: EntityId,
    answeredAt: Instant,
    agentId: AgentId.nullable().default(null),
    queue: QueueName.nullable().default(null),
    channel: InteractionChannel.nullable().default(null),
    category: TicketCategory.nullable().default(null),
    csat: z.int().min(1).max(5).nullable().default(null),
    nps: z.int().min(0).max(10).nullable().default(null),
    ces: z.int().min(1).max(7).nullable().default(null),
  })
  .refine((s) => s.csat !== null || s.nps !== null || s.ces !== null, {
    message: 'A survey answer has a CSAT, NPS or CES score',
    path: ['csat'],
  });
/** @category KPIs */
export type KpiSurvey = z.output<typeof KpiSurvey>;
/** @category KPIs */
export type KpiSurveyInput = z.input<typeof KpiSurvey>;
