import type { Request, RequestHandler } from 'express';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { FieldError } from '../facts/normalize';
import type { Contract } from './contract';
import { bodyIsEmpty, emptyBodyProblem } from './empty-body';
import { describeFieldErrors, Problem } from './problem';
import { schemaRefusal } from './schema-check';
import { refusalWithFacts } from './facts-refusal';
import type { Vocabulary } from '../kb/vocabulary';
import { queryPointer } from './pointers';

/** Where a request body holds facts (e.g. /facts), and the vocabulary of the request's knowledge base. */
interface BodyFacts {
  at: string;
  vocabularyOf: (req: Request) => Vocabulary;
}

/**
 * Rejects a POST without a body (400, saying it is empty), then one whose body is not JSON (415),
 * then one that does not match `schema` (400). With `facts`, the facts of a body that does not
 * match are read against the vocabulary too (see refusalWithFacts): a fact of the wrong type is
 * an invalid_fact_value naming its allowed values, not a schema error naming JSON types.
 */
export function jsonBody(contract: Contract, schema: string, facts?: BodyFacts): RequestHandler {
  const check = contract.check(contract.schemaPointer(schema));
  return (req, _res, next) => {
    if (bodyIsEmpty(req)) throw emptyBodyProblem(`a ${schema} as application/json`);
    if (!req.is('application/json')) {
      throw new Problem(415, 'unsupported_media_type', `Send the body as application/json, not ${req.get('content-type') ?? 'no content type'}.`);
    }
    const findings = check(req.body);
    if (findings) {
      const what = `The request body does not match ${schema}`;
      const { code, message, errors } = facts
        ? refusalWithFacts(what, findings, req.body, { at: facts.at, vocabulary: facts.vocabularyOf(req) })
        : { code: 'invalid_request' as const, ...schemaRefusal(what, findings) };
      throw new Problem(400, code, message, errors);
    }
    next();
  };
}

/**
 * Checks the query string against the operation's query parameters in openapi.yaml: a parameter
 * the operation does not have, a value its schema does not allow, or a required one left out is a
 * 400 naming it (a missing one with what it is, in the contract's words).
 */
export function queryParameters(contract: Contract, pathTemplate: string, method: 'get' | 'post'): RequestHandler {
  const escaped = pathTemplate.replace(/~/g, '~0').replace(/\//g, '~1');
  const operation = contract.document.paths?.[pathTemplate]?.[method] as OpenAPIV3_1.OperationObject | undefined;
  const declared = new Map<string, ReturnType<Contract['validator']>>();
  const required: { name: string; error: FieldError }[] = [];
  (operation?.parameters ?? []).forEach((parameter, i) => {
    const { name, in: location, required: needed, description } = parameter as OpenAPIV3_1.ParameterObject;
    if (location !== 'query') return;
    declared.set(name, contract.validator(`#/paths/${escaped}/${method}/parameters/${i}/schema`));
    if (needed) required.push({ name, error: { pointer: queryPointer(name), detail: description ? `is required: ${sentenceTail(description)}` : 'is required' } });
  });
  return (req, _res, next) => {
    const errors: FieldError[] = required.filter(({ name }) => req.query[name] === undefined).map(({ error }) => error);
    for (const [name, value] of Object.entries(req.query)) {
      const validate = declared.get(name);
      if (!validate) {
        errors.push({ pointer: queryPointer(name), detail: 'is not a parameter of this operation', allowed: [...declared.keys()] });
      } else if (!validate(value)) {
        const schema = validate.schema as { enum?: string[] };
        const detail = schema.enum ? `must be one of ${schema.enum.join(', ')}` : Array.isArray(value) ? 'must be given once' : (validate.errors?.[0]?.message ?? 'is not valid');
        errors.push({ pointer: queryPointer(name), detail, ...(schema.enum ? { allowed: schema.enum } : {}) });
      }
    }
    if (errors.length > 0) {
      throw new Problem(400, 'invalid_request', `The query string does not suit ${method.toUpperCase()} ${pathTemplate}: ${describeFieldErrors(errors)}.`, errors);
    }
    next();
  };
}

/** A parameter's description to follow "is required: " (its first letter lowered, no full stop). */
function sentenceTail(description: string): string {
  const text = description.trim().replace(/\.$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}
