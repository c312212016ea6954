import { FrontlineError } from '@frontline/core';
import { describe, expect, it } from 'vitest';
import { MissingDriverError } from './index';
import { isPackageNotFound, loadOptionalPeer, PG_PEER } from './optional-peer';

// A specifier no registry will ever serve, so the import really fails the way a missing `pg` does.
const ABSENT = '@frontline-test/package-that-is-not-installed';

describe('optional driver packages', () => {
  it('turns a package that is not installed into a MissingDriverError naming it and the install command', async () => {
    const error = await loadOptionalPeer(
      { specifier: ABSENT, store: 'PostgreSQL store' },
      (specifier): Promise<unknown> => import(specifier),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(FrontlineError.is(error, 'STORAGE')).toBe(true);
    expect(error).toBeInstanceOf(MissingDriverError);
    expect(error).toMatchObject({
      name: 'MissingDriverError',
      message: `PostgreSQL store needs the '${ABSENT}' package: npm install ${ABSENT}`,
      missingPackage: ABSENT,
      details: { missingPackage: ABSENT, install: `npm install ${ABSENT}`, retryable: false },
    });
    expect(isPackageNotFound((error as MissingDriverError).cause, ABSENT)).toBe(true);
  });

  it("gives the message the issue asks for when 'pg' is missing", () => {
    const error = new MissingDriverError(PG_PEER.store, PG_PEER.specifier);
    expect(error.message).toBe("PostgreSQL store needs the 'pg' package: npm install pg");
  });

  it('recognises both the ESM and the CJS "not found" errors, for that package only', () => {
    const esm = Object.assign(new Error("Cannot find package 'pg' imported from /app/x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const cjs = Object.assign(new Error("Cannot find module 'pg'\nRequire stack:\n- /app/x.cjs"), {
      code: 'MODULE_NOT_FOUND',
    });
    const inner = Object.assign(
      new Error("Cannot find package 'pg-pool' imported from /app/node_modules/pg/x.js"),
      {
        code: 'ERR_MODULE_NOT_FOUND',
      },
    );
    expect(isPackageNotFound(esm, 'pg')).toBe(true);
    expect(isPackageNotFound(cjs, 'pg')).toBe(true);
    expect(isPackageNotFound(inner, 'pg')).toBe(false);
    expect(isPackageNotFound(new Error("Cannot find package 'pg'"), 'pg')).toBe(false);
  });

  it('lets any other failure of the import through unchanged', async () => {
    const boom = new Error('the driver threw while loading');
    await expect(loadOptionalPeer(PG_PEER, () => Promise.reject(boom))).rejects.toBe(boom);
  });

  it('loads an installed driver', async () => {
    const pg = await loadOptionalPeer(PG_PEER, () => import('pg'));
    expect(typeof pg.default.Pool).toBe('function');
  });
});
