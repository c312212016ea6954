import { createServer } from 'node:net';
import { defineCollection, FrontlineError, StorageError } from '@frontline/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPostgresStore, isRetryable, migrate, toFrontlineError } from './index';

/** A TCP port on 127.0.0.1 that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const Things = defineCollection({ name: 'things', schema: z.object({ id: z.string() }) });

function dbError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { code, ...extra });
}

describe('error mapping', () => {
  it('maps unique_violation (23505) to a ConflictError that keeps the cause and constraint', () => {
    const cause = dbError('23505', 'duplicate key value violates unique constraint "entities_pkey"', {
      constraint: 'entities_pkey',
      table: 'entities',
    });
    const error = toFrontlineError(cause, 'insert tickets');
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toBe(cause);
    expect(error.details).toMatchObject({ sqlState: '23505', constraint: 'entities_pkey', retryable: false });
  });

  it('maps serialization failures (40001) and deadlocks (40P01) to retryable ConflictErrors', () => {
    for (const code of ['40001', '40P01']) {
      const error = toFrontlineError(dbError(code, 'could not serialize access'), 'commit');
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toMatchObject({ sqlState: code, retryable: true });
      expect(isRetryable(error)).toBe(true);
    }
  });

  it('maps lost connections to retryable StorageErrors and anything else to plain StorageErrors', () => {
    for (const cause of [
      dbError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      dbError('57P01', 'terminating connection due to administrator command'),
      dbError('08006', 'connection failure'),
      new Error('Connection terminated unexpectedly'),
    ]) {
      const error = toFrontlineError(cause, 'query');
      expect(error.code).toBe('STORAGE');
      expect(error.cause).toBe(cause);
      expect(isRetryable(error)).toBe(true);
    }
    const syntax = toFrontlineError(dbError('42601', 'syntax error at or near "SELEC"'), 'query');
    expect(syntax.code).toBe('STORAGE');
    expect(isRetryable(syntax)).toBe(false);
    const frontline = new StorageError('already mapped');
    expect(toFrontlineError(frontline, 'query')).toBe(frontline);
    expect(isRetryable(new Error('plain'))).toBe(false);
  });

  it('surfaces a refused connection as a StorageError with the cause, on open and on first use', async () => {
    const port = await closedPort();
    const connectionString = `postgres://frontline:secret@127.0.0.1:${port}/frontline`;
    const opened = await createPostgresStore({ connectionString }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(FrontlineError.is(opened, 'STORAGE')).toBe(true);
    const error = opened as FrontlineError;
    expect(error.message).toContain('Cannot reach PostgreSQL');
    expect(error.details).toMatchObject({ retryable: true });
    expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED');

    const lazy = await createPostgresStore({ connectionString, migrate: false });
    await expect(lazy.repository(Things).get('x')).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(lazy.transaction(async () => 1)).rejects.toMatchObject({
      code: 'STORAGE',
      details: { operation: 'connect', retryable: true },
    });
    await expect(lazy.outbox.stats()).rejects.toSatisfy((e: unknown) => FrontlineError.is(e, 'STORAGE'));
    await lazy.close();
    await expect(lazy.repository(Things).find('x')).rejects.toThrow('closed');

    await expect(migrate({ connectionString })).rejects.toSatisfy(
      (e: unknown) => FrontlineError.is(e, 'STORAGE') && (e as FrontlineError).cause !== undefined,
    );
  });
});
