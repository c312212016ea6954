import { z } from 'zod';
import { Permission } from '../kernel/actor';
import { Instant } from '../kernel/instant';
import { defineCollection } from '../ports/storage';
import { type KnownPermission, Permissions } from './permissions';

/**
 * A role id: lower-case letters, digits and `_` (`operator_l1`, `night_shift_lead`).
 * @category Agents
 */
export const RoleId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'A role id is lower-case letters, digits and "_", e.g. "operator_l1"');
/** @category Agents */
export type RoleId = z.infer<typeof RoleId>;

/**
 * A role: a named set of permissions, as data. The built-in ones are {@link BuiltInRoles}; a host adds its
 * own with `defineRole` (stored in {@link RoleCollection}).
 * @category Agents
 */
export const Role = z.object({
  id: RoleId,
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(1000).optional(),
  permissions: z.array(Permission).max(200),
  /** True for the SDK's own roles, which cannot be redefined. */
  builtIn: z.boolean().default(false),
  createdAt: Instant.optional(),
  updatedAt: Instant.optional(),
});
/** @category Agents */
export type Role = z.output<typeof Role>;
/** @category Agents */
export type RoleInput = z.input<typeof Role>;

const P = Permissions;
const l1: KnownPermission[] = [
  P.customerRead,
  P.customerWrite,
  P.consentWrite,
  P.interactionWrite,
  P.ticketWrite,
  P.ticketEscalate,
  P.complaintWrite,
  P.knowledgeRead,
];
const l2: KnownPermission[] = [...l1, P.customerReadPersonal, P.ticketWorkL2, P.knowledgeWrite];

/**
 * The roles Frontline ships, mapped to the {@link Permissions} catalogue:
 *
 * - `operator_l1` — first-level operator (első szintű ügyintéző): takes contacts, registers customers and
 *   consents, opens and escalates tickets, takes complaints, searches the knowledge base; sees personal fields
 *   masked.
 * - `specialist_l2` — second-level specialist (szakügyintéző): all of L1, plus unmasked personal data,
 *   escalated tickets and knowledge-base drafts.
 * - `supervisor` — team lead (csoportvezető): all of L2, plus closing tickets, publishing articles and
 *   notices, approving compensation and controlling agents' sessions.
 * - `records_officer` — data-protection and records officer (adatvédelmi és iratkezelési felelős):
 *   data-subject export and erasure, registry and disposal.
 * - `admin` — system administrator: agents, roles, notices and sessions; customers only masked (separation
 *   of duties: whoever grants permissions is not the one reading personal data).
 * @category Agents
 */
export const BuiltInRoles: readonly Role[] = Object.freeze(
  [
    { id: 'operator_l1', name: 'Operator (L1)', permissions: l1 },
    { id: 'specialist_l2', name: 'Specialist (L2)', permissions: l2 },
    {
      id: 'supervisor',
      name: 'Supervisor',
      permissions: [
        ...l2,
        P.ticketSupervise,
        P.knowledgePublish,
        P.complaintApprove,
        P.noticePublish,
        P.agentControlSessions,
      ],
    },
    {
      id: 'records_officer',
      name: 'Records officer',
      permissions: [
        P.customerRead,
        P.customerReadPersonal,
        P.customerExport,
        P.customerErase,
        P.recordsManage,
      ],
    },
    {
      id: 'admin',
      name: 'Administrator',
      permissions: [P.agentManage, P.agentControlSessions, P.noticePublish, P.customerRead],
    },
  ].map((role) => Object.freeze(Role.parse({ ...role, builtIn: true }))),
);

/**
 * The `roles` collection: the roles a host defined (the built-in ones are not stored).
 * @category Agents
 */
export const RoleCollection = defineCollection<Role>({ name: 'roles', schema: Role });
