import { z } from 'zod';
import { EmailAddress } from '../kernel/email';
import { EntityId } from '../kernel/id';
import { Instant } from '../kernel/instant';
import { defineCollection } from '../ports/storage';
import { RoleId } from './role';

/**
 * An agent (ügyintéző): a person who works customer contacts, with the roles that grant their permissions.
 * An inactive agent cannot log in or act.
 * @category Agents
 */
export const Agent = z.object({
  id: EntityId,
  name: z.string().trim().min(1).max(200),
  email: EmailAddress,
  roleIds: z
    .array(RoleId)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'Role ids repeat'),
  active: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
/** @category Agents */
export type Agent = z.output<typeof Agent>;
/** @category Agents */
export type AgentInput = z.input<typeof Agent>;

/**
 * The `agents` collection; indexes `email` (unique, lower-cased: one account per address) and `role`
 * (multi-entry: who holds a role).
 * @category Agents
 */
export const AgentCollection = defineCollection<Agent>({
  name: 'agents',
  schema: Agent,
  indexes: {
    email: { key: (a) => a.email.toLowerCase(), unique: true },
    role: { key: (a) => a.roleIds },
  },
});
