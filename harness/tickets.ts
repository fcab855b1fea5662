import { projectRoot } from '../src/paths';
import fs from 'node:fs';
import path from 'node:path';

export interface CorpusTicket {
  id: string;
  subject: string;
  body: string;
  /** The facts a support engineer would assign from the text. */
  facts: Record<string, unknown>;
  /** The diagnoses they would assign. */
  diagnoses: string[];
}

/** A ticket of the blind corpus: its writer also listed what the vocabulary cannot hold, and the articles. */
interface BlindTicket extends Omit<CorpusTicket, 'diagnoses'> {
  context: string[];
  articles: string[];
}

const fixtures = path.join(projectRoot, 'test', 'fixtures');

/** The objects of a JSON Lines file, blank lines skipped. */
export function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The first corpus, written together with the extraction patterns (test/fixtures/tickets.jsonl). */
export function readCorpus(): CorpusTicket[] {
  return readJsonLines<CorpusTicket>(path.join(fixtures, 'tickets.jsonl'));
}

/**
 * One of the blind corpora (test/fixtures/blind/corpora.json): a `dev` corpus may be read while
 * tuning; a `test` corpus is only scored, never read case by case.
 */
export interface BlindCorpus {
  /** Its file in test/fixtures/blind. */
  file: string;
  name: string;
  use: 'dev' | 'test';
  tickets: BlindTicket[];
}

/** The blind corpora as test/fixtures/blind/corpora.json lists them, in the order they were written. */
export function readBlindCorpora(): BlindCorpus[] {
  const dir = path.join(fixtures, 'blind');
  const { corpora } = JSON.parse(fs.readFileSync(path.join(dir, 'corpora.json'), 'utf8')) as { corpora: { file: string; name: string; use: 'dev' | 'test' }[] };
  return corpora.map(({ file, name, use }) => ({ file, name, use, tickets: readJsonLines<BlindTicket>(path.join(dir, file)) }));
}
