// How far two careful readers agree, beside how far the extractor agrees with the writer: for each
// blind corpus that a second person labelled again (test/fixtures/blind/second-labels), the second
// labels and the extractor are each scored against the writer's labels, per fact, as
// eval:tickets scores the extractor. What two people reach is what a reader of these tickets can
// be asked to reach. `npm run eval:agreement`.
import { readSecondLabels } from '../harness/second-labels';
import { DOMAIN_VOCABULARY, precision, recall, scoreExtraction, scoreLabels, total, type Score } from '../harness/ticket-scores';
import { readBlindCorpora } from '../harness/tickets';

const corpora = readBlindCorpora();
const pct = (x: number) => x.toFixed(3);
const cell = (s: Score) => `${String(s.truePositives + s.falseNegatives).padStart(4)} ${pct(precision(s)).padStart(6)} ${pct(recall(s)).padStart(6)} `;

for (const second of readSecondLabels()) {
  const corpus = corpora.find((c) => c.file === second.file);
  if (!corpus) throw new Error(`second-labels/${second.file}: no corpus of that file in corpora.json`);
  const missing = corpus.tickets.filter((t) => !second.facts.has(t.id)).map((t) => t.id);
  if (missing.length > 0) throw new Error(`second-labels/${second.file}: no labels for ${missing.join(', ')}`);
  const people = scoreLabels(corpus.tickets, (t) => second.facts.get(t.id)!, DOMAIN_VOCABULARY);
  const extractor = scoreExtraction(corpus.tickets, DOMAIN_VOCABULARY);
  console.log(`\nblind ${corpus.name} (${second.file}, ${corpus.tickets.length} tickets): scored against the writer's labels`);
  console.log(`${'fact'.padEnd(24)}| second labeller    | extractor`);
  console.log(`${''.padEnd(24)}| lbls  prec    rec  | lbls  prec    rec`);
  for (const [fact, s] of people.byFact) console.log(`${fact.padEnd(24)}|${cell(s)}|${cell(extractor.byFact.get(fact)!)}`);
  console.log(`${'overall'.padEnd(24)}|${cell(total(people.byFact.values()))}|${cell(total(extractor.byFact.values()))}`);
  // A test corpus is scored, never read case by case: its figures only.
  if (corpus.use === 'test') {
    console.log(`where the two people differ: ${people.mistakes.length} facts (a test corpus: not listed)`);
    continue;
  }
  console.log(`where the two people differ (${people.mistakes.length}):`);
  for (const m of people.mistakes) console.log(`  ${m.id}  ${m.fact}: writer ${JSON.stringify(m.expected)}, second labeller ${JSON.stringify(m.extracted)}`);
}
