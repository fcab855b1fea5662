import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FieldError } from '../facts/normalize';
import { describeFieldErrors } from './problem';

/** What a check found wrong with a value. */
export interface SchemaFindings {
  errors: FieldError[];
  /** false: the value was too large to look for every error, so only the first is listed. */
  complete: boolean;
}

/** Checks a value against one schema of the contract; undefined when it matches. */
export type SchemaCheck = (value: unknown) => SchemaFindings | undefined;

/**
 * Above this many values (objects, arrays and scalars, counted through the whole value) a value
 * is not searched for every error. No valid request comes near it (the largest, 64 facts of 32
 * values each, has about 2,100), and searching a large one was what took the time: ajv with
 * allErrors makes an error object for every bad item, 2.5 million of them for a 5 MB batch.
 */
const ALL_ERRORS_UP_TO_VALUES = 2500;

/**
 * A check that stops at the first error (fast whatever the size), and lists every error only
 * when there is one and the value is small enough for that to be cheap.
 */
export function schemaCheck(firstError: ValidateFunction, allErrors: ValidateFunction): SchemaCheck {
  return (value) => {
    if (firstError(value)) return undefined;
    if (!hasMoreValuesThan(value, ALL_ERRORS_UP_TO_VALUES)) {
      allErrors(value);
      return { errors: toFieldErrors(allErrors.errors ?? []), complete: true };
    }
    return { errors: toFieldErrors(firstError.errors ?? []), complete: false };
  };
}

/** Why a value was refused: a sentence for people and the fields at fault. */
export interface SchemaRefusal {
  message: string;
  errors: FieldError[];
}

/**
 * The refusal of a value that failed its check: `what` it should have been, then the errors,
 * with pointers under `pointerBase` (where the value sits in the request).
 */
export function schemaRefusal(what: string, findings: SchemaFindings, pointerBase = ''): SchemaRefusal {
  const errors = pointerBase ? findings.errors.map((e) => ({ ...e, pointer: `${pointerBase}${e.pointer === '/' ? '' : e.pointer}` })) : findings.errors;
  const partial = findings.complete ? '' : ' (only the first problem is listed: the value holds more items than any valid one can)';
  return { message: `${what}: ${describeFieldErrors(errors)}${partial}.`, errors };
}

/** Whether `value` holds more than `limit` values, counted without recursion and stopping at the limit. */
function hasMoreValuesThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  let count = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    count += 1;
    if (count > limit) return true;
    if (next !== null && typeof next === 'object') {
      const children: unknown[] = Array.isArray(next) ? next : Object.values(next);
      if (count + pending.length + children.length > limit) return true;
      pending.push(...children);
    }
  }
  return false;
}

/** ajv's errors as field errors: a JSON pointer to the offending field and what is wrong. */
function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const typesByField = new Map<string, Set<string>>();
  // Fields a branch of a oneOf took by type and then refused for something else (a list of 40
  // items where 32 are allowed): the other branches' "must be string or boolean" is beside the point.
  const typedRight = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'type') {
      if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') typedRight.add(error.instancePath);
      continue;
    }
    const types = typesByField.get(error.instancePath) ?? new Set<string>();
    typesByField.set(error.instancePath, types.add(String((error.params as { type: unknown }).type)));
  }
  const seen = new Set<string>();
  const fieldErrors: FieldError[] = [];
  for (const error of errors) {
    // oneOf/anyOf summaries repeat what their branches already said.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    if (error.keyword === 'type' && typedRight.has(error.instancePath)) continue;
    const params = error.params as Record<string, unknown>;
    let pointer = error.instancePath || '';
    let detail = error.message ?? error.keyword;
    if (error.keyword === 'required') {
      pointer += `/${String(params.missingProperty)}`;
      detail = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      pointer += `/${String(params.additionalProperty)}`;
      detail = 'is not allowed here';
    }
    if (error.keyword === 'type') {
      // A value that fits none of a oneOf's types fails each branch; say it once, with all types.
      detail = `must be ${[...typesByField.get(error.instancePath)!].join(' or ')}`;
    }
    const fieldError: FieldError = { pointer: pointer || '/', detail };
    if (error.keyword === 'enum' || error.keyword === 'const') {
      fieldError.allowed = (params.allowedValues as FieldError['allowed']) ?? [params.allowedValue as string];
    }
    const key = `${fieldError.pointer}\0${fieldError.detail}`;
    if (!seen.has(key)) fieldErrors.push(fieldError);
    seen.add(key);
  }
  return fieldErrors;
}
