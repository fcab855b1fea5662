import fs from 'node:fs';
import path from 'node:path';
import { readTicket } from '../../src/annotate/extract';
import type { LexiconFile } from '../../src/kb/extraction';
import { bundledRulesDir } from '../../src/paths';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

// Every phrase of every lexicon, written on its own in a ticket about Outlook, gives the value
// (or the context item) its entry says: no other entry, cue or pattern takes it over. A phrase
// that did not would be dead data, or worse, a source cited for a value it never gives.
const dir = path.join(bundledRulesDir, 'lexicons');
const lexicons = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, file: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as LexiconFile }));

const cases = lexicons.flatMap(({ name, file }) => file.entries.flatMap((entry) => (entry.phrases ?? []).map((phrase) => [name, phrase, file.fact, entry.value ?? entry.id] as const)));

it('the lexicons hold phrases to check', () => {
  expect(cases.length).toBeGreaterThan(500);
});

it.each(cases)('%s: "%s" gives %s %p', (_file, phrase, fact, expected) => {
  const { kb } = bundledKnowledgeBase();
  // A sentence that makes the ticket about an Exchange client without naming the fact tested.
  const topic = fact === 'clientKind' ? 'Exchange 2003 fails.' : 'Outlook fails.';
  const reading = readTicket({ body: `${topic} ${phrase}.` }, kb.extraction, kb.vocabulary);
  if (fact === undefined) {
    expect(reading.context.map((c) => c.id)).toContain(expected);
  } else if (fact === 'symptoms') {
    expect(reading.facts.symptoms?.value).toContain(expected);
  } else {
    expect(reading.facts[fact]?.value).toBe(expected);
  }
});
