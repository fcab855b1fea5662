import type { InputFacts } from './api.js';

type Value = InputFacts[string];

/** A fact the engineer gave: picked with the question's controls, or read from their own words (`words`: the pieces of text it was read from). */
export interface Given {
  fact: string;
  value: Value;
  words?: string[];
}

/**
 * What the engineer has said so far: the opening facts (from the start form or a ticket) and
 * each turn's answers, in order, so that the last turn can be taken back. A turn is one answer
 * picked, or every fact read from one sentence: Back takes a sentence back whole, as it was
 * given. `null` is "don't know", which the API then never asks again.
 */
export class Consultation {
  private readonly turns: Given[][] = [];

  constructor(private readonly opening: InputFacts) {}

  get facts(): InputFacts {
    return Object.fromEntries(this.entries.map(({ fact, value }) => [fact, value]));
  }

  /** Facts in the order they were given: the opening ones, then each turn's. */
  get entries(): Given[] {
    return [...Object.entries(this.opening).map(([fact, value]) => ({ fact, value })), ...this.turns.flat()];
  }

  /** The last turn's answers; empty when there is none. */
  get lastTurn(): readonly Given[] {
    return this.turns.at(-1) ?? [];
  }

  /** How many turns have been answered. */
  get answered(): number {
    return this.turns.length;
  }

  /** One turn's answers: a single fact, or all the facts one sentence gave. */
  answer(...given: Given[]): void {
    if (given.length) this.turns.push(given);
  }

  /**
   * Takes `fact`, read from the last turn's words, as not known ("don't know": the engineer cannot
   * vouch for the reading) and returns what it was, to put back if the API does not take the
   * change; undefined when the last turn did not read it.
   */
  unknownInLastTurn(fact: string): Given | undefined {
    const turn = this.turns.at(-1);
    const at = turn?.findIndex((given) => given.fact === fact && given.words) ?? -1;
    if (!turn || at < 0) return undefined;
    const was = turn[at]!;
    turn[at] = { fact, value: null };
    return was;
  }

  /** Puts back an answer of the last turn that `unknownInLastTurn` changed. */
  restoreInLastTurn(given: Given): void {
    const turn = this.turns.at(-1);
    const at = turn?.findIndex((entry) => entry.fact === given.fact) ?? -1;
    if (turn && at >= 0) turn[at] = given;
  }

  /** Takes back the last turn and returns its answers; undefined when there is none. */
  back(): Given[] | undefined {
    return this.turns.pop();
  }
}
