import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBaseError } from '../../src/kb/errors';
import { loadKnowledgeBase } from '../../src/kb/load';
import { bundledRulesDir } from '../../src/paths';

/** A copy of the bundled rules/ with one file changed by `edit` (parsed JSON in, JSON out). */
function rulesWith(file: string, edit: (data: any) => unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
  fs.cpSync(bundledRulesDir, dir, { recursive: true });
  const target = path.join(dir, file);
  const edited = edit(JSON.parse(fs.readFileSync(target, 'utf8')));
  fs.writeFileSync(target, typeof edited === 'string' ? edited : JSON.stringify(edited));
  return dir;
}

function loadError(dir: string): KnowledgeBaseError {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error;
    throw error;
  }
  throw new Error('the knowledge base loaded');
}

describe('loading the knowledge base', () => {
  it('loads the bundled rules: every article, sorted by id, with a revision digest', () => {
    const kb = loadKnowledgeBase(bundledRulesDir);
    const files = fs.readdirSync(path.join(bundledRulesDir, 'articles')).filter((name) => name.endsWith('.json'));
    expect(kb.articles.map((a) => a.id)).toEqual(files.map((name) => name.slice(0, -'.json'.length)).sort());
    expect(kb.revision).toMatch(/^[0-9a-f]{12}$/);
    expect(loadKnowledgeBase(bundledRulesDir).revision).toBe(kb.revision);
  });

  it('gives a different revision when any file changes', () => {
    const dir = rulesWith('articles/KB291615.json', (a) => ({ ...a, title: `${a.title}.` }));
    expect(loadKnowledgeBase(dir).revision).not.toBe(loadKnowledgeBase(bundledRulesDir).revision);
  });

  const KB = 'articles/KB291615.json';
  const vocabularySize = (JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'facts.json'), 'utf8')) as { facts: unknown[] }).facts.length;
  it.each<[string, string, (data: any) => unknown, string, RegExp]>([
    ['invalid JSON', KB, () => '{"id": "KB291615",', '', /not valid JSON/],
    [
      'a missing required property',
      KB,
      (a) => {
        delete a.diagnoses[0].cause;
        return a;
      },
      '/diagnoses/0',
      /cause/,
    ],
    [
      'an unknown property',
      KB,
      (a) => {
        a.diagnoses[0].severity = 'high';
        return a;
      },
      '/diagnoses/0',
      /unknown property "severity"/,
    ],
    [
      'an operator json-rules-engine lacks',
      KB,
      (a) => {
        a.diagnoses[0].conditions.all[0].operator = 'matches';
        return a;
      },
      '/diagnoses/0/conditions/all/0/operator',
      /allowed values/,
    ],
    [
      'an unknown fact in a condition',
      KB,
      (a) => {
        a.diagnoses[0].conditions.all[0].fact = 'clientType';
        return a;
      },
      '/diagnoses/0/conditions/all/0/fact',
      /unknown fact "clientType"/,
    ],
    [
      'an unknown fact in a workaround condition',
      KB,
      (a) => {
        a.workarounds[0].applicability.conditions.all[0].fact = 'firewall';
        return a;
      },
      '/workarounds/0/applicability/conditions/all/0/fact',
      /unknown fact "firewall"/,
    ],
    [
      'a value outside the fact set',
      KB,
      (a) => {
        a.diagnoses[0].conditions.all[2].any[0].value = ['many-to-one', 'pat'];
        return a;
      },
      '/diagnoses/0/conditions/all/2/any/0/value/1',
      /"pat" is not a value of fact "natMode"/,
    ],
    [
      'a single value where a list is needed',
      KB,
      (a) => {
        a.diagnoses[0].conditions.all[2].any[0].value = 'many-to-one';
        return a;
      },
      '/diagnoses/0/conditions/all/2/any/0/value',
      /takes a list/,
    ],
    [
      'an inference standing for an unknown fact',
      KB,
      (a) => {
        a.diagnoses[0].conditions.all[2].any[1].standsFor = 'natType';
        return a;
      },
      '/diagnoses/0/conditions/all/2/any/1/standsFor',
      /"natType" must be another fact/,
    ],
    [
      'a scope on an unknown fact',
      'articles/KB833799.json',
      (a) => {
        a.diagnoses[0].scope.all[0].fact = 'outlookRelease';
        return a;
      },
      '/diagnoses/0/scope/all/0/fact',
      /unknown fact "outlookRelease"/,
    ],
    [
      'an applies-to version the fact does not have',
      'articles/KB833799.json',
      (a) => {
        a.appliesTo[0].versions.push('2005');
        return a;
      },
      '/appliesTo/0/versions/2',
      /"2005" is not a value of fact "outlookVersion"/,
    ],
    [
      'a bound that does not exist',
      'articles/KB833799.json',
      (a) => {
        a.bounds = ['mapi-over-http'];
        return a;
      },
      '/bounds/0',
      /no bound "mapi-over-http"/,
    ],
    [
      'a bound condition that cites no document of the bound',
      'bounds.json',
      (b) => {
        delete b.bounds[0].conditions.all[0].source.article;
        return b;
      },
      '/bounds/0/conditions/all/0/source/article',
      /must name one of the bound's documents/,
    ],
    [
      'a derivation from an unknown fact',
      'facts.json',
      (v) => {
        v.facts.find((f: any) => f.name === 'addressTranslation').derivations[0].when = { natType: ['none'] };
        return v;
      },
      `/facts/5/derivations/0/when/natType`,
      /"natType" is not another fact/,
    ],
    [
      'a source that locates nothing',
      KB,
      (a) => {
        a.diagnoses[0].cause[0].source = {};
        return a;
      },
      '/diagnoses/0/cause/0/source',
      /must name a section, a paragraph or a quote/,
    ],
    [
      'an operator that does not suit the fact type',
      KB,
      (a) => {
        a.diagnoses[0].conditions.all[0].operator = 'contains';
        return a;
      },
      '/diagnoses/0/conditions/all/0/operator',
      /does not suit string fact/,
    ],
    [
      'a duplicate diagnosis id',
      KB,
      (a) => {
        a.diagnoses[1].id = a.diagnoses[0].id;
        return a;
      },
      '/diagnoses/1/id',
      /duplicate diagnosis id/,
    ],
    [
      'a duplicate workaround id',
      KB,
      (a) => {
        a.workarounds[1].id = a.workarounds[0].id;
        return a;
      },
      '/workarounds/1/id',
      /duplicate workaround id/,
    ],
    [
      'a reference to a workaround that does not exist',
      KB,
      (a) => {
        a.diagnoses[0].workarounds.push('use-vpn');
        return a;
      },
      '/diagnoses/0/workarounds/2',
      /no workaround "use-vpn"/,
    ],
    ['an article id that does not match its file', KB, (a) => ({ ...a, id: 'KB155831' }), '/id', /does not match the file name/],
    [
      'a rule testing an IP address directly',
      KB,
      (a) => {
        a.diagnoses[0].conditions.all[0] = { fact: 'clientAddress', operator: 'equal', value: '10.0.0.1', source: { section: 'x' } };
        return a;
      },
      '/diagnoses/0/conditions/all/0/operator',
      /derived address-space fact/,
    ],
    [
      'a duplicate fact in the vocabulary',
      'facts.json',
      (v) => {
        v.facts.push(v.facts[0]);
        return v;
      },
      `/facts/${vocabularySize}/name`,
      /duplicate fact name "clientKind"/,
    ],
    [
      'a fact without a question',
      'facts.json',
      (v) => {
        delete v.facts[4].question;
        return v;
      },
      '/facts/4',
      /question/,
    ],
    [
      'an extraction pattern for an unknown fact',
      'extraction.json',
      (x) => {
        x.facts.natType = x.facts.natMode;
        return x;
      },
      '/facts/natType',
      /unknown fact "natType"/,
    ],
    [
      'an extraction value outside the fact set',
      'extraction.json',
      (x) => {
        x.facts.natMode[0].value = 'pipe';
        return x;
      },
      '/facts/natMode/0/value',
      /"pipe" is not a value of fact "natMode"/,
    ],
    [
      'an extraction pattern that is not a regular expression',
      'extraction.json',
      (x) => {
        x.facts.natMode[0].pattern = '(one';
        return x;
      },
      '/facts/natMode/0/pattern',
      /not a valid regular expression/,
    ],
    [
      'an extraction capture group that does not exist',
      'extraction.json',
      (x) => {
        x.facts.exchangeVersion[0].valueFromGroup = 3;
        return x;
      },
      '/facts/exchangeVersion/0/valueFromGroup',
      /no capture group 3/,
    ],
    [
      'an extraction pattern for an IP address',
      'extraction.json',
      (x) => {
        x.facts.clientAddress = [{ pattern: 'x', value: 'y', confidence: 1 }];
        return x;
      },
      '/facts/clientAddress',
      /address cues/,
    ],
    ['a lexicon of an unknown fact', 'lexicons/nat-wording.json', (l) => ({ ...l, fact: 'natType' }), '/fact', /unknown fact "natType"/],
    [
      'a lexicon value outside the fact set',
      'lexicons/nat-wording.json',
      (l) => {
        l.entries[0].value = 'pipe';
        return l;
      },
      '/entries/0/value',
      /"pipe" is not a value of fact "natMode"/,
    ],
    [
      'a lexicon entry without a source',
      'lexicons/firewall-products.json',
      (l) => {
        delete l.entries[0].source;
        return l;
      },
      '/entries/0',
      /source/,
    ],
    [
      'a lexicon entry with neither phrases nor patterns',
      'lexicons/firewall-products.json',
      (l) => {
        delete l.entries[0].phrases;
        return l;
      },
      '/entries/0',
      /phrases/,
    ],
    [
      'a lexicon pattern that is not a regular expression',
      'lexicons/nat-wording.json',
      (l) => {
        l.entries[2].patterns = ['(static'];
        return l;
      },
      '/entries/2/patterns',
      /not a valid regular expression/,
    ],
    [
      'a context entry without a label',
      'lexicons/context.json',
      (l) => {
        delete l.entries[0].label;
        return l;
      },
      '/entries/0',
      /needs an id and a label/,
    ],
    [
      'a sentence cue group for an unknown fact',
      'extraction.json',
      (x) => {
        x.hedges[0].facts.push('firewallKind');
        return x;
      },
      `/hedges/0/facts/5`,
      /unknown fact "firewallKind"/,
    ],
    [
      'a topic fact that does not exist',
      'extraction.json',
      (x) => {
        x.topic.gated[0] = 'firewallKind';
        return x;
      },
      '/topic/gated/0',
      /unknown fact "firewallKind"/,
    ],
    [
      'a derived fact whose source is not an address',
      'facts.json',
      (v) => {
        v.facts[8].derivedFrom = 'natMode';
        return v;
      },
      '/facts/8/derivedFrom',
      /not an ip-address fact/,
    ],
  ])('stops at %s, naming the file and JSON pointer', (_case, file, edit, pointer, reason) => {
    const error = loadError(rulesWith(file, edit));
    expect(error.file).toBe(file);
    expect(error.pointer).toBe(pointer);
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain(file);
  });

  it('stops when a value in the vocabulary no longer exists for a rule that uses it', () => {
    const dir = rulesWith('facts.json', (v) => {
      const staticPorts = v.facts.find((f: any) => f.name === 'exchangeStaticPorts');
      staticPorts.values = staticPorts.values.filter((x: any) => x.value !== 'ephemeral');
      return v;
    });
    const error = loadError(dir);
    expect(error.file).toBe('articles/KB180795.json');
    expect(error.reason).toMatch(/"ephemeral" is not a value of fact "exchangeStaticPorts"/);
  });

  it('stops when a value in the vocabulary no longer exists for a lexicon entry that gives it', () => {
    const dir = rulesWith('facts.json', (v) => {
      const exchangeVersion = v.facts.find((f: any) => f.name === 'exchangeVersion');
      exchangeVersion.values = exchangeVersion.values.filter((x: any) => x.value !== '4.0');
      return v;
    });
    const error = loadError(dir);
    expect(error.file).toBe('lexicons/exchange-versions.json');
    expect(error.pointer).toBe('/entries/0/value');
    expect(error.reason).toMatch(/"4.0" is not a value of fact "exchangeVersion"/);
  });
});

describe('loading from a directory that is not a knowledge base', () => {
  it("stops when a resolution phrase is not the workaround's own wording", () => {
    const dir = rulesWith('articles/KB291615.json', (a) => {
      a.workarounds[0].resolvedBy = ['one-to-one translation', 'NAT exemption'];
      return a;
    });
    const error = loadError(dir);
    expect(error.file).toBe('articles/KB291615.json');
    expect(error.pointer).toBe('/workarounds/0/resolvedBy/1');
    expect(error.message).toContain(`"NAT exemption" is not in the workaround's title or steps`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the missing vocabulary file', () => {
    const error = loadError(fs.mkdtempSync(path.join(os.tmpdir(), 'empty-')));
    expect(error.file).toBe('facts.json');
    expect(error.reason).toMatch(/cannot read/);
  });

  it('names the missing articles directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-articles-'));
    for (const file of ['facts.json', 'extraction.json', 'bounds.json']) fs.copyFileSync(path.join(bundledRulesDir, file), path.join(dir, file));
    const error = loadError(dir);
    expect(error.file).toBe('articles');
    expect(error.reason).toMatch(/cannot list/);
  });
});
