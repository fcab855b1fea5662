import type { RequestHandler } from 'express';
import type { OpenAPIV3_1 } from 'openapi-types';
import { operationsOf } from '../contract/contract';
import { Problem } from '../contract/problem';

/**
 * Runs before any body is read: a path the contract does not have is a 404, and a method the
 * path does not have is a 405 naming those it has. So a wrong route is told so, rather than
 * being answered about its body.
 */
export function routeGuard(document: OpenAPIV3_1.Document, extraPosts: string[] = []): RequestHandler {
  const methodsByPath = new Map<string, string[]>();
  for (const { path, method } of operationsOf(document)) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method.toUpperCase()]);
  const routes = [...methodsByPath].map(([template, methods]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`),
    // HEAD is answered wherever GET is, as HTTP has it.
    methods: methods.includes('GET') ? [...methods, 'HEAD'] : methods,
  }));
  routes.push(...extraPosts.map((path) => ({ pattern: new RegExp(`^${path}$`), methods: ['POST'] })));
  return (req, _res, next) => {
    const route = routes.find((r) => r.pattern.test(req.path));
    if (!route) throw new Problem(404, 'not_found', `No route ${req.method} ${req.path}. See /openapi.json for the routes this service has.`);
    if (!route.methods.includes(req.method)) {
      const allow = route.methods.join(', ');
      throw new Problem(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}; use ${allow}.`, undefined, { Allow: allow });
    }
    next();
  };
}
