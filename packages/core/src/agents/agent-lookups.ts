import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, type ActorInput, requirePermission } from '../kernel/actor';
import { collect } from '../kit/collect';
import type { Store, Stored } from '../ports/storage';
import { type Agent, AgentCollection } from './agent.schema';
import { type AgentSession, AgentSessionCollection } from './agent-session';
import {
  audienceKey,
  EVERYONE,
  type Notice,
  NoticeAcknowledgementCollection,
  NoticeCollection,
} from './notice';
import { BuiltInRoles, type Role, RoleCollection } from './role';

/** The actor, when it is the agent itself or holds `permission`; else `FORBIDDEN`. Internal. */
export function requireSelfOr(actorInput: ActorInput, agentId: string, permission: string): Actor {
  const actor = parseInput(Actor, actorInput, 'actor');
  return actor.id === agentId ? actor : requirePermission(actor, permission);
}

/** The stored agent, or `NOT_FOUND` naming the `agents` collection (as the command runner's load does). Internal. */
export function loadAgent(tx: Store, agentId: string): Promise<Stored<Agent>> {
  return tx.repository(AgentCollection).get(agentId);
}

/** The roles the host defined (the built-in ones are not stored). Internal. */
export async function hostRoles(tx: Store): Promise<Role[]> {
  return (await collect(tx.repository(RoleCollection).scan())).map((r) => r.data);
}

/** Refuses role ids that name no role, with the path of each. Internal. */
export async function requireKnownRoles(
  tx: Store,
  roleIds: readonly string[],
  path: string,
  what: string,
): Promise<void> {
  const known = new Set([...BuiltInRoles, ...(await hostRoles(tx))].map((r) => r.id));
  const issues = roleIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: [path, i], message: `Unknown role "${id}"`, code: 'custom' }],
  );
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid ${what}: ${path}.${issues[0]!.path[1]}: ${issues[0]!.message}`,
      issues,
    );
  }
}

/** The agent's open session, if any (the unique `open_agent` index). Internal. */
export async function openSession(tx: Store, agentId: string): Promise<Stored<AgentSession> | undefined> {
  const [row] = await collect(
    tx.repository(AgentSessionCollection).query({ index: 'open_agent', equals: agentId, limit: 1 }),
  );
  return row;
}

/** The valid notices for the agent's roles it has not acknowledged, mandatory first, then oldest. Internal. */
export async function pendingNoticesFor(tx: Store, agent: Agent, now: Date): Promise<Notice[]> {
  const candidates = new Map<string, Notice>();
  for (const role of [...agent.roleIds, EVERYONE]) {
    const rows = tx
      .repository(NoticeCollection)
      .query({ index: 'audience', from: audienceKey(role, now), to: `${role}|~` });
    for await (const row of rows) {
      const n = row.data;
      const valid = n.publishedAt <= now && (n.validUntil === undefined || n.validUntil > now);
      if (valid) candidates.set(n.id, n);
    }
  }
  if (candidates.size === 0) return [];
  const oldest = Math.min(...[...candidates.values()].map((n) => n.publishedAt.getTime()));
  const acks = tx.repository(NoticeAcknowledgementCollection).query({
    index: 'agent_at',
    from: `${agent.id}|${new Date(oldest).toISOString()}`,
    to: `${agent.id}|~`,
  });
  for await (const ack of acks) candidates.delete(ack.data.noticeId);
  return [...candidates.values()].sort(
    (a, b) =>
      Number(b.mandatory) - Number(a.mandatory) ||
      a.publishedAt.getTime() - b.publishedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}
