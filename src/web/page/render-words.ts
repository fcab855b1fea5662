import type { Question } from './api.js';
import type { Given } from './consultation.js';
import { h, quoted } from './dom.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * The most the service reads of one answer in words: DiagnoseRequest's `text` in openapi.yaml
 * (test/web.test.ts holds the box's maxlength to it). The page cannot read the contract for it
 * without one more call at every start.
 */
const WORDS_LIMIT = 4000;

/**
 * The box beside a question's controls for an answer in the engineer's own words. A question
 * that belongs to a group (the versions, the network path) says that one sentence can answer the
 * whole group; the controls still answer this question alone.
 */
export function wordsForm(question: Question, onWords: (text: string) => void): HTMLElement {
  const hint = question.group ? `One sentence can answer all of it: ${question.group.text}` : 'Say it as you would in a ticket; the facts read from your words are shown for you to check.';
  const input = h('textarea', { id: 'answer-text', rows: 2, maxlength: WORDS_LIMIT, 'aria-describedby': 'answer-text-help' });
  const form = h(
    'form',
    { class: 'words-form' },
    h('label', { for: 'answer-text' }, 'Or answer in your own words'),
    h('p', { class: 'quiet', id: 'answer-text-help' }, hint),
    input,
    h('button', { type: 'submit', class: 'secondary' }, 'Read my answer'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    input.removeAttribute('aria-invalid');
    if (input.value.trim()) onWords(input.value.trim());
  });
  return form;
}

/**
 * What one sentence gave, for the engineer to check: each fact read with the words it was read
 * from and a "Don't know" for a reading they cannot vouch for (`onUnknown`; those already taken as
 * not known are in `notKnown`), whether the question asked was among them (when it was not, it
 * is asked again rather than taken as unknown), and that Back takes the sentence back whole.
 * `read` empty: nothing changed.
 */
export function wordsReadView(read: Given[], asked: string, askedAgain: boolean, vocabulary: Vocabulary, onUnknown: (fact: string) => void, notKnown: ReadonlySet<string> = new Set()): HTMLElement {
  if (!read.length)
    return h('div', { class: 'words-read', 'data-read': 0 }, h('p', {}, 'Nothing could be read from your words, so nothing has changed: answer with the choices, or say it another way.'));
  const missed = read.some((given) => given.fact === asked)
    ? null
    : h('p', { class: 'words-missed' }, `${vocabulary.name(asked)} was not read from them: `, askedAgain ? 'the question is asked again.' : 'with what was read, it need not be asked any more.');
  const one = read.length === 1;
  return h(
    'div',
    { class: 'words-read', 'data-read': read.length },
    h('p', {}, 'Read from your words:'),
    h(
      'dl',
      { class: 'facts-read' },
      read.map((given) => [h('dt', {}, vocabulary.name(given.fact)), notKnown.has(given.fact) ? takenBack(given) : reading(given, vocabulary, onUnknown)]),
    ),
    missed,
    h(
      'p',
      { class: 'quiet' },
      one ? 'If this is not what you meant, Back takes it back.' : 'If these are not what you meant, Back takes them all back.',
      one
        ? " If you cannot vouch for it, “Don't know” takes it as not known, so that it does not steer the diagnosis."
        : " “Don't know” takes one you cannot vouch for as not known, so that it does not steer the diagnosis.",
    ),
  );
}

function reading(given: Given, vocabulary: Vocabulary, onUnknown: (fact: string) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'secondary', 'data-unknown': given.fact, 'aria-label': `Don't know: ${vocabulary.name(given.fact)}` }, "Don't know");
  button.addEventListener('click', () => onUnknown(given.fact));
  return h('dd', { 'data-fact': given.fact }, h('span', { class: 'reading' }, vocabulary.label(given.fact, given.value), wordsOf(given)), ' ', button);
}

/** A reading the engineer took back as not known: never asked from then on. */
function takenBack(given: Given): HTMLElement {
  return h(
    'dd',
    { 'data-fact': given.fact, 'data-not-known': '' },
    h('span', { class: 'reading' }, "don't know", h('span', { class: 'quiet' }, ', not asked')),
    wordsOf(given, ' (read from ', ', taken back)'),
  );
}

function wordsOf(given: Given, before = ' from ', after = ''): HTMLElement | null {
  return given.words?.length ? h('span', { class: 'quiet' }, `${before}${quoted(given.words)}${after}`) : null;
}
