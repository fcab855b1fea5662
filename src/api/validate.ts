import type { RequestHandler } from 'express';
import { toFieldErrors, type Contract } from './contract';
import { Problem } from './problem';

/** Rejects a POST whose body is not JSON (415), then one that does not match `schema` (400). */
export function jsonBody(contract: Contract, schema: string): RequestHandler {
  const validate = contract.validator(contract.schemaPointer(schema));
  return (req, _res, next) => {
    if (!req.is('application/json')) {
      throw new Problem(415, 'unsupported_media_type', `Send the body as application/json, not ${req.get('content-type') ?? 'no content type'}.`);
    }
    if (!validate(req.body)) {
      const errors = toFieldErrors(validate.errors ?? []);
      throw new Problem(400, 'invalid_request', `The request body does not match ${schema}: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}.`, errors);
    }
    next();
  };
}
