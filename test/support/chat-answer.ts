import { diagnoseAnswer } from '../../src/app/diagnose';
import type { DiagnoseResponse } from '../../src/contract/schemas';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

type TextFacts = NonNullable<DiagnoseResponse['facts']['fromText']>;

/**
 * What POST /v1/diagnose reads from `text`, a chat answer, with `facts` stated beside it (by
 * default the client, as a consultation states it before the bot asks anything): `facts.fromText`.
 */
export async function readChatAnswer(text: string, facts: Record<string, unknown> = { clientKind: 'outlook' }): Promise<TextFacts> {
  const answer = await diagnoseAnswer(bundledKnowledgeBase(), { facts, text }, { includeCandidates: false });
  return answer.facts.fromText ?? {};
}
