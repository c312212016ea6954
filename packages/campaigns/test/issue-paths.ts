import { FrontlineError } from '@frontline/core';
import { expect } from 'vitest';

/** The issue paths of the `ValidationError` that `f` throws; fails the test when it throws nothing else. */
export function issuePaths(f: () => unknown): unknown[][] {
  try {
    f();
  } catch (e) {
    expect(FrontlineError.is(e, 'VALIDATION')).toBe(true);
    return (e as { issues: { path: unknown[] }[] }).issues.map((i) => [...i.path]);
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}
