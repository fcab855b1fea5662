import type { FieldError } from '../facts/normalize';

/** Every `code` a problem body can carry, one for each kind of refusal the contract names. */
export type ProblemCode =
  | 'invalid_request'
  | 'unknown_fact'
  | 'invalid_fact_value'
  | 'conflicting_facts'
  | 'malformed_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'request_timeout'
  | 'rate_limited'
  | 'reload_failed'
  | 'not_dead_letter'
  | 'store_unavailable'
  | 'not_found'
  | 'method_not_allowed'
  | 'internal_error';

const titles: Record<ProblemCode, string> = {
  invalid_request: 'The request does not match the API description',
  unknown_fact: 'Unknown fact',
  invalid_fact_value: 'Value not allowed for this fact',
  conflicting_facts: 'Facts contradict each other',
  malformed_json: 'The request body is not valid JSON',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be application/json',
  unauthorized: 'Not authorized',
  forbidden: 'Forbidden',
  request_timeout: 'The request did not arrive in time',
  rate_limited: 'Too many requests',
  reload_failed: 'The knowledge base was not reloaded',
  not_dead_letter: 'Only a dead letter can be retried',
  store_unavailable: 'The store cannot be reached',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Internal error',
};

/**
 * At most this many field errors in a problem; `errorsOmitted` counts the rest. A body dense
 * with errors (50,000 bad list items) otherwise got a problem of megabytes.
 */
export const MAX_FIELD_ERRORS = 50;

/** An RFC 9457 problem: the one error type the API raises. */
export class Problem extends Error {
  readonly errors?: FieldError[];
  readonly errorsOmitted?: number;

  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    if (errors) {
      this.errors = errors.slice(0, MAX_FIELD_ERRORS);
      if (errors.length > MAX_FIELD_ERRORS) this.errorsOmitted = errors.length - MAX_FIELD_ERRORS;
    }
  }
}

/** Field errors for a problem's detail: `/a must be x; /b is required`, the first MAX_FIELD_ERRORS of them and the number of the rest. */
export function describeFieldErrors(errors: FieldError[]): string {
  const listed = errors
    .slice(0, MAX_FIELD_ERRORS)
    .map((e) => `${e.pointer} ${e.detail}`)
    .join('; ');
  return errors.length > MAX_FIELD_ERRORS ? `${listed}; and ${errors.length - MAX_FIELD_ERRORS} more` : listed;
}

/** The RFC 9457 body of a problem. */
export function problemBody(problem: Problem, instance: string) {
  return {
    type: `urn:outlook-connectivity-kb:problem:${problem.code}`,
    title: titles[problem.code],
    status: problem.status,
    code: problem.code,
    detail: problem.detail,
    instance,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...(problem.errorsOmitted ? { errorsOmitted: problem.errorsOmitted } : {}),
  };
}
