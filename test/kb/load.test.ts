import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBaseError } from '../../src/kb/errors';
import { loadKnowledgeBase } from '../../src/kb/load';
import type { Article, VocabularyFile } from '../../src/kb/model';
import { readRulesDir } from '../../src/kb/rules-dir';
import { bundledRulesDir } from '../../src/paths';
import { copy, push, remove, set } from '../support/json-edit';
import { extractionWithout, firstArticleUsing } from '../support/rules-queries';

/** Where a fact stands in rules/facts.json today, so that a fact added before it moves nothing here. */
// The hedge whose lowering of some facts depends on another fact read from the ticket.
const conditionedHedge = (JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'extraction.json'), 'utf8')) as { hedges: { onlyWhereRead?: unknown }[] }).hedges.findIndex((h) => h.onlyWhereRead);
const valuedWithdrawal = (JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'extraction.json'), 'utf8')) as { withdrawals: { value?: unknown }[] }).withdrawals.findIndex(
  (w) => w.value !== undefined,
);
const factIndex = (name: string): number => (readRulesDir(bundledRulesDir).vocabulary as { facts: { name: string }[] }).facts.findIndex((f) => f.name === name);

/**
 * A copy of the bundled rules/ with one file changed by `edit`: the parsed JSON edited in place
 * (`edit` returns nothing), or replaced by what it returns (a string written as is).
 */
function rulesWith(file: string, edit: (data: unknown) => unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
  fs.cpSync(bundledRulesDir, dir, { recursive: true });
  const target = path.join(dir, file);
  const data: unknown = JSON.parse(fs.readFileSync(target, 'utf8'));
  const edited = edit(data) ?? data;
  fs.writeFileSync(target, typeof edited === 'string' ? edited : JSON.stringify(edited));
  return dir;
}

/** Takes the extraction patterns that give `value` for `fact` out of the rules in `dir`. */
function withoutPatternsFor(dir: string, fact: string, value: string): void {
  const file = path.join(dir, 'extraction.json');
  fs.writeFileSync(file, JSON.stringify(extractionWithout(JSON.parse(fs.readFileSync(file, 'utf8')), fact, value)));
}

