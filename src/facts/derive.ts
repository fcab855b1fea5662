import type { Scalar, Source } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import { classifyAddress } from './address-space';
import type { FactErrorCode, FactValue, Facts, FieldError } from './normalize';

/** How a derived fact got its value. */
export interface Derivation {
  value: FactValue;
  /** The facts it was derived from, with their values. */
  from: Facts;
  because: string;
  source?: Source;
  /** For an inference: what it assumes and when it can be wrong. */
  derived?: string;
}

/**
 * A derivation that disagrees with the value used: the caller stated the fact, or stated the one
 * the value follows from. The stated fact wins; the conflict is shown, never resolved silently.
 */
export interface Conflict {
  fact: string;
  /** The value used. */
  value: FactValue;
  /** The stated facts that decided it. */
  decidedBy: Facts;
  /** The derivation that was not used. */
  ignored: Derivation;
  detail: string;
}

/**
 * What derivation adds to the caller's facts: the derived facts, how each was derived, and what
 * contradicts what the caller stated.
 */
interface DerivedFacts {
  derived: Facts;
  derivations: Record<string, Derivation>;
  conflicts: Conflict[];
  errors: (FieldError & { code: FactErrorCode })[];
}

/**
 * Adds what the vocabulary derives from the caller's facts: the address space of each address,
 * then the facts with derivations in rules/facts.json (address translation from natMode, or from
 * the two address spaces). A fact the caller said it does not know is still derived from facts
 * it does know: that is how an address answers "is there NAT?" for someone who cannot say. A fact the caller stated is never replaced; a derivation that
 * disagrees with what was used is reported as a conflict, or, when the disagreement is between
 * two stated facts (an address and its space, natMode and addressTranslation), refused.
 */
export function deriveFacts(given: Facts, vocabulary: Vocabulary, pointerBase: string): DerivedFacts {
  const result: DerivedFacts = { derived: {}, derivations: {}, conflicts: [], errors: [] };
  for (const name in given) {
    const target = vocabulary.derivedFrom(name);
    if (!target) continue;
    const { space, because } = classifyAddress(given[name] as string);
    if (Object.hasOwn(given, target.name) && given[target.name] !== space) {
      result.errors.push({
        code: 'conflicting_facts',
        pointer: `${pointerBase}/${target.name}`,
        detail: `${target.name} is "${String(given[target.name])}" but ${name} ${String(given[name])} is in the ${space} address space`,
      });
    } else if (!Object.hasOwn(given, target.name)) {
      result.derived[target.name] = space;
      result.derivations[target.name] = { value: space, from: { [name]: given[name]! }, because };
    }
  }
  for (const definition of vocabulary.derivable) derive(definition.name, definition.derivations!, given, result, pointerBase);
  return result;
}

function derive(name: string, rules: NonNullable<Vocabulary['derivable'][number]['derivations']>, given: Facts, result: DerivedFacts, pointerBase: string): void {
  const known = (fact: string) => (Object.hasOwn(given, fact) ? given[fact] : result.derived[fact]);
  const matches: { derivation: Derivation; implied: boolean; stated: boolean }[] = [];
  for (const rule of rules) {
    const facts = Object.keys(rule.when);
    if (!facts.every((fact) => known(fact) !== undefined && rule.when[fact]!.includes(known(fact) as Scalar))) continue;
    const from = Object.fromEntries(facts.map((fact) => [fact, known(fact)!]));
    matches.push({
      derivation: {
        value: rule.value,
        from,
        because: rule.because,
        ...(rule.source ? { source: rule.source } : {}),
        ...(rule.derived ? { derived: rule.derived } : {}),
      },
      implied: rule.implied === true,
      stated: facts.every((fact) => Object.hasOwn(given, fact)),
    });
  }
  if (Object.hasOwn(given, name)) {
    for (const { derivation: match, implied, stated } of matches) {
      if (match.value === given[name]) continue;
      if (implied && stated) {
        result.errors.push({
          code: 'conflicting_facts',
          pointer: `${pointerBase}/${name}`,
          detail: `${name} is ${JSON.stringify(given[name])} but ${describe(match.from)} says otherwise: ${match.because}`,
        });
      } else {
        result.conflicts.push(conflict(name, given[name]!, { [name]: given[name]! }, match));
      }
    }
    return;
  }
  if (matches.length === 0) return;
  const [first, ...others] = matches;
  const { derivation: used, stated } = first!;
  result.derived[name] = used.value;
  result.derivations[name] = used;
  for (const { derivation: other } of others) {
    if (other.value !== used.value) result.conflicts.push(conflict(name, used.value, used.from, other, stated));
  }
}

function conflict(fact: string, value: FactValue, decidedBy: Facts, ignored: Derivation, stated = true): Conflict {
  const outcome = stated ? 'What the caller stated is used.' : 'The first derivation is used.';
  return {
    fact,
    value,
    decidedBy,
    ignored,
    detail: `${describe(decidedBy)} gives ${fact} ${JSON.stringify(value)}, but ${describe(ignored.from)} would give ${JSON.stringify(ignored.value)}: ${ignored.because} ${outcome}`,
  };
}

const describe = (facts: Facts) =>
  Object.entries(facts)
    .map(([name, value]) => `${name} ${JSON.stringify(value)}`)
    .join(' and ');
