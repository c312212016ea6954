import type { Actor, CollectionDefinition, FixedClock, Store } from '@frontline/core';
import { createSequentialIds, Permissions } from '@frontline/core';
import { type AgentService, createAgentService } from '@frontline/core/service-desk';
import {
  AgentCollection,
  AgentSessionCollection,
  NoticeAcknowledgementCollection,
  NoticeCollection,
  RoleCollection,
} from '@frontline/core/storage';
import { expect } from './runner';
import type { RawInspector, StoreConformanceOptions } from './store-conformance-options';
import { snapshotCollections, suiteCase } from './suite-harness';

/**
 * Marks the promises in a list (or in the first slot of list entries) as handled, so a call list built up
 * front and awaited one by one raises no "unhandled rejection" while an earlier entry is still awaited.
 */
export function quiet<T extends readonly unknown[]>(items: T): T {
  for (const item of items) {
    const p = Array.isArray(item) ? item[0] : item;
    if (p instanceof Promise) p.catch(() => undefined);
  }
  return items;
}

/**
 * What the agent suite needs from an adapter — the same shape as {@link StoreConformanceOptions}.
 * @category Testing
 */
export type AgentSuiteOptions = Pick<StoreConformanceOptions, 'name' | 'createStore' | 'dispose' | 'raw'>;

/** Awaits `promise` and expects it to fail with a `FrontlineError` of `code` (the one helper of the suites). */
export { expectFrontlineError as expectCode } from './interactions-suite';

const collections = [
  AgentCollection,
  RoleCollection,
  AgentSessionCollection,
  NoticeCollection,
  NoticeAcknowledgementCollection,
] as unknown as CollectionDefinition<{ id: string }>[];

export interface AgentSuiteContext {
  store: Store;
  clock: FixedClock;
  raw: RawInspector | undefined;
  agents: AgentService;
  unchanged: () => Promise<() => Promise<void>>;
  /** Creates an agent (as the admin) and returns the actor it acts as. */
  hire: (id: string, roleIds: string[]) => Promise<Actor>;
}

export const admin: Actor = {
  id: 'admin-1',
  roles: ['admin'],
  permissions: [Permissions.agentManage, Permissions.agentControlSessions, Permissions.noticePublish],
};
export const nobody: Actor = { id: 'nobody', roles: [], permissions: [] };
export const minute = 60_000;

/** Registers one agent-suite case on a fresh store with the agent service and its helpers. */
export function agentCase(options: AgentSuiteOptions) {
  return (title: string, body: (ctx: AgentSuiteContext) => Promise<void>) =>
    suiteCase(
      options,
      undefined,
      title,
      '2026-03-02T08:00:00.000Z',
      async ({ store, clock, raw }) => {
        const agents = createAgentService({ store, clock, ids: createSequentialIds('g') });
        const unchanged = async () => {
          const before = await snapshotCollections(store, collections, raw);
          return async () => expect(await snapshotCollections(store, collections, raw)).toEqual(before);
        };
        const hire = async (id: string, roleIds: string[]) => {
          await agents.createAgent({
            actor: admin,
            id,
            name: `Agent ${id}`,
            email: `${id}@example.hu`,
            roleIds,
          });
          return agents.actorForAgent({ agentId: id });
        };
        return { store, clock, raw, agents, unchanged, hire };
      },
      body,
    );
}
