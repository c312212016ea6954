import { FrontlineError, type InvalidTransitionError } from '@frontline/core';
import {
  AgentSessionTransitions,
  AgentState,
  availableSessionCommands,
  nextAgentState,
  SessionCommand,
} from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('agent session state machine', () => {
  it('walks a working day: login, call, wrap-up, break, logout', () => {
    let state: AgentState = 'logged_out';
    for (const [command, expected] of [
      ['login', 'available'],
      ['take_call', 'on_call'],
      ['end_call', 'wrap_up'],
      ['end_wrap_up', 'available'],
      ['start_break', 'break'],
      ['end_break', 'available'],
      ['take_call', 'on_call'],
      ['end_call', 'wrap_up'],
      ['logout', 'logged_out'],
    ] as const) {
      state = nextAgentState(state, command);
      expect(state).toBe(expected);
    }
  });

  it('refuses a command the table lacks with an InvalidTransitionError naming state and command', () => {
    let caught: unknown;
    try {
      nextAgentState('on_call', 'logout');
    } catch (error) {
      caught = error;
    }
    expect(FrontlineError.is(caught, 'INVALID_TRANSITION')).toBe(true);
    expect((caught as InvalidTransitionError).details).toEqual({
      machine: 'agent_session',
      state: 'on_call',
      command: 'logout',
    });
    expect(() => nextAgentState('available', 'login')).toThrow(/"login" is not allowed in state "available"/);
  });

  it('refuses a call while mandatory notices are unread, naming the guard', () => {
    expect(() => nextAgentState('available', 'take_call', { unreadMandatoryNotices: 2 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        details: expect.objectContaining({
          failedGuards: [expect.stringMatching(/^mandatory_notices_read: /)],
        }),
      }),
    );
    expect(availableSessionCommands('available', { unreadMandatoryNotices: 1 })).toEqual([
      'start_break',
      'logout',
    ]);
    expect(availableSessionCommands('available')).toEqual(['take_call', 'start_break', 'logout']);
    expect(availableSessionCommands('wrap_up')).toEqual(['end_wrap_up', 'start_break', 'logout']);
    expect(availableSessionCommands('on_call')).toEqual(['end_call']);
  });

  it('is a total table: one row at most per state and command, every state reachable', () => {
    const keys = AgentSessionTransitions.map((t) => `${t.from}:${t.command}`);
    expect(new Set(keys).size).toBe(keys.length);
    const reached = new Set<string>(['logged_out']);
    for (let i = 0; i < 5; i++)
      for (const t of AgentSessionTransitions) if (reached.has(t.from)) reached.add(t.to);
    expect([...reached].sort()).toEqual([...AgentState.options].sort());
  });

  it('never reaches an undefined state under random command sequences', () => {
    const command = fc.constantFrom(...SessionCommand.options);
    const unread = fc.integer({ min: 0, max: 2 });
    fc.assert(
      fc.property(fc.array(fc.tuple(command, unread), { maxLength: 60 }), (steps) => {
        let state: AgentState = 'logged_out';
        for (const [c, n] of steps) {
          const row = AgentSessionTransitions.find((t) => t.from === state && t.command === c);
          const allowed = row !== undefined && (row.guards.length === 0 || n === 0);
          try {
            const next = nextAgentState(state, c, { unreadMandatoryNotices: n });
            expect(allowed).toBe(true);
            expect(next).toBe(row?.to);
            state = next;
          } catch (error) {
            expect(allowed).toBe(false);
            expect(FrontlineError.is(error, 'INVALID_TRANSITION')).toBe(true);
          }
          expect(AgentState.options).toContain(state);
        }
      }),
    );
  });

  it('always lets an agent get back to logged_out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AgentState.options), (start) => {
        let state: AgentState = start;
        for (let i = 0; i < 4 && state !== 'logged_out'; i++) {
          const commands = availableSessionCommands(state);
          state = nextAgentState(state, commands.includes('logout') ? 'logout' : commands[0]!);
        }
        expect(state).toBe('logged_out');
      }),
    );
  });

  it('turns garbage into a FrontlineError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (s, c, ctx) => {
        for (const call of [
          () => nextAgentState(s as AgentState, c as SessionCommand, ctx as never),
          () => availableSessionCommands(s as AgentState, ctx as never),
        ]) {
          try {
            call();
          } catch (error) {
            expect(FrontlineError.is(error)).toBe(true);
          }
        }
      }),
    );
  });
});
