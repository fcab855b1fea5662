import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { securityHeaders } from '../src/http/security-headers';

async function headersOf(middleware: express.RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => void res.send('ok'));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await res.text();
    const headers = Object.fromEntries(res.headers);
    // What varies per response, whatever sets the security headers.
    for (const name of ['date', 'etag', 'content-length', 'content-type', 'connection', 'keep-alive']) delete headers[name];
    return headers;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it.each<[string, HelmetOptions]>([
    ['the service’s options', { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } }, crossOriginOpenerPolicy: false }],
    ['helmet’s defaults', {}],
  ])('sends exactly the headers helmet sends, with %s', async (_name, options) => {
    const expected = await headersOf(helmet(options));
    expect(Object.keys(expected).length).toBeGreaterThan(8);
    expect(expected['x-powered-by']).toBeUndefined();
    expect(await headersOf(securityHeaders(options))).toEqual(expected);
  });

  it('refuses options whose headers differ per request (a CSP nonce), rather than freezing one', () => {
    const perRequest: HelmetOptions = { contentSecurityPolicy: { directives: { scriptSrc: ["'self'", (_req, res) => `'nonce-${String((res as { locals?: { nonce?: string } }).locals?.nonce)}'`] } } };
    expect(() => securityHeaders(perRequest)).toThrow();
  });
});
