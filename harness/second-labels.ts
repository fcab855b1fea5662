import { projectRoot } from '../src/paths';
import fs from 'node:fs';
import path from 'node:path';
import { readJsonLines } from './tickets';

/**
 * A second person's labels of a blind corpus (test/fixtures/blind/second-labels/<corpus file>):
 * someone who saw only the tickets' text, the vocabulary and the labelling rules, never the
 * writer's labels or the extractor, labelled every ticket again.
 */
export interface SecondLabels {
  /** The corpus file the labels are for, as corpora.json names it. */
  file: string;
  facts: Map<string, Record<string, unknown>>;
}

const dir = path.join(projectRoot, 'test', 'fixtures', 'blind', 'second-labels');

export function readSecondLabels(): SecondLabels[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => ({
      file,
      facts: new Map(readJsonLines<{ id: string; facts: Record<string, unknown> }>(path.join(dir, file)).map(({ id, facts }) => [id, facts])),
    }));
}
