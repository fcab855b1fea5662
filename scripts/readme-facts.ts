// Writes the README's fact table from rules/facts.json (between its marker comments);
// `npm run readme:facts -- --check` fails when it is out of date. test/docs/readme.test.ts checks
// it too, and its message names this command.
import fs from 'node:fs';
import path from 'node:path';
import { staleFactTable, withFactTable } from '../src/authoring/fact-table';
import { loadKnowledgeBase } from '../src/kb/load';
import { bundledRulesDir, projectRoot } from '../src/paths';

const readmeFile = path.join(projectRoot, 'README.md');
const readme = fs.readFileSync(readmeFile, 'utf8');
const { vocabulary } = loadKnowledgeBase(bundledRulesDir);
if (process.argv.includes('--check')) {
  const stale = staleFactTable(readme, vocabulary);
  if (stale) {
    console.error(stale);
    process.exitCode = 1;
  }
} else {
  fs.writeFileSync(readmeFile, withFactTable(readme, vocabulary));
  console.log('wrote the fact table of README.md');
}
