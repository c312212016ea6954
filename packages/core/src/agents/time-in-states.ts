import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { AgentState, SessionCommand } from './session-machine';

/**
 * One entry of a session's state log: the state entered, when, and by which command.
 * @category Agents
 */
export const StateChange = z.object({
  state: AgentState,
  at: Instant,
  command: SessionCommand.optional(),
});
/** @category Agents */
export type StateChange = z.output<typeof StateChange>;

/**
 * Milliseconds spent in each state.
 * @category Agents
 */
export type TimeInStates = Record<AgentState, number>;

const TimeInput = z
  .object({
    log: z.array(StateChange).max(1_000_000),
    from: Instant,
    to: Instant,
    initialState: AgentState.default('logged_out'),
  })
  .refine((p) => p.from.getTime() <= p.to.getTime(), {
    message: 'The period ends before it starts',
    path: ['to'],
  });

/**
 * How long the agent spent in each state during `[from, to)`, from a state log (one session's or several
 * sessions' together, in any order). Before the first entry the agent is in `initialState` (default
 * `logged_out`); each entry holds until the next. The totals always add up to `to − from`; they are what
 * occupancy and adherence KPIs are computed from.
 * @example
 * timeInStates(session.log, { from: '2026-03-02T07:00:00Z', to: '2026-03-02T15:00:00Z' })
 * // { logged_out: 0, available: 9_000_000, on_call: 14_400_000, wrap_up: 3_600_000, break: 1_800_000 }
 * @category Agents
 */
export function timeInStates(
  log: readonly z.input<typeof StateChange>[],
  period: { from: Date | string; to: Date | string; initialState?: AgentState },
): TimeInStates {
  const input = parseInput(
    TimeInput,
    { log, from: period?.from, to: period?.to, initialState: period?.initialState },
    'time-in-states query',
  );
  const totals: TimeInStates = { logged_out: 0, available: 0, on_call: 0, wrap_up: 0, break: 0 };
  const from = input.from.getTime();
  const to = input.to.getTime();
  const entries = input.log
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i);
  let state = input.initialState;
  let cursor = from;
  for (const { e } of entries) {
    const at = e.at.getTime();
    if (at <= from) {
      state = e.state;
      continue;
    }
    if (at >= to) break;
    totals[state] += at - cursor;
    cursor = at;
    state = e.state;
  }
  totals[state] += to - cursor;
  return totals;
}
