import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, problemFor } from '../app/errors';
import { Problem, problemBody } from '../contract/problem';
import { OutboxUnavailable } from '../delivery/write-back';

/** Sends `problem` as application/problem+json, with its headers (Allow, Retry-After, ...). */
export function sendProblem(res: Response, problem: Problem, instance: string): void {
  res
    .status(problem.status)
    .set(problem.headers)
    .type('application/problem+json')
    .send(JSON.stringify(problemBody(problem, instance)));
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Turns anything thrown in a route (a Problem, a use case's AppError, body-parser's errors) into
 * a problem response. Anything else is a fault of the service: a 500, logged with the request's
 * id through the request's logger (pino-http's req.log) or, without one, `logger`.
 */
export function problemHandler(logger?: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    const problem = asProblem(error);
    if (problem.status >= 500) ((req as { log?: Logger }).log ?? logger)?.error({ err: error }, 'the service failed to answer a request');
    // A streamed answer that fails half-way cannot change its status any more: cut it short, so
    // the client sees an incomplete answer rather than a complete-looking one.
    if (res.headersSent) return void res.destroy(error as Error);
    try {
      sendProblem(res, problem, req.originalUrl);
    } catch (failure) {
      // What express does with a handler's throw anyway; said here because express tells an
      // error handler by its four parameters, so `next` must be one of them.
      next(failure);
    }
  };
}

/** The problem an error thrown while answering is; a 500 for anything not foreseen. */
function asProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof AppError) return problemFor(error);
  if (error instanceof OutboxUnavailable) return new Problem(503, 'store_unavailable', error.message, undefined, { 'Retry-After': String(error.retryAfterSeconds) });
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.parse.failed') {
    return new Problem(400, 'malformed_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (parserError?.type === 'entity.too.large') {
    return new Problem(413, 'payload_too_large', `The request body exceeds the limit of ${parserError.limit} bytes.`);
  }
  if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported') {
    return new Problem(415, 'unsupported_media_type', (error as Error).message);
  }
  if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    return new Problem(400, 'invalid_request', (error as Error).message);
  }
  return new Problem(500, 'internal_error', 'The service failed to answer this request.');
}
