import type { Actor } from '@frontline/core';
import { FrontlineError, Permissions } from '@frontline/core';
import { type AgentSuiteOptions, admin, agentCase, expectCode, nobody, quiet } from './agents-suite-fixtures';
import { describe, expect } from './runner';

/** The agent suite's refusals and reads: unknown ids, permissions, masking, unknown keys, garbage. */
export function runAgentAccessSuite(options: AgentSuiteOptions): void {
  const test = agentCase(options);
  describe(`agent service, access and reads: ${options.name}`, () => {
    test('refuses unknown agents as NOT_FOUND and missing permissions as FORBIDDEN, storing nothing', async (ctx) => {
      const { agents, unchanged, hire } = ctx;
      const actor = await hire('agent-1', ['operator_l1']);
      const check = await unchanged();
      const agentId = 'no-such-agent';
      for (const call of quiet([
        agents.getAgent({ actor: admin, agentId }),
        agents.updateAgent({ actor: admin, agentId, expectedVersion: 1, changes: { name: 'X' } }),
        agents.actorForAgent({ agentId }),
        agents.pendingNotices({ actor: admin, agentId }),
        agents.acknowledgeNotice({ actor: { ...nobody, id: agentId }, noticeId: 'n' }),
      ])) {
        const error = await expectCode(call, 'NOT_FOUND');
        expect(error.details).toMatchObject({ entity: 'agents', id: agentId });
      }
      for (const [call, permission] of quiet([
        [
          agents.createAgent({ actor, name: 'X', email: 'x@example.hu', roleIds: [] }),
          Permissions.agentManage,
        ],
        [
          agents.updateAgent({
            actor,
            agentId: 'agent-1',
            expectedVersion: 1,
            changes: { roleIds: ['admin'] },
          }),
          Permissions.agentManage,
        ],
        [agents.defineRole({ actor, id: 'mine', name: 'Mine', permissions: [] }), Permissions.agentManage],
        [agents.publishNotice({ actor: nobody, title: 'Hi', body: 'Hello' }), Permissions.noticePublish],
        [
          agents.changeAgentState({ actor: nobody, agentId: 'agent-1', command: 'start_break' }),
          Permissions.agentControlSessions,
        ],
      ] as const)) {
        const error = await expectCode(call, 'FORBIDDEN');
        expect(error.details).toMatchObject({ permission });
      }
      await check();
    });

    test('turns garbage input to every method into a FrontlineError, storing nothing', async (ctx) => {
      const { agents, unchanged, hire } = ctx;
      await hire('agent-1', ['operator_l1']);
      const check = await unchanged();
      const garbage: unknown[] = [
        undefined,
        null,
        0,
        Number.NaN,
        '',
        'agent',
        [],
        {},
        { actor: null },
        { actor: admin, agentId: 42 },
        { actor: { id: '', permissions: 'all' }, agentId: 'agent-1' },
        { actor: admin, agentId: 'agent-1', expectedVersion: 0, changes: [] },
        { actor: admin, agentId: 'agent-1', command: 'dance' },
        { actor: admin, title: '', body: '', audienceRoleIds: 'all' },
        { agentId: '../../etc/passwd' },
        Object.create(null),
        new Date(Number.NaN),
      ];
      const methods = Object.entries(agents) as [string, (input: unknown) => Promise<unknown>][];
      for (const [name, method] of methods) {
        for (const [i, input] of garbage.entries()) {
          try {
            await method(input); // a query may accept some of it; a command must not store anything
          } catch (error) {
            expect(FrontlineError.is(error), `${name}(garbage #${i}) threw ${String(error)}`).toBe(true);
          }
        }
      }
      await check();
    });

    test('masks an agent’s e-mail for a supervisor, not for agent.manage or the agent itself', async (ctx) => {
      const { agents, hire } = ctx;
      const self = await hire('agent-1', ['operator_l1']);
      const lead: Actor = { id: 'lead-1', roles: [], permissions: [Permissions.agentControlSessions] };
      expect((await agents.getAgent({ actor: admin, agentId: 'agent-1' })).agent.email).toBe(
        'agent-1@example.hu',
      );
      expect((await agents.getAgent({ actor: self, agentId: 'agent-1' })).agent.email).toBe(
        'agent-1@example.hu',
      );
      const seen = await agents.getAgent({ actor: lead, agentId: 'agent-1' });
      expect(seen.agent).toMatchObject({ id: 'agent-1', email: 'a***@example.hu', name: 'Agent agent-1' });
      const other = await hire('agent-2', ['operator_l1']);
      await expectCode(agents.getAgent({ actor: other, agentId: 'agent-1' }), 'FORBIDDEN');
    });

    test('refuses unknown keys in the input of every method, storing nothing', async (ctx) => {
      const { agents, unchanged, hire } = ctx;
      const self = await hire('agent-1', ['operator_l1']);
      const check = await unchanged();
      const extra = { unexpected: true };
      for (const call of quiet([
        agents.createAgent({ actor: admin, name: 'X', email: 'x@example.hu', roleIds: [], ...extra }),
        agents.updateAgent({ actor: admin, agentId: 'agent-1', expectedVersion: 1, changes: {}, ...extra }),
        agents.getAgent({ actor: admin, agentId: 'agent-1', ...extra }),
        agents.defineRole({ actor: admin, id: 'mine', name: 'Mine', permissions: [], ...extra }),
        agents.listRoles({ actor: admin, ...extra }),
        agents.actorForAgent({ agentId: 'agent-1', ...extra }),
        agents.login({ actor: self, agentId: 'agent-1', ...extra }),
        agents.changeAgentState({ actor: self, agentId: 'agent-1', command: 'start_break', ...extra }),
        agents.logout({ actor: self, agentId: 'agent-1', ...extra }),
        agents.getCurrentSession({ actor: self, agentId: 'agent-1', ...extra }),
        agents.getStateLog({ actor: self, agentId: 'agent-1', from: new Date(0), to: new Date(1), ...extra }),
        agents.publishNotice({ actor: admin, title: 'T', body: 'B', ...extra }),
        agents.pendingNotices({ actor: self, agentId: 'agent-1', ...extra }),
        agents.acknowledgeNotice({ actor: self, noticeId: 'n-1', ...extra }),
      ] as Promise<unknown>[])) {
        const error = await expectCode(call, 'VALIDATION');
        expect(JSON.stringify(error.details)).toContain('unexpected');
      }
      await check();
    });
  });
}
