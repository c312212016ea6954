import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { Actor } from '../kernel/actor';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { defineCollection } from '../ports/storage';
import { collect } from './collect';
import { type AggregateCommand, type CreateCommand, runCommand, runCreate } from './command-runner';

const Tag = z.object({ id: z.string(), label: z.string(), n: z.int() });
type Tag = z.infer<typeof Tag>;
const Tags = defineCollection<Tag>({
  name: 'kit_tags',
  schema: Tag,
  indexes: { label: { key: (t) => t.label, unique: true } },
});
const setup = () => {
  const clock = createFixedClock('2026-01-05T08:00:00Z');
  return { store: createMemoryStore({ clock }), clock, ids: createSequentialIds('t') };
};
const writer = { id: 'w', roles: [], permissions: ['tag.write'] };
const admin = { id: 'a', roles: [], permissions: ['tag.admin'] };
const event = (id: string) => ({ type: 'tag.touched.v1', entityType: 'tag', entityId: id });

const LabelInput = z.strictObject({ actor: Actor, label: z.string() });
const tag: CreateCommand<Tag, typeof LabelInput> = {
  name: 'tag',
  input: LabelInput,
  collection: Tags,
  permission: ['tag.write', 'tag.admin'],
  create: async ({ input, tx }) => {
    const [found] = await collect(tx.repository(Tags).query({ index: 'label', equals: input.label }));
    if (found) return { existing: found };
    return {
      entity: { id: input.label.toUpperCase(), label: input.label, n: 0 },
      events: [event(input.label)],
    };
  },
};

const touch: AggregateCommand<Tag, typeof LabelInput> = {
  name: 'touch',
  input: LabelInput,
  collection: Tags,
  permission: ['tag.write', 'tag.admin'],
  id: async (input, tx) => {
    const [found] = await collect(tx.repository(Tags).query({ index: 'label', equals: input.label }));
    return found?.data.id ?? input.label;
  },
  execute: ({ current }) => ({
    entity: { ...current.data, n: current.data.n + 1 },
    events: [event(current.data.id)],
  }),
};

describe('command runner: look-ups, any-of permissions, idempotent creations', () => {
  it('accepts any one permission of a list and refuses an actor with none of them', async () => {
    const deps = setup();
    await runCreate(deps, tag, { actor: writer, label: 'x' });
    await runCommand(deps, touch, { actor: admin, label: 'x' });
    await expect(
      runCommand(deps, touch, { actor: { id: 'n', roles: [], permissions: [] }, label: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { permission: 'tag.write | tag.admin' } });
  });

  it('finds the aggregate through an index inside the unit of work', async () => {
    const deps = setup();
    await runCreate(deps, tag, { actor: writer, label: 'x' });
    const result = await runCommand(deps, touch, { actor: writer, label: 'x' });
    expect(result).toMatchObject({ entity: { id: 'X', n: 1 }, version: 2 });
    await expect(runCommand(deps, touch, { actor: writer, label: 'y' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('returns the existing aggregate of a repeated creation without writing or auditing', async () => {
    const deps = setup();
    const first = await runCreate(deps, tag, { actor: writer, label: 'x' });
    const head = await deps.store.audit.head();
    const again = await runCreate(deps, tag, { actor: writer, label: 'x' });
    expect(again).toEqual({ entity: first.entity, version: 1, events: [], extra: undefined });
    expect(await deps.store.audit.head()).toEqual(head);
    expect(await collect(deps.store.repository(Tags).scan())).toHaveLength(1);
  });
});
