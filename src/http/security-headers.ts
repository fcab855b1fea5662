import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's response headers, worked out once at start-up and then set on every response. With
 * these options they are the same for every response (no per-request nonces), while helmet's own
 * handler runs a dozen middlewares on each request. helmet stays the source of what is sent.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  // A function in the options (a CSP nonce, say) is called per request: freezing one result would be wrong.
  if (hasFunction(options)) throw new Error('helmet options with per-request values cannot be worked out once; use helmet itself');
  const set: [name: string, value: string | string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, typeof value === 'string' || typeof value === 'number' ? String(value) : [...value]]),
    removeHeader: (name: string) => removed.push(name),
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => (finished = true));
  if (!finished) throw new Error('helmet did not finish synchronously: its headers cannot be worked out once');
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

function hasFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (Array.isArray(value)) return value.some(hasFunction);
  return value !== null && typeof value === 'object' && Object.values(value).some(hasFunction);
}
