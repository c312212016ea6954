// Runs publint (strict) and @arethetypeswrong/cli on every built, publishable package, then checks what its
// tarball holds (`npm pack --dry-run`): no source maps, the LICENSE, and the size, printed to watch.
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
  const problems = tarballProblems(pkgDir, pkg.name);
  if (problems.length > 0) {
    failed = true;
    console.error(`✘ tarball ${pkg.name}\n${problems.join('\n')}`);
  }
}

/** What is wrong with the package's tarball (empty when nothing); prints its size either way. */
function tarballProblems(pkgDir, name) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', pkgDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(out);
  const paths = packed.files.map((file) => file.path);
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
  console.log(
    `${paths.some((p) => p.endsWith('.map')) ? '✘' : '✔'} tarball ${name}: ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.entryCount} files`,
  );
  const problems = [];
  const maps = paths.filter((p) => p.endsWith('.map'));
  if (maps.length > 0) problems.push(`  ships source maps (${maps.join(', ')}): build with sourcemap: false`);
  if (!paths.includes('LICENSE')) problems.push('  has no LICENSE');
  return problems;
}
process.exit(failed ? 1 : 0);
