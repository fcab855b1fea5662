import { expect } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { bundledRulesDir } from '../../src/paths';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { diagnoseScenario } from '../../harness/scenario-tester';

// Rules the articles' own words settle, checked on the knowledge base as loaded.
describe('fidelity of the encoded articles', () => {
  const { kb } = bundledKnowledgeBase();
  const article = (id: string) => kb.articles.find((a) => a.id === id)!;

  it('the one-to-one workaround names no port to open: port 135 is why it fails on Windows NT-based firewalls', () => {
    for (const id of ['KB291615', 'KB238390', 'KB238954']) {
      const workaround = article(id).workarounds.find((w) => w.id === 'one-to-one-translation')!;
      expect({ id, ports: (workaround.details as { ports?: unknown } | undefined)?.ports }).toEqual({ id, ports: undefined });
      expect(workaround.applicability!.notApplicableReason.text).toMatch(/port 135/);
    }
  });

  it('supersedes only where a text says one article replaces the other for some readers', () => {
    const supersessions = kb.articles.flatMap((a) => a.diagnoses.flatMap((d) => (d.supersedes ?? []).map((s) => [`${a.id}.${d.id}`, s.diagnosis, s.source.quote])));
    expect(supersessions).toEqual([
      ['KB238390.nat-loses-rpc-information', 'KB291615.nat-loses-rpc-information', 'For a Microsoft Outlook 2000, Outlook 98 and Outlook 97 version of this article, see 238390'],
      [
        'KB238390.one-to-one-through-windows-nt-firewall',
        'KB291615.one-to-one-through-windows-nt-firewall',
        'For a Microsoft Outlook 2000, Outlook 98 and Outlook 97 version of this article, see 238390',
      ],
    ]);
  });

  it('cites KB331953 for why port 135 is blocked and KB298369 for the NSPI port, in their stored words, each where it explains a diagnosis', () => {
    const stored = (file: string) => fs.readFileSync(path.join(bundledRulesDir, 'sources', file), 'utf8').replace(/\s+/g, ' ');
    const causes = (id: string) => article(id).diagnoses.flatMap((d) => d.cause.map((c) => ({ diagnosis: d.id, ...c })));
    const ms03010 = causes('KB833799').find((c) => c.source.article === 'KB331953')!;
    expect(ms03010.text).toMatch(/Windows NT 4\.0/);
    expect(ms03010.derived).toMatch(/inference/);
    expect(stored('Q331953.txt')).toContain(ms03010.source.quote);
    const nspi = causes('KB270836').find((c) => c.source.article === 'KB298369')!;
    expect(nspi.text).toMatch(/NSPI/);
    expect(stored('Q298369.txt')).toContain(nspi.source.quote);
  });

  it('every article about Outlook or a MAPI client reaching Exchange over direct RPC carries the bound of the later Exchange documents', () => {
    for (const id of ['KB148732', 'KB155831', 'KB238390', 'KB238954', 'KB270836', 'KB291615', 'KB833799']) expect({ id, bounds: article(id).bounds }).toEqual({ id, bounds: ['direct-rpc'] });
    const bound = kb.bounds.get('direct-rpc')!;
    expect(bound.documents.map((d) => d.id)).toEqual(['EXCH2013-outlook-anywhere', 'EXCH2016-mapi-over-http']);
  });

  it('a revision that names no versions is recorded as naming none, never as the versions of another', () => {
    const entries = article('KB291615').appliesTo;
    expect(entries.map((e) => [e.source.revisions, e.versions])).toEqual([
      [['2024-01-24'], undefined],
      [['2.1'], undefined],
    ]);
  });

  it('the tip, which has no headings, is cited by paragraph and quote, never by an invented section', () => {
    const sources: { section?: string; paragraph?: number; quote?: string; article?: string }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'source') sources.push(value as (typeof sources)[number]);
        else walk(value);
      }
    };
    walk(article('TIP-EAS-NAT'));
    const own = sources.filter((s) => !s.article);
    expect(own.length).toBeGreaterThan(20);
    for (const source of own) expect(source).toEqual({ paragraph: expect.any(Number), quote: expect.any(String) });
  });

  it('where an article names no versions of a client, the answer says exactly that instead of confirming in silence', async () => {
    const report = await diagnoseScenario({
      clientKind: 'outlook',
      outlookVersion: '2016',
      exchangeVersion: '2003',
      firewallPlatform: 'non-windows',
      exchangeStaticPorts: 'none',
      symptoms: ['cannot-connect'],
    });
    const kb270836 = report.diagnoses.find((d) => d.id === 'KB270836.mapi-client-ports-through-firewall')!;
    expect(kb270836.scope.appliesTo).toContainEqual(expect.objectContaining({ fact: 'outlookVersion', note: expect.stringMatching(/names no Outlook versions/) }));
    expect(kb270836.scope.appliesTo.find((e) => e.fact === 'outlookVersion')!.versions).toBeUndefined();
  });

  it("while the connection method is not stated, direct RPC is the articles' premise, and the evidence says it was assumed", async () => {
    const report = await diagnoseScenario({ clientKind: 'outlook', outlookVersion: '2003', exchangeVersion: '2003', port135Reachable: false, symptoms: ['cannot-connect'] });
    const [kb833799] = report.diagnoses;
    expect(kb833799!.scope.evidence).toContainEqual(expect.objectContaining({ fact: 'rpcOverHttp', result: true, assumed: expect.stringMatching(/not stated/), derived: expect.any(String) }));
    // Its caveat on RPC over HTTP is shown, and says the facts do not tell whether it concerns the caller.
    expect(kb833799!.workarounds[0]!.caveats).toContainEqual(expect.objectContaining({ text: expect.stringMatching(/RPC over HTTP/), concerns: null }));
  });
});
