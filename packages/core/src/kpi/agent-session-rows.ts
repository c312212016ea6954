import { z } from 'zod';
import { StateChange, timeInStates } from '../agents/time-in-states';
import { parseInput } from '../errors/validate';
import { AgentId, InteractionChannel, QueueName } from '../interactions/interaction.schema';
import { Instant } from '../kernel/instant';
import { BUDAPEST, TimeZone } from '../kernel/time-zone';
import { KpiPeriodGrain, periodOf } from './kpi-period';
import type { KpiAgentSession } from './kpi-rows.schema';

const SessionRowsInput = z
  .strictObject({
    agentId: AgentId,
    queue: QueueName.nullable().default(null),
    channel: InteractionChannel.nullable().default(null),
    log: z.array(StateChange).max(20_000),
    from: Instant,
    to: Instant,
    grain: KpiPeriodGrain,
    timeZone: TimeZone.default(BUDAPEST),
  })
  .refine((i) => i.from.getTime() <= i.to.getTime(), { message: 'Ends before it starts', path: ['to'] });

/**
 * Turns an agent's state log (one session's `log`, or several sessions' together) into {@link KpiAgentSession}
 * rows, one for each period of `grain` (in `timeZone`) that `[from, to)` overlaps, cut at the period edges, so
 * occupancy and utilisation can be grouped by period. Periods in which the agent was logged out throughout give
 * no row. The times are `timeInStates` over each piece.
 * @example
 * kpiPartialOf({ sessions: agentSessionRows({ agentId: 'a1', log: session.log, from, to, grain: '15min' }) })
 * @category KPIs
 */
export function agentSessionRows(input: z.input<typeof SessionRowsInput>): KpiAgentSession[] {
  const i = parseInput(SessionRowsInput, input, 'agent session rows');
  const to = i.to.getTime();
  const rows: KpiAgentSession[] = [];
  for (let at = i.from.getTime(); at < to; ) {
    const period = periodOf(at, i.grain, i.timeZone);
    const end = Math.min(period.end.getTime(), to);
    const t = timeInStates(i.log, { from: new Date(at), to: new Date(end) });
    if (t.available + t.on_call + t.wrap_up + t.break > 0) {
      rows.push({
        agentId: i.agentId,
        queue: i.queue,
        channel: i.channel,
        from: new Date(at),
        to: new Date(end),
        availableMs: t.available,
        onCallMs: t.on_call,
        wrapUpMs: t.wrap_up,
        breakMs: t.break,
      });
    }
    at = end;
  }
  return rows;
}
