/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser, with its DOM.
import { expect } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Contract, operationsOf } from '../src/contract/contract';
import { consult, openingFacts } from '../harness/consultation';
import { buildPageScripts, intranetUrl, launchChromium, openPage, PHONE } from '../harness/browser';
import { answerInWords, answerQuestions, answerWithControls, consultOnPage, labelOf, startOnPage } from '../harness/diagnosis-page';
import { TestApi, type Schemas } from '../harness/api';
import { readScenarioTable } from '../harness/scenario-tester';

// The two pages in headless Chromium. Every test ends by requiring that the page logged no
// console error, threw nothing and had no request fail.

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  buildPageScripts();
  api = await TestApi.start();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function scenario(articleId: string, name: string) {
  const found = readScenarioTable(articleId).valid.find((s) => s.name === name);
  if (!found) throw new Error(`${articleId} has no scenario "${name}"`);
  return found;
}

function ofArticle(articleId: string, outcome: { diagnoses: string[]; workarounds: Record<string, boolean | null> }) {
  const mine = (id: string) => id.startsWith(`${articleId}.`);
  return { diagnoses: outcome.diagnoses.filter(mine), workarounds: Object.fromEntries(Object.entries(outcome.workarounds).filter(([id]) => mine(id))) };
}

describe('API reference (/docs/)', () => {
  it('loads Swagger UI from the service, and "Try it out" on POST /v1/diagnose returns 200', async () => {
    const { page, problems } = await openPage(browser);
    // Reached by an intranet name over plain HTTP, as a helpdesk would: nothing may be upgraded
    // to HTTPS or fetched from the internet (the validator badge, for one).
    await page.goto(`${intranetUrl(api.baseUrl)}/docs`);
    expect(new URL(page.url()).pathname).toBe('/docs/');
    const operation = page.locator('#operations-diagnosis-diagnose');
    await operation.locator('.opblock-summary-control').click();
    await operation.locator('.try-out__btn').click();
    await operation.locator('.execute').click();
    const status = operation.locator('.live-responses-table tbody .response-col_status');
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    const body = JSON.parse((await operation.locator('.live-responses-table .microlight').first().textContent()) ?? '{}') as Schemas['DiagnoseResponse'];
    expect(body.diagnoses.map((d) => d.id)).toEqual(['KB291615.nat-loses-rpc-information']);
    // Every operation is listed, and Swagger UI found nothing wrong with the document.
    expect(await page.locator('.opblock').count()).toBe(operationsOf(new Contract().document).length);
    expect(await page.locator('.errors-wrapper').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('API reference keys', () => {
  it("a key typed into Authorize is not kept in the browser's storage", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${intranetUrl(api.baseUrl)}/docs/`);
    await page.locator('.btn.authorize').first().click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input').first().fill('key-typed-into-the-page-0123');
    await dialog.locator('button.authorize').first().click();
    await dialog.locator('button.close-modal').first().click();
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .map((key) => `${key}=${localStorage.getItem(key)}`)
        .join('\n'),
    );
    expect(stored).not.toContain('key-typed-into-the-page-0123');
    await page.close();
  }, 60_000);
});

describe('diagnosis page (/)', () => {
  it.each([
    ['KB291615', 'Outlook behind many-to-one NAT on a firewall not based on Windows NT gets both workarounds'],
    ['KB291615', 'Outlook through port forwarding on a Windows NT-based proxy: one-to-one translation is excluded'],
    ['KB155831', 'Exchange client to Exchange 5.5 through a packet filter'],
    ['KB833799', 'Outlook 2003 with port 135 blocked'],
    ['TIP-EAS-NAT', 'Devices stop syncing with Exchange 2003 behind port forwarding on a dynamic public address'],
  ])(
    '%s: a full consultation for "%s" reaches the expected diagnosis and workarounds',
    async (articleId, name) => {
      const expected = scenario(articleId, name);
      const { page, problems } = await openPage(browser);
      const outcome = await consultOnPage(page, intranetUrl(api.baseUrl), expected.facts);
      expect(ofArticle(articleId, outcome)).toEqual({ diagnoses: expected.diagnoses, workarounds: expected.workarounds });
      // The page asks what the API ranks first, every time, one fact a turn: the same questions as
      // the simulator answering one fact at a time (by default it answers a question's group at once).
      expect(outcome.asked).toEqual((await consult(expected.facts, { groups: false })).asked);
      // Each diagnosis links to its source article.
      for (const link of await page.locator('[data-diagnosis-id] .article-links a').all()) expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('shows a likely diagnosis as likely, in the article’s words', async () => {
    const { page, problems } = await openPage(browser);
    await consultOnPage(page, intranetUrl(api.baseUrl), scenario('TIP-EAS-NAT', "Likely: sync failures alone with a static address are the tip's likely cause, not a confirmed one").facts);
    const likely = page.locator('[data-diagnosis-id="TIP-EAS-NAT.certificate-mismatch-through-nat"][data-status="likely"]');
    expect(await likely.locator('h3 .badge').textContent()).toBe('Likely');
    expect(await likely.locator('.likely').textContent()).toMatch(/most likely is related to your SSL certificates/);
    expect(await page.locator('#status').textContent()).toMatch(/0 diagnoses confirmed, 1 likely/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the articles that do not speak for the versions, and why, when nothing else holds', async () => {
    const { page, problems } = await openPage(browser);
    await consultOnPage(page, intranetUrl(api.baseUrl), scenario('KB291615', 'Out of scope: Exchange 2016 takes no direct RPC').facts);
    expect(await page.locator('[data-diagnosis-id]').count()).toBe(0);
    const item = page.locator('[data-out-of-scope-id="KB291615.nat-loses-rpc-information"]');
    expect(await item.textContent()).toMatch(/Applies to: Microsoft Outlook \(no versions named\)/);
    expect(await item.locator('.reason').textContent()).toMatch(/Out of scope.*Exchange version is none of .*Exchange Server 2016.*you said Exchange Server 2016/);
    expect(await item.locator('.source').textContent()).toMatch(/EXCH2016-mapi-over-http/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a conflict between what a ticket states and what its addresses imply, and what was derived', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${intranetUrl(api.baseUrl)}/`);
    await page.fill('#ticket-text', 'Outlook 2003 cannot connect to Exchange 2003. There is no NAT. The Exchange server is 192.168.1.20 and my laptop at home is 203.0.113.5.');
    await page.click('#ticket-form button[type=submit]');
    const conflict = page.locator('[data-conflict="addressTranslation"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Conflict natMode "none" gives addressTranslation false, but .* What the caller stated is used\./);
    expect(await page.locator('.derived-facts summary').textContent()).toMatch(/Derived from your facts \(3\)/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows excluded workarounds with the article’s reason', async () => {
    const { page, problems } = await openPage(browser);
    await consultOnPage(page, intranetUrl(api.baseUrl), scenario('KB291615', 'Outlook through port forwarding on a Windows NT-based proxy: one-to-one translation is excluded').facts);
    const excluded = page.locator('[data-workaround-id="KB291615.one-to-one-translation"][data-applicable="false"]').first();
    expect(await excluded.locator('.reason').textContent()).toMatch(/Does not apply.*Windows NT-based firewalls/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers the configuration file: the service’s port check is shown at the field, and good ports download the .reg file', async () => {
    const { page, problems } = await openPage(browser);
    await consultOnPage(page, intranetUrl(api.baseUrl), scenario('KB155831', 'Exchange client to Exchange 5.5 through a packet filter').facts);
    const form = page.locator('form[data-artifact="exchange-static-ports.reg"]');
    // Each port is labelled in the article's words; the optional one is folded under its heading.
    await form.locator('input[name=directoryPort]').waitFor();
    expect(await form.locator('label[for$="-directoryPort"]').textContent()).toBe('Static port of the Exchange Directory service (DS) (required)');
    expect(await form.locator('label[for$="-storePort"]').textContent()).toBe('Static port of the Information Store (IS) (required)');
    const optional = form.locator('details.field-group');
    expect(await optional.locator('summary').textContent()).toBe('Optional settings (optional)');
    expect(await optional.getAttribute('open')).toBeNull();
    expect(await optional.locator('label').textContent()).toMatch(/^Static port of the System Attendant/);
    expect(await form.locator('.fields').textContent()).not.toMatch(/directoryPort|storePort|systemAttendantPort/);
    await form.locator('input[name=directoryPort]').fill('1200');
    await form.locator('input[name=storePort]').fill('6001');
    await form.locator('button[type=submit]').click();
    await form.locator('.artifact-result .problem').first().waitFor();
    // The refusal in words, at the field and in the list: no parameter name, no pointer.
    const said = await form.locator('.artifact-result').textContent();
    expect(said).toMatch(/Static port of the Exchange Directory service \(DS\): 1200 is outside the range 5000-65535 that KB155831 advises/);
    expect(said).not.toMatch(/\/query|directoryPort/);
    expect(await form.locator('input[name=directoryPort]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error:not([hidden])').textContent()).toMatch(/^1200 is outside the range 5000-65535/);
    await form.locator('input[name=directoryPort]').fill('5000');
    const [download] = await Promise.all([page.waitForEvent('download'), form.locator('button[type=submit]').click()]);
    // KB155831's own example port is taken; what other articles advise on it is shown beside the file.
    const advice = form.locator('.port-advice li[data-followed="false"]');
    await advice.first().waitFor();
    expect(await form.locator('.port-advice').textContent()).toMatch(/Not followed Static port of the Exchange Directory service \(DS\), 5000: KB194952 advises against 1024-5000/);
    expect(await form.locator('.field-error:not([hidden])').count()).toBe(0);
    expect(download.suggestedFilename()).toBe('exchange-static-ports.reg');
    const bytes = await streamBytes(await download.createReadStream());
    // UTF-16LE with a byte-order mark, as Registry Editor writes it.
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toContain('"TCP/IP port"=dword:00001388');
    // The 400 the port check answered is the service's answer, not a page failure, but the
    // browser logs every non-2xx response; only that one may be there.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers the .prf with its nine settings in words, grouped: TCP/IP open, RPC over HTTP and the server’s ports folded', async () => {
    const { page, problems } = await openPage(browser);
    await consultOnPage(page, intranetUrl(api.baseUrl), scenario('KB833799', 'Outlook 2003 with port 135 blocked').facts);
    const form = page.locator('form[data-artifact="outlook-static-ports.prf"]');
    await form.locator('input[name=tcpExchangePort]').waitFor();
    const groups = await form
      .locator('details.field-group')
      .evaluateAll((ds) =>
        ds.map((d) => ({ heading: d.querySelector('summary')!.textContent, open: (d as HTMLDetailsElement).open, labels: [...d.querySelectorAll('label')].map((l) => l.textContent) })),
      );
    expect(groups).toEqual([
      { heading: 'Ports over TCP/IP (optional)', open: true, labels: ['Information store port over TCP/IP', 'Referral (RFR) port over TCP/IP', 'Directory port over TCP/IP'] },
      {
        heading: 'Ports over RPC over HTTP (optional)',
        open: false,
        labels: ['Information store port over RPC over HTTP', 'Referral (RFR) port over RPC over HTTP', 'Directory port over RPC over HTTP'],
      },
      {
        heading: "The Exchange server's own ports, to check the profile's against (optional)",
        open: false,
        labels: ['Information store port configured on the Exchange server', 'Referral (RFR) port configured on the Exchange server', 'Directory port configured on the Exchange server'],
      },
    ]);
    // No port at all: refused in words, not as /query.
    await form.locator('button[type=submit]').click();
    await form.locator('.artifact-result .problem').first().waitFor();
    expect(await form.locator('.artifact-result li').allTextContents()).toEqual(['Choose at least one port setting.']);
    // A profile port that is not the server's: said at the field, naming the server's port in words.
    await form.locator('input[name=tcpExchangePort]').fill('6001');
    await form.locator('summary', { hasText: 'own ports' }).click();
    await form.locator('input[name=serverExchangePort]').fill('6011');
    await form.locator('button[type=submit]').click();
    await page.waitForFunction(() => document.querySelector('.field-error:not([hidden])') !== null);
    expect(await form.locator('.field-error:not([hidden])').textContent()).toMatch(
      /^must be 6011, the port configured on the Exchange server \(“Information store port configured on the Exchange server”\)/,
    );
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('starts a select question with nothing chosen, so a stray click on Answer answers nothing', async () => {
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'outlook', symptoms: ['cannot-connect'] });
    for (let i = 0; i < 10 && !(await page.$('#answer-select')); i++) {
      await page.waitForSelector('.question');
      if (await page.$('#answer-select')) break;
      const listed = await page.locator('#answers-list dt').count();
      await page.click('.question button[data-value="null"]');
      await page.waitForFunction((count) => document.querySelectorAll('#answers-list dt').length > count, listed);
    }
    const select = page.locator('#answer-select');
    expect(await select.inputValue()).toBe('');
    expect(await select.locator('option:checked').textContent()).toBe('Choose…');
    const fact = await page.getAttribute('.question', 'data-fact');
    const listed = await page.locator('#answers-list dt').count();
    await page.click('.answer-form button[type=submit]');
    await page.waitForTimeout(300);
    expect(await page.getAttribute('.question', 'data-fact')).toBe(fact);
    expect(await page.locator('#answers-list dt').count()).toBe(listed);
    expect(await select.evaluate((s) => (s as HTMLSelectElement).validity.valueMissing)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('ends by naming the facts answered “Don’t know” only when there were some', async () => {
    // The scenario's facts and the one it leaves unknown: every question gets an answer.
    const known = { ...scenario('KB291615', 'Outlook behind many-to-one NAT on a firewall not based on Windows NT gets both workarounds').facts, exchangeStaticPorts: 'none' };
    const { page, problems } = await openPage(browser);
    await consultOnPage(page, intranetUrl(api.baseUrl), known);
    const answers = await page.locator('#answers-list dd').allTextContents();
    const closing = await page.locator('.finished p').textContent();
    if (answers.includes("don't know")) throw new Error(`the scenario answered "Don't know": ${answers.join(', ')}`);
    expect(closing).not.toMatch(/did not know/);
    // The same start, with every question answered "Don't know": those facts are named.
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'outlook', symptoms: ['cannot-connect'] });
    await answerQuestions(page, {}, async () => page.click('.question button[data-value="null"]'));
    const unknown = await page.locator('#answers-list dt').evaluateAll((dts) => dts.filter((dt) => dt.nextElementSibling?.textContent === "don't know").map((dt) => dt.textContent));
    expect(unknown.length).toBeGreaterThan(0);
    const said = (await page.locator('.finished p').textContent()) ?? '';
    expect(said).toMatch(/what remains open needs what you did not know: /);
    for (const name of unknown) expect(said).toContain(name);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('reads a pasted ticket, marks each fact in the text, and goes on asking from there', async () => {
    const { page, problems } = await openPage(browser);
    const text = 'Since we moved the Exchange 2003 box behind our new SonicWall doing NAT (many users share one public IP), Outlook 2003 on the laptops cannot connect to the server.';
    const annotation = (await api.post<Schemas['Annotation']>('/v1/annotate', { ticket: { id: 't', body: text } })).body;
    await page.goto(`${intranetUrl(api.baseUrl)}/`);
    await page.fill('#ticket-text', text);
    await page.click('#ticket-form button[type=submit]');
    await page.waitForSelector('.ticket mark');
    const marks = await page.locator('.ticket mark').evaluateAll((ms) => ms.map((m) => ({ fact: (m as HTMLElement).dataset.fact, text: m.textContent })));
    const spans = Object.entries(annotation.facts).flatMap(([fact, f]) => f.evidence.map((e) => ({ fact, text: e.text })));
    expect(marks.length).toBeGreaterThanOrEqual(4);
    for (const mark of marks) expect(spans).toContainEqual(mark);
    // The text around the marks is kept as it was.
    expect(await page.locator('.ticket-text').textContent()).toBe(text);
    // The consultation goes on from the facts read: none of them is asked.
    await page.waitForSelector('#question-heading');
    const fact = await page.getAttribute('.question', 'data-fact');
    expect(Object.keys(annotation.facts)).not.toContain(fact);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists what the ticket mentions that no fact holds, with its words', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${intranetUrl(api.baseUrl)}/`);
    await page.fill('#ticket-text', 'Outlook for Mac cannot connect to our Exchange 2007; over the VPN it works.');
    await page.click('#ticket-form button[type=submit]');
    await page.waitForSelector('.context-read li');
    const items = await page.locator('.context-read li').evaluateAll((lis) => lis.map((li) => ({ id: (li as HTMLElement).dataset.context, text: li.textContent })));
    expect(items).toContainEqual({ id: 'outlook-for-mac', text: expect.stringContaining('from “Outlook for Mac”') });
    expect(items.map((i) => i.id)).toContain('vpn-works');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('when the service needs a key, asks for it, and works once it is given', async () => {
    const locked = await TestApi.start({ apiKeys: ['page-key'] });
    try {
      const { page, problems } = await openPage(browser);
      await page.goto(`${locked.baseUrl}/`);
      await page.locator('#error').waitFor();
      expect(await page.locator('#error').textContent()).toMatch(/API key/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('api-key');
      await page.keyboard.type('page-key');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#clientKind-choices input');
      const outcome = await consultOnPage(page, locked.baseUrl, scenario('KB833799', 'Outlook 2003 with port 135 blocked').facts);
      expect(ofArticle('KB833799', outcome).diagnoses).toEqual(['KB833799.endpoint-mapper-unreachable']);
      // Only the first call, before the key, was refused.
      expect(problems).toEqual([expect.stringMatching(/status of 401/)]);
      await page.close();
    } finally {
      await locked.close();
    }
  }, 60_000);

  it('a double click on an answer records it once', async () => {
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'exchange-client', symptoms: ['cannot-connect'] });
    const first = await page.getAttribute('.question', 'data-fact');
    await page.dblclick('.question button[data-value="null"]');
    await page.waitForFunction(() => document.querySelectorAll('#answers-list dt').length >= 3);
    // Both clicks' requests have been answered before counting.
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.getElementById('main')?.hasAttribute('aria-busy'));
    expect(await page.locator('#answers-list dt').count()).toBe(3);
    expect(await page.getAttribute('.question', 'data-fact')).not.toBe(first);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('Back takes the last answer back and asks that question again', async () => {
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'exchange-client', symptoms: ['cannot-connect'] });
    const first = await page.getAttribute('.question', 'data-fact');
    await page.click('.question button[data-value="null"]');
    await page.waitForFunction(() => document.querySelectorAll('#answers-list dt').length === 3);
    await page.click('#back');
    await page.waitForFunction(() => document.querySelectorAll('#answers-list dt').length === 2);
    expect(await page.getAttribute('.question', 'data-fact')).toBe(first);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a consultation answered partly in words reaches the expected diagnosis; the facts read are shown with their words and listed as answers', async () => {
    const expected = scenario('KB291615', 'Outlook behind many-to-one NAT on a firewall not based on Windows NT gets both workarounds');
    const sentence = 'the firewall is a SonicWall doing NAT overload';
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), openingFacts(expected.facts));
    let shown: { fact: string | undefined; text: string | null }[] = [];
    let missed = -1;
    const outcome = await answerQuestions(page, expected.facts, async (fact, answer) => {
      if (fact !== 'firewallPlatform' && fact !== 'natMode') return answerWithControls(page, fact, answer);
      await answerInWords(page, sentence);
      shown = await page.locator('#words-read dd').evaluateAll((dds) => dds.map((dd) => ({ fact: (dd as HTMLElement).dataset.fact, text: dd.querySelector('.reading')!.textContent })));
      missed = await page.locator('#words-read .words-missed').count();
    });
    expect(ofArticle('KB291615', outcome)).toEqual({ diagnoses: expected.diagnoses, workarounds: expected.workarounds });
    // Both facts read from the one sentence, each with its words; the one asked among them.
    expect(shown).toEqual([
      { fact: 'firewallPlatform', text: `${labelOf('firewallPlatform', 'non-windows')} from “SonicWall”` },
      { fact: 'natMode', text: `${labelOf('natMode', 'many-to-one')} from “NAT overload”` },
    ]);
    expect(missed).toBe(0);
    // One turn answered both: the other is never asked.
    expect(outcome.asked.filter((fact) => fact === 'firewallPlatform' || fact === 'natMode')).toHaveLength(1);
    // They are answers like the others, marked as read from the engineer's words.
    const listed = await page.locator('#answers-list dd[data-source="text"]').evaluateAll((dds) => dds.map((dd) => ({ fact: (dd as HTMLElement).dataset.fact, text: dd.textContent })));
    expect(listed).toEqual([
      { fact: 'firewallPlatform', text: `${labelOf('firewallPlatform', 'non-windows')}, from your words “SonicWall”` },
      { fact: 'natMode', text: `${labelOf('natMode', 'many-to-one')}, from your words “NAT overload”` },
    ]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a fact read from the words that the engineer cannot vouch for is taken as not known with its “Don’t know”, and the diagnosis goes as if they had answered so', async () => {
    // The engineer knows the NAT, not the firewall, and names the box that does the NAT: the
    // firewall is read from it, and they take that reading back as not known.
    const expected = scenario('KB291615', 'Outlook behind many-to-one NAT on a firewall not based on Windows NT gets both workarounds');
    const environment = { ...expected.facts };
    delete environment['firewallPlatform'];
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), openingFacts(environment));
    let read: (string | undefined)[] = [];
    let taken: (string | null)[] = [];
    let stillOffered = -1;
    let kept = false;
    // Said at the first question, before the firewall is asked.
    let said = false;
    const outcome = await answerQuestions(page, environment, async (fact, answer) => {
      if (said) return answerWithControls(page, fact, answer);
      said = true;
      await answerInWords(page, 'the SonicWall does NAT overload');
      read = await page.locator('#words-read dd').evaluateAll((dds) => dds.map((dd) => (dd as HTMLElement).dataset.fact));
      const answers = await page.locator('#answers-list dt').count();
      await page.click('#words-read button[data-unknown="firewallPlatform"]');
      await page.waitForSelector('#words-read dd[data-not-known][data-fact="firewallPlatform"]');
      taken = await page.locator('#words-read dd[data-not-known]').allTextContents();
      // The sentence's other reading is still offered; the question being answered is still asked.
      stillOffered = await page.locator('#words-read button[data-unknown]').count();
      kept = (await page.getAttribute('.question', 'data-fact')) === fact;
      // Still one answer per fact: the reading became "don't know", nothing was added.
      expect(await page.locator('#answers-list dt').count()).toBe(answers);
    });
    expect(read).toEqual(['firewallPlatform', 'natMode']);
    expect(taken).toEqual(["don't know, not asked (read from “SonicWall”, taken back)"]);
    expect(stillOffered).toBe(1);
    expect(kept).toBe(true);
    expect(outcome.asked).not.toContain('firewallPlatform');
    expect(await page.locator('#answers-list dd[data-fact="firewallPlatform"]').textContent()).toBe("don't know");
    // What the page ends with is what the same answers given by value give.
    const byValue = await api.post<Schemas['DiagnoseResponse']>('/v1/diagnose', { facts: { ...environment, firewallPlatform: null } });
    expect([...outcome.diagnoses].sort()).toEqual(byValue.body.diagnoses.map((d) => d.id).sort());
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a sentence nothing is read from leaves the question and the answers as they were, and says so', async () => {
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'outlook', symptoms: ['cannot-connect'] });
    await page.waitForSelector('.question');
    const fact = await page.getAttribute('.question', 'data-fact');
    const text = 'I will check with the user and come back to you.';
    await answerInWords(page, text);
    expect(await page.locator('#words-read').textContent()).toMatch(/^Nothing could be read from your words, so nothing has changed/);
    expect(await page.getAttribute('.question', 'data-fact')).toBe(fact);
    expect(await page.locator('#answers-list dt').count()).toBe(2);
    // The words stay in the box, to be said another way.
    expect(await page.inputValue('#answer-text')).toBe(text);
    // The next answer, with a button, clears the message.
    await page.click('.question button[data-value="null"]');
    await page.waitForFunction(() => document.querySelectorAll('#answers-list dt').length === 3);
    expect(await page.locator('#words-read').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a sentence that does not answer the question asked keeps what it read, says so plainly, and asks the question again', async () => {
    const opening = { clientKind: 'outlook', symptoms: ['cannot-connect'] };
    const sentence = 'the firewall is a SonicWall doing NAT overload';
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), opening);
    await page.waitForSelector('.question');
    await answerWithControls(page, 'exchangeVersion', '2003');
    await page.waitForFunction(() => document.querySelectorAll('#answers-list dt').length === 3);
    const fact = (await page.getAttribute('.question', 'data-fact'))!;
    const name = (await page.locator('#question-heading').textContent())!.replace(/^Question 2: /, '');
    // With what the sentence gives, the service ranks another question first: the page still
    // asks the one the engineer was answering.
    const ranked = await api.post<Schemas['DiagnoseResponse']>('/v1/diagnose', { facts: { ...opening, exchangeVersion: '2003' }, text: sentence });
    expect(Object.keys(ranked.body.facts.fromText ?? {})).not.toContain(fact);
    expect(ranked.body.questions[0]!.fact).not.toBe(fact);
    await answerInWords(page, sentence);
    expect(await page.locator('#words-read dd').evaluateAll((dds) => dds.map((dd) => (dd as HTMLElement).dataset.fact))).toEqual(['firewallPlatform', 'natMode']);
    expect(await page.locator('#words-read .words-missed').textContent()).toBe(`${name} was not read from them: the question is asked again.`);
    // The same question, as the next turn; not taken as "Don't know".
    expect(await page.getAttribute('.question', 'data-fact')).toBe(fact);
    expect(await page.locator('#question-heading').textContent()).toBe(`Question 3: ${name}`);
    expect(await page.locator('#answers-list dt').allTextContents()).not.toContain(name);
    expect(await page.locator('#answers-list dd[data-source="text"]').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('one sentence can answer a question’s whole group, and Back takes back every fact it added as one step', async () => {
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'outlook', symptoms: ['cannot-connect'] });
    await page.waitForSelector('.question');
    const first = await page.getAttribute('.question', 'data-fact');
    expect(first).toBe('exchangeVersion');
    // The question belongs to the versions group: the box says one sentence can answer it all.
    expect(await page.locator('#answer-text-help').textContent()).toBe('One sentence can answer all of it: Which versions of Outlook and of Exchange Server are they?');
    await answerInWords(page, 'Outlook 2003 with Exchange 2003 behind a SonicWall');
    expect(await page.locator('#answers-list dd[data-source="text"]').evaluateAll((dds) => dds.map((dd) => (dd as HTMLElement).dataset.fact))).toEqual([
      'outlookVersion',
      'exchangeVersion',
      'firewallPlatform',
    ]);
    expect(await page.locator('#answers-list dt').count()).toBe(5);
    const next = await page.getAttribute('.question', 'data-fact');
    expect(['outlookVersion', 'exchangeVersion', 'firewallPlatform']).not.toContain(next);
    await page.click('#back');
    await page.waitForFunction(() => document.querySelectorAll('#answers-list dt').length === 2);
    expect(await page.locator('#answers-list dd[data-source="text"]').count()).toBe(0);
    expect(await page.getAttribute('.question', 'data-fact')).toBe(first);
    expect(await page.locator('#question-heading').textContent()).toMatch(/^Question 1: /);
    expect(await page.locator('#words-read').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps an answer in words to what the service reads: the box stops at its limit, and the service’s refusal names the box', async () => {
    const schema = new Contract().document.components?.schemas?.DiagnoseRequest as { properties: { text: { maxLength: number } } };
    const limit = schema.properties.text.maxLength;
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'outlook', symptoms: ['cannot-connect'] });
    await page.waitForSelector('.question');
    expect(await page.getAttribute('#answer-text', 'maxlength')).toBe(String(limit));
    // Typed at the limit, one more key adds nothing.
    await page.locator('#answer-text').evaluate((box, n) => ((box as HTMLTextAreaElement).value = 'x'.repeat(n)), limit);
    await page.locator('#answer-text').press('y');
    expect((await page.inputValue('#answer-text')).length).toBe(limit);
    // Set by a script, past the box's limit: the service refuses it, and the page says which box.
    const fact = await page.getAttribute('.question', 'data-fact');
    await page.locator('#answer-text').evaluate((box, n) => ((box as HTMLTextAreaElement).value = `Outlook 2003 ${'x'.repeat(n)}`), limit);
    const refused = page.waitForResponse((r) => r.url().includes('/v1/diagnose') && r.status() === 400);
    await page.click('.words-form button[type=submit]');
    await refused;
    await page.locator('#error').waitFor();
    expect(await page.locator('#error').textContent()).toBe(`The service did not read your words (“Or answer in your own words”): the text must NOT have more than ${limit} characters.`);
    expect(await page.getAttribute('#answer-text', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('.question', 'data-fact')).toBe(fact);
    expect(await page.locator('#answers-list dt').count()).toBe(2);
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('when the service refuses an answer (rate limit), shows why and keeps the question, with nothing half-applied', async () => {
    // Three calls a minute: the vocabulary, the opening diagnosis, one answer; the fourth is refused.
    const limited = await TestApi.start({ rateLimitPerMinute: 3 });
    try {
      const { page, problems } = await openPage(browser);
      await startOnPage(page, intranetUrl(limited.baseUrl), { clientKind: 'exchange-client', symptoms: ['cannot-connect'] });
      await page.click('.question button[data-value="null"]');
      await page.waitForFunction(() => document.querySelectorAll('#answers-list dt').length === 3);
      expect(await page.locator('#start').isHidden()).toBe(true);
      const question = await page.getAttribute('.question', 'data-fact');
      await page.click('.question button[data-value="null"]');
      await page.locator('#error').waitFor();
      expect(await page.locator('#error').textContent()).toMatch(/More than 3 requests in a minute/);
      expect(await page.getAttribute('.question', 'data-fact')).toBe(question);
      expect(await page.locator('#answers-list dt').count()).toBe(3);
      // Back, refused too, leaves the answers as they were.
      const refused = page.waitForResponse((r) => r.url().includes('/v1/diagnose') && r.status() === 429);
      await page.click('#back');
      await refused;
      await page.locator('#error').waitFor();
      expect(await page.locator('#answers-list dt').count()).toBe(3);
      expect(await page.getAttribute('.question', 'data-fact')).toBe(question);
      // Starting over and starting again, also refused: the start form stays for another try.
      await page.click('#restart');
      const refusedAgain = page.waitForResponse((r) => r.url().includes('/v1/diagnose') && r.status() === 429);
      await page.click('#start-form button[type=submit]');
      await refusedAgain;
      await page.locator('#error').waitFor();
      expect(await page.locator('#start').isVisible()).toBe(true);
      expect(await page.locator('#consultation').isHidden()).toBe(true);
      expect(problems.filter((p) => !/status of 429/.test(p))).toEqual([]);
      await page.close();
    } finally {
      await limited.close();
    }
  }, 60_000);

  it('when the service refuses a reading taken as not known, the reading stays as it was, says why, and can be taken again', async () => {
    const { page, problems } = await openPage(browser);
    await startOnPage(page, intranetUrl(api.baseUrl), { clientKind: 'outlook', symptoms: ['cannot-connect'] });
    await page.waitForSelector('.question');
    await answerInWords(page, 'the SonicWall does NAT overload');
    const reading = '#answers-list dd[data-fact="firewallPlatform"]';
    const before = await page.locator(reading).textContent();
    expect(await page.getAttribute(reading, 'data-source')).toBe('text');
    // The next diagnose is refused as a rate limit refuses it.
    const sent: unknown[] = [];
    const diagnose = (url: URL) => url.pathname === '/v1/diagnose';
    await page.route(diagnose, (route) => {
      sent.push(route.request().postDataJSON());
      return route.fulfill({
        status: 429,
        contentType: 'application/problem+json',
        headers: { 'retry-after': '1' },
        body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'More than 3 requests in a minute.' }),
      });
    });
    await page.click('#words-read button[data-unknown="firewallPlatform"]');
    await page.locator('#error').waitFor();
    expect(await page.locator('#error').textContent()).toMatch(/More than 3 requests in a minute/);
    expect(sent).toEqual([expect.objectContaining({ facts: expect.objectContaining({ firewallPlatform: null }) })]);
    expect(await page.locator(reading).textContent()).toBe(before);
    expect(await page.locator('#words-read button[data-unknown="firewallPlatform"]').count()).toBe(1);
    // Once the service takes calls again, the same button takes the reading: it was put back.
    await page.unroute(diagnose);
    await page.click('#words-read button[data-unknown="firewallPlatform"]');
    await page.waitForSelector('#words-read dd[data-not-known][data-fact="firewallPlatform"]');
    expect(await page.locator(reading).textContent()).toBe("don't know");
    expect(problems.filter((p) => !/status of 429/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('works at phone width with the keyboard alone', async () => {
    const facts = scenario('KB291615', 'Outlook behind many-to-one NAT on a firewall not based on Windows NT gets both workarounds').facts;
    const { page, problems } = await openPage(browser, PHONE);
    await page.goto(`${intranetUrl(api.baseUrl)}/`);
    await page.waitForSelector('#clientKind-choices input');
    expect(await layoutWidth(page)).toBe(PHONE.width);
    // Radio buttons: Tab into the group, arrows to the choice; check boxes: Tab and Space.
    await tabTo(page, 'input[name=clientKind]');
    while (!(await page.evaluate(() => (document.activeElement as HTMLInputElement).value === 'outlook' && (document.activeElement as HTMLInputElement).checked)))
      await page.keyboard.press('ArrowDown');
    await tabTo(page, 'input[name=symptoms][value="cannot-connect"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#start-form button[type=submit]');
    await page.keyboard.press('Enter');
    const outcome = await answerQuestions(page, facts, async (fact, answer) => {
      // Focus is on the new question's heading; the answer is some Tabs away.
      const select = await page.$('#answer-select');
      if (answer !== null && select) {
        await tabTo(page, '#answer-select');
        // The select starts at "Choose…"; arrows go down to the answer's option.
        const target = await select.evaluate((s, label) => [...(s as HTMLSelectElement).options].find((o) => o.text === label)!.value, labelOf(fact, answer));
        while ((await select.evaluate((s) => (s as HTMLSelectElement).value)) !== target) await page.keyboard.press('ArrowDown');
        await tabTo(page, '.answer-form button[type=submit]');
      } else {
        await tabTo(page, `.question button[data-value='${JSON.stringify(answer)}']`);
      }
      await page.keyboard.press('Enter');
    });
    expect(ofArticle('KB291615', outcome)).toEqual({
      diagnoses: ['KB291615.nat-loses-rpc-information'],
      workarounds: { 'KB291615.one-to-one-translation': true, 'KB291615.outlook-web-access': true },
    });
    expect(await layoutWidth(page)).toBe(PHONE.width);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});

/** Presses Tab until the element matching `selector` has the focus (at most 80 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** How wide the page is laid out: wider than the window means horizontal scrolling. */
const layoutWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
