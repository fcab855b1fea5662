import fc from 'fast-check';
import { annotate } from '../src/annotate/annotate';
import { growthRatio } from './support/growth';
import { bundledKnowledgeBase } from './support/knowledge-base';

// Every handler's work grows linearly with its input: twice the input may take about twice the
// time, never four times. Inputs go up to the limits the service accepts (a ticket body of
// 60,000 characters, a 100 kB request, a 5 MB batch), long, repetitive and dense with errors:
// the shapes that made annotation and validation quadratic.
jest.setTimeout(600_000);

const MAX_RATIO = 3;
const run = { numRuns: 6, seed: 20261201, endOnFailure: true };

// Pieces of ticket text that each reach a different part of extraction: patterns, negation cues,
// clause breaks, address cues and addresses.
const fragments = [
  'NAT ', "we don't use NAT", 'no NAT but ', 'Outlook 2003 ', 'cannot connect', 'server 10.0.0.5 ', 'my laptop 192.168.1.20',
  'fe80::1 ', '::', '1:1 ', 'port 135 is blocked ', 'not ', ', ', '. ', '\n', '(', 'exchange 5.5 ', 'static IP ', 'x', ' ', 'sync ',
];
const ticketText = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom('N', 'A', 'T', ' ', ',', '.', '\n', '1', '0', ':', 'n', 'o', 't', 'f', 'e'), minLength: 1, maxLength: 40 }),
);
const filled = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('work grows linearly with the input', () => {
  it('annotating a long, repetitive ticket (up to the 60,000-character body)', async () => {
    const served = bundledKnowledgeBase();
    await fc.assert(
      fc.asyncProperty(ticketText, async (unit) => {
        const ratio = await growthRatio((length) => annotate(served, { id: 't', subject: filled(unit, 1000), body: filled(unit, length) }), 30_000);
        expect(ratio).toBeLessThan(MAX_RATIO);
      }),
      run,
    );
  });
});
