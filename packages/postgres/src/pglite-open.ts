import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { StorageError } from '@frontline/core';
import { loadOptionalPeer, PGLITE_PEER } from './optional-peer';

/**
 * Opens PGlite in memory (`dataDir` undefined) or in a directory, creating the directory and its parents when
 * missing (PGlite creates only the last level). URLs PGlite understands (`memory://`, `idb://`, `file://…`)
 * pass through unchanged. PGlite is loaded only now (it is an optional peer dependency): without it this
 * throws a `MissingDriverError` naming `@electric-sql/pglite`.
 */
export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const { PGlite } = await loadOptionalPeer(PGLITE_PEER, () => import('@electric-sql/pglite'));
  try {
    if (dataDir === undefined) return await PGlite.create();
    if (!/^[a-z]+:\/\//i.test(dataDir)) await mkdir(dataDir, { recursive: true });
    return await PGlite.create({ dataDir });
  } catch (error) {
    throw new StorageError(
      `Cannot open PGlite${dataDir === undefined ? ' in memory' : ` in "${dataDir}"`}.`,
      {
        details: { dataDir },
        cause: error,
      },
    );
  }
}
