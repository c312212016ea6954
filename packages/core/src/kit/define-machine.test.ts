import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agentSessionMachine } from '../agents/session-machine';
import { complaintMachine } from '../complaints/complaint-machine';
import { consentMachine } from '../customers/consent-machine';
import { FrontlineError } from '../errors/frontline-error';
import { knowledgeArticleMachine } from '../knowledge/article-machine';
import { ticketMachine } from '../tickets/ticket-machine';
import { defineMachine } from './define-machine';

const door = () =>
  defineMachine({
    name: 'door',
    states: z.enum(['open', 'closed', 'locked']),
    commands: z.enum(['open', 'close', 'lock', 'unlock']),
    context: z.object({ hasKey: z.boolean() }),
    guards: { has_key: { description: 'the actor holds the key', test: (c) => c.hasKey } },
    transitions: [
      { from: 'closed', command: 'open', to: 'open', guards: [], permission: null },
      { from: 'open', command: 'close', to: 'closed', guards: [], permission: null },
      { from: 'closed', command: 'lock', to: 'locked', guards: ['has_key'], permission: 'door.lock' },
      { from: 'locked', command: 'unlock', to: 'closed', guards: ['has_key'], permission: 'door.lock' },
    ],
  });

describe('defineMachine', () => {
  it('picks the row whose guards hold and names the failed guards otherwise', () => {
    const m = door();
    expect(m.decide('closed', 'lock', { hasKey: true }).to).toBe('locked');
    expect(() => m.decide('closed', 'lock', { hasKey: false })).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        details: expect.objectContaining({
          machine: 'door',
          state: 'closed',
          command: 'lock',
          failedGuards: ['has_key: the actor holds the key'],
        }),
      }),
    );
    expect(m.available('closed', { hasKey: false })).toEqual(['open']);
    expect(m.can('open', 'lock', { hasKey: true })).toBe(false);
  });

  it('refuses a table naming an unknown state, command or guard when it is defined', () => {
    expect(() =>
      defineMachine({
        name: 'bad',
        states: z.enum(['a']),
        commands: z.enum(['go']),
        context: z.object({}),
        guards: {},
        transitions: [
          { from: 'a', command: 'go', to: 'b' as 'a', guards: ['nope' as never], permission: null },
        ],
      }),
    ).toThrow(/unknown state "b".*unknown guard "nope"/);
  });

  it('describes itself as plain JSON and as a Mermaid diagram', () => {
    const m = door();
    const description = m.describe();
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    expect(description.guards).toEqual([{ name: 'has_key', description: 'the actor holds the key' }]);
    expect(m.toMermaid()).toContain('closed --> locked : lock [has_key] (door.lock)');
  });

  it('runs every Frontline machine: decide agrees with its table for any state, command and context (property)', () => {
    const machines = [
      ticketMachine,
      complaintMachine,
      agentSessionMachine,
      knowledgeArticleMachine,
      consentMachine,
    ] as const;
    for (const machine of machines) {
      const anyMachine = machine as unknown as ReturnType<typeof door>;
      fc.assert(
        fc.property(
          fc.constantFrom(...anyMachine.states),
          fc.constantFrom(...anyMachine.commands),
          fc.anything(),
          (state, command, context) => {
            try {
              const row = anyMachine.decide(state, command, context as never);
              expect(anyMachine.transitions).toContain(row);
              expect(row.from).toBe(state);
              expect(row.command).toBe(command);
            } catch (error) {
              expect(FrontlineError.is(error)).toBe(true);
              expect(['INVALID_TRANSITION', 'VALIDATION']).toContain((error as FrontlineError).code);
            }
          },
        ),
        { numRuns: 200 },
      );
    }
  });
});
