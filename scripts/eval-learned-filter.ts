// Could a model learned from the labelled blind tickets tell the extractor's wrong readings from
// its right ones? An experiment, not part of the product: for every value the extractor reads
// from a development corpus, a logistic regression is trained on the readings of all the other
// development corpora (leave one corpus out, so that no writer's wording is seen in training) to
// say whether the writer labelled it, from what the reading shows: the fact and value, the
// confidence, how much evidence, whether the subject holds it, the words around its evidence,
// the ticket's length, questions and context mentions. Readings it doubts (below a threshold)
// are dropped, and precision and recall over all development corpora are compared with the
// extractor's own. The conclusion is in docs/extraction.md. `npm run eval:learned-filter`.
import { readTicket } from '../src/annotate/extract';
import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { DOMAIN_VOCABULARY } from '../harness/ticket-scores';
import { readBlindCorpora } from '../harness/tickets';

interface Reading {
  corpus: string;
  features: Map<number, number>;
  right: boolean;
}

const { kb } = bundledKnowledgeBase();
const symptoms = DOMAIN_VOCABULARY.values!.symptoms!;
const featureIds = new Map<string, number>();
const feature = (name: string) => featureIds.get(name) ?? featureIds.set(name, featureIds.size).get(name)!;
const WORD = /[\p{L}\p{N}']+/gu;
const AROUND = 80;

/** The extractor's readings of the development corpora, each with its features and whether the writer labelled it; and the labels it missed, per corpus. */
function readingsOfDevelopmentCorpora(): { readings: Reading[]; missed: Map<string, number> } {
  const readings: Reading[] = [];
  const missed = new Map<string, number>();
  for (const corpus of readBlindCorpora().filter((c) => c.use === 'dev')) {
    for (const ticket of corpus.tickets) {
      const reading = readTicket(ticket, kb.extraction, kb.vocabulary);
      const fields = { subject: ticket.subject ?? '', body: ticket.body ?? '' };
      const ticketFeatures = new Map<number, number>([
        [feature('facts read'), Object.keys(reading.facts).length / 10],
        [feature('log length'), Math.log1p(fields.body.length) / 10],
        ...reading.context.map((c) => [feature(`context=${c.id}`), 1] as [number, number]),
      ]);
      const questions = Math.min((fields.body.match(/\?/g) ?? []).length, 5) / 5;
      for (const fact of DOMAIN_VOCABULARY.facts) {
        const labelled = [ticket.facts[fact]].flat().filter((v) => v !== undefined);
        const read = reading.facts[fact];
        const values = read ? [read.value].flat().filter((v) => fact !== 'symptoms' || symptoms.includes(v as string)) : [];
        missed.set(corpus.file, (missed.get(corpus.file) ?? 0) + labelled.filter((v) => !values.includes(v as never)).length);
        if (!read) continue;
        const words = new Set(
          read.evidence.slice(0, 4).flatMap(
            (e) =>
              fields[e.field]
                .slice(Math.max(0, e.start - AROUND), e.end + AROUND)
                .toLowerCase()
                .match(WORD) ?? [],
          ),
        );
        for (const value of values) {
          const features = new Map(ticketFeatures);
          const add = (name: string, x = 1) => features.set(feature(name), x);
          add(`fact=${fact}`);
          add(`${fact}=${fact.endsWith('Address') ? 'an address' : String(value)}`);
          add(`${fact} confidence`, read.confidence);
          add(`${fact} log evidence`, Math.log1p(read.evidence.length + (read.evidenceOmitted ?? 0)));
          add(`${fact} in subject`, read.evidence.some((e) => e.field === 'subject') ? 1 : 0);
          add(`${fact} questions`, questions);
          for (const word of words) {
            add(`word=${word}`);
            add(`${fact} word=${word}`);
          }
          readings.push({ corpus: corpus.file, features, right: labelled.includes(value) });
        }
      }
    }
  }
  return { readings, missed };
}

/** Logistic regression with L2, fitted by AdaGrad over a fixed number of passes: weights per feature id. */
function fit(training: Reading[], passes = 15, rate = 0.1, l2 = 1e-4): Float64Array {
  const weights = new Float64Array(featureIds.size + 1);
  const squares = new Float64Array(featureIds.size + 1).fill(1e-8);
  const bias = featureIds.size;
  for (let pass = 0; pass < passes; pass += 1) {
    for (const r of training) {
      const gradient = probability(weights, r) - (r.right ? 1 : 0);
      for (const [id, x] of [...r.features, [bias, 1] as [number, number]]) {
        const g = gradient * x + l2 * weights[id]!;
        squares[id]! += g * g;
        weights[id]! -= (rate * g) / Math.sqrt(squares[id]!);
      }
    }
  }
  return weights;
}

function probability(weights: Float64Array, r: Reading): number {
  let z = weights[featureIds.size]!;
  for (const [id, x] of r.features) z += weights[id]! * x;
  return 1 / (1 + Math.exp(-z));
}

const { readings, missed } = readingsOfDevelopmentCorpora();
const corpora = [...new Set(readings.map((r) => r.corpus))];
const doubt = new Map<Reading, number>();
for (const corpus of corpora) {
  const weights = fit(readings.filter((r) => r.corpus !== corpus));
  for (const r of readings.filter((x) => x.corpus === corpus)) doubt.set(r, probability(weights, r));
}

const allMissed = [...missed.values()].reduce((a, b) => a + b, 0);
const figures = (kept: (r: Reading) => boolean) => {
  const tp = readings.filter((r) => r.right && kept(r)).length;
  const fp = readings.filter((r) => !r.right && kept(r)).length;
  const fn = allMissed + readings.filter((r) => r.right && !kept(r)).length;
  return `precision ${(tp / (tp + fp)).toFixed(4)}  recall ${(tp / (tp + fn)).toFixed(4)}`;
};
console.log(`${corpora.length} development corpora, ${readings.length} readings (${readings.filter((r) => !r.right).length} the writers did not label), ${allMissed} labels not read`);
console.log(`the extractor alone:          ${figures(() => true)}`);
for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  const dropped = readings.filter((r) => doubt.get(r)! < threshold);
  const right = dropped.filter((r) => r.right).length;
  console.log(`dropping readings below ${threshold.toFixed(1)}: ${figures((r) => doubt.get(r)! >= threshold)}  (dropped ${dropped.length - right} wrong, ${right} right)`);
}
