import type { Scalar } from '../kb/model';

/**
 * How often each value of each fact was observed (stated by callers or read from tickets), as the
 * decision log counts them: the priors a consultation may rank questions with (`?priors=field`).
 * An answer's probability is its count plus one over its fact's total plus the number of its
 * values (Laplace's rule), so a value never seen still has a chance and a fact never seen is
 * uniform over its values.
 */
export class AnswerPriors {
  private readonly totals = new Map<string, number>();

  /** `counts`: per fact, per value as JSON (`"many-to-one"`, `true`), how often it was observed. `version` keys cached rankings. */
  constructor(
    private readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>,
    readonly version: string,
  ) {
    for (const [fact, values] of counts)
      this.totals.set(
        fact,
        [...values.values()].reduce((a, b) => a + b, 0),
      );
  }

  /** From the decision log's `fact` counters: item the fact, measure the value as JSON. */
  static fromCounts(sums: readonly { item: string; measure: string; n: number }[], version: string): AnswerPriors {
    const counts = new Map<string, Map<string, number>>();
    for (const { item, measure, n } of sums) {
      const values = counts.get(item) ?? new Map<string, number>();
      values.set(measure, (values.get(measure) ?? 0) + Number(n));
      counts.set(item, values);
    }
    return new AnswerPriors(counts, version);
  }

  /** The probability of `value` among `values`, the answers a question about `fact` offers. */
  probability(fact: string, value: Scalar, values: readonly { value: Scalar }[]): number {
    const seen = this.counts.get(fact);
    const count = seen?.get(JSON.stringify(value)) ?? 0;
    return (count + 1) / ((this.totals.get(fact) ?? 0) + values.length);
  }
}
