import type { RequestHandler } from 'express';
import type { OpenAPIV3_1 } from 'openapi-types';
import { Problem } from './problem';

/**
 * The last handler: a path the contract describes but with another method is a 405 naming the
 * methods it has; anything else is a 404.
 */
export function notFound(document: OpenAPIV3_1.Document): RequestHandler {
  const routes = Object.entries(document.paths ?? {}).map(([template, item]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}/?$`),
    methods: ['get', 'put', 'post', 'delete', 'patch'].filter((m) => item && m in item).map((m) => m.toUpperCase()),
  }));
  return (req) => {
    const route = routes.find((r) => r.pattern.test(req.path));
    if (route) {
      const allow = route.methods.join(', ');
      throw new Problem(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}; use ${allow}.`, undefined, { Allow: allow });
    }
    throw new Problem(404, 'not_found', `No route ${req.method} ${req.path}. See /openapi.json for the routes this service has.`);
  };
}
