// Runs publint (strict) and @arethetypeswrong/cli on every built, publishable package.
// attw uses the node16 profile: node10 resolution predates `exports` and cannot see subpaths at all.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
let failed = false;
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkgDir = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  for (const [tool, args] of [
    ['publint', ['--strict', pkgDir]],
    ['attw', ['--pack', pkgDir, '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      const out = execFileSync(bin(tool), args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      console.log(`✔ ${tool} ${pkg.name}\n${out.trim()}`);
    } catch (error) {
      failed = true;
      console.error(`✘ ${tool} ${pkg.name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
process.exit(failed ? 1 : 0);
