import { useTestRunner } from '@frontline/testing';
import { describe, expect, it } from 'vitest';

// Runs in every test file: the @frontline/testing suites register their tests with vitest here, as a host's
// setup file would (the suites themselves name no runner).
useTestRunner({ describe, it, expect });
