import type { Request } from 'express';
import { Problem } from './problem';

/**
 * Whether a request came without a body: none at all (no Content-Length, no Transfer-Encoding),
 * or one of zero bytes. express.json skips the first, so req.is() then answers null whatever the
 * Content-Type says, and reads the second as {}: both were refused as something they were not
 * (a 415 saying "not application/json" to a client that sent application/json).
 */
export function bodyIsEmpty(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return false;
  const length = req.headers['content-length'];
  return length === undefined || Number(length) === 0;
}

/** The 400 for a request that needs a body and sent none; `expected` says what to send. */
export function emptyBodyProblem(expected: string): Problem {
  return new Problem(400, 'invalid_request', `The request body is empty: send ${expected}.`, [{ pointer: '/', detail: `is empty; send ${expected}` }]);
}
