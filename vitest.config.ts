import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@frontline/source'] },
  ssr: { resolve: { conditions: ['@frontline/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
    // one fast-check seed per run, fixed by default and printed once (FRONTLINE_FC_SEED=random to explore)
    globalSetup: ['scripts/fast-check-global-setup.ts'],
    // …and the runner the @frontline/testing suites register their tests with
    setupFiles: ['scripts/fast-check-setup.ts', 'scripts/test-runner-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
