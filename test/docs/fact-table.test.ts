import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { FACT_TABLE_COMMAND, factTable, staleFactTable, withFactTable } from '../../src/authoring/fact-table';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

describe("docs/api.md's fact table", () => {
  const guide = fs.readFileSync(path.join(projectRoot, 'docs', 'api.md'), 'utf8');
  const { vocabulary } = bundledKnowledgeBase().kb;

  it('is rules/facts.json as it is today', () => {
    expect(guide).toContain(factTable(vocabulary));
    expect(staleFactTable(guide, vocabulary)).toBeUndefined();
  });

  it('when stale, says which command writes it again, and that command makes it current', () => {
    const stale = guide.replace(/\| `symptoms` \|[^\n]*\|\n/, '');
    expect(stale).not.toBe(guide);
    expect(staleFactTable(stale, vocabulary)).toBe(`docs/api.md's fact table differs from rules/facts.json: run \`${FACT_TABLE_COMMAND}\` to write it again`);
    expect(withFactTable(stale, vocabulary)).toBe(guide);
  });

  it('names a command package.json has', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toContain(FACT_TABLE_COMMAND.replace(/^npm run /, ''));
  });
});
