import type { OpenAPIV3_1 } from 'openapi-types';
import { operationsOf } from '../contract/contract';

/** A route of the contract: its template as express writes it (/v1/articles/:id) and the methods it takes. */
interface RouteTemplate {
  template: string;
  methods: string[];
}

/** Finds the contract's route for a path, whatever the method. */
export type RouteOf = (path: string) => RouteTemplate | undefined;

/**
 * The contract's routes (and POST paths served beside it), matched against a request's path. The
 * template is written as express writes its routes (`{id}` as `:id`), so that a request answered
 * before any route took it (a 405, a body too large or not JSON, a missing key) is counted under
 * the same name as those the route answered.
 */
export function routeTemplates(document: OpenAPIV3_1.Document, extraPosts: string[] = []): RouteOf {
  const methodsByPath = new Map<string, string[]>();
  for (const { path, method } of operationsOf(document)) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method.toUpperCase()]);
  for (const path of extraPosts) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), 'POST']);
  const routes = [...methodsByPath].map(([path, methods]) => ({
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^/]+\}/g, '[^/]+')}$`),
    template: path.replace(/\{([^/]+)\}/g, ':$1'),
    // HEAD is answered wherever GET is, as HTTP has it.
    methods: methods.includes('GET') ? [...methods, 'HEAD'] : methods,
  }));
  return (path) => routes.find((route) => route.pattern.test(path));
}
