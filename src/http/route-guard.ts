import type { RequestHandler } from 'express';
import { Problem } from '../contract/problem';
import type { RouteOf } from './route-templates';

/**
 * Runs before any body is read: a path the contract does not have is a 404, and a method the
 * path does not have is a 405 naming those it has. So a wrong route is told so, rather than
 * being answered about its body.
 */
export function routeGuard(routeOf: RouteOf): RequestHandler {
  return (req, _res, next) => {
    const route = routeOf(req.path);
    if (!route) throw new Problem(404, 'not_found', `No route ${req.method} ${req.path}. See /openapi.json for the routes this service has.`);
    if (!route.methods.includes(req.method)) {
      const allow = route.methods.join(', ');
      throw new Problem(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}; use ${allow}.`, undefined, { Allow: allow });
    }
    next();
  };
}
