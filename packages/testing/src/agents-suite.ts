import { Permissions } from '@frontline/core';
import { timeInStates } from '@frontline/core/service-desk';
import { AgentCollection, AgentSessionCollection } from '@frontline/core/storage';
import { runAgentAccessSuite } from './agents-suite-access';
import {
  type AgentSuiteOptions,
  admin,
  agentCase,
  expectCode,
  minute,
  nobody,
} from './agents-suite-fixtures';
import { describe, expect } from './runner';

export type { AgentSuiteOptions } from './agents-suite-fixtures';

/**
 * The agent-service suite: registers vitest tests that run the agent service (CS-6) on an adapter — agents
 * and roles, the actor built from them, sessions moved through the state machine with timestamped state
 * logs that total up per state, mandatory notices read at login — and its failures (unknown agent, missing
 * permission, invalid transition, duplicate e-mail), each checked to leave every row, the audit chain and the
 * outbox as they were.
 * @example
 * import { runAgentSuite } from '@frontline/testing';
 * runAgentSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runAgentSuite(options: AgentSuiteOptions): void {
  const test = agentCase(options);
  describe(`agent service: ${options.name}`, () => {
    test('creates agents with built-in and host roles and builds the actor they act as', async (ctx) => {
      const { agents, store, raw, unchanged } = ctx;
      const role = await agents.defineRole({
        actor: admin,
        id: 'night_lead',
        name: 'Night lead',
        permissions: [Permissions.ticketSupervise, 'night.shift_report'],
      });
      expect([role.version, role.role.builtIn, role.events[0]?.type]).toEqual([1, false, 'role.defined.v1']);
      const created = await agents.createAgent({
        actor: admin,
        id: 'agent-1',
        name: 'Nagy Péter',
        email: 'Peter.Nagy@Example.HU',
        roleIds: ['operator_l1', 'night_lead'],
      });
      expect(created.agent).toMatchObject({ id: 'agent-1', email: 'Peter.Nagy@example.hu', active: true });
      expect(created.events).toEqual([
        {
          type: 'agent.created.v1',
          entityType: 'agent',
          entityId: 'agent-1',
          payload: { roleIds: ['operator_l1', 'night_lead'], active: true },
        },
      ]);
      if (raw) expect((await raw.readEntity('agents', 'agent-1'))?.version).toBe(1);
      const actor = await agents.actorForAgent({ agentId: 'agent-1' });
      expect(actor.roles).toEqual(['operator_l1', 'night_lead']);
      expect(actor.permissions).toEqual(
        expect.arrayContaining([
          Permissions.customerWrite,
          Permissions.ticketSupervise,
          'night.shift_report',
        ]),
      );
      expect(actor.permissions).not.toContain(Permissions.customerReadPersonal);
      expect((await agents.listRoles({ actor })).map((r) => r.id)).toEqual([
        'operator_l1',
        'specialist_l2',
        'supervisor',
        'records_officer',
        'admin',
        'night_lead',
      ]);
      const changed = await agents.defineRole({
        actor: admin,
        id: 'night_lead',
        name: 'Night lead',
        permissions: ['night.shift_report'],
        expectedVersion: 1,
      });
      expect(changed.version).toBe(2);
      expect((await agents.actorForAgent({ agentId: 'agent-1' })).permissions).not.toContain(
        Permissions.ticketSupervise,
      );
      expect(await store.repository(AgentCollection).count({ index: 'role', equals: 'night_lead' })).toBe(1);
      const check = await unchanged();
      await expectCode(
        agents.createAgent({
          actor: admin,
          name: 'Someone Else',
          email: 'peter.nagy@example.hu',
          roleIds: ['operator_l1'],
        }),
        'CONFLICT',
      );
      const unknownRole = await expectCode(
        agents.createAgent({
          actor: admin,
          name: 'X',
          email: 'x@example.hu',
          roleIds: ['operator_l1', 'ghost'],
        }),
        'VALIDATION',
      );
      expect(unknownRole.details.issues).toEqual([expect.objectContaining({ path: ['roleIds', 1] })]);
      await expectCode(
        agents.defineRole({ actor: admin, id: 'supervisor', name: 'Mine', permissions: [] }),
        'CONFLICT',
      );
      await expectCode(
        agents.defineRole({
          actor: admin,
          id: 'night_lead',
          name: 'Stale',
          permissions: [],
          expectedVersion: 1,
        }),
        'CONFLICT',
      );
      await check();
    });

    test('logs an active agent in once, into available, with the notices it must read', async (ctx) => {
      const { agents, store, unchanged, hire } = ctx;
      const actor = await hire('agent-1', ['operator_l1']);
      const { session, version, pendingNotices, events } = await agents.login({ actor, agentId: 'agent-1' });
      expect(session).toMatchObject({
        agentId: 'agent-1',
        state: 'available',
        loginAt: new Date('2026-03-02T08:00:00.000Z'),
        log: [{ state: 'available', at: new Date('2026-03-02T08:00:00.000Z'), command: 'login' }],
        unreadMandatoryNotices: [],
      });
      expect([version, pendingNotices, events.map((e) => e.type)]).toEqual([1, [], ['agent.logged_in.v1']]);
      expect((await agents.getCurrentSession({ actor, agentId: 'agent-1' }))?.session.id).toBe(session.id);
      expect(
        await store.repository(AgentSessionCollection).count({ index: 'open_agent', equals: 'agent-1' }),
      ).toBe(1);
      const check = await unchanged();
      const again = await expectCode(agents.login({ actor, agentId: 'agent-1' }), 'INVALID_TRANSITION');
      expect(again.details).toMatchObject({ state: 'available', command: 'login' });
      await expectCode(agents.login({ actor: admin, agentId: 'agent-1' }), 'FORBIDDEN');
      await expectCode(agents.login({ actor: { ...nobody, id: 'ghost' }, agentId: 'ghost' }), 'NOT_FOUND');
      await check();
      const other = await hire('agent-2', ['operator_l1']);
      await agents.updateAgent({
        actor: admin,
        agentId: 'agent-2',
        expectedVersion: 1,
        changes: { active: false },
      });
      const check2 = await unchanged();
      await expectCode(agents.login({ actor: other, agentId: 'agent-2' }), 'FORBIDDEN');
      await expectCode(agents.actorForAgent({ agentId: 'agent-2' }), 'FORBIDDEN');
      await check2();
    });

    test('moves a session through the state machine, timestamping each change, and totals time per state', async (ctx) => {
      const { agents, clock, unchanged, hire } = ctx;
      const actor = await hire('agent-1', ['operator_l1']);
      await agents.login({ actor, agentId: 'agent-1' });
      const step = async (
        minutes: number,
        command: 'take_call' | 'end_call' | 'end_wrap_up' | 'start_break' | 'end_break',
      ) => {
        clock.advance(minutes * minute);
        return agents.changeAgentState({ actor, agentId: 'agent-1', command });
      };
      const onCall = await step(5, 'take_call');
      expect([onCall.session.state, onCall.events[0]?.type, onCall.events[0]?.payload]).toEqual([
        'on_call',
        'agent.state_changed.v1',
        { sessionId: onCall.session.id, from: 'available', to: 'on_call', command: 'take_call' },
      ]);
      const check = await unchanged();
      const refused = await expectCode(agents.logout({ actor, agentId: 'agent-1' }), 'INVALID_TRANSITION');
      expect(refused.details).toMatchObject({
        machine: 'agent_session',
        state: 'on_call',
        command: 'logout',
      });
      await check();
      await step(15, 'end_call');
      await step(5, 'end_wrap_up');
      await step(35, 'start_break');
      const check2 = await unchanged();
      const noCall = await expectCode(
        agents.changeAgentState({ actor, agentId: 'agent-1', command: 'take_call' }),
        'INVALID_TRANSITION',
      );
      expect(noCall.details).toMatchObject({
        machine: 'agent_session',
        state: 'break',
        command: 'take_call',
      });
      await check2();
      await step(15, 'end_break');
      clock.advance(45 * minute);
      const out = await agents.logout({ actor, agentId: 'agent-1' });
      expect(out.session).toMatchObject({
        state: 'logged_out',
        logoutAt: new Date('2026-03-02T10:00:00.000Z'),
      });
      expect(out.events.map((e) => e.type)).toEqual(['agent.logged_out.v1']);
      expect(out.session.log.map((c) => c.state)).toEqual([
        'available',
        'on_call',
        'wrap_up',
        'available',
        'break',
        'available',
        'logged_out',
      ]);
      expect(await agents.getCurrentSession({ actor, agentId: 'agent-1' })).toBeNull();
      const check3 = await unchanged();
      await expectCode(agents.logout({ actor, agentId: 'agent-1' }), 'INVALID_TRANSITION');
      await check3();
      // a second session the same day; the state log of the period gathers both
      clock.set('2026-03-02T12:00:00.000Z');
      await agents.login({ actor, agentId: 'agent-1' });
      clock.advance(30 * minute);
      await agents.logout({ actor, agentId: 'agent-1' });
      const period = { from: new Date('2026-03-02T07:00:00.000Z'), to: new Date('2026-03-02T13:00:00.000Z') };
      const log = await agents.getStateLog({ actor, agentId: 'agent-1', ...period });
      expect(log).toHaveLength(9);
      expect(timeInStates(log, period)).toEqual({
        logged_out: 210 * minute,
        available: 115 * minute,
        on_call: 15 * minute,
        wrap_up: 5 * minute,
        break: 15 * minute,
      });
      const later = await agents.getStateLog({
        actor,
        agentId: 'agent-1',
        from: new Date('2026-03-02T11:00:00.000Z'),
        to: period.to,
      });
      expect(later.map((c) => c.command)).toEqual(['login', 'logout']);
    });

    test('holds calls until the mandatory notices of the agent’s roles are acknowledged', async (ctx) => {
      const { agents, clock, unchanged, hire } = ctx;
      const actor = await hire('agent-1', ['operator_l1']);
      const lead = await hire('lead-1', ['supervisor']);
      const publish = (title: string, extra: Record<string, unknown>) =>
        agents.publishNotice({ actor: lead, title, body: `${title} — details`, ...extra });
      const outage = await publish('Billing system outage', { mandatory: true });
      const tariff = await publish('New tariff from 1 April', { audienceRoleIds: ['operator_l1'] });
      await publish('Supervisor meeting', { audienceRoleIds: ['supervisor'], mandatory: true });
      await publish('Short-lived', { validUntil: new Date('2026-03-02T08:30:00.000Z') });
      expect(outage.notice).toMatchObject({ publishedBy: 'lead-1', audienceRoleIds: [], mandatory: true });
      expect(outage.events[0]).toMatchObject({ type: 'notice.published.v1', entityType: 'notice' });
      clock.advance(60 * minute);
      const login = await agents.login({ actor, agentId: 'agent-1' });
      expect(login.pendingNotices.map((n) => n.title)).toEqual([
        'Billing system outage',
        'New tariff from 1 April',
      ]);
      expect(login.session.unreadMandatoryNotices).toEqual([outage.notice.id]);
      const check = await unchanged();
      const held = await expectCode(
        agents.changeAgentState({ actor, agentId: 'agent-1', command: 'take_call' }),
        'INVALID_TRANSITION',
      );
      expect(held.details).toMatchObject({
        failedGuards: [expect.stringMatching(/^mandatory_notices_read: /)],
        context: { unreadMandatoryNotices: 1 },
      });
      await check();
      clock.advance(2 * minute);
      const ack = await agents.acknowledgeNotice({ actor, noticeId: outage.notice.id });
      expect(ack.acknowledgement).toMatchObject({
        noticeId: outage.notice.id,
        agentId: 'agent-1',
        at: new Date('2026-03-02T09:02:00.000Z'),
      });
      expect(ack.events.map((e) => e.type)).toEqual(['notice.acknowledged.v1']);
      clock.advance(minute);
      const again = await agents.acknowledgeNotice({ actor, noticeId: outage.notice.id });
      expect([again.acknowledgement.at, again.events]).toEqual([new Date('2026-03-02T09:02:00.000Z'), []]);
      expect((await agents.pendingNotices({ actor, agentId: 'agent-1' })).map((n) => n.id)).toEqual([
        tariff.notice.id,
      ]);
      expect((await agents.pendingNotices({ actor: lead, agentId: 'agent-1' })).length).toBe(1);
      const onCall = await agents.changeAgentState({ actor, agentId: 'agent-1', command: 'take_call' });
      expect(onCall.session.state).toBe('on_call');
      const check2 = await unchanged();
      await expectCode(agents.acknowledgeNotice({ actor, noticeId: 'no-such-notice' }), 'NOT_FOUND');
      await expectCode(agents.pendingNotices({ actor, agentId: 'lead-1' }), 'FORBIDDEN');
      await expectCode(agents.publishNotice({ actor, title: 'Hi', body: 'Hello' }), 'FORBIDDEN');
      const badAudience = await expectCode(
        agents.publishNotice({ actor: lead, title: 'Hi', body: 'Hello', audienceRoleIds: ['ghost'] }),
        'VALIDATION',
      );
      expect(badAudience.details.issues).toEqual([expect.objectContaining({ path: ['audienceRoleIds', 0] })]);
      await expectCode(
        agents.publishNotice({ actor: lead, title: 'Hi', body: 'Hello', validUntil: '2026-03-01T00:00:00Z' }),
        'VALIDATION',
      );
      await check2();
    });

    test('lets a supervisor end another agent’s session but not a plain operator', async (ctx) => {
      const { agents, unchanged, hire } = ctx;
      const actor = await hire('agent-1', ['operator_l1']);
      const peer = await hire('agent-2', ['operator_l1']);
      const lead = await hire('lead-1', ['supervisor']);
      await agents.login({ actor, agentId: 'agent-1' });
      await agents.changeAgentState({ actor, agentId: 'agent-1', command: 'start_break' });
      const check = await unchanged();
      const refused = await expectCode(agents.logout({ actor: peer, agentId: 'agent-1' }), 'FORBIDDEN');
      expect(refused.details).toMatchObject({ permission: Permissions.agentControlSessions });
      await expectCode(agents.getCurrentSession({ actor: peer, agentId: 'agent-1' }), 'FORBIDDEN');
      await expectCode(agents.getAgent({ actor: peer, agentId: 'agent-1' }), 'FORBIDDEN');
      await check();
      const forced = await agents.logout({ actor: lead, agentId: 'agent-1' });
      expect(forced.session.state).toBe('logged_out');
      expect((await agents.getAgent({ actor, agentId: 'agent-1' })).agent.id).toBe('agent-1');
    });

    test('deactivating an agent logs out its open session, but not in the middle of a call', async (ctx) => {
      const { agents, unchanged, hire } = ctx;
      const actor = await hire('agent-1', ['operator_l1']);
      await agents.login({ actor, agentId: 'agent-1' });
      await agents.changeAgentState({ actor, agentId: 'agent-1', command: 'take_call' });
      const check = await unchanged();
      await expectCode(
        agents.updateAgent({
          actor: admin,
          agentId: 'agent-1',
          expectedVersion: 1,
          changes: { active: false },
        }),
        'INVALID_TRANSITION',
      );
      await check();
      await agents.changeAgentState({ actor: admin, agentId: 'agent-1', command: 'end_call' });
      const done = await agents.updateAgent({
        actor: admin,
        agentId: 'agent-1',
        expectedVersion: 1,
        changes: { active: false, name: 'Agent One' },
      });
      expect(done.version).toBe(2);
      expect(done.events.map((e) => [e.type, e.payload])).toEqual([
        ['agent.updated.v1', { fields: ['active', 'name'] }],
        [
          'agent.logged_out.v1',
          expect.objectContaining({ from: 'wrap_up', to: 'logged_out', command: 'logout' }),
        ],
      ]);
      expect(await agents.getCurrentSession({ actor: admin, agentId: 'agent-1' })).toBeNull();
    });
  });
  runAgentAccessSuite(options);
}
