import { expect } from '@jest/globals';
import { readTicket } from '../../src/annotate/extract';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

// Wording only chat answers use (a field, a question echoed, a ticked form, versions said in
// words) is looked for in chat answers and not in tickets, whose reading would otherwise pay for
// it on every ticket (extraction.json chatAnswersOnly).
const { extraction, vocabulary } = bundledKnowledgeBase().kb;
const read = (body: string, chatAnswer: boolean) =>
  Object.fromEntries(Object.entries(readTicket({ body }, extraction, vocabulary, undefined, { onTopic: true, chatAnswer }).facts).map(([fact, read]) => [fact, read.value]));

describe('patterns for chat answers only', () => {
  it.each([
    ['Firewall? None.', { firewallPlatform: 'none' }],
    ['Static ports? None set.', { exchangeStaticPorts: 'none' }],
    ['Outlook: [x] 2003 [ ] 2007', { outlookVersion: '2003' }],
    ['exchange twenty ten', { exchangeVersion: '2010' }],
  ])('%s is read in a chat answer, not in a ticket', (text, facts) => {
    expect(read(text, true)).toMatchObject(facts);
    for (const fact of Object.keys(facts)) expect(read(text, false)).not.toHaveProperty(fact);
  });

  it('some are marked, and a pattern that reads tickets is not', () => {
    const marked = extraction.patterns.filter((pattern) => pattern.chatAnswersOnly);
    expect(marked.length).toBeGreaterThan(0);
    expect(read('we run Outlook 2003 against Exchange 2003', false)).toMatchObject({ outlookVersion: '2003', exchangeVersion: '2003' });
  });
});
