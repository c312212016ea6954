import { collect } from '@frontline/core';
import { effectiveInteraction } from '@frontline/core/service-desk';
import { A, type InteractionSuiteOptions, interactionCase, phoneCall } from './interactions-suite-fixtures';
import { describe, expect } from './runner';

/** Amendments and feedback of the interaction suite. */
export function runInteractionHistorySuite(options: InteractionSuiteOptions): void {
  const test = interactionCase(options);
  describe(`interactions, amendments and feedback: ${options.name}`, () => {
    test(
      'amendments',
      'appends corrections with a reason and never edits what was documented',
      async ({ store, contacts, refused }) => {
        const { interaction } = await contacts.recordInteraction(phoneCall('cust-1'));
        // each refused amendment, with the code it must fail with (nothing is stored, `refused` checks)
        const refusals = [
          [{ actor: A.agent, reason: ' ', changes: { outcome: 'follow_up' } }, 'VALIDATION'],
          [{ actor: A.agent, reason: 'fix', changes: {} }, 'VALIDATION'],
          [
            { actor: A.agent, reason: 'End before answer', changes: { endedAt: '2026-03-02T07:50:10Z' } },
            'VALIDATION',
          ],
          [{ actor: A.outsider, reason: 'x', changes: { notes: 'x' } }, 'FORBIDDEN'],
          [{ actor: A.agent, interactionId: 'missing', reason: 'x', changes: { notes: 'x' } }, 'NOT_FOUND'],
        ] as const;
        for (const [amendment, code] of refusals) {
          await refused(
            () => contacts.amendInteraction({ interactionId: interaction.id, ...amendment }),
            code,
          );
        }
        const first = await contacts.amendInteraction({
          actor: A.agent,
          interactionId: interaction.id,
          reason: 'Wrong outcome recorded',
          changes: { outcome: 'follow_up', notes: 'Jóváírást ígértem' },
        });
        const second = await contacts.amendInteraction({
          actor: A.supervisor,
          interactionId: interaction.id,
          reason: 'Order reference added',
          changes: { addLinks: { orderIds: ['order-9'] } },
        });
        expect(second.interaction.amendments.map((a) => [a.seq, a.by])).toEqual([
          [1, A.agent.id],
          [2, A.supervisor.id],
        ]);
        expect(second.interaction).toMatchObject({ outcome: 'resolved', notes: 'Számla magyarázata' });
        expect(effectiveInteraction(second.interaction)).toMatchObject({
          outcome: 'follow_up',
          notes: 'Jóváírást ígértem',
          links: { orderIds: ['order-9'] },
        });
        expect(first.events.map((e) => e.type)).toEqual(['interaction.amended.v1']);
        const audit = await collect(
          store.audit.read({ entityType: 'interaction', entityId: interaction.id }),
        );
        expect(audit.map((e) => e.type)).toEqual([
          'interaction.recorded.v1',
          'interaction.amended.v1',
          'interaction.amended.v1',
        ]);
      },
    );

    test(
      'feedback',
      'asks for feedback after a contact and records the answer once, with its time',
      async ({ store, clock, contacts, refused }) => {
        const { interaction } = await contacts.recordInteraction(phoneCall('cust-1'));
        const requested = await contacts.requestFeedback({
          actor: A.agent,
          interactionId: interaction.id,
          via: 'sms',
          validForHours: 72,
        });
        const request = requested.interaction.feedback!;
        expect(request).toMatchObject({ via: 'sms', answer: null, requestedBy: A.agent.id });
        expect(request.expiresAt).toEqual(new Date(clock.now().getTime() + 72 * 3_600_000));
        expect(requested.events[0]).toMatchObject({
          type: 'interaction.feedback_requested.v1',
          payload: { customerId: 'cust-1' },
        });
        const claimed = await store.outbox.claim({ worker: 'survey', limit: 10, leaseMs: 60_000 });
        expect(claimed.map((m) => m.topic)).toContain('interaction.feedback_requested.v1');
        await refused(
          () => contacts.requestFeedback({ actor: A.agent, interactionId: interaction.id, via: 'email' }),
          'INVALID_TRANSITION',
        );
        clock.advance(3_600_000);
        const answered = await contacts.recordFeedback({
          actor: A.agent,
          requestId: request.requestId,
          csat: 5,
          nps: 9,
          comment: 'Gyors volt',
        });
        expect(answered.interaction.feedback?.answer).toEqual({
          answeredAt: clock.now(),
          csat: 5,
          nps: 9,
          comment: 'Gyors volt',
        });
        const again = await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: interaction.id, csat: 1 }),
          'INVALID_TRANSITION',
        );
        expect(again.details).toMatchObject({ state: 'answered', command: 'answer' });
      },
    );

    test(
      'feedback-refusals',
      'refuses feedback too early, too late, without a request or out of range',
      async ({ clock, contacts, refused }) => {
        const live = await contacts.recordInteraction(phoneCall('cust-1', { endedAt: null }));
        await refused(
          () => contacts.requestFeedback({ actor: A.agent, interactionId: live.interaction.id, via: 'sms' }),
          'INVALID_TRANSITION',
        );
        const abandoned = await contacts.recordInteraction(
          phoneCall('cust-1', { answeredAt: null, holdMs: 0 }),
        );
        await refused(
          () =>
            contacts.requestFeedback({ actor: A.agent, interactionId: abandoned.interaction.id, via: 'sms' }),
          'INVALID_TRANSITION',
        );
        const done = await contacts.recordInteraction(phoneCall('cust-1'));
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id, csat: 4 }),
          'INVALID_TRANSITION',
        );
        await contacts.requestFeedback({
          actor: A.agent,
          interactionId: done.interaction.id,
          via: 'email',
          validForHours: 24,
        });
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id, csat: 6 }),
          'VALIDATION',
        );
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id }),
          'VALIDATION',
        );
        await refused(
          () => contacts.recordFeedback({ actor: A.agent, requestId: 'no-such-request', csat: 3 }),
          'NOT_FOUND',
        );
        clock.advance(24 * 3_600_000);
        const late = await refused(
          () => contacts.recordFeedback({ actor: A.agent, interactionId: done.interaction.id, nps: 10 }),
          'INVALID_TRANSITION',
        );
        expect(late.details).toMatchObject({ state: 'expired' });
      },
    );
  });
}
