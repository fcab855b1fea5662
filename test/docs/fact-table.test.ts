import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { factTable } from '../support/fact-table';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

describe('docs/api.md', () => {
  it('lists the fact vocabulary exactly as rules/facts.json has it', () => {
    const guide = fs.readFileSync(path.join(projectRoot, 'docs', 'api.md'), 'utf8');
    expect(guide).toContain(factTable(bundledKnowledgeBase().kb.vocabulary));
  });
});
