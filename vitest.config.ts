import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@frontline/source'] },
  ssr: { resolve: { conditions: ['@frontline/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
