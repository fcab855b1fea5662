// The diagnosis page: start from the client and the symptoms (or a pasted ticket), ask the
// question the API puts first until none is left (answered with its controls or in the
// engineer's own words), and show what is confirmed on the way.
import { api, apiKey, ApiProblem, type DiagnoseResponse, type InputFacts, type ProblemBody, type Scalar } from './api.js';
import { artifactForm } from './artifact-form.js';
import { Consultation, type Given } from './consultation.js';
import { byId, fill, h, quoted } from './dom.js';
import { diagnosisView, inferencesView, outOfScopeView, undeterminedView } from './render-diagnosis.js';
import { questionView, type Answer } from './render-question.js';
import { ticketView } from './render-ticket.js';
import { wordsReadView } from './render-words.js';
import { Vocabulary } from './vocabulary.js';

let vocabulary: Vocabulary;
let consultation: Consultation | undefined;

async function start(): Promise<void> {
  setUpApiKey();
  const facts = await guarded(() => api.facts());
  if (!facts) return;
  vocabulary = new Vocabulary(facts.facts);
  fillStartForm();
  byId('start-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void begin(startFormFacts());
  });
  byId('ticket-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void readTicket();
  });
  byId('back').addEventListener('click', () => void back());
  byId('restart').addEventListener('click', restart);
}

// The facts the knowledge base asks first (startsConsultation in rules/facts.json): one group of
// choices each, radio buttons for a single value, check boxes for a list.
function fillStartForm(): void {
  const startFacts = vocabulary.facts.filter((fact) => fact.startsConsultation && fact.values?.length);
  fill(
    byId('start-choices'),
    ...startFacts.map((fact) => {
      const type = fact.type === 'string-list' ? 'checkbox' : 'radio';
      const choices = vocabulary.values(fact.name).map((v) => h('label', { class: 'check' }, h('input', { type, name: fact.name, value: String(v.value) }), ` ${v.label}`));
      return h('fieldset', { class: 'choices', id: `${fact.name}-choices` }, h('legend', {}, fact.question ?? vocabulary.name(fact.name)), ...choices);
    }),
  );
}

// What is not chosen is not sent: the first questions then ask for it.
function startFormFacts(): InputFacts {
  const form = byId<HTMLFormElement>('start-form');
  const facts: InputFacts = {};
  for (const fact of vocabulary.facts.filter((f) => f.startsConsultation)) {
    const chosen = [...form.querySelectorAll<HTMLInputElement>(`input[name="${fact.name}"]:checked`)].map((input) => valueOf(fact.name, input.value));
    if (fact.type === 'string-list') {
      if (chosen.length) facts[fact.name] = chosen.map(String);
    } else if (chosen[0] !== undefined) facts[fact.name] = chosen[0];
  }
  return facts;
}

// A choice's value as the vocabulary has it (a boolean fact's "true" is true).
function valueOf(fact: string, text: string): Scalar {
  return vocabulary.values(fact).find((v) => String(v.value) === text)?.value ?? text;
}

async function readTicket(): Promise<void> {
  const text = byId<HTMLTextAreaElement>('ticket-text').value;
  if (!text.trim()) return showError('Paste the ticket’s text first.');
  const annotation = await guarded(() => api.annotate(text));
  if (!annotation) return;
  const ticket = byId('ticket');
  fill(ticket, ticketView(text, annotation, vocabulary));
  ticket.hidden = false;
  const opening: InputFacts = Object.fromEntries(Object.entries(annotation.facts).map(([fact, found]) => [fact, found.value]));
  for (const fact of annotation.unknown) opening[fact] = null;
  await begin(opening, false);
}

// The start form goes away only once the API has answered: if the call is refused, it stays for another try.
async function begin(opening: InputFacts, fromForm = true): Promise<void> {
  consultation = new Consultation(opening);
  if (!(await ask())) {
    consultation = undefined;
    return;
  }
  if (fromForm) byId('ticket').hidden = true;
  byId('start').hidden = true;
}

function restart(): void {
  consultation = undefined;
  for (const id of ['consultation', 'results', 'ticket']) byId(id).hidden = true;
  byId('words-read').replaceChildren();
  byId('start').hidden = false;
  byId('start-heading').focus();
}

