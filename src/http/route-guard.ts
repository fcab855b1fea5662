import type { RequestHandler, Response } from 'express';
import { Problem } from '../contract/problem';
import type { RouteOf } from './route-templates';

/** The contract's route the guard found for the request, for what runs after it. */
export const routeOfResponse = (res: Response) => res.locals.route as NonNullable<ReturnType<RouteOf>>;

/**
 * Runs before any body is read: a path the contract does not have is a 404, and a method the
 * path does not have is a 405 naming those it has. So a wrong route is told so, rather than
 * being answered about its body. The route found is left in res.locals.route (routeOfResponse),
 * so that the body parser and the query check need not look for it again.
 */
export function routeGuard(routeOf: RouteOf): RequestHandler {
  return (req, res, next) => {
    const route = routeOf(req.path);
    if (!route) throw new Problem(404, 'not_found', `No route ${req.method} ${req.path}. See /openapi.json for the routes this service has.`);
    if (!route.methods.includes(req.method)) {
      const allow = route.methods.join(', ');
      throw new Problem(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}; use ${allow}.`, undefined, { Allow: allow });
    }
    res.locals.route = route;
    next();
  };
}
