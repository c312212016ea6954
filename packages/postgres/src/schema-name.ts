import { describeValue, ValidationError } from '@frontline/core';

/** The schema Frontline's tables live in unless a store or migration is told otherwise. */
export const DEFAULT_SCHEMA = 'frontline';

const SCHEMA_RULE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks a schema name and returns it double-quoted for SQL. Names are lower-case identifiers of at most 63
 * characters that do not start with `pg_` (PostgreSQL reserves those), so quoting never changes their meaning.
 */
export function quoteSchema(schema: string): string {
  if (typeof schema !== 'string' || !SCHEMA_RULE.test(schema) || schema.startsWith('pg_')) {
    throw new ValidationError(
      `Invalid schema name ${describeValue(schema)}: use lower-case letters, digits and _, at most 63 characters, not starting with pg_.`,
      [
        {
          path: ['schema'],
          message: `must match ${SCHEMA_RULE} and not start with pg_`,
          code: 'invalid_format',
        },
      ],
    );
  }
  return `"${schema}"`;
}