/** Asks the API about the facts so far and shows its answer (keeping the question `keep` while it is asked); undefined when the call failed. */
async function ask(keep?: string): Promise<DiagnoseResponse | undefined> {
  const current = consultation;
  if (!current) return undefined;
  const answer = await guarded(() => api.diagnose(current.facts));
  if (answer && current === consultation) show(answer, current, keep);
  return answer;
}

// One step at a time: a second click while the service answers the first (a double click on an
// answer, or on "Read my answer") would record the answer twice.
let stepping = false;
async function oneStep(step: () => Promise<void>): Promise<void> {
  if (stepping) return;
  stepping = true;
  try {
    await step();
  } finally {
    stepping = false;
  }
}

// Taking an answer back, too, counts only once the API has answered without it.
const back = (): Promise<void> => oneStep(takeBack);

async function takeBack(): Promise<void> {
  const current = consultation;
  const last = current?.back();
  if (!current || !last) return restart();
  if (!(await ask())) current.answer(...last);
}

// An answer counts only once the API has taken it: if the call fails (the service is down, a
// rate limit), the question stays as it was and can be answered again.
function onAnswer(fact: string, answer: Answer): Promise<void> {
  return oneStep(async () => {
    const current = consultation;
    current?.answer({ fact, value: answer });
    if (!(await ask())) current?.back();
  });
}

// An answer in words counts once the service has read it: every fact read from it becomes an
// answer of one turn (sent among the facts from then on; Back takes them all back), and the
// service's answer, which already used them, is shown as it is. The question asked stays when it
// was not read from the words and is still worth asking: the engineer is answering it, and it
// is never taken as "Don't know". Nothing read, nothing changes but the message.
function onWords(asked: string, text: string): Promise<void> {
  return oneStep(() => readWords(asked, text));
}

/** The last sentence's readings, as the panel above the question shows them until the next answer. */
interface Reading {
  read: Given[];
  asked: string;
}

async function readWords(asked: string, text: string): Promise<void> {
  const current = consultation;
  if (!current) return;
  const answer = await guarded(() => api.diagnose(current.facts, text), wordsRefusal);
  if (!answer || current !== consultation) return;
  const read: Given[] = Object.entries(answer.facts.fromText ?? {}).map(([fact, found]) => ({ fact, value: found.value, words: found.evidence.map((span) => span.text) }));
  if (read.length) {
    current.answer(...read);
    show(answer, current, asked);
  }
  showReading({ read, asked }, current, answer);
  // Nothing read: the engineer is still at the box, below the question; the message is above it.
  if (!read.length) byId('words-read').scrollIntoView({ block: 'nearest' });
}

// A reading taken as not known is "don't know" in the turn that read it: the panel shows it so.
function showReading(reading: Reading, current: Consultation, answer: DiagnoseResponse): void {
  const askedAgain = answer.questions.some((question) => question.fact === reading.asked);
  const notKnown = new Set(current.lastTurn.filter((given) => given.value === null).map((given) => given.fact));
  fill(
    byId('words-read'),
    wordsReadView(reading.read, reading.asked, askedAgain, vocabulary, (fact) => void onUnknownReading(reading, fact), notKnown),
  );
}

// A fact read from the words that the engineer cannot vouch for becomes "don't know" in the
// turn that read it (Back still takes the turn back whole), and the panel still offers the same
// for the sentence's other readings. Like an answer, it counts once the API has answered without
// the reading; refused, the reading is put back as it was.
function onUnknownReading(reading: Reading, fact: string): Promise<void> {
  return oneStep(async () => {
    const current = consultation;
    const was = current?.unknownInLastTurn(fact);
    if (!current || !was) return;
    const answer = await ask(reading.asked);
    if (!answer) return current.restoreInLastTurn(was);
    if (current === consultation) showReading(reading, current, answer);
  });
}

// The service reads at most so many characters of words (the box's maxlength keeps to it): its
// refusal names the box the engineer typed in, not the request's field.
function wordsRefusal(problem: ProblemBody): string | undefined {
  const refusal = problem.errors?.find((error) => error.pointer === '/text');
  if (!refusal) return undefined;
  document.getElementById('answer-text')?.setAttribute('aria-invalid', 'true');
  return `The service did not read your words (“Or answer in your own words”): the text ${refusal.detail}.`;
}

