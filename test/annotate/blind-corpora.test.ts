import { normalizeFacts } from '../../src/facts/normalize';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { readBlindCorpora } from '../../harness/tickets';

// The blind corpora are checked for form only (a test corpus is scored, never read): each is
// what its README says, with labels the vocabulary can hold and addresses found in the text.
describe.each(readBlindCorpora().map((corpus) => [corpus.name, corpus.tickets] as const))('blind corpus %s', (_name, tickets) => {
  const { vocabulary } = bundledKnowledgeBase().kb;

  it('has unique ids and labels the vocabulary accepts', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(90);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(tickets.length);
    const refused = tickets.flatMap((t) => {
      const facts = normalizeFacts(t.facts, vocabulary);
      return facts.ok ? [] : [`${t.id}: ${facts.errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}`];
    });
    expect(refused).toEqual([]);
  });

  it('labels only addresses that appear in the ticket as written', () => {
    const missing = tickets.flatMap((t) =>
      (['clientAddress', 'serverAddress'] as const).flatMap((fact) => {
        const address = t.facts[fact];
        return typeof address === 'string' && !`${t.subject ?? ''}\n${t.body ?? ''}`.includes(address) ? [`${t.id} ${fact}`] : [];
      }),
    );
    expect(missing).toEqual([]);
  });
});
