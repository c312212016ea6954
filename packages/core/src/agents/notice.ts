import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { defineCollection } from '../ports/storage';
import { RoleId } from './role';

/**
 * A system notice (rendszerüzenet) agents must read at login: a changed procedure, an outage, a new tariff.
 * `audienceRoleIds` names the roles it is for (empty: everyone); a `mandatory` one must be acknowledged before
 * the agent takes a call. It shows until `validUntil` (for ever without one).
 * @category Agents
 */
export const Notice = z.object({
  id: EntityId,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  audienceRoleIds: z.array(RoleId).max(50),
  mandatory: z.boolean(),
  publishedAt: Instant,
  publishedBy: z.string().min(1).max(200),
  validUntil: Instant.optional(),
});
/** @category Agents */
export type Notice = z.output<typeof Notice>;

/** The audience key of everyone. */
export const EVERYONE = '*';
/** The end key of a notice without an end: after every real instant. */
const FOREVER = '9999-12-31T23:59:59.999Z';

/** `role|validUntil` — the audience index key, so a query ranges over the still-valid notices of a role. */
export function audienceKey(role: string, validUntil: Date | undefined): string {
  return `${role}|${validUntil ? validUntil.toISOString() : FOREVER}`;
}

/**
 * The `notices` collection; index `audience` (multi-entry `role|validUntil`, `*` for everyone), so the notices
 * of an agent's roles that are still valid are one range query per role.
 * @category Agents
 */
export const NoticeCollection = defineCollection<Notice>({
  name: 'notices',
  schema: Notice,
  indexes: {
    audience: {
      key: (n) =>
        (n.audienceRoleIds.length > 0 ? n.audienceRoleIds : [EVERYONE]).map((r) =>
          audienceKey(r, n.validUntil),
        ),
    },
  },
});

/**
 * That an agent read a notice, and when. One per notice and agent (the id is `noticeId|agentId`).
 * @category Agents
 */
export const NoticeAcknowledgement = z.object({
  id: z.string().min(3).max(201),
  noticeId: EntityId,
  agentId: EntityId,
  at: Instant,
});
/** @category Agents */
export type NoticeAcknowledgement = z.output<typeof NoticeAcknowledgement>;

/** The id of an agent's acknowledgement of a notice (`|` is outside the id alphabet, so it cannot collide). */
export function acknowledgementId(noticeId: string, agentId: string): string {
  return `${noticeId}|${agentId}`;
}

/**
 * The `notice_acknowledgements` collection; index `agent_at` (`agentId|at`): an agent's acknowledgements
 * since a given instant.
 * @category Agents
 */
export const NoticeAcknowledgementCollection = defineCollection<NoticeAcknowledgement>({
  name: 'notice_acknowledgements',
  schema: NoticeAcknowledgement,
  indexes: {
    agent_at: { key: (a) => `${a.agentId}|${a.at.toISOString()}` },
  },
});
