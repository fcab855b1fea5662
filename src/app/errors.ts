import { Problem, type ProblemCode } from '../contract/problem';
import type { FieldError } from '../facts/normalize';

/** What the application layer refuses, whatever door the request came through. */
export type AppErrorCode = Extract<
  ProblemCode,
  'unknown_fact' | 'invalid_fact_value' | 'conflicting_facts' | 'invalid_request' | 'malformed_json' | 'payload_too_large' | 'not_found' | 'reload_failed'
>;

/**
 * A request the use cases refuse, with the fields at fault. Doors translate it into their own
 * medium: problem+json over HTTP (problemFor), a tool result marked isError over MCP, an exit
 * code in the CLI.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

const STATUS: Record<AppErrorCode, number> = {
  unknown_fact: 400,
  invalid_fact_value: 400,
  conflicting_facts: 400,
  invalid_request: 400,
  malformed_json: 400,
  payload_too_large: 413,
  not_found: 404,
  reload_failed: 422,
};

/**
 * The RFC 9457 problem an AppError is. It lives here, not in a door, because the batch's result
 * lines carry problems whichever door streams them (HTTP or the CLI).
 */
export function problemFor(error: AppError): Problem {
  return new Problem(STATUS[error.code], error.code, error.message, error.errors);
}
