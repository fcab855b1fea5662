// Writes docs/fidelity.md from rules/: for every article, each diagnosis's conditions, scope and
// confirmation beside the source sentence that justifies them, then every statement marked
// derived, with why. The review written by hand below the REVIEW marker is kept as it is.
// `npm run fidelity` writes it; `npm run fidelity -- --check` fails when it is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fidelityReport } from '../src/authoring/fidelity';
import { loadKnowledgeBase } from '../src/kb/load';
import { bundledRulesDir, projectRoot } from '../src/paths';

export const FIDELITY_FILE = path.join(projectRoot, 'docs', 'fidelity.md');
const MARKER = '<!-- REVIEW: written by hand, kept by `npm run fidelity` -->';

const existing = fs.existsSync(FIDELITY_FILE) ? fs.readFileSync(FIDELITY_FILE, 'utf8') : '';
const review = existing.includes(MARKER) ? existing.slice(existing.indexOf(MARKER)) : `${MARKER}\n`;
const text = `${fidelityReport(loadKnowledgeBase(bundledRulesDir))}\n${review}`;
if (process.argv.includes('--check')) {
  if (text !== existing) {
    console.error('docs/fidelity.md is out of date: run `npm run fidelity`');
    process.exitCode = 1;
  }
} else {
  fs.writeFileSync(FIDELITY_FILE, text);
  console.log(`wrote ${path.relative(projectRoot, FIDELITY_FILE)}`);
}
