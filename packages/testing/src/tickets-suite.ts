import { describe } from './runner';
import { ticketCommandTests } from './tickets-suite-commands';
import { ticketContactTests } from './tickets-suite-contacts';
import { type TicketSuiteOptions, ticketSuiteCase } from './tickets-suite-context';
import { ticketReadTests } from './tickets-suite-reads';
import { ticketSlaTests } from './tickets-suite-sla';

export { suiteSlaPolicy, type TicketSuiteOptions, type TicketSuiteTest } from './tickets-suite-context';

/**
 * The ticket suite: registers vitest tests that prove the ticket service keeps its contracts on a storage
 * adapter — the state machine with tiers and reasons, SLA clocks paused while pending, due breaches found by
 * index, warnings and breaches announced once, escalation rules, first-contact resolution derived from history,
 * refusals (unknown customer, transition not allowed, reason missing, permission missing, stale version) that
 * leave entities, audit and outbox untouched, and the reads: masking by permission, a customer's tickets and
 * the inboxes (status, queue, assignee, due) paged with cursors on their indexes.
 * @example
 * import { runTicketSuite } from '@frontline/testing';
 * runTicketSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runTicketSuite(options: TicketSuiteOptions): void {
  const test = ticketSuiteCase(options);
  describe(`tickets: ${options.name}`, () => {
    ticketCommandTests(test, options);
    ticketSlaTests(test);
    ticketContactTests(test);
    ticketReadTests(test, options);
  });
}
