import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../src/paths';

/** Debian's Chromium, which .ci/run installs; CHROMIUM_PATH points elsewhere. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Compiles the pages' scripts from src/web/page, so a browser test sees the sources as they are now. */
export function buildPageScripts(): void {
  // Incremental, with its build info beside the output: unchanged scripts are not compiled again
  // (both browser test files call this), and a removed dist/ takes the build info with it.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.web.json', '--incremental', '--tsBuildInfoFile', 'dist/browser/.tsbuildinfo'], {
    cwd: projectRoot,
    stdio: 'pipe',
  });
}

/** A name, not an address, that the browser resolves to loopback: a service reached by its intranet name. */
const INTRANET_HOST = 'helpdesk-kb.test';

/** The same service as `baseUrl` (http://127.0.0.1:port), reached as http://helpdesk-kb.test:port. */
export function intranetUrl(baseUrl: string): string {
  return baseUrl.replace('127.0.0.1', INTRANET_HOST);
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  // The sandbox needs user namespaces, which CI containers running as root do not give. The
  // resolver rule maps the intranet name to loopback (a request anywhere else is caught by openPage).
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', `--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`] });
}

/**
 * A new page that records console errors, uncaught exceptions, failed requests, and requests to
 * anywhere but the service (the pages must work with no internet).
 */
export async function openPage(browser: Browser, viewport = DESKTOP): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const problems: string[] = [];
  page.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    const local = hostname === '127.0.0.1' || hostname === INTRANET_HOST || protocol === 'data:' || protocol === 'blob:';
    if (!local) problems.push(`request off the service: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return { page, problems };
}
