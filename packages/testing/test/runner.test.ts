import { createMemoryStore } from '@frontline/core';
import { runStoreConformance, type TestRunner, useTestRunner } from '@frontline/testing';
import { describe, expect, it } from 'vitest';

// A runner that records what the suite registers and hands it on to vitest: proof that the suites name no
// runner of their own — any describe/it/expect (jest's, node:test's with an expect library) can take vitest's place.
const registered: string[] = [];
const recording: TestRunner = {
  describe: (name, body) => {
    registered.push(`describe ${name}`);
    return describe(name, body);
  },
  it: Object.assign(
    (name: string, body: () => Promise<void> | void, timeout?: number) => {
      registered.push(`it ${name}`);
      return it(name, body, timeout);
    },
    { skip: (name: string, body: () => void) => it.skip(name, body) },
  ),
  expect,
};
useTestRunner(recording);
runStoreConformance({
  name: 'memory, registered through an injected runner',
  createStore: ({ clock }) => createMemoryStore({ clock }),
});

describe('@frontline/testing with an injected runner', () => {
  it('registers every test of a suite with the runner it was given', () => {
    expect(registered[0]).toBe('describe storage conformance: memory, registered through an injected runner');
    expect(registered.filter((r) => r.startsWith('it ')).length).toBeGreaterThan(15);
  });
});
