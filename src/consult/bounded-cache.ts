/**
 * A cache that drops its least recently used entries once their total weight passes `capacity`.
 * Each entry weighs 1 unless `weigh` says otherwise, so by default the capacity is a count; an
 * entry heavier than the whole cache is not kept.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private weight = 0;

  constructor(
    readonly capacity: number,
    private readonly weigh: (key: string, value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Map keeps insertion order: moved to the end, the entry is now the most recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const weight = this.weigh(key, value);
    if (weight > this.capacity) return;
    this.delete(key);
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const oldest of this.entries.keys()) {
      if (this.weight <= this.capacity) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}

/**
 * One cache per knowledge base, made on first use. A reload brings a new knowledge base object,
 * and so an empty cache; the old one goes with the knowledge base it belonged to.
 */
export function perKnowledgeBase<V>(make: () => BoundedCache<V>): (kb: object) => BoundedCache<V> {
  const caches = new WeakMap<object, BoundedCache<V>>();
  return (kb) => {
    let cache = caches.get(kb);
    if (!cache) caches.set(kb, (cache = make()));
    return cache;
  };
}
