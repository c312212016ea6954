import { collect } from '@frontline/core';
import type { RecordInteractionInput } from '@frontline/core/service-desk';
import { Interactions } from '@frontline/core/storage';
import {
  A,
  type InteractionSuiteOptions,
  interactionCase,
  personalReader,
  phoneCall,
} from './interactions-suite-fixtures';
import { runInteractionHistorySuite } from './interactions-suite-history';
import { runInteractionLinkSuite } from './interactions-suite-links';
import { runInteractionReadSuite } from './interactions-suite-reads';
import { describe, expect } from './runner';

export {
  expectFrontlineError,
  type InteractionSuiteOptions,
  type InteractionSuiteTest,
  type StoreSnapshot,
  serviceDeskActors,
  snapshotStore,
  suiteCustomer,
  withoutScans,
} from './interactions-suite-fixtures';

/**
 * The interaction suite: registers vitest tests that prove the interaction service keeps its contracts on a
 * storage adapter — documenting contacts on every channel, the append-only history per customer read by index,
 * amendments, feedback answered once, ticket links in the same transaction, and refusals (unknown customer,
 * missing permission, bad input) that leave entities, audit and outbox untouched.
 * @example
 * import { runInteractionSuite } from '@frontline/testing';
 * runInteractionSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runInteractionSuite(options: InteractionSuiteOptions): void {
  const test = interactionCase(options);
  describe(`interactions: ${options.name}`, () => {
    test(
      'record',
      'documents a contact on any channel, audited and announced',
      async ({ store, inspector, contacts }) => {
        const { interaction, events } = await contacts.recordInteraction(
          phoneCall('cust-1', { externalRef: 'call-77' }),
        );
        expect(interaction).toMatchObject({
          customerId: 'cust-1',
          channel: 'phone',
          queue: 'hotline',
          holdMs: 20_000,
          recordedBy: A.agent.id,
          amendments: [],
          feedback: null,
        });
        expect(interaction.offeredAt).toEqual(new Date('2026-03-02T07:50:00Z'));
        expect(events.map((e) => e.type)).toEqual(['interaction.recorded.v1']);
        expect(await contacts.getInteraction({ actor: personalReader, id: interaction.id })).toEqual(
          interaction,
        );
        if (inspector) {
          expect(await inspector.readEntity(Interactions.name, interaction.id)).toMatchObject({
            version: 1,
            data: { id: interaction.id, customerId: 'cust-1', offeredAt: '2026-03-02T07:50:00.000Z' },
          });
        }
        const audit = await collect(
          store.audit.read({ entityType: 'interaction', entityId: interaction.id }),
        );
        expect(audit.map((e) => e.type)).toEqual(['interaction.recorded.v1']);
        expect((await store.outbox.stats()).pending).toBe(1);
        for (const channel of ['voip', 'email', 'chat', 'sms', 'letter', 'in_person'] as const) {
          await contacts.recordInteraction(phoneCall('cust-1', { channel, externalRef: null }));
        }
        const anonymous = await contacts.recordInteraction(
          phoneCall(null, { answeredAt: null, holdMs: 0, outcome: null, endedAt: '2026-03-02T07:51:30Z' }),
        );
        expect(anonymous.interaction.customerId).toBeNull();
        expect(await store.repository(Interactions).count()).toBe(8);
      },
    );

    test(
      'unknown-customer',
      'refuses a contact of an unknown customer as NOT_FOUND, storing nothing',
      async ({ refused, contacts }) => {
        const error = await refused(() => contacts.recordInteraction(phoneCall('nobody')), 'NOT_FOUND');
        expect(error.details).toMatchObject({ entity: 'customer', id: 'nobody' });
      },
    );

    test(
      'permission',
      'refuses an agent without interaction.write as FORBIDDEN, storing nothing',
      async ({ refused, contacts }) => {
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { actor: A.outsider })),
          'FORBIDDEN',
        );
      },
    );

    test(
      'validation',
      'refuses inconsistent or future times and bad fields as VALIDATION, storing nothing',
      async ({ refused, contacts }) => {
        const early = await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { answeredAt: '2026-03-02T07:40:00Z' })),
          'VALIDATION',
        );
        expect(JSON.stringify(early.details)).toContain('answeredAt');
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { answeredAt: null, holdMs: 5_000 })),
          'VALIDATION',
        );
        await refused(
          () =>
            contacts.recordInteraction(
              phoneCall('cust-1', {
                offeredAt: '2026-03-03T07:50:00Z',
                answeredAt: null,
                endedAt: null,
                holdMs: 0,
              }),
            ),
          'VALIDATION',
        );
        await refused(
          () =>
            contacts.recordInteraction({
              ...phoneCall('cust-1'),
              channel: 'fax',
            } as unknown as RecordInteractionInput),
          'VALIDATION',
        );
      },
    );

    test(
      'duplicate-external-ref',
      'refuses a second contact with the same external reference as CONFLICT',
      async ({ refused, contacts }) => {
        await contacts.recordInteraction(phoneCall('cust-1', { externalRef: 'pbx-1' }));
        await refused(
          () => contacts.recordInteraction(phoneCall('cust-1', { externalRef: 'pbx-1' })),
          'CONFLICT',
        );
      },
    );

    test(
      'contact-history',
      "streams a customer's contact history in time order by index, never another customer's",
      async ({ contacts }) => {
        const times = [
          '2026-03-01T09:00:00Z',
          '2026-02-27T10:00:00Z',
          '2026-03-02T07:00:00Z',
          '2026-02-28T12:00:00Z',
        ];
        for (const offeredAt of times) {
          await contacts.recordInteraction(
            phoneCall('cust-1', { offeredAt, answeredAt: null, endedAt: null, holdMs: 0, channel: 'email' }),
          );
        }
        await contacts.recordInteraction(
          phoneCall('cust-2', {
            offeredAt: '2026-02-28T00:00:00Z',
            answeredAt: null,
            endedAt: null,
            holdMs: 0,
          }),
        );
        const history = await collect(contacts.contactHistory({ actor: A.agent, customerId: 'cust-1' }));
        expect(history.map((i) => i.offeredAt.toISOString())).toEqual(
          [...times].sort().map((t) => new Date(t).toISOString()),
        );
        expect(history.every((i) => i.customerId === 'cust-1')).toBe(true);
        const window = await collect(
          contacts.contactHistory({
            actor: A.agent,
            customerId: 'cust-1',
            from: '2026-02-28T00:00:00Z',
            to: '2026-03-02T00:00:00Z',
            order: 'desc',
          }),
        );
        expect(window.map((i) => i.offeredAt.toISOString())).toEqual([
          '2026-03-01T09:00:00.000Z',
          '2026-02-28T12:00:00.000Z',
        ]);
        expect(await collect(contacts.contactHistory({ actor: A.agent, customerId: 'cust-3' }))).toEqual([]);
      },
    );
  });
  runInteractionHistorySuite(options);
  runInteractionLinkSuite(options);
  runInteractionReadSuite(options);
}
