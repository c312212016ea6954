import { defineCollection, Instant } from '@frontline/core';
import { z } from 'zod';

/** The entity the conformance suite stores: a little of every shape a real aggregate has. */
export const ConformanceThing = z.object({
  id: z.string().min(1),
  owner: z.string().min(1),
  email: z.string().optional(),
  tags: z.array(z.string()),
  score: z.number().int(),
  dueAt: Instant,
  nested: z.object({ note: z.string(), list: z.array(z.number()) }),
});
export type ConformanceThing = z.infer<typeof ConformanceThing>;

/** The collection the conformance suite uses, with equality, range, multi-entry and unique indexes. */
export const ConformanceThings = defineCollection<ConformanceThing>({
  name: 'conformance_things',
  schema: ConformanceThing,
  indexes: {
    owner: { key: (t) => t.owner },
    due_at: { key: (t) => t.dueAt.toISOString() },
    score: { key: (t) => t.score },
    tags: { key: (t) => t.tags },
    email: { key: (t) => t.email, unique: true },
  },
});

/** A thing with sensible defaults. */
export function thing(id: string, overrides: Partial<ConformanceThing> = {}): ConformanceThing {
  return {
    id,
    owner: 'owner-a',
    tags: [],
    score: 0,
    dueAt: new Date('2026-01-05T08:00:00.000Z'),
    nested: { note: 'árvíztűrő tükörfúrógép "quoted" \\ \u2028', list: [1, 2, 3] },
    ...overrides,
  };
}
