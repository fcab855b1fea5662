// Compares two builds' ticket annotation in one process, their rounds taking turns, so that the
// machine's drift (a third within the hour on this project's machine) falls on both alike: each
// build loads its own rules and compiled code, both warm up, then 200 rounds of five passes over
// the first corpus alternate between them.
//
//   git worktree add /tmp/base <ref> && (cd /tmp/base && ln -s "$PWD/node_modules" . && npm run build)
//   npm run build && npx tsx scripts/annotation-ab.ts /tmp/base [annotate | read]
//
// `read` times the ticket reader alone (readTicket), `annotate` (the default) the whole annotation.
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { readCorpus } from '../harness/tickets';
import type * as AnnotateModule from '../src/app/annotate';
import type * as DiagnoseModule from '../src/engine/diagnose';
import type * as ExtractModule from '../src/annotate/extract';
import type * as LoadModule from '../src/kb/load';

const [baseRoot, mode = 'annotate'] = process.argv.slice(2);
if (!baseRoot || !['annotate', 'read'].includes(mode)) throw new Error('usage: tsx scripts/annotation-ab.ts <baseline checkout, built> [annotate | read]');
const ROUNDS = 200;
const PASSES = 5;
const WARM_UP = 100;

type Ticket = { id: string; subject: string; body: string };

/** One build's annotation (or reading) of a ticket, from its compiled code and its own rules. */
function annotatorOf(root: string): (ticket: Ticket) => Promise<unknown> {
  const load = createRequire(path.join(root, 'package.json'));
  const { loadKnowledgeBase } = load('./dist/kb/load') as typeof LoadModule;
  const { Diagnoser } = load('./dist/engine/diagnose') as typeof DiagnoseModule;
  const { annotate } = load('./dist/app/annotate') as typeof AnnotateModule;
  const { readTicket } = load('./dist/annotate/extract') as typeof ExtractModule;
  const kb = loadKnowledgeBase(path.join(root, 'rules'));
  const served = { kb, diagnoser: new Diagnoser(kb) };
  return mode === 'read' ? (ticket) => Promise.resolve(readTicket(ticket, kb.extraction, kb.vocabulary)) : (ticket) => annotate(served, ticket);
}

async function main(): Promise<void> {
  const corpus: Ticket[] = readCorpus().map(({ id, subject, body }) => ({ id, subject, body }));
  const builds = [annotatorOf(path.resolve(baseRoot!)), annotatorOf(projectRoot)];
  const nanoseconds = [0, 0];
  for (let round = 0; round < WARM_UP; round += 1) for (const build of builds) for (const ticket of corpus) await build(ticket);
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each round runs both builds, the one first that went second the round before.
    for (const which of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = process.hrtime.bigint();
      for (let pass = 0; pass < PASSES; pass += 1) for (const ticket of corpus) await builds[which]!(ticket);
      nanoseconds[which]! += Number(process.hrtime.bigint() - start);
    }
  }
  const tickets = ROUNDS * PASSES * corpus.length;
  const perSecond = nanoseconds.map((ns) => Math.round(tickets / (ns / 1e9)));
  console.log(`${mode}, tickets a second: baseline ${perSecond[0]}, this build ${perSecond[1]} (x${(nanoseconds[0]! / nanoseconds[1]!).toFixed(3)})`);
}

void main();