/** Shows the service's answer: its first question, or `keep` while the service still asks it. */
function show(answer: DiagnoseResponse, current: Consultation, keep?: string): void {
  const titles = new Map<string, string>();
  for (const candidate of answer.candidates ?? []) titles.set(candidate.id, candidate.title);
  for (const diagnosis of answer.diagnoses) for (const workaround of diagnosis.workarounds) titles.set(workaround.id, workaround.title);

  const question = answer.questions.find((q) => q.fact === keep) ?? answer.questions[0];
  byId('words-read').replaceChildren();
  fill(
    byId('question'),
    question
      ? questionView(question, {
          number: current.answered + 1,
          vocabulary,
          titles,
          onAnswer: (value) => void onAnswer(question.fact, value),
          onWords: (text) => void onWords(question.fact, text),
        })
      : h('section', { class: 'finished' }, h('h2', { id: 'question-heading', tabindex: -1 }, 'Nothing more to ask'), h('p', {}, closingLine(answer))),
  );
  fill(
    byId('answers-list'),
    current.entries.map(({ fact, value, words }) => [
      h('dt', {}, vocabulary.name(fact)),
      h(
        'dd',
        { 'data-fact': fact, 'data-source': words ? 'text' : undefined },
        vocabulary.label(fact, value),
        words ? h('span', { class: 'quiet' }, `, from your words ${quoted(words)}`.trimEnd()) : null,
      ),
    ]),
  );
  const count = answer.diagnoses.length;
  const likely = answer.diagnoses.filter((d) => d.status === 'likely').length;
  fill(
    byId('results-body'),
    inferencesView(answer.facts.derivations, answer.conflicts, vocabulary),
    count
      ? answer.diagnoses.map((diagnosis) => diagnosisView(diagnosis, vocabulary, artifactForm))
      : h('p', { class: 'none' }, question ? 'No diagnosis is confirmed yet.' : 'No diagnosis in the knowledge base fits these facts.'),
    outOfScopeView(answer.outOfScope, vocabulary),
    undeterminedView(answer.candidates ?? [], vocabulary),
  );
  const confirmed = count - likely;
  byId('status').textContent =
    `${confirmed === 1 ? '1 diagnosis' : `${confirmed} diagnoses`} confirmed${likely ? `, ${likely} likely` : ''}; ${question ? 'next question asked' : 'nothing more to ask'}.`;
  byId('consultation').hidden = false;
  byId('results').hidden = false;
  byId('question-heading').focus();
}

/**
 * What the end of a consultation says: that what remains open waits for the facts answered "Don't
 * know", named, only when there are such facts and something is still open.
 */
function closingLine(answer: DiagnoseResponse): string {
  const open = (answer.candidates ?? []).filter((c) => c.status === 'undetermined').length;
  const unknown = answer.facts.unknown;
  if (open && unknown.length) return `Every diagnosis these facts can decide is decided; what remains open needs what you did not know: ${vocabulary.nameList(unknown)}.`;
  if (open) return `Every diagnosis these facts can decide is decided; ${open === 1 ? 'one stays' : `${open} stay`} undetermined, waiting for the facts listed below.`;
  return 'Every diagnosis these facts can decide is decided: nothing remains open.';
}

/**
 * Runs a call to the API; a problem is shown (a missing key opens the key field), in the words
 * `explain` gives it where it has some, and gives undefined.
 */
async function guarded<T>(call: () => Promise<T>, explain?: (problem: ProblemBody) => string | undefined): Promise<T | undefined> {
  const main = byId('main');
  main.setAttribute('aria-busy', 'true');
  byId('error').hidden = true;
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.status === 401) {
      byId<HTMLDetailsElement>('settings').open = true;
      byId('api-key').focus();
    }
    const explained = error instanceof ApiProblem ? explain?.(error.problem) : undefined;
    showError(explained ?? (error instanceof Error ? error.message : String(error)));
    return undefined;
  } finally {
    main.removeAttribute('aria-busy');
  }
}

function showError(message: string): void {
  const box = byId('error');
  box.textContent = message;
  box.hidden = false;
}

function setUpApiKey(): void {
  const input = byId<HTMLInputElement>('api-key');
  input.value = apiKey.get();
  byId('settings-form').addEventListener('submit', (event) => {
    event.preventDefault();
    apiKey.set(input.value.trim());
    byId('error').hidden = true;
    // The vocabulary could not be loaded without the key: start again with it.
    if (!vocabulary) location.reload();
  });
}

void start();
