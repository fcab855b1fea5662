import type { DiagnosisFinding } from '../engine/diagnose';
import { BoundedCache, perKnowledgeBase } from '../consult/bounded-cache';
import { diagnoseAnswer, type DiagnoseInput } from '../app/diagnose';
import { diagnoseDecision } from '../app/decision-content';
import type { DecisionContent } from '../decisions/decision';
import type { AnswerPriors } from '../consult/priors';
import type { Snapshot } from '../app/snapshot';

/** An answer to POST /v1/diagnose as it is sent, with what the metrics count of it. */
export interface EncodedAnswer {
  /** The answer's JSON in UTF-8, encoded once rather than on every hit. */
  body: Buffer;
  /** Its diagnoses' articles, so that an answer sent from the cache is still counted. */
  diagnoses: Pick<DiagnosisFinding, 'article'>[];
  /** What it decided, when the decision log is on: an answer from the cache is a decision too. */
  decision?: DecisionContent;
  /** What the decision costs the cache, in bytes (its JSON at two bytes a character). */
  decisionBytes?: number;
}

/** What an answer costs the cache, in bytes: its body, and its key at two bytes a character. */
export const answerWeight = (key: string, answer: EncodedAnswer): number => 2 * key.length + answer.body.length + (answer.decisionBytes ?? 0);

/**
 * The last answers to POST /v1/diagnose, per knowledge base, bounded by the bytes they hold (least
 * recently used first out); undefined for every knowledge base when `maxBytes` is 0 (caching off).
 * Callers send the same request again and again (a chatbot's opening turn, the diagnosis page, a
 * ticket queue), and an answer depends only on the knowledge base and the request.
 *
 * Answers are keyed by the request (answerKey) and a request is answered from here before its body
 * is validated and its facts checked: only answers are stored, so the same body was valid when
 * it was answered, against the same contract and (one cache each) the same knowledge base.
 * Validating, checking and building the answer are most of what the route costs beyond the
 * stack every route shares.
 */
export function answerCaches(maxBytes: number): (kb: object) => BoundedCache<EncodedAnswer> | undefined {
  if (maxBytes <= 0) return () => undefined;
  return perKnowledgeBase(() => new BoundedCache<EncodedAnswer>(maxBytes, answerWeight));
}

/**
 * A request's key: its body as parsed, serialized again (so its spacing does not matter), and the
 * option. Undefined for a body nested deeper than JSON.stringify can go (JSON.parse goes deeper):
 * no such body is valid, so it is left to validation to refuse.
 */
export function answerKey(body: unknown, options: { includeCandidates: boolean }): string | undefined {
  try {
    return (options.includeCandidates ? 'candidates ' : 'diagnoses ') + JSON.stringify(body);
  } catch {
    return undefined;
  }
}

/** The same answer encoded as it is sent, with the diagnoses the metrics count. */
export async function encodedDiagnoseAnswer(
  snapshot: Snapshot,
  input: DiagnoseInput,
  options: { includeCandidates: boolean; priors?: AnswerPriors | undefined },
  withDecision = false,
): Promise<EncodedAnswer> {
  const answer = await diagnoseAnswer(snapshot, input, options);
  const decision = withDecision ? diagnoseDecision(answer, input.text) : undefined;
  return {
    body: ownBytes(JSON.stringify(answer)),
    diagnoses: answer.diagnoses.map(({ article }) => ({ article })),
    ...(decision ? { decision, decisionBytes: 2 * JSON.stringify(decision).length } : {}),
  };
}

/**
 * The UTF-8 bytes of `text` in memory of their own. Buffer.from cuts short texts out of a shared
 * 8 kB slab, which a cached answer would keep whole: the cache, which counts the answer's bytes,
 * would hold up to four times what it counts.
 */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}
