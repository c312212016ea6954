import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { FrontlineError, type ValidationError } from '../errors/frontline-error';
import { defineCollection } from '../ports/storage';
import { createFrontline } from './create-frontline';
import { defineEvent } from './define-event';
import { defineModule, type ModuleDefinition } from './define-module';
import { resolveModules } from './resolve-modules';

const Item = z.object({ id: z.string(), n: z.number() });
const items = (name: string) =>
  defineCollection<z.infer<typeof Item>>({ name, schema: Item, indexes: { n: { key: (i) => i.n } } });
const mod = (id: string, extra: Partial<ModuleDefinition> = {}): ModuleDefinition =>
  defineModule({ id, services: () => ({ id }), ...extra });

const problems = (modules: readonly ModuleDefinition[]): string[] => {
  try {
    resolveModules(modules);
  } catch (error) {
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    return (error as ValidationError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
  return [];
};

describe('resolveModules', () => {
  it('orders modules after those they require and merges extension indexes into the owner collection', () => {
    const plan = resolveModules([
      mod('campaigns', {
        requires: ['serviceDesk'],
        extends: {
          'serviceDesk.items': { indexes: { 'campaigns:by_n': { key: (i: { n: number }) => i.n % 7 } } },
        },
      }),
      mod('serviceDesk', { collections: { items: items('items') } }),
    ]);
    expect(plan.modules.map((m) => m.id)).toEqual(['serviceDesk', 'campaigns']);
    expect(Object.keys(plan.collections[0]!.indexes ?? {})).toEqual(['n', 'campaigns:by_n']);
    expect(plan.indexOwners.get('items/campaigns:by_n')).toBe('campaigns');
    expect(plan.indexOwners.get('items/n')).toBe('serviceDesk');
  });

  it('reports every conflict at once, naming both modules', () => {
    const found = problems([
      mod('a', { collections: { items: items('items') }, requires: ['c'] }),
      mod('b', { collections: { copy: items('items') }, requires: ['ghost'] }),
      mod('a'),
      mod('c', { requires: ['a'] }),
      mod('d', { extends: { 'nobody.items': { indexes: { 'd:x': { key: () => 1 } } } } }),
      mod('e', { extends: { 'a.items': { indexes: { plain: { key: () => 1 } } } } }),
      mod('store'),
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^modules\.2\.id: Module "a" is registered twice/),
        expect.stringMatching(
          /^modules\.1\.collections\.copy: Collection "items" of module "b" is already owned by module "a"/,
        ),
        expect.stringMatching(
          /^modules\.1\.requires\.0: Module "b" requires module "ghost", which is not registered/,
        ),
        expect.stringMatching(/cycle: a → c → a|cycle: c → a → c/),
        expect.stringMatching(/^modules\.4\.extends\.nobody\.items: .*no registered module declares/),
        expect.stringMatching(
          /^modules\.5\.extends\.a\.items\.indexes\.plain: Extension index "plain" must be named "e:/,
        ),
        expect.stringMatching(/^modules\.6\.id: A module id may not be one of/),
      ]),
    );
    expect(found).toHaveLength(7);
  });

  it('refuses an event or a permission two modules declare', () => {
    const event = defineEvent({
      type: 'item.counted.v1',
      description: 'counted',
      payload: z.object({ n: z.number() }),
    });
    const found = problems([
      mod('a', { events: [event], permissions: { 'item.count': 'count items' } }),
      mod('b', { events: [event], permissions: { 'item.count': 'count them again' } }),
    ]);
    expect(found).toEqual([
      'modules.1.events.0: Event "item.counted.v1" is already declared by module "a".',
      'modules.1.permissions.item.count: Permission "item.count" is already declared by module "a".',
    ]);
  });

  it('lists every policy with its source and refuses one declared twice or without a source', () => {
    const policy = { id: 'hu.x', description: 'd', source: 'Act 1. §', data: { days: 30 } };
    expect(resolveModules([mod('a', { policies: [policy] })]).policies).toEqual([{ ...policy, module: 'a' }]);
    expect(
      problems([mod('a', { policies: [policy] }), mod('b', { policies: [{ ...policy, source: 'x' }] })]),
    ).toEqual(['modules.1.policies.0: Policy "hu.x" is already declared by module "a".']);
    expect(problems([mod('a', { policies: [{ ...policy, source: ' ' }] })])).toEqual([
      'modules.0.policies.0.source: Policy "hu.x" must name its source.',
    ]);
  });

  it('exports the event catalogue with JSON Schema payloads', () => {
    const event = defineEvent({
      type: 'item.counted.v1',
      description: 'An item was counted.',
      payload: z.object({ n: z.number().int() }),
    });
    const plan = resolveModules([mod('a', { events: [event] })]);
    expect(plan.events).toEqual([
      {
        type: 'item.counted.v1',
        module: 'a',
        description: 'An item was counted.',
        payloadSchema: expect.objectContaining({ type: 'object', required: ['n'] }),
      },
    ]);
    expect(() => defineEvent({ type: 'item.counted', description: 'x', payload: z.null() })).toThrow(
      /version suffix/,
    );
  });
});

