/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser, with its DOM.
import type { Page } from 'playwright-core';
import { normalizeFacts, type FactValue } from '../src/facts/normalize';
import { bundledKnowledgeBase } from './knowledge-base';
import { openingFacts, type Facts } from './consultation';

/**
 * What a support engineer answers on the diagnosis page for a fact, given the environment: the
 * value (derived ones, such as the server's address space, worked out from the address as the
 * engineer would), or null for "Don't know".
 */
function pageAnswer(environment: Facts, fact: string): FactValue | null {
  const { vocabulary } = bundledKnowledgeBase().kb;
  const normalized = normalizeFacts(environment, vocabulary);
  if (!normalized.ok) throw new Error(`invalid scenario facts: ${JSON.stringify(normalized.errors)}`);
  return Object.hasOwn(normalized.all, fact) ? normalized.all[fact]! : null;
}

export interface PageOutcome {
  asked: string[];
  diagnoses: string[];
  workarounds: Record<string, boolean | null>;
}

/** Opens the page and starts a consultation from the client kind and symptoms in `opening`. */
export async function startOnPage(page: Page, baseUrl: string, opening: Facts): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('#clientKind-choices input');
  if (typeof opening.clientKind === 'string') await page.check(`input[name=clientKind][value="${opening.clientKind}"]`);
  for (const symptom of (opening.symptoms as string[] | undefined) ?? []) await page.check(`input[name=symptoms][value="${symptom}"]`);
  await page.click('#start-form button[type=submit]');
}

/** The label the page shows for a value of a fact, as the vocabulary gives it. */
export function labelOf(fact: string, value: unknown): string {
  return bundledKnowledgeBase()
    .kb.vocabulary.get(fact)!
    .values!.find((v) => v.value === value)!.label;
}

/** Plays a consultation on the page with the mouse, as the environment's engineer would answer. */
export async function consultOnPage(page: Page, baseUrl: string, environment: Facts): Promise<PageOutcome> {
  await startOnPage(page, baseUrl, openingFacts(environment));
  return answerQuestions(page, environment, (fact, answer) => answerWithControls(page, fact, answer));
}

/** Answers the question on the page with its controls (a button, the select, the address field) or "Don't know". */
export async function answerWithControls(page: Page, fact: string, answer: FactValue | null): Promise<void> {
  if (answer === null) return page.click('.question button[data-value="null"]');
  if (await page.$('#answer-address')) {
    await page.fill('#answer-address', String(answer));
    return page.click('.answer-form button[type=submit]');
  }
  if (await page.$('#answer-select')) {
    await page.selectOption('#answer-select', { label: labelOf(fact, answer) });
    return page.click('.answer-form button[type=submit]');
  }
  return page.click(`.question button[data-value='${JSON.stringify(answer)}']`);
}

/**
 * Answers the question on the page in words, and waits until the page has said what it read
 * from them (or that it read nothing).
 */
export async function answerInWords(page: Page, text: string): Promise<void> {
  // A new message, not the one a sentence before left (nothing read twice says the same).
  const before = await page.$('#words-read .words-read');
  await page.fill('#answer-text', text);
  await page.click('.words-form button[type=submit]');
  await page.waitForFunction((old) => {
    const now = document.querySelector('#words-read .words-read');
    return now !== null && now !== old;
  }, before);
}

/** Answers each question the page puts with `choose`, until it has nothing more to ask; then reads the result. */
export async function answerQuestions(page: Page, environment: Facts, choose: (fact: string, answer: FactValue | null) => Promise<unknown>): Promise<PageOutcome> {
  const asked: string[] = [];
  for (;;) {
    await page.waitForSelector('#question-heading');
    // No question section: the page says there is nothing more to ask.
    const question = await page.$('.question');
    const fact = await question?.getAttribute('data-fact');
    if (!fact) break;
    if (asked.length > 20) throw new Error(`no end after 20 questions: ${asked.join(', ')}`);
    asked.push(fact);
    const listed = await page.locator('#answers-list dt').count();
    await choose(fact, pageAnswer(environment, fact));
    // The answer is listed once the page has shown the API's next answer.
    await page.waitForFunction((count) => document.querySelectorAll('#answers-list dt').length > count, listed);
  }
  return { asked, ...(await outcomeOnPage(page)) };
}

async function outcomeOnPage(page: Page): Promise<Omit<PageOutcome, 'asked'>> {
  return page.evaluate(() => {
    const diagnoses = [...document.querySelectorAll<HTMLElement>('[data-diagnosis-id]')].map((e) => e.dataset.diagnosisId!);
    const workarounds: Record<string, boolean | null> = {};
    for (const e of document.querySelectorAll<HTMLElement>('[data-workaround-id]')) workarounds[e.dataset.workaroundId!] = JSON.parse(e.dataset.applicable!) as boolean | null;
    return { diagnoses, workarounds };
  });
}
