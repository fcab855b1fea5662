import type { FactDefinition, Scalar } from './api.js';

// Words a fact name spells in capitals; everything else is lower case.
const ACRONYMS: Record<string, string> = { nat: 'NAT', ip: 'IP' };

/** The fact vocabulary (GET /v1/facts), for the labels the page shows instead of raw values. */
export class Vocabulary {
  private readonly byName: Map<string, FactDefinition>;

  constructor(readonly facts: FactDefinition[]) {
    this.byName = new Map(facts.map((fact) => [fact.name, fact]));
  }

  get(name: string): FactDefinition | undefined {
    return this.byName.get(name);
  }

  /** A short name for a fact: `natMode` → "NAT mode", `port135Reachable` → "Port 135 reachable". */
  name(fact: string): string {
    const words = fact.split(/(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])/).map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
    const [first = '', ...rest] = words;
    return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
  }

  /** Short names for a list of facts, joined by commas. */
  nameList(facts: readonly string[] = []): string {
    return facts.map((fact) => this.name(fact)).join(', ');
  }

  /** The label of a value, or the value itself when the fact has no list (an IP address). */
  label(fact: string, value: Scalar | number | readonly (Scalar | number)[] | null | undefined): string {
    if (value === null || value === undefined) return "don't know";
    if (Array.isArray(value)) return value.map((item: Scalar | number) => this.label(fact, item)).join(', ');
    const known = this.get(fact)?.values?.find((v) => v.value === value);
    if (known) return known.label;
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    return String(value);
  }

  values(fact: string): { value: Scalar; label: string }[] {
    return this.get(fact)?.values ?? [];
  }
}
