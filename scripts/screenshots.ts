// Takes the API guide's screenshots (docs/api.md) of the two pages at desktop and phone width, from the bundled
// knowledge base, into docs/screenshots/. `npm run screenshots` (needs Debian's chromium).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../src/paths';
import { TestApi } from '../harness/api';
import { buildPageScripts, DESKTOP, launchChromium, openPage, PHONE } from '../harness/browser';
import { startOnPage } from '../harness/diagnosis-page';

const OUT = path.join(projectRoot, 'docs', 'screenshots');

// Mid-consultation: the first diagnoses confirmed, KB148732 out of scope for Exchange 2003. The questions are
// answered in the order the service asks them, from the answers below.
const ANSWERS: Record<string, { select: string } | { button: string | boolean }> = {
  exchangeVersion: { select: 'Exchange Server 2003' },
  outlookVersion: { select: 'Outlook 2003' },
  port135Reachable: { button: true },
  firewallPlatform: { button: 'non-windows' },
  exchangeStaticPorts: { button: 'none' },
  natMode: { button: 'many-to-one' },
};

async function diagnosisInProgress(page: Page, baseUrl: string): Promise<void> {
  await startOnPage(page, baseUrl, { clientKind: 'outlook', symptoms: ['cannot-connect'] });
  for (;;) {
    await page.waitForSelector('.question[data-fact]');
    if (await page.$('[data-diagnosis-id]')) return;
    const fact = (await page.getAttribute('.question', 'data-fact'))!;
    const answer = ANSWERS[fact];
    if (!answer) throw new Error(`the screenshot's consultation has no answer for ${fact}`);
    const before = await page.locator('#answers-list dt').count();
    if ('select' in answer) {
      await page.selectOption('#answer-select', { label: answer.select });
      await page.click('.answer-form button[type=submit]');
    } else {
      await page.click(`.question button[data-value='${JSON.stringify(answer.button)}']`);
    }
    await page.waitForFunction((count) => document.querySelectorAll('#answers-list dt').length > count, before);
  }
}

async function main(): Promise<void> {
  buildPageScripts();
  fs.mkdirSync(OUT, { recursive: true });
  const api = await TestApi.start();
  const browser = await launchChromium();
  try {
    for (const [width, viewport] of [
      ['desktop', { ...DESKTOP, height: 1000 }],
      ['phone', PHONE],
    ] as const) {
      const { page, problems } = await openPage(browser, viewport);
      await diagnosisInProgress(page, api.baseUrl);
      await page.screenshot({ path: path.join(OUT, `diagnosis-${width}.png`) });
      await page.goto(`${api.baseUrl}/docs/`);
      await page.locator('#operations-diagnosis-diagnose .opblock-summary-control').click();
      await page.locator('#operations-diagnosis-diagnose .try-out__btn').waitFor();
      await page.screenshot({ path: path.join(OUT, `docs-${width}.png`) });
      if (problems.length) throw new Error(`the pages reported problems: ${problems.join('; ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await api.close();
  }
  console.log(`screenshots in ${path.relative(process.cwd(), OUT)}`);
}

void main();
