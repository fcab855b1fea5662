// Extraction precision and recall on the ticket corpus (test/fixtures/tickets.jsonl), per fact
// and overall, with every mistake listed. `npm run eval:tickets`.
import { precision, recall, scoreExtraction, total } from '../test/support/ticket-scores';
import { readCorpus } from '../test/support/tickets';

const corpus = readCorpus();
const { byFact, mistakes } = scoreExtraction(corpus);
const pct = (x: number) => x.toFixed(3);
console.log(`${corpus.length} tickets\n`);
console.log('fact                      labels  found  precision  recall');
for (const [fact, s] of byFact) {
  const labels = s.truePositives + s.falseNegatives;
  const found = s.truePositives + s.falsePositives;
  if (labels + found === 0) continue;
  console.log(`${fact.padEnd(24)}  ${String(labels).padStart(6)}  ${String(found).padStart(5)}  ${pct(precision(s)).padStart(9)}  ${pct(recall(s)).padStart(6)}`);
}
const all = total(byFact.values());
console.log(`${'overall'.padEnd(24)}  ${String(all.truePositives + all.falseNegatives).padStart(6)}  ${String(all.truePositives + all.falsePositives).padStart(5)}  ${pct(precision(all)).padStart(9)}  ${pct(recall(all)).padStart(6)}`);
console.log(`\n${mistakes.length} mistakes:`);
for (const m of mistakes) console.log(`  ${m.id}  ${m.fact}: labelled ${JSON.stringify(m.expected)}, extracted ${JSON.stringify(m.extracted)}`);
