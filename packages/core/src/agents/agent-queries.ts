import { maskEmailAddress } from '../customers/personal-data';
import { parseInput } from '../errors/validate';
import { type Actor, hasPermission } from '../kernel/actor';
import { authorize } from '../kit/command-runner';
import { authorizeRead, present, type ReadPolicy } from '../kit/read-policy';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/storage';
import { actorFor } from './actor-for';
import type { Agent } from './agent.schema';
import {
  ActorForAgentInput,
  ActorOnlyInput,
  AgentRefInput,
  SessionsInPeriodInput,
  StateLogInput,
} from './agent-inputs';
import { hostRoles, loadAgent, openSession, pendingNoticesFor, requireSelfOr } from './agent-lookups';
import {
  type AgentSession,
  AgentSessionCollection,
  MAX_SESSION_MS,
  OPEN_SESSION_KEY,
  sessionEndKey,
} from './agent-session';
import type { Notice } from './notice';
import { Permissions } from './permissions';
import { BuiltInRoles, type Role } from './role';
import type { StateChange } from './time-in-states';

/**
 * An agent as a reader sees it: the e-mail address may be masked (`p***@example.hu`), so it is a plain string.
 * @category Agents
 */
export type AgentView = Omit<Agent, 'email'> & { readonly email: string };

/**
 * How agents are read: by whoever manages agents or controls their sessions (a supervisor sees its team), and
 * by the agent itself. The e-mail address is masked for everyone but `agent.manage` and the agent itself.
 * @category Agents
 */
export const AgentReadPolicy: ReadPolicy<AgentView> = {
  what: 'agent',
  anyOf: [Permissions.agentManage, Permissions.agentControlSessions],
  mask: (agent, actor) =>
    actor.id === agent.id || hasPermission(actor, Permissions.agentManage)
      ? agent
      : { ...agent, email: maskEmailAddress(agent.email) },
};

/** The read side of the agent service. Internal: `createAgentService` wires it. */
export function agentQueries(store: Store, clock: Clock) {
  return {
    async getAgent(raw: unknown): Promise<{ agent: AgentView; version: number }> {
      const input = parseInput(AgentRefInput, raw, 'agent query');
      const actor: Actor =
        input.actor.id === input.agentId ? input.actor : authorizeRead(AgentReadPolicy, input.actor);
      const found = await loadAgent(store, input.agentId);
      return { agent: present(AgentReadPolicy, actor, found.data), version: found.version };
    },

    async listRoles(raw: unknown): Promise<Role[]> {
      parseInput(ActorOnlyInput, raw, 'role query');
      const host = (await hostRoles(store)).sort((a, b) => a.id.localeCompare(b.id));
      return [...BuiltInRoles, ...host];
    },

    async actorForAgent(raw: unknown): Promise<Actor> {
      const input = parseInput(ActorForAgentInput, raw, 'agent');
      const agent = await loadAgent(store, input.agentId);
      return actorFor(agent.data, await hostRoles(store));
    },

    async getCurrentSession(raw: unknown) {
      const input = parseInput(AgentRefInput, raw, 'session query');
      requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
      const row = await openSession(store, input.agentId);
      return row ? { session: row.data, version: row.version } : null;
    },

    async getStateLog(raw: unknown): Promise<StateChange[]> {
      const input = parseInput(StateLogInput, raw, 'state log query');
      requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
      const rows = store.repository(AgentSessionCollection).query({
        index: 'agent_ended',
        from: sessionEndKey(input.agentId, input.from),
        to: `${input.agentId}|~`,
      });
      const log: StateChange[] = [];
      for await (const row of rows) {
        if (row.data.loginAt.getTime() >= input.to.getTime()) continue;
        log.push(...row.data.log);
      }
      return log.sort((a, b) => a.at.getTime() - b.at.getTime());
    },

    sessionsInPeriod(raw: unknown): AsyncIterable<AgentSession> {
      const input = parseInput(SessionsInPeriodInput, raw, 'sessions query');
      authorize(input.actor, [Permissions.agentControlSessions, Permissions.agentManage]);
      const sessions = store.repository(AgentSessionCollection);
      const until = new Date(input.to.getTime() + MAX_SESSION_MS).toISOString();
      return {
        async *[Symbol.asyncIterator]() {
          const ended = sessions.query({ index: 'ended_at', from: input.from.toISOString(), to: until });
          const open = sessions.query({ index: 'ended_at', equals: OPEN_SESSION_KEY });
          for (const rows of [ended, open]) {
            for await (const row of rows) if (row.data.loginAt < input.to) yield row.data;
          }
        },
      };
    },

    async pendingNotices(raw: unknown): Promise<Notice[]> {
      const input = parseInput(AgentRefInput, raw, 'notice query');
      requireSelfOr(input.actor, input.agentId, Permissions.agentControlSessions);
      const agent = await loadAgent(store, input.agentId);
      return pendingNoticesFor(store, agent.data, clock.now());
    },
  };
}
