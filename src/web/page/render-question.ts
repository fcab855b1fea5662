import type { Question, Scalar } from './api.js';
import { h } from './dom.js';
import { wordsForm } from './render-words.js';
import type { Vocabulary } from './vocabulary.js';

// A list fact (symptoms) is answered with the values that apply.
/**
 * An answer to a question: a value, the values of a list fact that apply, or null for "Don't
 * know".
 */
export type Answer = Scalar | string[] | null;

// Up to this many answers are buttons; a longer list (Outlook versions) is a select.
const MOST_BUTTONS = 6;

/** What a question view needs besides the question: where it stands, the words to show, and what to do with an answer. */
export interface QuestionContext {
  /** The question's number in the consultation (a sentence counts as one turn). */
  number: number;
  vocabulary: Vocabulary;
  /** The titles of the diagnoses and workarounds the answer decides, for "Why this question?". */
  titles: Map<string, string>;
  onAnswer: (answer: Answer) => void;
  /** An answer in the engineer's own words, for the service to read. */
  onWords: (text: string) => void;
}

/**
 * One question with its answers: buttons for a short list, a select for a long one, check boxes
 * for a list fact (symptoms), always "Don't know", and a box to answer in one's own words.
 */
export function questionView(question: Question, { number, vocabulary, titles, onAnswer, onWords }: QuestionContext): HTMLElement {
  const dontKnow = h('button', { type: 'button', class: 'answer secondary', 'data-value': 'null', onclick: () => onAnswer(null) }, "Don't know");
  return h(
    'section',
    { class: 'question', 'data-fact': question.fact, 'aria-labelledby': 'question-heading' },
    h('h2', { id: 'question-heading', tabindex: -1 }, `Question ${number}: ${vocabulary.name(question.fact)}`),
    h('p', { class: 'question-text', id: 'question-text' }, question.text),
    answerControls(question, onAnswer),
    h('div', { class: 'answers-row' }, dontKnow),
    wordsForm(question, onWords),
    whyView(question, vocabulary, titles),
  );
}

function answerControls(question: Question, onAnswer: (answer: Answer) => void): HTMLElement {
  if (question.type === 'ip-address') {
    // The service checks the address and says what is wrong with it; the page only sends it.
    const input = h('input', { id: 'answer-address', inputmode: 'decimal', autocomplete: 'off', placeholder: '192.168.1.20', required: true });
    const form = h('form', { class: 'answer-form' }, h('label', { for: 'answer-address' }, 'IP address'), input, h('button', { type: 'submit' }, 'Answer'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) onAnswer(input.value.trim());
    });
    return form;
  }
  if (question.type === 'string-list') {
    const boxes = question.values.map((v) => h('input', { type: 'checkbox', name: 'answer', value: String(v.value), id: `answer-${String(v.value)}` }));
    const form = h(
      'form',
      { class: 'answer-form', 'aria-labelledby': 'question-text' },
      h(
        'fieldset',
        {},
        h('legend', { class: 'visually-hidden' }, 'Choose all that apply'),
        question.values.map((v, i) => h('label', { class: 'check' }, boxes[i], ` ${v.label}`)),
      ),
      h('button', { type: 'submit' }, 'Answer'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onAnswer(question.values.filter((_, i) => boxes[i]!.checked).map((v) => String(v.value)));
    });
    return form;
  }
  if (question.values.length <= MOST_BUTTONS) {
    return h(
      'div',
      { class: 'answers-row', role: 'group', 'aria-labelledby': 'question-text' },
      question.values.map((v) => h('button', { type: 'button', class: 'answer', 'data-value': JSON.stringify(v.value), onclick: () => onAnswer(v.value) }, v.label)),
    );
  }
  // Nothing chosen at first, and required: "Answer" without a choice is refused by the browser,
  // where a first option chosen in advance (Exchange 4.0) was sent on a stray click.
  const select = h(
    'select',
    { id: 'answer-select', required: true },
    h('option', { value: '', selected: true }, 'Choose…'),
    question.values.map((v, i) => h('option', { value: String(i) }, v.label)),
  );
  const form = h('form', { class: 'answer-form' }, h('label', { for: 'answer-select' }, 'Answer'), select, h('button', { type: 'submit' }, 'Answer'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = question.values[Number(select.value)];
    if (select.value !== '' && chosen) onAnswer(chosen.value);
  });
  return form;
}

function whyView(question: Question, vocabulary: Vocabulary, titles: Map<string, string>): HTMLElement {
  // An address question's outcomes are named by address space (the fact derived from the address).
  const space = vocabulary.facts.find((f) => f.derivedFrom === question.fact)?.name ?? question.fact;
  const labels = (values: Scalar[]) => values.map((value) => vocabulary.label(space, value)).join(', ');
  return h(
    'details',
    { class: 'why' },
    h('summary', {}, 'Why this question?'),
    h(
      'ul',
      {},
      question.why.map((reason) => {
        const [yes, no] = reason.kind === 'diagnosis' ? ['confirm it', 'rule it out'] : ['make it apply', 'exclude it'];
        const parts = [reason.confirmedBy.length ? `${labels(reason.confirmedBy)} would ${yes}` : '', reason.ruledOutBy.length ? `${labels(reason.ruledOutBy)} would ${no}` : ''].filter(Boolean);
        return h('li', {}, h('strong', {}, titles.get(reason.id) ?? reason.id), ` (${reason.kind}): `, parts.join('; ') || 'it still waits for other facts too', '.');
      }),
    ),
  );
}
