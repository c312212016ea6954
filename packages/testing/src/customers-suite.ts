import { customerSuiteCase, type DomainSuiteOptions } from './customers-suite-fixtures';
import { customerImportTests } from './customers-suite-import';
import { customerRecordTests } from './customers-suite-records';
import { customerRefusalTests } from './customers-suite-refusals';
import { customerRequestTests } from './customers-suite-requests';
import { describe } from './runner';

export { type DomainSuiteOptions, sampleCustomer } from './customers-suite-fixtures';

/**
 * The customer-service suite: registers vitest tests that run the customer service (CS-7) on an adapter —
 * registration with E.164 phones, caller ID and the other index lookups, masking per permission, optimistic
 * updates, contact points, append-only consents, data-subject export and erasure with a personal-data source,
 * the typed `.v1` events they record — and its failures (unknown customer, invalid phone, missing permission,
 * stale version, a failing source, unknown keys, garbage), each checked to leave every row, the audit chain and
 * the outbox as they were.
 * @example
 * import { runCustomerSuite } from '@frontline/testing';
 * runCustomerSuite({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runCustomerSuite(options: DomainSuiteOptions): void {
  const test = customerSuiteCase(options);
  describe(`customer service: ${options.name}`, () => {
    customerRecordTests(test);
    customerRequestTests(test);
    customerRefusalTests(test);
    customerImportTests(test);
  });
}
