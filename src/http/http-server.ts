import http, { type Server, type ServerOptions } from 'node:http';
import type { Express } from 'express';

/**
 * An HTTP server for an express app whose requests and responses are created with the app's own
 * prototypes (app.request, app.response) from the start.
 *
 * Express gives every request and response its prototypes with Object.setPrototypeOf as it
 * starts handling them. Done to objects V8 has already built, that swap was most of the stack's
 * cost: each scavenge promoted megabytes of request objects, and express answered a third of what
 * it answers once the objects are built with those prototypes, when the swap changes nothing
 * (docs/benchmarks.md has the measurements). Node's documented IncomingMessage and ServerResponse
 * options say which classes the server builds.
 */
export function createHttpServer(app: Express, options: ServerOptions = {}): Server {
  return http.createServer(
    {
      ...options,
      IncomingMessage: withPrototype<typeof http.IncomingMessage>(http.IncomingMessage, app.request),
      ServerResponse: withPrototype<typeof http.ServerResponse>(http.ServerResponse, app.response),
    },
    app,
  );
}

/**
 * A constructor that runs `base` (with the arguments Node passes it) on a new object whose
 * prototype is `prototype`. Node 20 defines IncomingMessage and ServerResponse as functions, so
 * `base` can be applied to the object; Reflect.construct would also allow a class, but its objects
 * were measured as slow as those express swaps.
 */
function withPrototype<T extends new (...args: never[]) => object>(base: T, prototype: object): T {
  function Built(this: object, ...args: unknown[]): void {
    (base as unknown as (...a: unknown[]) => void).apply(this, args);
  }
  Built.prototype = prototype;
  return Built as unknown as T;
}
