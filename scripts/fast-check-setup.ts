import fc from 'fast-check';
import { inject } from 'vitest';

// Runs in every test file: each file loads its own fast-check, so each is configured with the run's seed,
// chosen and printed once by scripts/fast-check-global-setup.ts.
const numRuns = inject('fastCheckNumRuns');
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  seed: inject('fastCheckSeed'),
  ...(numRuns === undefined ? {} : { numRuns }),
});
