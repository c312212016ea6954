import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UnavailableError } from '../../errors/frontline-error';

let source: string | undefined;

/**
 * The browser (UMD) build of the installed chart.js, read from its package so that a page can inline it and
 * load nothing from the network. chart.js's `exports` name no `dist/` file, so the file is found beside the
 * entry `require` resolves. The source-map comment is dropped (the map is not inlined).
 * @internal
 */
export function chartJsUmdSource(): string {
  if (source !== undefined) return source;
  let dist: string;
  try {
    dist = dirname(createRequire(import.meta.url).resolve('chart.js'));
  } catch (cause) {
    throw new UnavailableError('chart.js', 'chart.js is not installed: `npm install chart.js@^4`.', {
      cause,
    });
  }
  const file = ['chart.umd.min.js', 'chart.umd.js']
    .map((name) => join(dist, name))
    .find((f) => existsSync(f));
  if (!file) {
    throw new UnavailableError(
      'chart.js',
      `The installed chart.js has no UMD build in ${dist} (chart.js 4 ships one).`,
    );
  }
  source = readFileSync(file, 'utf8')
    .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n')
    .replaceAll('</script', '<\\/script');
  return source;
}
