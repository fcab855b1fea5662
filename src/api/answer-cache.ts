import type { DiagnosisFinding } from '../engine/diagnose';

export interface CachedAnswer {
  /** The answer exactly as it is sent. */
  json: string;
  /** Its diagnoses' articles, so that a cached answer is still counted in the metrics. */
  diagnoses: Pick<DiagnosisFinding, 'article'>[];
}

/**
 * The last answers to POST /v1/diagnose, serialized, for one knowledge base, bounded by the
 * characters they hold (least recently used first out). Building and serializing an answer costs
 * more than everything else the route does, while callers send the same facts again and again
 * (a chatbot's opening turn, the diagnosis page, a ticket queue). An answer depends only on the
 * knowledge base and the facts, and is byte-identical for the same ones (the contract says so),
 * so a cached one is the answer; a reload brings a new knowledge base and so a new cache.
 */
export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private chars = 0;

  constructor(readonly maxChars: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, answer: CachedAnswer): void {
    if (answer.json.length + key.length > this.maxChars || this.entries.has(key)) return;
    this.entries.set(key, answer);
    this.chars += answer.json.length + key.length;
    for (const [oldest, entry] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= entry.json.length + oldest.length;
    }
  }
}

const caches = new WeakMap<object, AnswerCache>();

/** The answer cache of a knowledge base; undefined when caching is off (no room). */
export function answerCacheOf(kb: object, maxChars: number): AnswerCache | undefined {
  if (maxChars <= 0) return undefined;
  let cache = caches.get(kb);
  if (!cache) caches.set(kb, (cache = new AnswerCache(maxChars)));
  return cache;
}
