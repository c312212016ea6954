#!/usr/bin/env node
import { runMigrateCli } from './cli-main';

runMigrateCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`frontline-migrate: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
