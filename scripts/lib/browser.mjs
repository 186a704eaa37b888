// Launches Debian's chromium through playwright-core (no browser download) for driving the
// code-server workbench.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

/** The chromium binary: CHROMIUM from the environment, else Debian's. */
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless chromium in a container: no sandbox, no GPU, no background network. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Starts a headless chromium; fails with a hint when the binary is missing. */
export async function launchChromium() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`no chromium at ${chromiumPath}: run scripts/setup-code-server.sh as root or apt-get install chromium`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
