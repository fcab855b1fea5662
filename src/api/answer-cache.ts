import type { DiagnosisFinding } from '../engine/diagnose';
import { BoundedCache, perKnowledgeBase } from '../service/bounded-cache';

export interface CachedAnswer {
  /** The answer exactly as it is sent: its JSON in UTF-8, encoded once rather than on every hit. */
  body: Buffer;
  /** Its diagnoses' articles, so that a cached answer is still counted in the metrics. */
  diagnoses: Pick<DiagnosisFinding, 'article'>[];
}

/** What an answer costs the cache, in bytes: its body, and its key at two bytes a character. */
export const answerWeight = (key: string, answer: CachedAnswer): number => 2 * key.length + answer.body.length;

/**
 * The last answers to POST /v1/diagnose, serialized, per knowledge base, bounded by the bytes
 * they hold (least recently used first out); undefined for every knowledge base when `maxBytes` is
 * 0 (caching off). Building and serializing an answer costs more than everything else the route
 * does, while callers send the same facts again and again (a chatbot's opening turn, the
 * diagnosis page, a ticket queue). An answer depends only on the knowledge base and the facts,
 * and is byte-identical for the same ones (the contract says so), so a cached one is the answer.
 */
export function answerCaches(maxBytes: number): (kb: object) => BoundedCache<CachedAnswer> | undefined {
  if (maxBytes <= 0) return () => undefined;
  return perKnowledgeBase(() => new BoundedCache<CachedAnswer>(maxBytes, answerWeight));
}
