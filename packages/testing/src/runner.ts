import type { ExpectStatic } from 'vitest';

/**
 * The test functions the suites register with — vitest's, jest's, or `node:test`'s `describe`/`it` with an
 * `expect` library that speaks the jest/vitest matcher API (`toMatchObject`, `rejects`, `expect.objectContaining`).
 * @category Testing
 */
export interface TestRunner {
  readonly describe: (name: string, body: () => void) => unknown;
  readonly it: ((name: string, body: () => Promise<void> | void, timeout?: number) => unknown) & {
    readonly skip: (name: string, body: () => void) => unknown;
  };
  readonly expect: ExpectStatic;
}

let active: TestRunner | undefined;

/**
 * Chooses the runner the suites register their tests with; call it once before calling a `run…Suite`
 * (in a setup file). Under jest, whose `describe`/`it`/`expect` are globals, nothing needs to be called.
 * @example
 * // vitest.setup.ts (vitest `setupFiles`)
 * import { describe, expect, it } from 'vitest';
 * import { useTestRunner } from '@frontline/testing';
 * useTestRunner({ describe, it, expect });
 * @category Testing
 */
export function useTestRunner(runner: TestRunner): void {
  active = runner;
}

function current(): TestRunner {
  if (active) return active;
  const g = globalThis as Record<string, unknown>;
  if (typeof g.describe === 'function' && typeof g.it === 'function' && typeof g.expect === 'function') {
    return { describe: g.describe, it: g.it, expect: g.expect } as unknown as TestRunner;
  }
  throw new Error(
    '@frontline/testing: no test runner. Call useTestRunner({ describe, it, expect }) in a setup file first ' +
      '(vitest: from "vitest"; node:test: describe and it from "node:test" with an expect library); ' +
      "jest's globals are found by themselves.",
  );
}

/** `describe` of the chosen runner. */
export const describe = (name: string, body: () => void): unknown => current().describe(name, body);

/** `it` (and `it.skip`) of the chosen runner. */
export const it = Object.assign(
  (name: string, body: () => Promise<void> | void, timeout?: number): unknown =>
    current().it(name, body, timeout),
  { skip: (name: string, body: () => void): unknown => current().it.skip(name, body) },
);

/** `expect` of the chosen runner, matchers and asymmetric matchers included. */
export const expect = new Proxy(function expectOfRunner() {}, {
  apply: (_target, _this, args: unknown[]) => Reflect.apply(current().expect, undefined, args),
  get: (_target, property) => Reflect.get(current().expect, property),
}) as unknown as ExpectStatic;
