import { FrontlineError, Permissions } from '@frontline/core';
import { actorFor, BuiltInRoles } from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const at = new Date('2026-01-01T00:00:00Z');
const agent = (roleIds: string[], active = true) => ({
  id: 'agent-7',
  name: 'Nagy Péter',
  email: 'peter.nagy@example.hu',
  roleIds,
  active,
  createdAt: at,
  updatedAt: at,
});

describe('roles and actors', () => {
  it('builds the actor from the union of its roles, built-in and host-defined', () => {
    const nightLead = {
      id: 'night_lead',
      name: 'Night lead',
      permissions: ['ticket.supervise', 'night.shift_report'],
    };
    const actor = actorFor(agent(['operator_l1', 'night_lead']), [nightLead]);
    expect(actor.id).toBe('agent-7');
    expect(actor.roles).toEqual(['operator_l1', 'night_lead']);
    expect(actor.permissions).toContain(Permissions.ticketWrite);
    expect(actor.permissions).toContain('night.shift_report');
    expect(actor.permissions).not.toContain(Permissions.customerReadPersonal);
    expect(new Set(actor.permissions).size).toBe(actor.permissions.length);
  });

  it('maps the built-in roles onto the permission catalogue', () => {
    const catalogue = new Set<string>(Object.values(Permissions));
    for (const role of BuiltInRoles) for (const p of role.permissions) expect(catalogue.has(p), p).toBe(true);
    const of = (id: string) => new Set(BuiltInRoles.find((r) => r.id === id)?.permissions);
    expect(BuiltInRoles.map((r) => r.id)).toEqual([
      'operator_l1',
      'specialist_l2',
      'supervisor',
      'records_officer',
      'admin',
    ]);
    expect(of('operator_l1').has(Permissions.customerReadPersonal)).toBe(false);
    expect(of('specialist_l2').has(Permissions.customerReadPersonal)).toBe(true);
    expect(of('records_officer').has(Permissions.customerErase)).toBe(true);
    expect(of('supervisor').has(Permissions.customerErase)).toBe(false);
    expect(of('admin').has(Permissions.agentManage)).toBe(true);
    expect(of('admin').has(Permissions.customerReadPersonal)).toBe(false);
    for (const p of of('operator_l1')) expect(of('specialist_l2').has(p)).toBe(true);
    for (const p of of('specialist_l2')) expect(of('supervisor').has(p)).toBe(true);
  });

  it('refuses an inactive agent as FORBIDDEN and an unknown role as VALIDATION with its path', () => {
    expect(() => actorFor(agent(['operator_l1'], false))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => actorFor(agent(['operator_l1', 'ghost']))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['agent', 'roleIds', 1] })],
      }),
    );
  });

  it('turns garbage into a FrontlineError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, r) => {
        try {
          actorFor(a as never, r as never);
        } catch (error) {
          expect(FrontlineError.is(error)).toBe(true);
        }
      }),
    );
  });
});
