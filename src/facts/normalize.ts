import type { Scalar } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import { addressSpace, isIpAddress } from './address-space';

export type FactValue = string | boolean | string[];
export type Facts = Record<string, FactValue>;

export interface FieldError {
  pointer: string;
  detail: string;
  allowed?: Scalar[];
}

export type FactErrorCode = 'unknown_fact' | 'invalid_fact_value' | 'conflicting_facts';

export type NormalizedFacts =
  | {
      ok: true;
      given: Facts;
      derived: Facts;
      /** Facts the caller says it does not know (sent as null): treated as missing, never asked again. */
      unknown: string[];
      /** given and derived together: what the rules see. */
      all: Facts;
    }
  | { ok: false; code: FactErrorCode; errors: FieldError[] };

/**
 * Checks the caller's facts against the vocabulary and adds the facts derived from them
 * (address spaces from IP addresses). A known fact sent as null means "the caller does not
 * know": it is recorded as unknown and left out of what the rules see. Every problem is
 * reported, not just the first; a derived value that contradicts one the caller sent is an
 * error, never silently overridden. `pointerBase` is where the facts sit in the request body.
 */
export function normalizeFacts(input: Record<string, unknown>, vocabulary: Vocabulary, pointerBase = '/facts'): NormalizedFacts {
  // Every request's facts pass through here, so the usual case (all facts valid) allocates only
  // what it returns.
  const errors: (FieldError & { code: FactErrorCode })[] = [];
  for (const name in input) {
    if (!Object.hasOwn(input, name)) continue;
    const value = input[name];
    const problem = value === null && vocabulary.get(name) ? undefined : checkFact(name, value, vocabulary);
    if (problem) errors.push({ pointer: `${pointerBase}/${escapePointer(name)}`, ...problem });
  }
  // Built in vocabulary order, so that the same facts sent in any key order give the same answer.
  const given: Facts = {};
  const unknown: string[] = [];
  for (const name of vocabulary.names) {
    if (!Object.hasOwn(input, name) || (errors.length > 0 && errors.some((e) => e.pointer === `${pointerBase}/${name}`))) continue;
    if (input[name] === null) unknown.push(name);
    else given[name] = input[name] as FactValue;
  }

  let derived: Facts | undefined;
  for (const name in given) {
    const target = vocabulary.derivedFrom(name);
    if (!target) continue;
    const value = given[name];
    const space = addressSpace(value as string);
    if (Object.hasOwn(given, target.name) && given[target.name] !== space) {
      errors.push({
        code: 'conflicting_facts',
        pointer: `${pointerBase}/${target.name}`,
        detail: `${target.name} is "${String(given[target.name])}" but ${name} ${String(value)} is in the ${space} address space`,
      });
    } else if (!Object.hasOwn(given, target.name) && !unknown.includes(target.name)) {
      (derived ??= {})[target.name] = space;
    }
  }

  if (errors.length > 0) {
    const codes: FactErrorCode[] = ['unknown_fact', 'invalid_fact_value', 'conflicting_facts'];
    const code = codes.find((c) => errors.some((e) => e.code === c)) as FactErrorCode;
    return { ok: false, code, errors: errors.map(({ code: _code, ...error }) => error) };
  }
  return derived ? { ok: true, given, derived, unknown, all: { ...given, ...derived } } : { ok: true, given, derived: {}, unknown, all: { ...given } };
}

function checkFact(name: string, value: unknown, vocabulary: Vocabulary): (Omit<FieldError, 'pointer'> & { code: FactErrorCode }) | undefined {
  const definition = vocabulary.get(name);
  if (!definition) {
    return { code: 'unknown_fact', detail: `unknown fact "${name}"`, allowed: [...vocabulary.names] };
  }
  const allowed = vocabulary.allowedValues(name);
  switch (definition.type) {
    case 'ip-address':
      return typeof value === 'string' && isIpAddress(value)
        ? undefined
        : invalidValue(`${name} must be an IPv4 address in dotted-quad form or an IPv6 address`, allowed);
    case 'string-list': {
      if (!Array.isArray(value)) return invalidValue(`${name} must be a list of values`, allowed);
      if (value.every((item) => allowed?.includes(item))) return undefined;
      const bad = value.filter((item) => !allowed?.includes(item));
      return invalidValue(`${name} has values it does not allow: ${bad.map((b) => JSON.stringify(b)).join(', ')}`, allowed);
    }
    default:
      return allowed?.includes(value as Scalar) ? undefined : invalidValue(`${name} must be one of the allowed values, not ${JSON.stringify(value)}`, allowed);
  }
}

function invalidValue(detail: string, allowed: readonly Scalar[] | undefined): Omit<FieldError, 'pointer'> & { code: FactErrorCode } {
  return { code: 'invalid_fact_value', detail, ...(allowed ? { allowed: [...allowed] } : {}) };
}

// RFC 6901: a fact name with "/" or "~" must still yield a pointer that resolves to it.
function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
