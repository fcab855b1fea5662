import { expect } from '@jest/globals';
import { unreadValues } from '../../src/authoring/unread-values';
import { buildKnowledgeBase, type KnowledgeBaseSource } from '../../src/kb/load';
import { readRulesDir } from '../../src/kb/rules-dir';
import { bundledRulesDir } from '../../src/paths';

type Facts = { facts: { name: string; type: string; values?: { value: unknown; label: string }[]; description?: string; question?: string }[] };
type Extraction = { facts: Record<string, { pattern: string; value?: string; valueFromGroup?: number; confidence: number }[]> };

describe('values no extraction rule reads', () => {
  const bundled = readRulesDir(bundledRulesDir);
  const edited = (edit: (vocabulary: Facts, extraction: Extraction) => void): KnowledgeBaseSource => {
    const source = structuredClone(bundled);
    edit(source.vocabulary as Facts, source.extraction as Extraction);
    return source;
  };
  const addSlow = (vocabulary: Facts) => vocabulary.facts.find((f) => f.name === 'symptoms')!.values!.push({ value: 'slow', label: 'Slow' });

  it('warns of a value added to the vocabulary without a pattern, saying where a pattern goes', () => {
    const findings = unreadValues(buildKnowledgeBase(edited(addSlow)));
    expect(findings).toContainEqual({
      level: 'warning',
      file: 'facts.json',
      pointer: expect.stringMatching(/^\/facts\/\d+\/values\/\d+$/),
      message: expect.stringMatching(/gives symptoms "slow", so annotation never finds it in a ticket: add a pattern to rules\/extraction\.json \(facts\.symptoms\)/),
      allowable: { check: 'extraction-pattern', subject: 'symptoms=slow' },
    });
  });

  it('is quiet once a pattern gives the value', () => {
    const source = edited((vocabulary, extraction) => {
      addSlow(vocabulary);
      extraction.facts.symptoms!.push({ pattern: '\\bslow\\b', value: 'slow', confidence: 0.8 });
    });
    expect(unreadValues(buildKnowledgeBase(source)).map((f) => f.allowable?.subject)).not.toContain('symptoms=slow');
  });

  it('counts a value a capture group can give when the pattern spells it', () => {
    const source = edited((vocabulary, extraction) => {
      vocabulary.facts.push({
        name: 'mailboxSize',
        type: 'string',
        values: [
          { value: 'big', label: 'Big' },
          { value: 'small', label: 'Small' },
        ],
        description: 'x',
        question: 'x?',
      });
      extraction.facts.mailboxSize = [{ pattern: '\\bmailbox is (big)\\b', valueFromGroup: 1, confidence: 0.8 }];
    });
    const subjects = unreadValues(buildKnowledgeBase(source)).map((f) => f.allowable?.subject);
    expect(subjects).toContain('mailboxSize=small');
    expect(subjects).not.toContain('mailboxSize=big');
  });

  it('names a fact nothing reads once, not value by value', () => {
    const source = edited((vocabulary) => {
      vocabulary.facts.push({ name: 'mailboxSize', type: 'string', values: [{ value: 'big', label: 'Big' }], description: 'x', question: 'x?' });
    });
    const about = unreadValues(buildKnowledgeBase(source)).filter((f) => f.allowable?.subject.startsWith('mailboxSize'));
    expect(about).toEqual([expect.objectContaining({ pointer: expect.stringMatching(/^\/facts\/\d+$/), allowable: { check: 'extraction-pattern', subject: 'mailboxSize' } })]);
  });

  it('leaves out the facts derived from an address and the values a derivation gives', () => {
    const subjects = unreadValues(buildKnowledgeBase(bundled)).map((f) => f.allowable?.subject ?? '');
    expect(subjects.filter((s) => /^(client|server)Address/.test(s))).toEqual([]);
    expect(subjects.filter((s) => s.startsWith('addressTranslation'))).toEqual([]);
  });
});
