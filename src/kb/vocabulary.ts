import type { FactDefinition, Scalar } from './model';

/** The facts callers may send and rules may test, by name. */
export class Vocabulary {
  private readonly byName: Map<string, FactDefinition>;

  constructor(readonly facts: readonly FactDefinition[]) {
    this.byName = new Map(facts.map((fact) => [fact.name, fact]));
  }

  get names(): string[] {
    return this.facts.map((fact) => fact.name);
  }

  get(name: string): FactDefinition | undefined {
    return this.byName.get(name);
  }

  /** The allowed values of a fact with a fixed set; undefined for free-form facts (IP addresses). */
  allowedValues(name: string): Scalar[] | undefined {
    return this.byName.get(name)?.values?.map((entry) => entry.value);
  }

  /** Facts computed by the service from another fact, keyed by the fact they come from. */
  derivedFrom(source: string): FactDefinition | undefined {
    return this.facts.find((fact) => fact.derivedFrom === source);
  }
}
