import type { OpenAPIV3_1 } from 'openapi-types';
import { operationsOf } from '../contract/contract';

/** A route of the contract, as a request's path finds it. */
interface RouteTemplate {
  /** The path as the contract writes it: /v1/articles/{id}. */
  path: string;
  /** The same as express writes its routes: /v1/articles/:id. */
  template: string;
  /** The methods it takes. */
  methods: string[];
  /** The methods whose operation takes a request body: the only requests whose body is read. */
  bodies: string[];
}

/** Finds the contract's route for a path, whatever the method. */
export type RouteOf = (path: string) => RouteTemplate | undefined;

/**
 * The contract's routes (and POST paths served beside it, which take a body), matched against a
 * request's path. `template` is written as express writes its routes (`{id}` as `:id`), so that a
 * request answered before any route took it (a 405, a body too large or not JSON, a missing key)
 * is counted under the same name as those the route answered.
 */
export function routeTemplates(document: OpenAPIV3_1.Document, extraPosts: string[] = []): RouteOf {
  const byPath = new Map<string, { methods: string[]; bodies: string[] }>();
  const add = (path: string, method: string, body: boolean) => {
    const entry = byPath.get(path) ?? { methods: [], bodies: [] };
    entry.methods.push(method);
    if (body) entry.bodies.push(method);
    byPath.set(path, entry);
  };
  for (const { path, method, operation } of operationsOf(document)) add(path, method.toUpperCase(), operation.requestBody !== undefined);
  for (const path of extraPosts) add(path, 'POST', true);
  const routes = [...byPath].map(([path, { methods, bodies }]) => ({
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^/]+\}/g, '[^/]+')}$`),
    path,
    template: path.replace(/\{([^/]+)\}/g, ':$1'),
    // HEAD is answered wherever GET is, as HTTP has it.
    methods: methods.includes('GET') ? [...methods, 'HEAD'] : methods,
    bodies,
  }));
  return (path) => routes.find((route) => route.pattern.test(path));
}
