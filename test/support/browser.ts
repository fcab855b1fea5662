import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';

/** Debian's Chromium, which .ci/run installs; CHROMIUM_PATH points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Compiles the pages' scripts from src/web/page, so a browser test sees the sources as they are now. */
export function buildPageScripts(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.web.json'], { cwd: projectRoot, stdio: 'pipe' });
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  // The sandbox needs user namespaces, which CI containers running as root do not give.
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
}

/** A new page that records console errors, uncaught exceptions and failed requests. */
export async function openPage(browser: Browser, viewport = DESKTOP): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return { page, problems };
}
