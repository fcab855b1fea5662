import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { factTable } from '../support/fact-table';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

describe('README.md', () => {
  it('lists the fact vocabulary exactly as rules/facts.json has it', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toContain(factTable(bundledKnowledgeBase().kb.vocabulary));
  });
});
