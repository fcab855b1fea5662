import fs from 'node:fs';
import path from 'node:path';
import { readAllowances } from '../../src/authoring/allowances';
import { contradictions } from '../../src/authoring/contradictions';
import { buildKnowledgeBase, type KnowledgeBaseSource } from '../../src/kb/load';
import { readRulesDir } from '../../src/kb/rules-dir';
import { bundledRulesDir, projectRoot } from '../../src/paths';

type Workarounds = { workarounds: { details?: { portAdvice?: Record<string, unknown>[]; registry?: Record<string, unknown>[] } }[] };

describe("advice of one article that contradicts another's", () => {
  const bundled = readRulesDir(bundledRulesDir);
  // The fixture article (test/fixtures/added-article) stands in for an author's: the bundled
  // articles are only what it is set against, so that the test holds whichever of them there are.
  const withFixture = structuredClone(bundled);
  withFixture.articles['KB100001.json'] = JSON.parse(fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'added-article', 'KB100001.json'), 'utf8'));
  const byId = (a: string, b: string) => (a < b ? b : a);
  const edited = (file: string, edit: (article: Workarounds) => void): KnowledgeBaseSource => {
    const source = structuredClone(withFixture);
    edit(source.articles[file] as Workarounds);
    return source;
  };
  const fixtureAvoids =
    (extra: Record<string, unknown> = {}) =>
    (a: Workarounds) =>
      a.workarounds[0]!.details!.portAdvice!.push({ advice: 'avoid', from: 4950, to: 4999, text: 'Avoid 4950-4999.', source: { section: 'Resolution' }, ...extra });
  const subjects = (source: KnowledgeBaseSource) => contradictions(buildKnowledgeBase(source), byId).map((f) => f.allowable?.subject);
  const intentional = readAllowances(bundledRulesDir)
    .allowances.filter((a) => a.check === 'advice-contradiction')
    .map((a) => a.subject);

  it('finds in the bundled rules only the contradictions rules/allowances.json records as intentional', () => {
    expect(subjects(bundled).sort()).toEqual([...intentional].sort());
  });

  it('sets out a range one article advises using and another advises against side by side, with both sources', () => {
    const found = contradictions(buildKnowledgeBase(edited('KB100001.json', fixtureAvoids())), byId).find((f) => f.allowable?.subject === 'KB100001 avoid 4950-4999 | KB194952 use 4900-5000')!;
    expect(found.level).toBe('warning');
    const [summary, first, second, advice] = found.message.split('\n');
    expect(summary).toBe('KB194952 advises using ports 4900-5000 and KB100001 advises against 4950-4999: they disagree on ports 4950-4999 for Exchange 4.0, 5.0, 5.5. Side by side:');
    expect(first).toMatch(/^ {2}KB194952 \(use 4900-5000; articles\/KB194952\.json at \/workarounds\/0\/details\/portAdvice\/1\): ".+" -- section "/);
    expect(second).toBe('  KB100001 (avoid 4950-4999; articles/KB100001.json at /workarounds/0/details/portAdvice/1): "Avoid 4950-4999." -- section "Resolution"');
    expect(advice).toMatch(/never settle it in the rules\) and allow it in rules\/allowances\.json as intentional/);
  });

  it('files the warning against the newer of the two articles, as the caller says which that is', () => {
    const kb = buildKnowledgeBase(edited('KB100001.json', fixtureAvoids()));
    const about = (newer: (a: string, b: string) => string) => contradictions(kb, newer).find((f) => f.allowable?.subject.startsWith('KB100001 avoid 4950-4999'))!.file;
    expect(about(() => 'KB100001')).toBe('articles/KB100001.json');
    expect(about(() => 'KB194952')).toBe('articles/KB194952.json');
  });

  it('leaves alone advice about another server, or about other Exchange versions', () => {
    const about = (extra: Record<string, unknown>) => subjects(edited('KB100001.json', fixtureAvoids(extra)));
    expect(about({ concerns: 'global-catalog' })).toEqual(subjects(withFixture));
    expect(about({ exchangeVersions: ['2003'] })).toEqual(subjects(withFixture));
  });

  it('finds a registry value two articles give different types', () => {
    const source = edited('KB148732.json', (a) => (a.workarounds[0]!.details!.registry![0]!.type = 'REG_SZ'));
    const found = contradictions(buildKnowledgeBase(source), byId).filter((f) => f.allowable?.subject.includes('MSExchangeDS'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^KB148732 and KB155831 give HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters\\TCP\/IP port different types/);
    expect(found[0]!.message).toContain('  KB148732 (REG_SZ; articles/KB148732.json at /workarounds/0/details/registry/0)');
    expect(found[0]!.message).toContain('  KB155831 (REG_DWORD; articles/KB155831.json at /workarounds/0/details/registry/0)');
  });
});
