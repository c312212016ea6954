import { ForbiddenError, InvalidTransitionError } from '../errors/frontline-error';
import { runCommand, runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { DomainEvent, ServiceDeps } from '../services/domain-events';
import { AgentLoggedIn, AgentLoggedOut, AgentStateChanged } from './agent-events';
import { AgentRefInput, ChangeAgentStateInput } from './agent-inputs';
import { loadAgent, openSession, pendingNoticesFor, requireSelfOr } from './agent-lookups';
import { type AgentSession, AgentSessionCollection } from './agent-session';
import type { Notice } from './notice';
import { Permissions } from './permissions';
import { agentSessionMachine, type SessionCommand } from './session-machine';

/**
 * One step of a session through the session machine: the session after it and the event that says so.
 * Internal (deactivating an agent logs its session out with it).
 */
export function sessionStep(
  session: AgentSession,
  command: Exclude<SessionCommand, 'login'>,
  at: Date,
): { session: AgentSession; event: DomainEvent } {
  const from = session.state;
  const { to } = agentSessionMachine.decide(from, command, {
    unreadMandatoryNotices: session.unreadMandatoryNotices.length,
  });
  const next: AgentSession = {
    ...session,
    state: to,
    log: [...session.log, { state: to, at, command }],
    ...(to === 'logged_out' ? { logoutAt: at } : {}),
  };
  const about = { entityType: 'agent', entityId: session.agentId };
  const payload = { sessionId: session.id, from, to, command };
  const event = emit(to === 'logged_out' ? AgentLoggedOut : AgentStateChanged, about, payload);
  return { session: next, event };
}

/** Moves the agent's open session; no open session is an invalid transition from `logged_out`. */
export function changeAgentState(deps: ServiceDeps, raw: unknown) {
  return runCommand(
    deps,
    {
      name: 'agent state change',
      input: ChangeAgentStateInput,
      collection: AgentSessionCollection,
      permission: null,
      // Authorized before the look-up: an agent moves its own session, another's needs control_sessions.
      id: async (input, tx) => {
        requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
        const open = await openSession(tx, input.agentId);
        if (!open) throw new InvalidTransitionError('agent_session', 'logged_out', input.command);
        return open.data.id;
      },
      updatedAt: (s) => s.log[s.log.length - 1]!.at,
      execute: ({ input, current, at }) => {
        const step = sessionStep(current.data, input.command, at);
        return { entity: step.session, events: [step.event] };
      },
    },
    raw,
  );
}

/** Opens a session for an active agent acting as itself, with the notices it must read. */
export function login(deps: ServiceDeps, raw: unknown) {
  return runCreate(
    deps,
    {
      name: 'login',
      input: AgentRefInput,
      collection: AgentSessionCollection,
      permission: null,
      create: async ({ input, actor, at, tx }) => {
        if (actor.id !== input.agentId) {
          throw new ForbiddenError(
            `${actor.id} cannot log in as agent "${input.agentId}"; an agent logs in only as itself.`,
            { details: { actorId: actor.id, agentId: input.agentId } },
          );
        }
        const agent = await loadAgent(tx, input.agentId);
        if (!agent.data.active) {
          throw new ForbiddenError(`Agent "${input.agentId}" is inactive and cannot log in.`, {
            details: { agentId: input.agentId },
          });
        }
        const open = await openSession(tx, input.agentId);
        const { to: state } = agentSessionMachine.decide(
          open?.data.state ?? 'logged_out',
          'login',
          undefined,
        );
        const pendingNotices: Notice[] = await pendingNoticesFor(tx, agent.data, at);
        const session: AgentSession = {
          id: deps.ids.next(),
          agentId: input.agentId,
          state,
          loginAt: at,
          log: [{ state, at, command: 'login' }],
          unreadMandatoryNotices: pendingNotices.filter((n) => n.mandatory).map((n) => n.id),
        };
        const event = emit(
          AgentLoggedIn,
          { entityType: 'agent', entityId: input.agentId },
          {
            sessionId: session.id,
            pendingNotices: pendingNotices.length,
            unreadMandatoryNotices: session.unreadMandatoryNotices,
          },
        );
        return { entity: session, events: [event], extra: pendingNotices };
      },
    },
    raw,
  );
}
