import { expect } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { generateArtifact } from '../../src/artifacts/generate';
import { coverage } from '../../src/authoring/coverage';
import { checkScenarioFiles, readScenarioFiles, readScenarioTables, type ScenarioTable } from '../../src/authoring/scenario-tables';
import { newerBy } from '../../src/authoring/article-age';
import { lint } from '../../src/authoring/lint';
import { readSourceTexts } from '../../src/authoring/sources';
import { KnowledgeBaseError } from '../../src/kb/errors';
import { buildKnowledgeBase, type KnowledgeBaseSource } from '../../src/kb/load';
import { readRulesDir } from '../../src/kb/rules-dir';
import { bundledRulesDir, projectRoot } from '../../src/paths';
import { adviceOnVersions, extractionWithout, firstArticleUsing } from '../support/rules-queries';

// An author adds an article by adding files to rules/ and test/scenarios/, never by editing a
// test. This builds the knowledge base with one more article than rules/ holds (a fixture, from
// objects) and runs the checks that used to name today's articles, to show they follow.
const fixtures = path.join(projectRoot, 'test', 'fixtures', 'added-article');
const scenariosDir = path.join(projectRoot, 'test', 'scenarios');
const readFixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));

function withAddedArticle(): { source: KnowledgeBaseSource; tables: ScenarioTable[]; texts: Map<string, string> } {
  const source = readRulesDir(bundledRulesDir);
  source.articles['KB100001.json'] = readFixture('KB100001.json');
  const tables = [...readScenarioTables(scenariosDir), readFixture('KB100001.table.json') as ScenarioTable];
  const texts = new Map([...readSourceTexts(bundledRulesDir), ['Q100001.txt', fs.readFileSync(path.join(fixtures, 'Q100001.txt'), 'utf8')]]);
  return { source, tables, texts };
}

describe('a knowledge base with one more article than rules/ holds', () => {
  const { source, tables, texts } = withAddedArticle();
  const kb = buildKnowledgeBase(source);

  it('holds every article, the added one among them in id order', () => {
    const bundled = buildKnowledgeBase(readRulesDir(bundledRulesDir)).articles.map((a) => a.id);
    expect(kb.articles.map((a) => a.id)).toEqual([...bundled, 'KB100001'].sort());
  });

  it('lints without errors, its scenario table checks out, and the table exercises it both ways', async () => {
    expect(lint(kb, { texts }).filter((f) => f.level === 'error')).toEqual([]);
    const files = [...readScenarioFiles(scenariosDir), { name: 'KB100001.json', label: 'KB100001.table.json', content: readFixture('KB100001.table.json') }];
    expect(checkScenarioFiles(kb, files)).toEqual([]);
    // Without its table, the added article is named as lacking one.
    expect(checkScenarioFiles(kb, files.slice(0, -1))).toEqual([expect.objectContaining({ file: 'articles/KB100001.json', message: expect.stringMatching(/^no scenario table/) })]);
    const exercised = await coverage(kb, tables);
    const added = exercised.filter((e) => e.id.startsWith('KB100001.') && e.kind !== 'condition');
    expect(added.map((e) => [e.id, e.matched > 0, e.unmatched > 0]).sort()).toEqual([
      ['KB100001.fixture-choose-port', true, true],
      ['KB100001.fixture-port-taken', true, true],
    ]);
  });

  it("shows the added article's port advice beside a configuration file for its versions, as the rules query expects", () => {
    const result = generateArtifact(kb, 'exchange-static-ports.reg', { directoryPort: 5000, storePort: 5001 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const shown = result.advice.filter((a) => a.setting === 'directoryPort').map((a) => [a.article, a.advice, a.from, a.to]);
    expect(shown).toEqual(adviceOnVersions(kb.articles, ['4.0', '5.0', '5.5'], 'KB155831.static-directory-and-store-ports'));
    expect(shown).toContainEqual(['KB100001', 'use', 1100, 1199]);
  });

  it('names the added article when a value it uses leaves the vocabulary, as the rules query expects', () => {
    const edited = structuredClone(source);
    const vocabulary = edited.vocabulary as { facts: { name: string; values: { value: string }[] }[] };
    const staticPorts = vocabulary.facts.find((f) => f.name === 'exchangeStaticPorts')!;
    staticPorts.values = staticPorts.values.filter((v) => v.value !== 'ephemeral');
    edited.extraction = extractionWithout(edited.extraction, 'exchangeStaticPorts', 'ephemeral');
    expect(firstArticleUsing(edited.articles, 'exchangeStaticPorts', 'ephemeral')).toBe('articles/KB100001.json');
    expect(() => buildKnowledgeBase(edited)).toThrow(KnowledgeBaseError);
    expect(() => buildKnowledgeBase(edited)).toThrow(/^articles\/KB100001\.json/);
  });
});

describe('an added article whose diagnosis has the same conditions as an existing one', () => {
  const { source, texts } = withAddedArticle();
  const existing = (source.articles['KB194952.json'] as { diagnoses: { conditions: unknown; scope: unknown }[] }).diagnoses[0]!;
  const added = source.articles['KB100001.json'] as { diagnoses: { conditions: unknown; scope: unknown }[] };
  added.diagnoses[0]!.conditions = structuredClone(existing.conditions);
  added.diagnoses[0]!.scope = structuredClone(existing.scope);
  const kb = buildKnowledgeBase(source);
  const twins = (newer?: (a: string, b: string) => string) => lint(kb, { texts, ...(newer ? { newer } : {}) }).filter((f) => f.message.includes('has the same conditions as'));

  it('is an error of the added article, although its id sorts before the existing one, naming the existing one and what to change', () => {
    const order = [...kb.articles.map((a) => a.id).filter((id) => id !== 'KB100001'), 'KB100001'];
    expect(twins(newerBy(order))).toEqual([
      {
        level: 'error',
        file: 'articles/KB100001.json',
        pointer: '/diagnoses/0/conditions',
        message: expect.stringMatching(
          /^diagnosis "fixture-port-taken" has the same conditions as KB194952\.[a-z-]+ \(articles\/KB194952\.json at \/diagnoses\/0\), and the same scope, so no facts tell them apart: add the condition this article's text sets it apart by/,
        ),
      },
    ]);
  });

  it('goes to the later id when nothing says which was added last', () => {
    expect(twins().map((f) => f.file)).toEqual(['articles/KB194952.json']);
  });
});
