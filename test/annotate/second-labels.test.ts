import { normalizeFacts } from '../../src/facts/normalize';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { readSecondLabels } from '../../harness/second-labels';
import { DOMAIN_VOCABULARY, precision, recall, scoreLabels } from '../../harness/ticket-scores';
import { readBlindCorpora } from '../../harness/tickets';

// A second person's labels are compared with the writer's by eval:agreement; they must cover the
// corpus they name, ticket for ticket, with labels the vocabulary accepts.
describe.each(readSecondLabels().map((second) => [second.file, second] as const))('second labels of %s', (file, second) => {
  const corpus = readBlindCorpora().find((c) => c.file === file);

  it('name a blind corpus and label each of its tickets, and only those', () => {
    expect(corpus).toBeDefined();
    expect([...second.facts.keys()].sort()).toEqual(corpus!.tickets.map((t) => t.id).sort());
  });

  it('hold labels the vocabulary accepts, with addresses as the ticket writes them', () => {
    const { vocabulary } = bundledKnowledgeBase().kb;
    const refused = corpus!.tickets.flatMap((t) => {
      const facts = second.facts.get(t.id)!;
      const normalized = normalizeFacts(facts, vocabulary);
      const problems = normalized.ok ? [] : normalized.errors.map((e) => `${e.pointer} ${e.detail}`);
      for (const fact of ['clientAddress', 'serverAddress']) {
        const address = facts[fact];
        if (typeof address === 'string' && !`${t.subject}\n${t.body}`.includes(address)) problems.push(`${fact} not in the text`);
      }
      return problems.map((p) => `${t.id}: ${p}`);
    });
    expect(refused).toEqual([]);
  });
});

describe('scoring one reading against the labels', () => {
  const tickets = [
    { id: 'T1', subject: '', body: '', facts: { clientKind: 'outlook', symptoms: ['cannot-connect', 'sync-fails'] } },
    { id: 'T2', subject: '', body: '', facts: { natMode: 'one-to-one' } },
  ];
  const reading: Record<string, Record<string, unknown>> = {
    T1: { clientKind: 'outlook', symptoms: ['cannot-connect'], firewallPlatform: 'none' },
    T2: { natMode: 'port-forwarding' },
  };

  it('counts a value given and labelled as right, given otherwise as wrong, and symptoms value by value', () => {
    const { byFact, mistakes } = scoreLabels(tickets, (t) => reading[t.id]!, DOMAIN_VOCABULARY);
    expect(byFact.get('clientKind')).toEqual({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
    expect(byFact.get('symptoms')).toEqual({ truePositives: 1, falsePositives: 0, falseNegatives: 1 });
    expect(byFact.get('firewallPlatform')).toEqual({ truePositives: 0, falsePositives: 1, falseNegatives: 0 });
    expect(byFact.get('natMode')).toEqual({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(precision(byFact.get('natMode')!)).toBe(0);
    expect(recall(byFact.get('symptoms')!)).toBe(0.5);
    expect(mistakes.map((m) => `${m.id} ${m.fact}`)).toEqual(['T1 firewallPlatform', 'T1 symptoms', 'T2 natMode']);
  });
});
