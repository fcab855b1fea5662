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

export function readCorpus(): CorpusTicket[] {
  const file = path.join(__dirname, '..', 'fixtures', 'tickets.jsonl');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusTicket);
}
