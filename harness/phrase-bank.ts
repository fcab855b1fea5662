import fs from 'node:fs';
import path from 'node:path';
import prand from 'pure-rand';
import { projectRoot } from '../src/paths';

/**
 * How people state each fact in a chat answer, written by someone who did not write the extraction
 * patterns (test/fixtures/consult/README.md): clauses per fact and value (`*` with `{value}` for an
 * address), ways to say a fact is not known, and templates joining two clauses. The development
 * half is for tuning; the test half is only measured.
 */
export interface PhraseBank {
  about: string;
  clauses: Record<string, Record<string, string[]>>;
  unknown: Record<string, string[]>;
  joins: string[];
}

export type BankHalf = 'dev' | 'dev2' | 'dev3' | 'dev4' | 'dev5' | 'dev6' | 'dev7' | 'dev8' | 'dev9' | 'dev10' | 'dev11' | 'dev12' | 'dev13' | 'dev14' | 'dev15' | 'dev16' | 'test';

export function readPhraseBank(half: BankHalf): PhraseBank {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'consult', `phrase-bank-${half}.json`), 'utf8')) as PhraseBank;
}

/**
 * A simulated user's way with words: picks clauses and joins from a bank, the same picks for the
 * same seed, so a run can be repeated and a change measured against the last.
 */
export class Speaker {
  private rng: prand.RandomGenerator;

  constructor(
    private readonly bank: PhraseBank,
    seed: string,
  ) {
    this.rng = prand.xoroshiro128plus(hash(seed));
  }

  /** A clause stating `fact` is `value`, or undefined when the bank has none (the answer is then a button). */
  clause(fact: string, value: unknown): string | undefined {
    const byValue = this.bank.clauses[fact];
    if (!byValue) return undefined;
    if (Array.isArray(value)) {
      const parts = value.map((v) => this.clause(fact, v));
      return parts.every((p) => p !== undefined) ? this.join(parts) : undefined;
    }
    const own = byValue[String(value)];
    if (own?.length) return this.pick(own);
    const template = byValue['*'];
    return template?.length ? this.pick(template).replace('{value}', () => String(value)) : undefined;
  }

  /** Whether the bank has words for `fact` being `value`. */
  speaks(fact: string, value: unknown): boolean {
    const byValue = this.bank.clauses[fact];
    if (!byValue) return false;
    const values = Array.isArray(value) ? value : [value];
    return values.every((v) => Boolean(byValue[String(v)]?.length || byValue['*']?.length));
  }

  /** A way to say `fact` is not known. */
  unknown(fact: string): string {
    return this.pick(this.bank.unknown[fact]?.length ? this.bank.unknown[fact] : this.bank.unknown['*']!);
  }

  /** The clauses as one message, joined two at a time by the bank's templates. */
  join(clauses: string[]): string {
    return clauses.reduce((message, clause) =>
      this.pick(this.bank.joins)
        .replace('{a}', () => message)
        .replace('{b}', () => clause),
    );
  }

  /** `items` in an order of the speaker's choosing. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.below(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  private below(n: number): number {
    const [value, next] = prand.uniformIntDistribution(0, n - 1, this.rng);
    this.rng = next;
    return value;
  }
}

// FNV-1a: a seed from a scenario's name.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