describe('createFrontline', () => {
  it("builds each module's services with the services of the modules it requires", async () => {
    const store = createMemoryStore();
    const base = defineModule({
      id: 'base',
      collections: { items: items('items') },
      services: ({ store: s }) => ({
        add: (n: number) => s.repository(items('items')).insert({ id: `i${n}`, n }),
      }),
    });
    const top = defineModule({
      id: 'top',
      requires: ['base'],
      services: ({ deps }: { deps: { base: { add: (n: number) => Promise<unknown> } } }) => ({
        addTwice: async (n: number) => {
          await deps.base.add(n);
          await deps.base.add(n + 1);
        },
      }),
    });
    const fl = await createFrontline({ store, modules: [top, base] });
    await fl.top.addTwice(1);
    expect(await store.repository(items('items')).count()).toBe(2);
    expect(fl.plan.modules.map((m) => m.id)).toEqual(['base', 'top']);
    await fl.close();
  });

  it('refuses a handler of an event no module declares, and runs handlers in the recording unit of work', async () => {
    const Pinged = defineEvent({
      type: 'thing.pinged.v1',
      description: 'A ping.',
      payload: z.object({ n: z.int() }),
    });
    expect(problems([mod('a', { on: { 'thing.pinged.v1': async () => {} } })])).toEqual([
      'modules.0.on.thing.pinged.v1: Module "a" handles "thing.pinged.v1", which no registered module declares; register the module that announces it, or fix the name.',
    ]);
    expect(problems([mod('a', { events: [Pinged], on: { 'thing.pinged.v1': 'no' as never } })])).toHaveLength(
      1,
    );

    const seen: number[] = [];
    const log = items('pings');
    const fl = await createFrontline({
      store: createMemoryStore(),
      modules: [
        mod('a', { events: [Pinged] }),
        mod('b', {
          collections: { pings: log },
          on: {
            'thing.pinged.v1': async (events, { tx }) => {
              for (const e of events) {
                const n = (e.data as { n: number }).n;
                seen.push(n);
                await tx.repository(log).insert({ id: `p${n}`, n });
              }
            },
          },
        }),
      ],
    });
    const ping = (n: number) => ({
      topic: 'thing.pinged.v1',
      payload: { entityType: 'thing', entityId: 't1', actor: 'x', data: { n } },
    });
    await fl.store.outbox.enqueue([ping(1), { topic: 'other.v1', payload: {} }]);
    await expect(
      fl.store.transaction(async (tx) => {
        await tx.outbox.enqueue([ping(2)]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(seen).toEqual([1, 2]);
    expect(await fl.store.repository(log).count()).toBe(1);
    // a second tenant's instance handles its own events into its own collections
    const other = await fl.forTenant('other');
    await other.store.outbox.enqueue([ping(3)]);
    expect(await other.store.repository(log).count()).toBe(1);
    expect(await fl.store.repository(log).count()).toBe(1);
  });

  it('refuses options without a store or modules as VALIDATION', async () => {
    await expect(createFrontline({ store: {} as never, modules: [] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
