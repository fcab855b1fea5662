import { KnowledgeBaseError } from '../../src/kb/errors';
import { buildKnowledgeBase, type KnowledgeBaseSource } from '../../src/kb/load';
import { readRulesDir } from '../../src/kb/rules-dir';
import { bundledRulesDir } from '../../src/paths';

// The knowledge base built from objects, as a test (or any caller) can without writing files.
describe('building a knowledge base from objects', () => {
  const bundled = readRulesDir(bundledRulesDir);
  const edited = (edit: (source: KnowledgeBaseSource) => void): KnowledgeBaseSource => {
    const source = structuredClone(bundled);
    edit(source);
    return source;
  };

  it('builds the bundled content, with a revision that follows the content and nothing else', () => {
    const kb = buildKnowledgeBase(bundled);
    expect(kb.articles.map((a) => a.id)).toEqual(
      Object.keys(bundled.articles)
        .map((name) => name.replace(/\.json$/, ''))
        .sort(),
    );
    expect(buildKnowledgeBase(structuredClone(bundled)).revision).toBe(kb.revision);
    const retitled = edited((s) => ((s.articles['KB291615.json'] as { title: string }).title += '.'));
    expect(buildKnowledgeBase(retitled).revision).not.toBe(kb.revision);
  });

  it('refuses content that is not valid, naming the file and the place in it', () => {
    const source = edited((s) => {
      const article = s.articles['KB291615.json'] as { diagnoses: { conditions: { all: unknown[] } }[] };
      article.diagnoses[0]!.conditions.all.push({ fact: 'natMode', operator: 'equal', value: 'sideways', source: { section: 'x' } });
    });
    expect(() => buildKnowledgeBase(source)).toThrow(KnowledgeBaseError);
    expect(() => buildKnowledgeBase(source)).toThrow(/articles\/KB291615\.json.*\/diagnoses\/0\/conditions\/all\/\d+\/value.*"sideways" is not a value of fact "natMode"/);
  });

  it('refuses a knowledge base without articles', () => {
    expect(() => buildKnowledgeBase(edited((s) => (s.articles = {})))).toThrow(/no article files/);
  });
});
