import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { defineCollection } from '../ports/storage';
import { AgentState } from './session-machine';
import { StateChange } from './time-in-states';

/**
 * One login-to-logout stretch of an agent's work, with every state change timestamped (the log feeds the
 * occupancy KPIs through `timeInStates`). At most one session per agent is open (not `logged_out`).
 * @category Agents
 */
export const AgentSession = z.object({
  id: EntityId,
  agentId: EntityId,
  state: AgentState,
  loginAt: Instant,
  logoutAt: Instant.optional(),
  /** Every state entered, oldest first; the first is the login, the last (once closed) the logout. */
  log: z.array(StateChange).min(1).max(20_000),
  /** Mandatory notices pending at login and not yet acknowledged; while any is left, no call is taken. */
  unreadMandatoryNotices: z.array(EntityId).max(200),
});
/** @category Agents */
export type AgentSession = z.output<typeof AgentSession>;

/**
 * The longest closed session `sessionsInPeriod` looks back for: a session that ended more than a week after a
 * period's end is not counted in it (a shift, even one a supervisor forgot to end, is shorter).
 */
export const MAX_SESSION_MS = 7 * 24 * 3_600_000;

/** The `ended_at` key of an open session (sorts after every instant). */
export const OPEN_SESSION_KEY = 'open';

/** The key of the `agent_ended` index: the agent, then the logout instant (`open` sorts after every instant). */
export function sessionEndKey(agentId: string, logoutAt: Date | undefined): string {
  return `${agentId}|${logoutAt ? logoutAt.toISOString() : 'open'}`;
}

/**
 * The `agent_sessions` collection. Indexes: `open_agent` (unique: the agent of an open session — a second
 * login cannot slip in even under concurrency) and `agent_ended` (`agentId|logoutAt`, open sessions last:
 * the sessions of an agent that overlap a period are those ending after its start) and `ended_at` (the logout
 * instant, `open` for open sessions: every agent's sessions that overlap a period, for the KPIs).
 * @category Agents
 */
export const AgentSessionCollection = defineCollection<AgentSession>({
  name: 'agent_sessions',
  schema: AgentSession,
  indexes: {
    open_agent: { key: (s) => (s.state === 'logged_out' ? undefined : s.agentId), unique: true },
    agent_ended: { key: (s) => sessionEndKey(s.agentId, s.logoutAt) },
    ended_at: { key: (s) => s.logoutAt?.toISOString() ?? OPEN_SESSION_KEY },
  },
});
