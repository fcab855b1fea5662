import type { FactDefinition, QuestionGroup, Scalar } from './model';

/**
 * The facts callers may send and rules may test, by name. Everything a request asks of it is
 * worked out once here, since every request's facts are checked against it.
 */
export class Vocabulary {
  private readonly byName: Map<string, FactDefinition>;
  private readonly allowed: Map<string, readonly Scalar[]>;
  private readonly derived: Map<string, FactDefinition>;
  /** The fact names, in vocabulary order. */
  readonly names: readonly string[];
  /** Facts with derivations (rules/facts.json), in vocabulary order. */
  readonly derivable: readonly FactDefinition[];

  private readonly groups: Map<string, QuestionGroup>;

  constructor(
    readonly facts: readonly FactDefinition[],
    readonly questionGroups: readonly QuestionGroup[] = [],
  ) {
    this.groups = new Map(questionGroups.flatMap((group) => group.facts.map((fact) => [fact, group] as const)));
    this.byName = new Map(facts.map((fact) => [fact.name, fact]));
    this.allowed = new Map(facts.filter((fact) => fact.values).map((fact) => [fact.name, fact.values!.map((entry) => entry.value)]));
    // The first fact derived from a source, as a search in vocabulary order would find.
    this.derived = new Map();
    for (const fact of facts) if (fact.derivedFrom && !this.derived.has(fact.derivedFrom)) this.derived.set(fact.derivedFrom, fact);
    this.names = Object.freeze(facts.map((fact) => fact.name));
    this.derivable = Object.freeze(facts.filter((fact) => fact.derivations));
  }

  get(name: string): FactDefinition | undefined {
    return this.byName.get(name);
  }

  /** The allowed values of a fact with a fixed set; undefined for free-form facts (IP addresses). */
  allowedValues(name: string): readonly Scalar[] | undefined {
    return this.allowed.get(name);
  }

  /** The question group a fact is asked in, if any (a fact belongs to one at most). */
  groupOf(fact: string): QuestionGroup | undefined {
    return this.groups.get(fact);
  }

  /** Facts computed by the service from another fact, keyed by the fact they come from. */
  derivedFrom(source: string): FactDefinition | undefined {
    return this.derived.get(source);
  }
}
