/**
 * Explores the property tests with fresh random seeds (`npm run test:explore`), where `npm test` runs them
 * with one fixed seed. Runs every test file that imports fast-check once per seed, then prints each failure
 * with its seed, counterexample and the command that replays it.
 *
 *   npm run test:explore                       5 random seeds, FRONTLINE_FC_NUM_RUNS=1000
 *   npm run test:explore -- --seeds 10 money   10 seeds, only files whose path contains "money"
 *   npm run test:explore -- --runs 300          fewer runs where a property sets no numRuns
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOTS = ['packages', 'examples'];
const IMPORTS_FAST_CHECK = /from\s+['"]fast-check['"]|require\(\s*['"]fast-check['"]\s*\)/;

interface Failure {
  seed: number;
  file: string;
  test: string;
  counterexample: string;
  replayPath: string;
  /** False when the failure is no fast-check counterexample (an ordinary test or an import that fails). */
  property: boolean;
}

interface JsonReport {
  testResults?: {
    name: string;
    status?: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

function parseArgs(argv: readonly string[]): { seeds: number; runs: number; filters: string[] } {
  let seeds = 5;
  let runs = 1000;
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--seeds' || arg === '--runs') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive integer`);
      if (arg === '--seeds') seeds = value;
      else runs = value;
    } else {
      filters.push(arg);
    }
  }
  return { seeds, runs, filters };
}

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

/** The property tests: test files that import fast-check. */
function propertyTestFiles(filters: readonly string[]): string[] {
  return ROOTS.flatMap((root) => testFiles(root))
    .filter((file) => IMPORTS_FAST_CHECK.test(readFileSync(file, 'utf8')))
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort();
}

function failuresOf(report: JsonReport, seed: number): Failure[] {
  const failures: Failure[] = [];
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failed.length === 0 && file.status === 'failed') {
      failures.push({
        seed,
        file: name,
        test: '(file)',
        counterexample: file.message ?? '',
        replayPath: '',
        property: false,
      });
    }
    for (const assertion of failed) {
      const text = (assertion.failureMessages ?? []).join('\n');
      const counterexample = /Counterexample: (.*)/.exec(text)?.[1] ?? text.split('\n')[0] ?? '';
      const replayPath = /path: "([^"]*)"/.exec(text)?.[1] ?? '';
      const property = text.includes('Property failed');
      failures.push({ seed, file: name, test: assertion.fullName, counterexample, replayPath, property });
    }
  }
  return failures;
}

function main(): void {
  const { seeds, runs, filters } = parseArgs(process.argv.slice(2));
  const files = propertyTestFiles(filters);
  if (files.length === 0) throw new Error('No test file imports fast-check (or none matches the filters).');
  console.log(`Exploring ${files.length} property test files with ${seeds} random seeds:`);
  for (const file of files) console.log(`  ${file}`);

  const out = mkdtempSync(join(tmpdir(), 'frontline-explore-'));
  const tried: { seed: number; ok: boolean }[] = [];
  const failures: Failure[] = [];
  try {
    for (let i = 0; i < seeds; i++) {
      const seed = randomInt(0, 2 ** 31);
      const report = join(out, `${seed}.json`);
      console.log(`\n── seed ${seed} (${i + 1}/${seeds}) ──`);
      const run = spawnSync(
        'npx',
        ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...files],
        {
          stdio: 'inherit',
          env: { ...process.env, FRONTLINE_FC_SEED: String(seed), FRONTLINE_FC_NUM_RUNS: String(runs) },
        },
      );
      let found: Failure[] = [];
      try {
        found = failuresOf(JSON.parse(readFileSync(report, 'utf8')) as JsonReport, seed);
      } catch {
        if (run.status !== 0)
          found = [
            { seed, file: '(run)', test: '(vitest)', counterexample: '', replayPath: '', property: false },
          ];
      }
      tried.push({ seed, ok: run.status === 0 && found.length === 0 });
      failures.push(...found);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  console.log('\n── exploration summary ──');
  for (const { seed, ok } of tried) console.log(`  seed ${seed}: ${ok ? 'passed' : 'FAILED'}`);
  for (const f of failures) {
    console.log(`\n  ✗ ${f.file} › ${f.test}`);
    console.log(`    seed ${f.seed}${f.replayPath ? `, path "${f.replayPath}"` : ''}`);
    if (f.counterexample) console.log(`    ${f.property ? 'counterexample' : 'error'}: ${f.counterexample}`);
    if (!f.property)
      console.log('    (not a fast-check counterexample: see whether it fails with the fixed seed too)');
    console.log(`    replay: FRONTLINE_FC_SEED=${f.seed} npx vitest run ${f.file}`);
  }
  if (failures.length > 0) {
    console.log('\nTurn each counterexample into a plain regression test (see README, "Property tests").');
    process.exitCode = 1;
  }
}

main();
