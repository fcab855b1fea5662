import { normalizeFacts, type FactErrorCode, type FieldError } from '../facts/normalize';
import type { Vocabulary } from '../kb/vocabulary';
import { describeFieldErrors } from './problem';
import { schemaRefusal, type SchemaFindings } from './schema-check';
import { decodePointerToken } from './pointers';

/** A request refused: the problem's code, a sentence for people, and the fields at fault. */
export interface Refusal {
  code: 'invalid_request' | FactErrorCode;
  message: string;
  errors: FieldError[];
}

/** Where a request holds facts, and the vocabulary they are read against. */
export interface FactsIn {
  /** The facts object's pointer within the checked value, e.g. /facts or /ticket/facts. */
  at: string;
  vocabulary: Vocabulary;
}

/**
 * The refusal of a value that failed its schema check, with the facts it holds read against the
 * vocabulary as well. A fact of the wrong JSON type (outlookVersion: 2003) fails the schema,
 * which can only say "must be string or boolean or array or null"; the vocabulary names the fact
 * and its allowed values, so its finding (invalid_fact_value, unknown_fact) stands for that fact
 * instead. Schema errors elsewhere (an extra field, 40 items in a list) are kept beside the
 * vocabulary's, so one answer lists both; the code is invalid_request while any of them remains.
 * A value too large to be searched for every error (see schemaCheck) is not read further.
 */
export function refusalWithFacts(what: string, findings: SchemaFindings, value: unknown, facts: FactsIn, pointerBase = ''): Refusal {
  const schema = schemaRefusal(what, findings, pointerBase);
  const given = findings.complete ? at(value, facts.at) : undefined;
  if (given === undefined) return { code: 'invalid_request', ...schema };
  const read = normalizeFacts(given, facts.vocabulary, `${pointerBase}${facts.at}`);
  if (read.ok) return { code: 'invalid_request', ...schema };
  const answered = (pointer: string) => read.errors.some((e) => pointer === e.pointer || pointer.startsWith(`${e.pointer}/`));
  const left = schema.errors.filter((e) => !answered(e.pointer));
  if (left.length === 0) return { code: read.code, message: describeFieldErrors(read.errors), errors: read.errors };
  return { code: 'invalid_request', ...schemaRefusal(what, { errors: [...left, ...read.errors], complete: true }) };
}

/** The object at an RFC 6901 pointer into a parsed JSON value; undefined when there is none there. */
function at(value: unknown, pointer: string): Record<string, unknown> | undefined {
  let node = value;
  for (const token of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    const key = decodePointerToken(token);
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}
