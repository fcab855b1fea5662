import type { RequestHandler } from 'express';
import { operationsOf, type Contract } from '../contract/contract';
import { queryParameters } from '../contract/validate-request';
import { routeOfResponse } from './route-guard';

/**
 * Checks a GET's (and a HEAD's) query string against its operation's parameters in openapi.yaml,
 * for every GET the contract has: an unknown parameter or a bad value is a 400 naming it, never
 * ignored. (A POST's operation checks its own, beside its body.)
 */
export function queryGuard(contract: Contract): RequestHandler {
  const checks = new Map<string, RequestHandler>();
  for (const { path, method } of operationsOf(contract.document)) if (method === 'get') checks.set(path, queryParameters(contract, path, 'get'));
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const check = checks.get(routeOfResponse(res).path);
    if (!check) return next();
    check(req, res, next);
  };
}
