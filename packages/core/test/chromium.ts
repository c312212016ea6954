import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

/** The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's `chromium` package. */
export const chromiumPath: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Registers `body` as a suite that needs headless Chromium. Without it the suite is skipped with a message
 * saying how to install it — except in CI (`CI=true`), where a missing Chromium is a failure, never a skip
 * (`.ci/run` installs Debian's `chromium`).
 */
export function describeWithChromium(title: string, body: (executablePath: string) => void): void {
  if (existsSync(chromiumPath)) {
    describe(title, () => body(chromiumPath));
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it('has Chromium to run against', () => {
        throw new Error(
          `CI=true but there is no Chromium at ${chromiumPath}: the browser tests must run in CI. ` +
            "Install Debian's (`apt-get install -y chromium`, as .ci/run does) or set CHROMIUM_PATH.",
        );
      });
    });
    return;
  }
  console.warn(
    `[@frontline/core] skipping "${title}": no Chromium at ${chromiumPath} ` +
      '(`apt-get install -y chromium`, or set CHROMIUM_PATH).',
  );
  describe.skip(`${title} — skipped: no Chromium at ${chromiumPath}`, () => body(chromiumPath));
}
