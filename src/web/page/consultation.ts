import type { InputFacts } from './api.js';

type Value = InputFacts[string];

/**
 * What the engineer has said so far: the opening facts (from the start form or a ticket) and
 * the answers to the questions, in order, so that the last one can be taken back. `null` is
 * "don't know", which the API then never asks again.
 */
export class Consultation {
  private readonly answers: [fact: string, value: Value][] = [];

  constructor(private readonly opening: InputFacts) {}

  get facts(): InputFacts {
    return { ...this.opening, ...Object.fromEntries(this.answers) };
  }

  /** Facts in the order they were given: the opening ones, then each answer. */
  get entries(): [string, Value][] {
    return [...Object.entries(this.opening), ...this.answers];
  }

  get answered(): number {
    return this.answers.length;
  }

  answer(fact: string, value: Value): void {
    this.answers.push([fact, value]);
  }

  /** Takes back the last answer and returns it; undefined when there is none. */
  back(): [fact: string, value: Value] | undefined {
    return this.answers.pop();
  }
}
