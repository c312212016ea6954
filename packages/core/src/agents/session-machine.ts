import { z } from 'zod';
import { defineMachine, type MachineTransition } from '../kit/define-machine';

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
 * One row of the agent-session state machine (any logged-in agent may move their own session: no permission).
 * @category Agents
 */
export type SessionTransition = MachineTransition<AgentState, SessionCommand, SessionGuard>;

const row = (from: AgentState, command: SessionCommand, to: AgentState, guards: SessionGuard[] = []) =>
  Object.freeze({ from, command, to, guards: Object.freeze(guards), permission: null });

/**
 * The agent-session state machine as data (state × command → state, with guards); hosts may draw it.
 * An agent logs out only from `available`, `wrap_up` or `break` — never in the middle of a call — and takes
 * a call only once the mandatory notices of the day are read.
 * @category Agents
 */
export const AgentSessionTransitions: readonly SessionTransition[] = Object.freeze([
  row('logged_out', 'login', 'available'),
  row('available', 'take_call', 'on_call', ['mandatory_notices_read']),
  row('on_call', 'end_call', 'wrap_up'),
  row('wrap_up', 'end_wrap_up', 'available'),
  row('available', 'start_break', 'break'),
  row('wrap_up', 'start_break', 'break'),
  row('break', 'end_break', 'available'),
  row('available', 'logout', 'logged_out'),
  row('wrap_up', 'logout', 'logged_out'),
  row('break', 'logout', 'logged_out'),
]);

/**
 * What the guards look at.
 * @category Agents
 */
export const SessionGuardContext = z
  .object({
    /** Mandatory notices pending since login and not yet acknowledged. */
    unreadMandatoryNotices: z.number().int().min(0).default(0),
  })
  .default({ unreadMandatoryNotices: 0 });
/** @category Agents */
export type SessionGuardContext = z.input<typeof SessionGuardContext>;

/**
 * The agent-session machine on the one engine of the kit.
 * @category Agents
 */
export const agentSessionMachine = defineMachine({
  name: 'agent_session',
  states: AgentState,
  commands: SessionCommand,
  context: SessionGuardContext,
  guards: {
    mandatory_notices_read: {
      description: 'every mandatory notice pending since login has been acknowledged',
      test: (c) => c.unreadMandatoryNotices === 0,
    },
  },
  transitions: AgentSessionTransitions,
});

/**
 * The state `command` leads to from `state`, or an `InvalidTransitionError` naming both (and the failed
 * guard in `details.failedGuards`).
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
  return agentSessionMachine.decide(state, command, context).to;
}

/**
 * The commands allowed from `state` with `context` — the buttons an agent's toolbar shows.
 * @example availableSessionCommands('wrap_up') // ['end_wrap_up', 'start_break', 'logout']
 * @category Agents
 */
export function availableSessionCommands(state: AgentState, context?: SessionGuardContext): SessionCommand[] {
  return agentSessionMachine.available(state, context);
}
