import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { hasPermission, requirePermission } from './actor';

const agent = { id: 'agent-1', roles: ['agent'], permissions: ['ticket.write'] };

describe('requirePermission', () => {
  it('returns the parsed actor when it holds the permission and refuses it as FORBIDDEN otherwise', () => {
    expect(requirePermission(agent, 'ticket.write').id).toBe('agent-1');
    expect(() => requirePermission(agent, 'ticket.escalate')).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        details: expect.objectContaining({ permission: 'ticket.escalate' }),
      }),
    );
  });

  it('compares actor ids and permissions exactly: no case folding, no trimming', () => {
    expect(hasPermission({ ...agent, roles: [] }, 'Ticket.Write' as never)).toBe(false);
    expect(() => requirePermission(agent, 'ticket.write ' as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('refuses a permission that is not a dotted name as VALIDATION, never a TypeError (regression: [{ toString: 0 }])', () => {
    expect(() => requirePermission(agent, [{ toString: 0 }] as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (actor, permission) => {
        try {
          requirePermission(actor as never, permission as never);
        } catch (error) {
          expect(FrontlineError.is(error)).toBe(true);
        }
      }),
    );
  });
});
