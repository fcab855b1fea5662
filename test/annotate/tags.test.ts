import { tagsFor } from '../../src/annotate/tags';
import { buildKnowledgeBase } from '../../src/kb/load';
import { readRulesDir } from '../../src/kb/rules-dir';
import type { TagScheme } from '../../src/kb/tag-scheme';
import { bundledRulesDir } from '../../src/paths';

describe('ticket tags, as rules/tags.json says', () => {
  const source = readRulesDir(bundledRulesDir);
  const kb = buildKnowledgeBase(source);
  const confirmed = [{ article: { id: 'KB291615' } }] as never;

  it('tags the confirmed articles and each fact value the scheme names, sorted', () => {
    const facts = {
      clientKind: 'activesync-device',
      exchangeVersion: '5.5',
      natMode: 'one-to-one',
      firewallPlatform: 'none',
      port135Reachable: false,
      publicAddressAssignment: 'dynamic',
      symptoms: ['sync-fails', 'certificate-warning'],
    };
    expect(tagsFor(kb.tags, facts, confirmed)).toEqual(['activesync', 'certificate-warning', 'dynamic-ip', 'exchange-5-5', 'kb291615', 'nat', 'nat-one-to-one', 'port-135-blocked', 'sync-fails']);
  });

  it('gives no tag for the values a scheme leaves out', () => {
    expect(tagsFor(kb.tags, { natMode: 'none', firewallPlatform: 'none', port135Reachable: true }, [])).toEqual([]);
  });

  it('gives each value its own tags however many tickets came before (the tags are worked out once per value)', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(tagsFor(kb.tags, { port135Reachable: false, natMode: 'none' }, [])).toEqual(['port-135-blocked']);
      expect(tagsFor(kb.tags, { port135Reachable: true, natMode: 'one-to-one' }, [])).toEqual(['nat', 'nat-one-to-one']);
      expect(tagsFor(kb.tags, { clientKind: 'activesync-device', symptoms: ['sync-fails'] }, [])).toEqual(['activesync', 'sync-fails']);
    }
  });

  it('follows a scheme changed in rules/, with no code change', () => {
    const scheme = structuredClone(source.tags) as TagScheme;
    scheme.articles = false;
    scheme.facts.push({ fact: 'rpcOverHttp', tags: ['rpc-over-http'], only: [true] });
    const changed = buildKnowledgeBase({ ...source, tags: scheme });
    expect(tagsFor(changed.tags, { rpcOverHttp: true, clientKind: 'outlook' }, confirmed)).toEqual(['outlook', 'rpc-over-http']);
  });

  it('refuses a scheme that names a fact or value the vocabulary does not have', () => {
    const unknownFact = structuredClone(source.tags) as TagScheme;
    unknownFact.facts.push({ fact: 'firewallVendor', tags: ['{value}'] });
    expect(() => buildKnowledgeBase({ ...source, tags: unknownFact })).toThrow(/tags\.json.*\/facts\/8\/fact.*unknown fact "firewallVendor"/);
    const unknownValue = structuredClone(source.tags) as TagScheme;
    unknownValue.facts[3]!.except = ['nothing'];
    expect(() => buildKnowledgeBase({ ...source, tags: unknownValue })).toThrow(/tags\.json.*\/facts\/3\/except\/0.*"nothing" is not a value of fact "natMode"/);
  });
});
