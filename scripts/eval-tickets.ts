// Extraction precision and recall per fact and overall, on every corpus side by side: the first
// corpus (written with the patterns), and the blind corpora (written by people
// who never saw them; test/fixtures/blind/README.md). The development corpora's mistakes are listed; the
// test corpora are only scored, so that they measure what tuning on the others did not see.
// `npm run eval:tickets`.
import { DOMAIN_VOCABULARY, precision, recall, scoreExtraction, total, type LabelScope, type Score } from '../harness/ticket-scores';
import { readBlindCorpora, readCorpus } from '../harness/tickets';

// The blind corpus is scored on the facts and values of docs/domain.md, the vocabulary its writer had.
const corpora: { name: string; tickets: Parameters<typeof scoreExtraction>[0]; listMistakes: boolean; scope?: LabelScope }[] = [
  { name: 'first corpus', tickets: readCorpus(), listMistakes: true, scope: DOMAIN_VOCABULARY },
  ...readBlindCorpora().map(({ name, use, tickets }) => ({ name: `blind ${name}`, tickets, listMistakes: use === 'dev', scope: DOMAIN_VOCABULARY })),
];
const scored = corpora.map((c) => ({ ...c, ...scoreExtraction(c.tickets, c.scope) }));
const pct = (x: number) => x.toFixed(3);
const cell = (s: Score | undefined) => {
  if (!s || s.truePositives + s.falseNegatives + s.falsePositives === 0) return ''.padStart(19);
  return `${String(s.truePositives + s.falseNegatives).padStart(4)} ${pct(precision(s)).padStart(6)} ${pct(recall(s)).padStart(6)} `;
};

console.log(scored.map((c) => `${c.name}: ${c.tickets.length} tickets`).join('; '));
console.log(`\n${'fact'.padEnd(24)}${scored.map((c) => `| ${c.name.padEnd(17)}`).join('')}`);
console.log(`${''.padEnd(24)}${scored.map(() => '| lbls  prec    rec ').join('')}`);
const facts = [...new Set(scored.flatMap((c) => [...c.byFact.keys()]))];
for (const fact of facts) {
  const cells = scored.map((c) => c.byFact.get(fact));
  if (cells.every((s) => !s || s.truePositives + s.falseNegatives + s.falsePositives === 0)) continue;
  console.log(`${fact.padEnd(24)}${cells.map((s) => `|${cell(s)}`).join('')}`);
}
console.log(`${'overall'.padEnd(24)}${scored.map((c) => `|${cell(total(c.byFact.values()))}`).join('')}`);
for (const c of scored.filter((x) => x.listMistakes)) {
  console.log(`\n${c.name}: ${c.mistakes.length} mistakes`);
  for (const m of c.mistakes) console.log(`  ${m.id}  ${m.fact}: labelled ${JSON.stringify(m.expected)}, extracted ${JSON.stringify(m.extracted)}`);
}
for (const c of scored.filter((x) => !x.listMistakes)) console.log(`\n${c.name}: ${c.mistakes.length} mistakes (not listed: a test corpus is scored, not read)`);
