import { diagnoseScenario } from '../../harness/scenario-tester';
import { readCorpus } from '../../harness/tickets';

// The corpus labels are checked against the knowledge base: the diagnoses assigned to a ticket
// are exactly those its assigned facts give. A wrong label would otherwise skew the figures.
describe('ticket corpus', () => {
  const corpus = readCorpus();

  it('has at least 60 tickets with unique ids', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((t) => t.id)).size).toBe(corpus.length);
  });

  it.each(corpus.map((t) => [t.id, t] as const))('%s: the assigned facts give the assigned diagnoses', async (_id, ticket) => {
    const report = await diagnoseScenario(ticket.facts);
    expect(report.diagnoses.map((d) => d.id)).toEqual(ticket.diagnoses);
  });
});