/** An edit of an article file, or of facts.json, by the type the loader gives it (for edits that keep to it). */
const article = (edit: (a: Article) => void) => (data: unknown) => edit(data as Article);
const vocabulary = (edit: (v: VocabularyFile) => void) => (data: unknown) => edit(data as VocabularyFile);

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
    const dir = rulesWith(
      'articles/KB291615.json',
      article((a) => {
        a.title = `${a.title}.`;
      }),
    );
    expect(loadKnowledgeBase(dir).revision).not.toBe(loadKnowledgeBase(bundledRulesDir).revision);
  });

  const KB = 'articles/KB291615.json';
  const vocabularySize = (JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'facts.json'), 'utf8')) as VocabularyFile).facts.length;
  it.each<[string, string, (data: unknown) => unknown, string, RegExp]>([
    ['invalid JSON', KB, () => '{"id": "KB291615",', '', /not valid JSON/],
    ['a missing required property', KB, remove('/diagnoses/0/cause'), '/diagnoses/0', /cause/],
    ['an unknown property', KB, set('/diagnoses/0/severity', 'high'), '/diagnoses/0', /unknown property "severity"/],
    ['an operator json-rules-engine lacks', KB, set('/diagnoses/0/conditions/all/0/operator', 'matches'), '/diagnoses/0/conditions/all/0/operator', /allowed values/],
    [
      'an unknown fact in a condition',
      KB,
      set('/diagnoses/0/conditions/all/0/fact', 'clientType'),
      '/diagnoses/0/conditions/all/0/fact',
      /unknown fact "clientType"; known facts: .*; a new fact goes in rules\/facts\.json first \(docs\/authoring\.md\)$/,
    ],
    [
      'an unknown fact in a workaround condition',
      KB,
      set('/workarounds/0/applicability/conditions/all/0/fact', 'firewall'),
      '/workarounds/0/applicability/conditions/all/0/fact',
      /unknown fact "firewall"/,
    ],
    [
      'a value outside the fact set',
      KB,
      set('/diagnoses/0/conditions/all/2/any/0/value', ['many-to-one', 'pat']),
      '/diagnoses/0/conditions/all/2/any/0/value/1',
      /"pat" is not a value of fact "natMode"; allowed: .*; a new value goes in rules\/facts\.json first, with its label \(docs\/authoring\.md\)$/,
    ],
    ['a single value where a list is needed', KB, set('/diagnoses/0/conditions/all/2/any/0/value', 'many-to-one'), '/diagnoses/0/conditions/all/2/any/0/value', /takes a list/],
    [
      'an inference standing for an unknown fact',
      KB,
      set('/diagnoses/0/conditions/all/2/any/1/standsFor', 'natType'),
      '/diagnoses/0/conditions/all/2/any/1/standsFor',
      /"natType" must be another fact/,
    ],
    ['a scope on an unknown fact', 'articles/KB833799.json', set('/diagnoses/0/scope/all/0/fact', 'outlookRelease'), '/diagnoses/0/scope/all/0/fact', /unknown fact "outlookRelease"/],
    ['an applies-to version the fact does not have', 'articles/KB833799.json', push('/appliesTo/0/versions', '2005'), '/appliesTo/0/versions/2', /"2005" is not a value of fact "outlookVersion"/],
    ['a bound that does not exist', 'articles/KB833799.json', set('/bounds', ['mapi-over-http']), '/bounds/0', /no bound "mapi-over-http"/],
    [
      'a bound condition that cites no document of the bound',
      'bounds.json',
      remove('/bounds/0/conditions/all/0/source/article'),
      '/bounds/0/conditions/all/0/source/article',
      /must name one of the bound's documents/,
    ],
    [
      'a derivation from an unknown fact',
      'facts.json',
      vocabulary((v) => {
        v.facts.find((f) => f.name === 'addressTranslation')!.derivations![0]!.when = { natType: ['none'] };
      }),
      `/facts/5/derivations/0/when/natType`,
      /"natType" is not another fact/,
    ],
    ['a source that locates nothing', KB, set('/diagnoses/0/cause/0/source', {}), '/diagnoses/0/cause/0/source', /must name a section, a paragraph or a quote/],
    ['an operator that does not suit the fact type', KB, set('/diagnoses/0/conditions/all/0/operator', 'contains'), '/diagnoses/0/conditions/all/0/operator', /does not suit string fact/],
    ['a duplicate diagnosis id', KB, copy('/diagnoses/0/id', '/diagnoses/1/id'), '/diagnoses/1/id', /duplicate diagnosis id/],
    ['a duplicate workaround id', KB, copy('/workarounds/0/id', '/workarounds/1/id'), '/workarounds/1/id', /duplicate workaround id/],
    ['a reference to a workaround that does not exist', KB, push('/diagnoses/0/workarounds', 'use-vpn'), '/diagnoses/0/workarounds/2', /no workaround "use-vpn"/],
    ['an article id that does not match its file', KB, set('/id', 'KB155831'), '/id', /does not match the file name/],
    [
      'a rule testing an IP address directly',
      KB,
      set('/diagnoses/0/conditions/all/0', { fact: 'clientAddress', operator: 'equal', value: '10.0.0.1', source: { section: 'x' } }),
      '/diagnoses/0/conditions/all/0/operator',
      /derived address-space fact/,
    ],
    [
      'a duplicate fact in the vocabulary',
      'facts.json',
      vocabulary((v) => {
        v.facts.push(v.facts[0]!);
      }),
      `/facts/${vocabularySize}/name`,
      /duplicate fact name "clientKind"/,
    ],
    ['a fact without a question', 'facts.json', remove('/facts/4/question'), '/facts/4', /question/],
    ['an extraction pattern for an unknown fact', 'extraction.json', copy('/facts/natMode', '/facts/natType'), '/facts/natType', /unknown fact "natType"/],
    ['an extraction value outside the fact set', 'extraction.json', set('/facts/natMode/0/value', 'pipe'), '/facts/natMode/0/value', /"pipe" is not a value of fact "natMode"/],
    ['an extraction pattern that is not a regular expression', 'extraction.json', set('/facts/natMode/0/pattern', '(one'), '/facts/natMode/0/pattern', /not a valid regular expression/],
    [
      'an extraction pattern whose word boundary stands beside a letter outside ASCII',
      'extraction.json',
      set('/facts/natMode/0/pattern', '\\bär inte\\b'),
      '/facts/natMode/0/pattern',
      /word boundary .* beside a letter outside ASCII/,
    ],
    [
      'a lexicon pattern whose word boundary ends on a letter outside ASCII',
      'lexicons/nat-wording.json',
      set('/entries/2/patterns', ['\\b(?:redirigé|redirected)\\b']),
      '/entries/2/patterns',
      /word boundary .* beside a letter outside ASCII/,
    ],
    ['an extraction capture group that does not exist', 'extraction.json', set('/facts/exchangeVersion/0/valueFromGroup', 3), '/facts/exchangeVersion/0/valueFromGroup', /no capture group 3/],
    [
      'an extraction pattern whose second alternative reads its value from a group of its own',
      'extraction.json',
      set('/facts/exchangeVersion/0/pattern', '\\bexchange (5\\.5)\\b|\\b(5\\.5) of exchange\\b'),
      '/facts/exchangeVersion/0/pattern',
      /alternative 2 does not hold capture group 1/,
    ],
    ['a spoken form with a capture group of its own', 'extraction.json', set('/spokenForms/0/pattern', '(n)\\s+a\\s+t'), '/spokenForms/0/pattern', /may hold no capture group/],
    ['an extraction pattern for an IP address', 'extraction.json', set('/facts/clientAddress', [{ pattern: 'x', value: 'y', confidence: 1 }]), '/facts/clientAddress', /address cues/],
    [
      'a withdrawal of a value its fact does not have',
      'extraction.json',
      set(`/withdrawals/${valuedWithdrawal}/value`, 'pipe'),
      `/withdrawals/${valuedWithdrawal}/value`,
      /"pipe" is not a value of fact "natMode"/,
    ],
    ['a lexicon of an unknown fact', 'lexicons/nat-wording.json', set('/fact', 'natType'), '/fact', /unknown fact "natType"/],
    ['a lexicon value outside the fact set', 'lexicons/nat-wording.json', set('/entries/0/value', 'pipe'), '/entries/0/value', /"pipe" is not a value of fact "natMode"/],
    ['a lexicon entry without a source', 'lexicons/firewall-products.json', remove('/entries/0/source'), '/entries/0', /source/],
    ['a lexicon entry with neither phrases nor patterns', 'lexicons/firewall-products.json', remove('/entries/0/phrases'), '/entries/0', /phrases/],
    ['a lexicon pattern that is not a regular expression', 'lexicons/nat-wording.json', set('/entries/2/patterns', ['(static']), '/entries/2/patterns', /not a valid regular expression/],
    ['a context entry without a label', 'lexicons/context.json', remove('/entries/0/label'), '/entries/0', /needs an id and a label/],
    ['a sentence cue group for an unknown fact', 'extraction.json', push('/hedges/0/facts', 'firewallKind'), `/hedges/0/facts/5`, /unknown fact "firewallKind"/],
    [
      'a hedge condition on a value its fact does not have',
      'extraction.json',
      set(`/hedges/${conditionedHedge}/onlyWhereRead/values/0`, 'phone'),
      `/hedges/${conditionedHedge}/onlyWhereRead/values/0`,
      /"phone" is not a value of fact "clientKind"/,
    ],
    [
      'a hedge condition for a fact the hedge does not lower',
      'extraction.json',
      push(`/hedges/${conditionedHedge}/onlyWhereRead/facts`, 'natMode'),
      `/hedges/${conditionedHedge}/onlyWhereRead/facts/1`,
      /"natMode" is not one of the group's facts/,
    ],
    [
      'a hedge condition on a fact it holds back',
      'extraction.json',
      set(`/hedges/${conditionedHedge}/onlyWhereRead/fact`, 'outlookVersion'),
      `/hedges/${conditionedHedge}/onlyWhereRead/fact`,
      /cannot be read under a condition on itself/,
    ],
    ['a hedge condition on a list', 'extraction.json', set(`/hedges/${conditionedHedge}/onlyWhereRead/fact`, 'symptoms'), `/hedges/${conditionedHedge}/onlyWhereRead/fact`, /holds a list/],
    ['a topic fact that does not exist', 'extraction.json', set('/topic/gated/0', 'firewallKind'), '/topic/gated/0', /unknown fact "firewallKind"/],
    [
      'a derived fact whose source is not an address',
      'facts.json',
      set(`/facts/${factIndex('clientAddressSpace')}/derivedFrom`, 'natMode'),
      `/facts/${factIndex('clientAddressSpace')}/derivedFrom`,
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
    const dir = rulesWith(
      'facts.json',
      vocabulary((v) => {
        const staticPorts = v.facts.find((f) => f.name === 'exchangeStaticPorts')!;
        staticPorts.values = staticPorts.values!.filter((x) => x.value !== 'ephemeral');
      }),
    );
    withoutPatternsFor(dir, 'exchangeStaticPorts', 'ephemeral');
    const error = loadError(dir);
    // The first article file, in name order, whose conditions look for the value: whichever that is today.
    expect(error.file).toBe(firstArticleUsing(readRulesDir(bundledRulesDir).articles, 'exchangeStaticPorts', 'ephemeral'));
    expect(error.reason).toMatch(/"ephemeral" is not a value of fact "exchangeStaticPorts"/);
  });

  it('stops when a value in the vocabulary no longer exists for a lexicon entry that gives it', () => {
    const dir = rulesWith(
      'facts.json',
      vocabulary((v) => {
        const exchangeVersion = v.facts.find((f) => f.name === 'exchangeVersion')!;
        exchangeVersion.values = exchangeVersion.values!.filter((x) => x.value !== '4.0');
      }),
    );
    withoutPatternsFor(dir, 'exchangeVersion', '4.0');
    const error = loadError(dir);
    expect(error.file).toBe('lexicons/exchange-versions.json');
    expect(error.pointer).toBe('/entries/0/value');
    expect(error.reason).toMatch(/"4.0" is not a value of fact "exchangeVersion"/);
  });
});

describe('loading from a directory that is not a knowledge base', () => {
  it("stops when a resolution phrase is not the workaround's own wording", () => {
    const dir = rulesWith('articles/KB291615.json', set('/workarounds/0/resolvedBy', ['one-to-one translation', 'NAT exemption']));
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
