import { MissingDriverError } from './errors';

/** A driver package this adapter loads only when a store needs it (an optional peer dependency). */
export interface OptionalPeer {
  /** The package's import specifier, e.g. `pg`. */
  readonly specifier: string;
  /** Who needs it, for the error message, e.g. `PostgreSQL store`. */
  readonly store: string;
}

/** `pg`, loaded by the PostgreSQL store and by `migrate` on a server. */
export const PG_PEER: OptionalPeer = { specifier: 'pg', store: 'PostgreSQL store' };

/** `@electric-sql/pglite`, loaded by the PGlite store and by `migrate` on a data directory. */
export const PGLITE_PEER: OptionalPeer = { specifier: '@electric-sql/pglite', store: 'PGlite store' };

/**
 * True when `error` says the package `specifier` itself is not installed — an ESM `ERR_MODULE_NOT_FOUND`
 * ("Cannot find package 'pg' imported from …") or a CJS `MODULE_NOT_FOUND` ("Cannot find module 'pg'").
 * A module missing inside an installed package (a broken install) names another path and is not this.
 */
export function isPackageNotFound(error: unknown, specifier: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return (
    typeof message === 'string' && (message.includes(`'${specifier}'`) || message.includes(`"${specifier}"`))
  );
}

/**
 * Loads an optional peer with `load` (given the peer's specifier), turning "not installed" into a
 * {@link MissingDriverError} that names the package and how to add it; any other failure passes through.
 * Callers pass a literal `import('pg')` so the bundler keeps the import and the types stay exact; importing
 * this package never loads a driver the application did not ask for.
 */
export async function loadOptionalPeer<M>(
  peer: OptionalPeer,
  load: (specifier: string) => Promise<M>,
): Promise<M> {
  try {
    return await load(peer.specifier);
  } catch (error) {
    if (isPackageNotFound(error, peer.specifier)) {
      throw new MissingDriverError(peer.store, peer.specifier, { cause: error });
    }
    throw error;
  }
}
