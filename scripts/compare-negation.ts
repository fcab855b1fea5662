// Which tokenizer should negation scope read: wink-nlp's (what extraction uses), compromise's,
// or the run of letters and apostrophes extraction used before (a word per run, contractions as
// spelled)? Each is scored on extraction precision and recall over the first corpus and the
// blind corpus's development half (the test half is not used to choose), and timed on reading
// every ticket of both. `npm run compare:negation`.
import nlp from 'compromise';
import { readTicket } from '../src/annotate/extract';
import type { Tokens } from '../src/annotate/language';
import { tokenize } from '../src/annotate/language';
import type { Tokenizer } from '../src/annotate/negation';
import { DOMAIN_VOCABULARY, precision, recall, scoreExtraction, total } from '../harness/ticket-scores';
import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { readBlindCorpora, readCorpus } from '../harness/tickets';

/** The tokens extraction read before wink-nlp: runs of ASCII letters and apostrophes, lower case, and punctuation. */
const words: Tokenizer = (text) => fromMatches(text, /[a-z']+|[^\sa-z']/gi, (word) => word.toLowerCase());

/** compromise's terms, with its contractions' implicit words ("can't" is "can" and "not") and its punctuation as tokens. */
const compromise: Tokenizer = (text) => {
  const tokens: Tokens = { normals: [], starts: [], ends: [] };
  for (const sentence of nlp(text).json({ offset: true, terms: { offset: true, normal: true } }) as {
    terms: { normal: string; implicit?: string; post: string; offset: { start: number; length: number } }[];
  }[]) {
    for (const term of sentence.terms) {
      push(tokens, term.implicit ?? term.normal, term.offset.start, term.offset.start + term.offset.length);
      const mark = term.post.trim();
      if (mark) push(tokens, mark[0]!, term.offset.start + term.offset.length, term.offset.start + term.offset.length + 1);
    }
  }
  return tokens;
};

function fromMatches(text: string, regex: RegExp, normal: (token: string) => string): Tokens {
  const tokens: Tokens = { normals: [], starts: [], ends: [] };
  for (const match of text.matchAll(regex)) push(tokens, normal(match[0]), match.index, match.index + match[0].length);
  return tokens;
}

function push(tokens: Tokens, normal: string, start: number, end: number): void {
  tokens.normals.push(normal);
  tokens.starts.push(start);
  tokens.ends.push(end);
}

const { kb } = bundledKnowledgeBase();
const corpora: { name: string; tickets: Parameters<typeof scoreExtraction>[0] }[] = [
  { name: 'first corpus', tickets: readCorpus() },
  ...readBlindCorpora()
    .filter((corpus) => corpus.name === 'dev')
    .map(({ tickets }) => ({ name: 'blind dev', tickets })),
];
const tokenizers: [string, Tokenizer][] = [
  ['words (before)', words],
  ['wink-nlp', tokenize],
  ['compromise', compromise],
];
const f = (x: number) => x.toFixed(3);
console.log(`${'tokenizer'.padEnd(16)}${corpora.map((c) => `| ${c.name.padEnd(14)} P      R     `).join('')}| µs per ticket (both corpora)`);
for (const [name, tokenizer] of tokenizers) {
  const cells = corpora.map(({ tickets }) => {
    const scored = scoreExtraction(tickets, DOMAIN_VOCABULARY, tokenizer);
    const sum = total(scored.byFact.values());
    return `| ${''.padEnd(14)} ${f(precision(sum))}  ${f(recall(sum))} `;
  });
  const all = corpora.flatMap((c) => [...c.tickets]);
  const read = () => all.forEach((t) => readTicket(t, kb.extraction, kb.vocabulary, tokenizer));
  for (let i = 0; i < 10; i += 1) read();
  const rounds = 40;
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i += 1) read();
  const micros = Number(process.hrtime.bigint() - started) / 1e3 / (all.length * rounds);
  console.log(`${name.padEnd(16)}${cells.join('')}| ${micros.toFixed(1)}`);
}
