/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, with its DOM.
import type { Browser } from 'playwright-core';
import { buildPageScripts, intranetUrl, launchChromium, openPage } from '../harness/browser';
import type { TestApi, Schemas } from '../harness/api';
import { startLoggingApi, type LoggingApi } from './support/logging-api';

// The field figures page in headless Chromium, over a decision log filled through the API.

let api: TestApi;
let browser: Browser;
let logging: LoggingApi;
let revision: string;
beforeAll(async () => {
  buildPageScripts();
  logging = await startLoggingApi();
  api = logging.api;
  const facts = { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', firewallPlatform: 'non-windows', symptoms: ['cannot-connect'] };
  for (const outcome of [
    { kind: 'resolved', workaround: 'KB291615.one-to-one-translation' },
    { kind: 'resolved', workaround: 'KB291615.one-to-one-translation' },
    { kind: 'rejected', diagnosis: 'KB291615.nat-loses-rpc-information' },
  ]) {
    const { body } = await api.post<Schemas['DiagnoseResponse']>('/v1/diagnose', { facts });
    revision = body.kb.revision;
    expect((await api.post(`/v1/decisions/${body.decisionId}/outcome`, outcome)).status).toBe(201);
  }
  // A consultation that stopped with its question unanswered.
  await api.post('/v1/diagnose', { facts: { clientKind: 'outlook', symptoms: ['cannot-connect'], outlookVersion: null } });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await logging?.close();
});

describe('the field figures page (/stats)', () => {
  it('shows a chart per article, with the counts of each diagnosis and workaround as bars', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${intranetUrl(api.baseUrl)}/stats`);
    const article = page.locator('section[data-article="KB291615"]');
    await article.locator('svg.chart').waitFor();
    expect(await page.locator('section.article-figures').count()).toBeGreaterThanOrEqual(10);
    const bars = await article.evaluate((section) =>
      [...section.querySelectorAll('g.bar')].map((g) => [g.closest('svg')!.getAttribute('role'), g.getAttribute('data-label'), Number(g.getAttribute('data-value'))]),
    );
    // The first group is the confirmed diagnosis: 3 reports, 2 outcomes that agreed (resolved by its workaround), 1 that did not.
    expect(bars.slice(0, 4)).toEqual([
      ['img', 'reported', 3],
      ['img', 'confirmed', 3],
      ['img', 'outcome agreed', 2],
      ['img', 'outcome disagreed', 1],
    ]);
    expect(await article.locator('text.chart-title').allTextContents()).toContain('Workaround one-to-one-translation: resolved 100% of closed');
    // A longer bar for a larger count.
    const widths = await article.locator('g.bar rect').evaluateAll((rects) => rects.slice(0, 4).map((r) => Number(r.getAttribute('width'))));
    expect(widths[0]).toBeGreaterThan(widths[2]!);
    expect(widths[2]).toBeGreaterThan(widths[3]!);
    expect(await page.locator('#summary').textContent()).toBe('4 decisions, 1 stalled; outcomes: rejected 1, resolved 2.');
    // The stalled consultation's unknown Outlook version is what it stopped on, for the articles it waited for.
    expect(await page.locator('p.stalled').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Stalled consultations stopped on: .*outlookVersion \(1\)/)]));
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('filters by revision, and says why when the service refuses the filter', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${intranetUrl(api.baseUrl)}/stats`);
    await page.locator('section[data-article="KB291615"] svg.chart').waitFor();
    await page.fill('#revision', '0000');
    await page.click('#filter-form button');
    await page.locator('#summary', { hasText: '0 decisions' }).waitFor();
    expect(await page.locator('section[data-article="KB291615"] g.bar').first().getAttribute('data-value')).toBe('0');
    await page.fill('#revision', revision);
    await page.fill('#from', '2030-02-01');
    await page.fill('#to', '2030-01-01');
    await page.click('#filter-form button');
    await page.locator('#error').waitFor();
    expect(await page.locator('#error').textContent()).toContain('must be before to');
    // The refused request is the only failure, and it is the page's to show.
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
    await page.close();
  }, 60_000);
});
