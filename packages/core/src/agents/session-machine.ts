import { z } from 'zod';
import { InvalidTransitionError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';

/**
 * Where an agent is in the working day: `logged_out`, `available` (ready for a contact), `on_call` (handling
 * one), `wrap_up` (after-call work — utómunka), `break` (szünet).
 * @category Agents
 */
export const AgentState = z.enum(['logged_out', 'available', 'on_call', 'wrap_up', 'break']);
/** @category Agents */
export type AgentState = z.infer<typeof AgentState>;

/**
 * What moves an agent between states.
 * @category Agents
 */
export const SessionCommand = z.enum([
  'login',
  'take_call',
  'end_call',
  'end_wrap_up',
  'start_break',
  'end_break',
  'logout',
]);
/** @category Agents */
export type SessionCommand = z.infer<typeof SessionCommand>;

/**
 * Conditions a transition may need besides the state:
 * - `mandatory_notices_read` — every mandatory notice pending at login has been acknowledged.
 * @category Agents
 */
export const SessionGuard = z.enum(['mandatory_notices_read']);
/** @category Agents */
export type SessionGuard = z.infer<typeof SessionGuard>;

/**
 * One row of the agent-session state machine.
 * @category Agents
 */
export interface SessionTransition {
  readonly from: AgentState;
  readonly command: SessionCommand;
  readonly to: AgentState;
  /** A condition that must hold, if any. */
  readonly guard?: SessionGuard;
}

/**
 * The agent-session state machine as data (state × command → state, with guards); hosts may draw it.
 * An agent logs out only from `available`, `wrap_up` or `break` — never in the middle of a call — and takes
 * a call only once the mandatory notices of the day are read.
 * @category Agents
 */
export const AgentSessionTransitions: readonly SessionTransition[] = Object.freeze([
  { from: 'logged_out', command: 'login', to: 'available' },
  { from: 'available', command: 'take_call', to: 'on_call', guard: 'mandatory_notices_read' },
  { from: 'on_call', command: 'end_call', to: 'wrap_up' },
  { from: 'wrap_up', command: 'end_wrap_up', to: 'available' },
  { from: 'available', command: 'start_break', to: 'break' },
  { from: 'wrap_up', command: 'start_break', to: 'break' },
  { from: 'break', command: 'end_break', to: 'available' },
  { from: 'available', command: 'logout', to: 'logged_out' },
  { from: 'wrap_up', command: 'logout', to: 'logged_out' },
  { from: 'break', command: 'logout', to: 'logged_out' },
] as const);

/**
 * What the guards look at.
 * @category Agents
 */
export const SessionGuardContext = z.object({
  /** Mandatory notices pending since login and not yet acknowledged. */
  unreadMandatoryNotices: z.number().int().min(0).default(0),
});
/** @category Agents */
export type SessionGuardContext = z.input<typeof SessionGuardContext>;

const guards: Record<SessionGuard, (context: z.output<typeof SessionGuardContext>) => boolean> = {
  mandatory_notices_read: (c) => c.unreadMandatoryNotices === 0,
};

const NextInput = z.object({
  state: AgentState,
  command: SessionCommand,
  context: SessionGuardContext.default({ unreadMandatoryNotices: 0 }),
});

/**
 * The state `command` leads to from `state`, or an `InvalidTransitionError` naming both (and the failed
 * guard in `details.guard`).
 * @example
 * nextAgentState('available', 'take_call') // 'on_call'
 * nextAgentState('on_call', 'logout')      // throws InvalidTransitionError
 * @category Agents
 */
export function nextAgentState(
  state: AgentState,
  command: SessionCommand,
  context?: SessionGuardContext,
): AgentState {
  const input = parseInput(NextInput, { state, command, context }, 'session transition');
  const row = AgentSessionTransitions.find((t) => t.from === input.state && t.command === input.command);
  if (!row) throw new InvalidTransitionError('agent_session', input.state, input.command);
  if (row.guard && !guards[row.guard](input.context)) {
    throw new InvalidTransitionError('agent_session', input.state, input.command, {
      details: { guard: row.guard, ...input.context },
    });
  }
  return row.to;
}

/**
 * The commands allowed from `state` with `context` — the buttons an agent's toolbar shows.
 * @example availableSessionCommands('wrap_up') // ['end_wrap_up', 'start_break', 'logout']
 * @category Agents
 */
export function availableSessionCommands(state: AgentState, context?: SessionGuardContext): SessionCommand[] {
  const input = parseInput(NextInput, { state, command: 'login', context }, 'session state');
  return AgentSessionTransitions.filter(
    (t) => t.from === input.state && (t.guard === undefined || guards[t.guard](input.context)),
  ).map((t) => t.command);
}
