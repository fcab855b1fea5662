// Writes the API guide's fact table (docs/api.md) from rules/facts.json (between its marker comments);
// `npm run docs:facts -- --check` fails when it is out of date. test/docs/fact-table.test.ts checks
// it too, and its message names this command.
import fs from 'node:fs';
import path from 'node:path';
import { staleFactTable, withFactTable } from '../src/authoring/fact-table';
import { loadKnowledgeBase } from '../src/kb/load';
import { bundledRulesDir, projectRoot } from '../src/paths';

const guideFile = path.join(projectRoot, 'docs', 'api.md');
const guide = fs.readFileSync(guideFile, 'utf8');
const { vocabulary } = loadKnowledgeBase(bundledRulesDir);
if (process.argv.includes('--check')) {
  const stale = staleFactTable(guide, vocabulary);
  if (stale) {
    console.error(stale);
    process.exitCode = 1;
  }
} else {
  fs.writeFileSync(guideFile, withFactTable(guide, vocabulary));
  console.log('wrote the fact table of docs/api.md');
}
