import { parseArgs } from 'node:util';
import { FrontlineError } from '@frontline/core';
import { migrate } from './migrate';
import { DEFAULT_SCHEMA } from './schema-name';

/** Where the CLI writes. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

const USAGE = `Usage: frontline-migrate (--url <postgres-url> | --data-dir <dir>) [--schema <name>]

Applies Frontline's pending database migrations, each in its own transaction; re-running is a no-op.

  --url <url>        a PostgreSQL server, e.g. postgres://user:pass@127.0.0.1:5432/db
                     (default: $FRONTLINE_PG_URL)
  --data-dir <dir>   a PGlite data directory (embedded PostgreSQL)
  --schema <name>    the schema for Frontline's tables (default: ${DEFAULT_SCHEMA})
  -h, --help         this text`;

/**
 * The `frontline-migrate` command: parses `argv` (without node and the script), migrates, reports, and
 * returns the exit code — 0 when the schema is up to date, 1 when migrating failed, 2 for bad arguments.
 */
export async function runMigrateCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: { url?: string; 'data-dir'?: string; schema?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        'data-dir': { type: 'string' },
        schema: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`frontline-migrate: ${error instanceof Error ? error.message : String(error)}`);
    io.err(USAGE);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const url = values.url ?? (values['data-dir'] === undefined ? io.env.FRONTLINE_PG_URL : undefined);
  if ((url === undefined) === (values['data-dir'] === undefined)) {
    io.err('frontline-migrate: give exactly one of --url and --data-dir.');
    io.err(USAGE);
    return 2;
  }
  const schema = values.schema ?? DEFAULT_SCHEMA;
  const where = url === undefined ? `PGlite in ${values['data-dir']}` : redact(url);
  try {
    const report = await migrate(
      url === undefined ? { dataDir: values['data-dir']! } : { connectionString: url },
      {
        schema,
      },
    );
    for (const step of report.applied) {
      io.out(`applied ${String(step.version).padStart(4, '0')} ${step.name}`);
    }
    io.out(
      report.applied.length === 0
        ? `schema "${schema}" on ${where} is up to date (version ${report.version})`
        : `schema "${schema}" on ${where} migrated to version ${report.version}`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`frontline-migrate: ${message}`);
    const cause = FrontlineError.is(error) ? error.cause : undefined;
    if (cause instanceof Error && !message.includes(cause.message)) io.err(`  cause: ${cause.message}`);
    return 1;
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}
