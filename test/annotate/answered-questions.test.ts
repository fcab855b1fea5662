import { expect } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { readChatAnswer } from '../support/chat-answer';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

// A question asks and its answer states (extraction.json questions.answers): a reading that runs
// past the question mark into the answer counts at the pattern's own confidence, neither halved as
// a question nor lowered by a hedge of the question's sentence ("NAT?"). Past the question mark
// into anything else, the question still counts for half.
const { extraction } = bundledKnowledgeBase().kb;

/** What the text reads of `fact`, as POST /v1/diagnose reads a chat answer: the value and its confidence. */
async function reading(text: string, fact: string) {
  const found = (await readChatAnswer(text))[fact];
  return found && { value: found.value, confidence: found.confidence };
}

// The patterns as rules/extraction.json writes them, notes and all.
const written = JSON.parse(fs.readFileSync(path.join(projectRoot, 'rules', 'extraction.json'), 'utf8')) as { facts: Record<string, { note?: string; confidence: number }[]> };

/** The confidence of the pattern whose note cites `example`: what an answer counts for. */
function ownConfidence(example: string): number {
  const pattern = Object.values(written.facts)
    .flat()
    .find((p) => p.note?.includes(example));
  if (!pattern) throw new Error(`no pattern cites ${example}`);
  return pattern.confidence;
}

describe('answered questions', () => {
  it.each([
    ['Can the client reach 135? No.', 'port135Reachable', false, '"Can the client reach 135? No."'],
    ['Can the client reach 135? Yes.', 'port135Reachable', true, '"Can the client reach 135? Yes."'],
    ['135 reachable? [ ] yes [x] no', 'port135Reachable', false, '"135 reachable? [ ] yes [x] no"'],
    ['NAT in between? No.', 'natMode', 'none', '"NAT in between? No."'],
    ['NAT? no', 'natMode', 'none', '"NAT? no"'],
    ['NAT in between? Yes.', 'addressTranslation', true, '"NAT in between? Yes."'],
  ])('%s reads %s at the answer’s confidence', async (text, fact, value, example) => {
    const own = ownConfidence(example);
    expect(own).toBeLessThan(1);
    expect(await reading(text, fact)).toEqual({ value, confidence: own });
  });

  it('a question whose mark a reading runs past into no answer still counts for half', async () => {
    // "Nobody" is no "no": the reading crosses the question into an unrelated sentence.
    expect(await reading('Do we need to block 135 to them? Nobody connects from outside at the moment.', 'port135Reachable')).toBeUndefined();
    // A question on its own, unanswered, is read at half at most.
    const asked = await reading('Is 135 reachable from the client?', 'port135Reachable');
    expect(asked === undefined || asked.confidence <= 0.5).toBe(true);
  });

  it('compiles the answers as literal words: a box is a box, and a longer word is not its prefix', () => {
    const answer = extraction.questions!.answer!;
    expect(answer.test(' [x] no')).toBe(true);
    expect(answer.test(' | none |')).toBe(true);
    expect(answer.test(' Nobody')).toBe(false);
    expect(answer.test(' x')).toBe(false);
  });
});
