import type { Scalar } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import { parseHostAddress } from './address-space';
import { deriveFacts, type Conflict, type Derivation } from './derive';

/** A fact's value once normalized: a string, a boolean, or a list of strings for a list fact. */
export type FactValue = string | boolean | string[];
/** Facts by name, as the rules read them. */
export type Facts = Record<string, FactValue>;

/**
 * Why one fact of a request is refused, at its JSON pointer, with the values it may take where
 * there is a list.
 */
export interface FieldError {
  pointer: string;
  detail: string;
  allowed?: Scalar[];
}

/** The problem codes a refused fact is reported under. */
export type FactErrorCode = 'unknown_fact' | 'invalid_fact_value' | 'conflicting_facts';

/**
 * The caller's facts checked against the vocabulary and completed by derivation, or the reasons
 * they are refused.
 */
export type NormalizedFacts =
  | {
      ok: true;
      given: Facts;
      derived: Facts;
      /** Facts the caller says it does not know (sent as null): treated as missing, never asked again. */
      unknown: string[];
      /** given and derived together: what the rules see. */
      all: Facts;
      /** How each derived fact got its value. */
      derivations: Record<string, Derivation>;
      /** Derivations that disagree with the facts used: shown, the stated facts winning. */
      conflicts: Conflict[];
    }
  | { ok: false; code: FactErrorCode; errors: FieldError[] };

/**
 * Checks the caller's facts against the vocabulary and adds the facts derived from them (address
 * spaces, address translation: see deriveFacts). A known fact sent as null means "the caller does
 * not know": it is recorded as unknown and left out of what the rules see. Every problem is
 * reported, not just the first; a derivation never overrides a stated fact. `pointerBase` is
 * where the facts sit in the request body.
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

  const { derived, derivations, conflicts, errors: derivationErrors } = deriveFacts(given, vocabulary, pointerBase);
  errors.push(...derivationErrors);
  if (errors.length > 0) {
    const codes: FactErrorCode[] = ['unknown_fact', 'invalid_fact_value', 'conflicting_facts'];
    const code = codes.find((c) => errors.some((e) => e.code === c)) as FactErrorCode;
    return { ok: false, code, errors: errors.map(withoutCode) };
  }
  return { ok: true, given, derived, unknown, all: { ...given, ...derived }, derivations, conflicts };
}

/** A refused fact as the caller sees it: the problem's code is the response's, not each fact's. */
function withoutCode(error: FieldError & { code?: FactErrorCode }): FieldError {
  const copy = { ...error };
  delete copy.code;
  return copy;
}

function checkFact(name: string, value: unknown, vocabulary: Vocabulary): (Omit<FieldError, 'pointer'> & { code: FactErrorCode }) | undefined {
  const definition = vocabulary.get(name);
  if (!definition) {
    return { code: 'unknown_fact', detail: `unknown fact "${name}"`, allowed: [...vocabulary.names] };
  }
  const allowed = vocabulary.allowedValues(name);
  switch (definition.type) {
    case 'ip-address': {
      const host = typeof value === 'string' ? parseHostAddress(value) : undefined;
      if (host?.ok) return undefined;
      const what = host ? `${shown(value)} ${host.problem}` : `${shown(value)} is ${jsonType(value)}, not a string`;
      return invalidValue(`${name} must be an IPv4 or IPv6 host address, optionally with its prefix length (10.0.5.20/24): ${what}`, allowed);
    }
    case 'string-list': {
      if (!Array.isArray(value)) {
        const listed = allowed?.includes(value as Scalar) ? `: send [${shown(value)}]` : '';
        return invalidValue(`${name} must be a list of values, not ${shown(value)} (${jsonType(value)})${listed}`, allowed);
      }
      const items: unknown[] = value;
      if (items.every((item) => allowed?.includes(item as Scalar))) return undefined;
      const bad = items.filter((item) => !allowed?.includes(item as Scalar));
      return invalidValue(`${name} has values it does not allow: ${bad.map(shown).join(', ')}`, allowed);
    }
    default: {
      if (allowed?.includes(value as Scalar)) return undefined;
      return invalidValue(`${name} must be one of the allowed values, not ${shown(value)}${typeHint(value, definition.type === 'boolean' ? 'boolean' : 'string', allowed ?? [])}`, allowed);
    }
  }
}

/**
 * What to say of a value of the wrong JSON type (2003 for outlookVersion, "true" for a boolean):
 * its type, the type the fact takes, and the allowed value it stands for, if one is spelled the same.
 */
function typeHint(value: unknown, takes: 'string' | 'boolean', allowed: readonly Scalar[]): string {
  if (typeof value === takes) return '';
  const same = allowed.find((a) => String(a) === String(value));
  return ` (${jsonType(value)}; it takes ${takes === 'boolean' ? 'true or false' : 'a string'}${same === undefined ? '' : `: send ${JSON.stringify(same)}`})`;
}

/** The JSON type of a value, with its article, as a refusal says it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A refused value as JSON, cut short: a refusal names the value, it need not repeat a long one. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

function invalidValue(detail: string, allowed: readonly Scalar[] | undefined): Omit<FieldError, 'pointer'> & { code: FactErrorCode } {
  return { code: 'invalid_fact_value', detail, ...(allowed ? { allowed: [...allowed] } : {}) };
}

// RFC 6901: a fact name with "/" or "~" must still yield a pointer that resolves to it.
function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
