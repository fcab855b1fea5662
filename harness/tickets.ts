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
export interface BlindTicket extends Omit<CorpusTicket, 'diagnoses'> {
  context: string[];
  articles: string[];
}

const fixtures = path.join(projectRoot, 'test', 'fixtures');

function readJsonLines<T>(file: string): T[] {
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
 * A half of the blind corpus (test/fixtures/blind/): `dev` may be read while tuning; `test` is
 * only scored, never read case by case.
 */
export function readBlindCorpus(half: 'dev' | 'dev2' | 'dev3' | 'test' | 'test2' | 'test3'): BlindTicket[] {
  return readJsonLines<BlindTicket>(path.join(fixtures, 'blind', `${half}.jsonl`));
}
